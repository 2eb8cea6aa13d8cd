//! Moving the start of a case's service window when the client appears or the missing
//! documents arrive (L6, I3, D3; the domain's `window::start` decides whether it moves).

use karya_domain::window::StartEvent;
use serde_json::json;

use super::{Case, CaseError};
use crate::audit::{Actor, Event};
use crate::db::Store;

/// Applies `event` to `case`'s window inside the action's transaction, audited, when it
/// moves the start. Returns whether it moved.
pub(crate) async fn move_start(
    tx: &mut sqlx::AnyConnection,
    store: &Store,
    actor: &Actor,
    case: &Case,
    event: StartEvent,
) -> Result<bool, CaseError> {
    let Some((window, basis)) = case.window.moved(&case.terms, case.window_basis, event)? else {
        return Ok(false);
    };
    sqlx::query(
        "UPDATE cases SET received_on = $1, window_end = $2, window_basis = $3,
            version = version + 1 WHERE id = $4",
    )
    .bind(window.start().to_string())
    .bind(window.end_inclusive().to_string())
    .bind(basis.as_str())
    .bind(case.id.0)
    .execute(&mut *tx)
    .await?;
    let summary = json!({
        "from": [case.window.start().to_string(), case.window.end_inclusive().to_string()],
        "to": [window.start().to_string(), window.end_inclusive().to_string()],
        "basis": basis.as_str(),
    });
    store
        .audit(
            tx,
            actor,
            Event::new("case.window", "case", case.id, summary),
        )
        .await?;
    Ok(true)
}
