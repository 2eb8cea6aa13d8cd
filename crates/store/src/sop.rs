//! SOP step stamps (DOMAIN §11): written inside the transaction of the action that performs
//! the step, so that a case's actual times can be compared with the service standards.

use jiff::Timestamp;
use karya_domain::sop::{SopKind, Stamp};
use sqlx::AnyConnection;

use crate::access::OfficeAccess;
use crate::db::Store;
use crate::error::{Result, StoreError};
use crate::ids::CaseId;

/// Stamps `steps` of `sop` as done now by the acting user (an operator's command has no
/// user and stamps nothing), unless they were stamped before.
pub(crate) async fn stamp(
    tx: &mut AnyConnection,
    store: &Store,
    case: CaseId,
    sop: SopKind,
    steps: &[u8],
    actor: &crate::Actor,
) -> Result<()> {
    let Some(by) = actor.user_id else {
        return Ok(());
    };
    for step in steps {
        sqlx::query(
            "INSERT INTO sop_steps (case_id, sop, step, done_at, done_by) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (case_id, sop, step) DO NOTHING",
        )
        .bind(case.0)
        .bind(sop.as_str())
        .bind(i64::from(*step))
        .bind(store.now_text())
        .bind(by.0)
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

/// When the case was opened and every stamp it has, by SOP.
pub async fn stamps(
    store: &Store,
    access: &crate::access::CaseAccess,
) -> Result<(Timestamp, Vec<(SopKind, Stamp)>)> {
    let case = access.id();
    let (opened,): (String,) = sqlx::query_as("SELECT created_at FROM cases WHERE id = $1")
        .bind(case.0)
        .fetch_one(store.pool())
        .await?;
    let corrupt = || StoreError::Other(anyhow::anyhow!("stored SOP stamp is unreadable"));
    let opened = opened.parse::<Timestamp>().map_err(|_| corrupt())?;
    let rows: Vec<(String, i64, String)> = sqlx::query_as(
        "SELECT sop, step, done_at FROM sop_steps WHERE case_id = $1 ORDER BY sop, step",
    )
    .bind(case.0)
    .fetch_all(store.pool())
    .await?;
    let stamps = rows
        .into_iter()
        .map(|(sop, step, at)| {
            Ok((
                SopKind::parse(&sop).ok_or_else(corrupt)?,
                Stamp {
                    step: u8::try_from(step).map_err(|_| corrupt())?,
                    at: at.parse().map_err(|_| corrupt())?,
                },
            ))
        })
        .collect::<Result<_>>()?;
    Ok((opened, stamps))
}

/// The office's open cases that have SOP stamps, for the start page's list of steps over
/// their standard: (case id, client name as lists show it: a child's initials).
pub async fn stamped_cases(store: &Store, office: &OfficeAccess) -> Result<Vec<(i64, String)>> {
    let office = office.office();
    let rows: Vec<(i64, String, Option<String>, String)> = sqlx::query_as(
        "SELECT DISTINCT c.id, p.full_name, p.birth_date, c.date_final FROM sop_steps s JOIN cases c ON c.id = s.case_id
         JOIN persons p ON p.id = c.person_id WHERE c.office_id = $1 AND c.status <> 'terminated' ORDER BY c.id DESC LIMIT 200",
    )
    .bind(office.0)
    .fetch_all(store.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, birth, decided)| {
            (
                id,
                crate::register::listed_name_on_record(&name, birth.as_deref(), &decided),
            )
        })
        .collect())
}

/// An official marks a step done that no other act performs (`sop::marked_by_hand`): only a
/// role the SOP names for it, once; stamped now and audited.
pub async fn mark(
    store: &Store,
    access: &crate::access::CaseAccess,
    sop: SopKind,
    step: u8,
) -> std::result::Result<(), crate::cases::CaseError> {
    let actor = access.actor_for(karya_domain::Permission::RecordSopSteps)?;
    let role = access
        .role_for(karya_domain::Permission::RecordSopSteps)
        .ok_or(StoreError::Forbidden)?;
    let case = access.id();
    let mut tx = store.begin_write().await?;
    let found = crate::cases::get_on(&mut tx, access.scope(), case).await?;
    let done: Option<(i64,)> =
        sqlx::query_as("SELECT step FROM sop_steps WHERE case_id = $1 AND sop = $2 AND step = $3")
            .bind(case.0)
            .bind(sop.as_str())
            .bind(i64::from(step))
            .fetch_optional(&mut *tx)
            .await?;
    karya_domain::sop::check_mark(sop.sop(), step, role, done.is_some())?;
    stamp(&mut tx, store, case, sop, &[step], &actor).await?;
    store
        .audit_in(
            &mut tx,
            &actor,
            found.office_id,
            crate::audit::Event::new(
                "sop.mark",
                "case",
                case,
                serde_json::json!({"sop": sop.as_str(), "step": step}),
            ),
        )
        .await?;
    tx.commit().await?;
    Ok(())
}
