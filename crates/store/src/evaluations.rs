//! Evaluations done at the milestones of M4 (¼, ½ and ¾ of the hours and of the window).

use jiff::civil::Date;
use karya_domain::milestones::{MilestoneBasis, MilestoneKey, Quarter};
use serde_json::json;

use crate::access::CaseAccess;
use crate::audit::Event;
use crate::cases::get_on;
use crate::db::Store;
use crate::error::{Result, StoreError, unique_as};
use crate::ids::UserId;
use karya_domain::evaluation::{Assessment, check};
use karya_domain::rule::Violations;

fn basis_name(basis: MilestoneBasis) -> &'static str {
    match basis {
        MilestoneBasis::Hours => "hours",
        MilestoneBasis::Window => "window",
    }
}

pub fn quarter_number(quarter: Quarter) -> i64 {
    quarter.quarters()
}

fn quarter_from(number: i64) -> Option<Quarter> {
    [Quarter::One, Quarter::Two, Quarter::Three]
        .into_iter()
        .find(|q| q.quarters() == number)
}

/// The milestones already evaluated.
pub async fn done(store: &Store, access: &CaseAccess) -> Result<Vec<MilestoneKey>> {
    done_for(store, access.id()).await
}

/// As [`done`], for a case the store already opened in a scope (the work lists).
pub(crate) async fn done_for(store: &Store, case: crate::ids::CaseId) -> Result<Vec<MilestoneKey>> {
    let rows: Vec<(String, i64)> =
        sqlx::query_as("SELECT basis, quarter FROM evaluations WHERE case_id = $1")
            .bind(case.0)
            .fetch_all(store.pool())
            .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(basis, quarter)| {
            let basis = match basis.as_str() {
                "hours" => MilestoneBasis::Hours,
                "window" => MilestoneBasis::Window,
                _ => return None,
            };
            Some(MilestoneKey {
                basis,
                quarter: quarter_from(quarter)?,
            })
        })
        .collect())
}

/// An evaluation done: which milestone, on which day, by whom, with the assessment (M4) and
/// any further note.
pub struct Evaluation<'a> {
    pub key: MilestoneKey,
    pub day: Date,
    pub by: UserId,
    pub assessment: &'a Assessment,
    pub note: &'a str,
}

#[derive(Debug, thiserror::Error)]
pub enum EvaluationError {
    #[error("refused: {0:?}")]
    Rules(Violations),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Records an evaluation once the domain accepts its assessment (M4); each milestone is
/// evaluated once.
pub async fn record(
    store: &Store,
    access: &CaseAccess,
    evaluation: &Evaluation<'_>,
) -> std::result::Result<(), EvaluationError> {
    let actor = &access.actor_for(karya_domain::Permission::EvaluateCases)?;
    let [a, b, c] = check(evaluation.assessment).map_err(EvaluationError::Rules)?;
    let assessment = evaluation.assessment;
    let scope = access.scope();
    let case_id = access.id();
    let Evaluation {
        key,
        day,
        by: user,
        note,
        ..
    } = *evaluation;
    let mut tx = store.begin_write().await?;
    let case = get_on(&mut tx, scope, case_id).await?;
    sqlx::query(
        "INSERT INTO evaluations (case_id, basis, quarter, done_on, done_by, note, obstacles,
             supports, indicator_a, indicator_b, indicator_c, lessons)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(case_id.0)
    .bind(basis_name(key.basis))
    .bind(quarter_number(key.quarter))
    .bind(day.to_string())
    .bind(user.0)
    .bind(note.trim())
    .bind(assessment.obstacles.trim())
    .bind(assessment.supports.trim())
    .bind(a.as_str())
    .bind(b.as_str())
    .bind(c.as_str())
    .bind(assessment.lessons.trim())
    .execute(&mut *tx)
    .await
    .map_err(unique_as("milestone"))?;
    let mut actor = actor.clone();
    actor.office_id = Some(case.office_id);
    // M&E SOP steps 4–5: the PK identifies what guidance achieved and judges the change in
    // behaviour (the first evaluation of the case is the one timed).
    crate::sop::stamp(
        &mut tx,
        store,
        case_id,
        karya_domain::sop::SopKind::MonitoringEvaluation,
        &[4, 5],
        &actor,
    )
    .await?;
    let summary = json!({"basis": basis_name(key.basis), "quarter": quarter_number(key.quarter), "done_on": day.to_string(),
                         "indicators": [a.as_str(), b.as_str(), c.as_str()]});
    store
        .audit(
            &mut tx,
            &actor,
            Event::new("evaluation.record", "case", case_id, summary),
        )
        .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}
