//! Drafts of the letters the head of office signs (§2.2.1–2.2.2): the Kepala TU prepares a
//! summons (I3), a request for missing documents (D3) or an absence consideration (I4) for
//! the head's signature; only the head issues it. A draft stays open until a letter of its
//! kind is issued for the case after it, and the head sees who prepared it and when.

use serde_json::json;

use crate::access::CaseAccess;
use crate::audit::Event;
use crate::db::Store;
use crate::error::{Result, StoreError};

/// The letters a Kepala TU may draft for the head's signature.
pub const DRAFTABLE: [&str; 3] = ["summons", "missing_documents", "absence_consideration"];

/// An open draft: its kind, who prepared it and when (stored instant).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Draft {
    pub kind: String,
    pub drafter: String,
    pub drafted_at: String,
}

/// Records a draft of `kind` for the case `access` opened to draft letters; audited.
pub async fn draft(store: &Store, access: &CaseAccess, kind: &str) -> Result<()> {
    let actor = access.actor_for(karya_domain::Permission::DraftLetters)?;
    if !DRAFTABLE.contains(&kind) {
        return Err(StoreError::Forbidden);
    }
    let mut tx = store.begin_write().await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO letter_drafts (case_id, kind, drafted_by, drafted_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(access.id().0)
    .bind(kind)
    .bind(access.user().id.0)
    .bind(store.now_text())
    .fetch_one(&mut *tx)
    .await?;
    let summary = json!({"case_id": access.id().0, "kind": kind});
    store
        .audit(
            &mut tx,
            &actor,
            Event::new("letter.draft", "letter_draft", id, summary),
        )
        .await?;
    tx.commit().await?;
    Ok(())
}

/// The case's drafts no letter of their kind has been issued after, newest first.
pub async fn open(store: &Store, access: &CaseAccess) -> Result<Vec<Draft>> {
    Ok(sqlx::query_as(
        "SELECT d.kind, u.display_name AS drafter, d.drafted_at FROM letter_drafts d
         JOIN users u ON u.id = d.drafted_by
         WHERE d.case_id = $1 AND NOT EXISTS (
             SELECT 1 FROM issued_documents i
             WHERE i.case_id = d.case_id AND i.kind = d.kind AND i.created_at >= d.drafted_at)
         ORDER BY d.drafted_at DESC, d.id DESC",
    )
    .bind(access.id().0)
    .fetch_all(store.pool())
    .await?)
}
