//! Supervision (seed §2.3.3; S5–S8): the PK's advice, the head's team and its seven days,
//! the team's steps and findings, the TPP's recommendation and the head's decision. Each act
//! is one transaction that reads the examination under the case's lock, lets the domain
//! decide, writes and audits; the examination's state is which of its columns are filled.

use jiff::civil::Date;
use karya_domain::Permission;
use karya_domain::refusal::Refusal;
use karya_domain::rule::{Violation, Violations};
use karya_domain::supervision::{self as rules, Advice, Ground, Method, Recommendation};
use serde_json::json;

use crate::access::CaseAccess;
use crate::audit::Event;
use crate::cases::{CaseError, get_on, lock};
use crate::db::Store;
use crate::error::{Result, StoreError};
use crate::ids::UserId;
use karya_domain::lifecycle::Transition;
use karya_domain::{CaseStatus, Role};

#[derive(Debug, thiserror::Error)]
pub enum SupervisionError {
    #[error("refused: {0:?}")]
    Rules(Violations),
    #[error(transparent)]
    Case(#[from] CaseError),
}

crate::cases::into_case_error!(SupervisionError);

impl From<Violation> for SupervisionError {
    fn from(violation: Violation) -> SupervisionError {
        SupervisionError::Rules(Violations(vec![violation]))
    }
}

fn procedural(field: &'static str, refusal: Refusal) -> SupervisionError {
    Violation::procedural(field, refusal).into()
}

/// Where an examination stands: the next act it waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The head forms the team (S6).
    AwaitingTeam,
    /// The team examines and records its findings (S6).
    Examining,
    /// The TPP recommends (S7).
    AwaitingTpp,
    /// The head decides (S8).
    AwaitingDecision,
    /// Accepted, a default order went to the prosecutor as a Litmas; their decision is not
    /// recorded yet (S8).
    AwaitingProsecutor,
    Decided,
}

/// One examination step as recorded.
#[derive(Debug, Clone)]
pub struct StepRecord {
    pub method: Method,
    pub on: Date,
    pub record: String,
    pub by: String,
}

/// An examination as stored.
#[derive(Debug, Clone)]
pub struct Examination {
    pub id: i64,
    pub advice: Advice,
    pub advised_by: String,
    pub advised_at: String,
    pub formed_on: Option<Date>,
    pub chair: Option<String>,
    /// The team, by name.
    pub members: Vec<String>,
    member_ids: Vec<i64>,
    pub steps: Vec<StepRecord>,
    pub findings: Option<String>,
    pub findings_on: Option<Date>,
    pub findings_late: bool,
    pub tpp_on: Option<Date>,
    pub tpp_present: Vec<String>,
    pub deliberation: Option<String>,
    pub recommendation: Option<Recommendation>,
    pub accepted: Option<bool>,
    pub decision_reasons: Option<String>,
    pub decided_on: Option<Date>,
    /// What the prosecutor decided on the Litmas (S8), once recorded.
    pub prosecutor: Option<RecordedProsecutorDecision>,
    /// The TPP session whose agenda it is on, once the head convened one (S7).
    pub tpp_session: Option<i64>,
}

/// The prosecutor's decision as recorded, with who recorded it.
#[derive(Debug, Clone)]
pub struct RecordedProsecutorDecision {
    pub decision: rules::ProsecutorDecision,
    pub recorded_by: String,
}

impl Examination {
    pub fn stage(&self) -> Stage {
        if self.formed_on.is_none() {
            Stage::AwaitingTeam
        } else if self.findings.is_none() {
            Stage::Examining
        } else if self.recommendation.is_none() {
            Stage::AwaitingTpp
        } else if self.accepted.is_none() {
            Stage::AwaitingDecision
        } else if self.goes_to_prosecutor() && self.prosecutor.is_none() {
            Stage::AwaitingProsecutor
        } else {
            Stage::Decided
        }
    }

    /// Accepted, a default order: it went to the prosecutor as a Litmas (S8).
    pub fn goes_to_prosecutor(&self) -> bool {
        self.accepted == Some(true)
            && self
                .recommendation
                .is_some_and(Recommendation::goes_to_prosecutor)
    }

    /// Whether `user` is on the team.
    pub fn has_member(&self, user: UserId) -> bool {
        self.member_ids.contains(&user.0)
    }
}

/// A member of the office's staff who may sit on a team or in the TPP.
#[derive(Debug, Clone)]
pub struct StaffMember {
    pub id: UserId,
    pub name: String,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    ground: String,
    condition_text: String,
    what_happened: String,
    evidence: String,
    advised_by: String,
    advised_at: String,
    formed_on: Option<String>,
    chair: Option<String>,
    members: String,
    findings: Option<String>,
    findings_on: Option<String>,
    findings_late: i64,
    tpp_on: Option<String>,
    deliberation: Option<String>,
    tpp_present: String,
    recommendation: Option<String>,
    decision_reasons: Option<String>,
    accepted: Option<i64>,
    decided_on: Option<String>,
    prosecutor_order: Option<String>,
    prosecutor_reference: Option<String>,
    prosecutor_decided_on: Option<String>,
    prosecutor_recorded_by: Option<String>,
    tpp_session_id: Option<i64>,
}

/// Member ids as stored: comma-separated (a team, the members present at a session).
pub(crate) fn ids(text: &str) -> Vec<i64> {
    text.split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect()
}

pub(crate) fn ids_text(ids: &[UserId]) -> String {
    ids.iter()
        .map(|u| u.0.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

fn corrupt() -> StoreError {
    StoreError::Other(anyhow::anyhow!("stored examination is unreadable"))
}

fn date(text: Option<String>) -> Result<Option<Date>> {
    text.map(|t| t.parse().map_err(|_| corrupt())).transpose()
}

async fn names(conn: &mut sqlx::AnyConnection, ids: &[i64]) -> Result<Vec<String>> {
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let (name,): (String,) = sqlx::query_as("SELECT display_name FROM users WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
        out.push(name);
    }
    Ok(out)
}

async fn read(conn: &mut sqlx::AnyConnection, case: i64) -> Result<Vec<Examination>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT e.id, e.ground, e.condition_text, e.what_happened, e.evidence,
                a.display_name AS advised_by, e.advised_at, e.formed_on, c.display_name AS chair,
                e.members, e.findings, e.findings_on, e.findings_late, e.tpp_on, e.deliberation,
                e.tpp_present, e.recommendation, e.decision_reasons, e.accepted, e.decided_on,
                e.prosecutor_order, e.prosecutor_reference, e.prosecutor_decided_on,
                p.display_name AS prosecutor_recorded_by, e.tpp_session_id
         FROM examinations e JOIN users a ON a.id = e.advised_by
         LEFT JOIN users c ON c.id = e.chair_id
         LEFT JOIN users p ON p.id = e.prosecutor_recorded_by
         WHERE e.case_id = $1 ORDER BY e.id DESC",
    )
    .bind(case)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let id = row.id;
        let member_ids = ids(&row.members);
        let steps: Vec<(String, String, String, String)> = sqlx::query_as(
            "SELECT s.method, s.done_on, s.record, u.display_name
             FROM examination_steps s JOIN users u ON u.id = s.recorded_by
             WHERE s.examination_id = $1 ORDER BY s.done_on, s.id",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        let steps = steps
            .into_iter()
            .map(|(method, on, record, by)| {
                Ok(StepRecord {
                    method: Method::parse(&method).ok_or_else(corrupt)?,
                    on: on.parse().map_err(|_| corrupt())?,
                    record,
                    by,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        out.push(Examination {
            id,
            advice: Advice {
                ground: Ground::parse(&row.ground).ok_or_else(corrupt)?,
                condition: row.condition_text,
                what_happened: row.what_happened,
                evidence: row.evidence,
            },
            advised_by: row.advised_by,
            advised_at: row.advised_at,
            formed_on: date(row.formed_on)?,
            chair: row.chair,
            members: names(conn, &member_ids).await?,
            member_ids,
            steps,
            findings: row.findings,
            findings_on: date(row.findings_on)?,
            findings_late: row.findings_late != 0,
            tpp_on: date(row.tpp_on)?,
            tpp_present: names(conn, &ids(&row.tpp_present)).await?,
            deliberation: row.deliberation,
            recommendation: row
                .recommendation
                .map(|r| Recommendation::parse(&r).ok_or_else(corrupt))
                .transpose()?,
            accepted: row.accepted.map(|a| a != 0),
            decision_reasons: row.decision_reasons,
            decided_on: date(row.decided_on)?,
            prosecutor: match (row.prosecutor_order, date(row.prosecutor_decided_on)?) {
                (Some(order), Some(decided_on)) => Some(RecordedProsecutorDecision {
                    decision: rules::ProsecutorDecision {
                        order: rules::OrderKind::parse(&order).ok_or_else(corrupt)?,
                        reference: row.prosecutor_reference.unwrap_or_default(),
                        decided_on,
                    },
                    recorded_by: row.prosecutor_recorded_by.unwrap_or_default(),
                }),
                _ => None,
            },
            tpp_session: row.tpp_session_id,
        });
    }
    Ok(out)
}

/// The case's examinations, newest first.
pub async fn for_case(store: &Store, access: &CaseAccess) -> Result<Vec<Examination>> {
    access.actor_for(Permission::ReadGuidance)?;
    let mut conn = store.pool().acquire().await?;
    get_on(&mut conn, access.scope(), access.id()).await?;
    read(&mut conn, access.id().0).await
}

/// The examinations whose Litmas went to the prosecutor (S8), for those who record the
/// prosecutor's decision from the case page.
pub async fn sent_to_prosecutor(store: &Store, access: &CaseAccess) -> Result<Vec<Examination>> {
    access.actor_for(Permission::RecordProsecutorDecision)?;
    let mut conn = store.pool().acquire().await?;
    get_on(&mut conn, access.scope(), access.id()).await?;
    Ok(read(&mut conn, access.id().0)
        .await?
        .into_iter()
        .filter(Examination::goes_to_prosecutor)
        .collect())
}

/// The office's active staff who may sit on a team or in the TPP: PKs, TPP members, the
/// head of administration and the head of office.
pub async fn office_staff(store: &Store, access: &CaseAccess) -> Result<Vec<StaffMember>> {
    access.actor_for(Permission::ReadGuidance)?;
    staff_of(store, access.office_id()).await
}

/// The active staff of `office` who may sit on a team or in the TPP; the caller checked
/// the permission that reaches the office.
pub(crate) async fn staff_of(
    store: &Store,
    office: crate::ids::OfficeId,
) -> Result<Vec<StaffMember>> {
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT DISTINCT u.id, u.display_name FROM users u JOIN user_roles r ON r.user_id = u.id
         WHERE u.office_id = $1 AND u.disabled = 0
           AND r.role IN ('pk', 'tpp_member', 'head_of_admin', 'head_of_office')
         ORDER BY u.display_name",
    )
    .bind(office.0)
    .fetch_all(store.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name)| StaffMember {
            id: UserId(id),
            name,
        })
        .collect())
}

/// The examination `id` of the case, under the case's lock, in the caller's transaction.
async fn locked(
    tx: &mut sqlx::AnyConnection,
    access: &CaseAccess,
    id: i64,
) -> std::result::Result<(Examination, crate::ids::OfficeId), SupervisionError> {
    let case = get_on(&mut *tx, access.scope(), access.id()).await?;
    lock(&mut *tx, access.id()).await?;
    let found = read(&mut *tx, access.id().0)
        .await?
        .into_iter()
        .find(|e| e.id == id)
        .ok_or(StoreError::NotFound)?;
    Ok((found, case.office_id))
}

fn at(exam: &Examination, stage: Stage) -> std::result::Result<(), SupervisionError> {
    if exam.stage() == stage {
        Ok(())
    } else {
        Err(procedural("examination", Refusal::ExaminationNotAtStep))
    }
}

/// The PK advises the head to form a team (S5).
pub async fn advise(
    store: &Store,
    access: &CaseAccess,
    advice: &Advice,
) -> std::result::Result<i64, SupervisionError> {
    let actor = access.actor_for(Permission::AdviseExamination)?;
    rules::check_advice(advice).map_err(SupervisionError::Rules)?;
    let mut tx = store.begin_write().await?;
    let case = get_on(&mut tx, access.scope(), access.id()).await?;
    if case.status.is_final() {
        return Err(StoreError::Conflict.into());
    }
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO examinations (case_id, ground, condition_text, what_happened, evidence,
             advised_by, advised_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(access.id().0)
    .bind(advice.ground.as_str())
    .bind(advice.condition.trim())
    .bind(advice.what_happened.trim())
    .bind(advice.evidence.trim())
    .bind(access.user().id.0)
    .bind(store.now_text())
    .fetch_one(&mut *tx)
    .await?;
    let summary = json!({"case_id": access.id().0, "ground": advice.ground.as_str()});
    store
        .audit_in(
            &mut tx,
            &actor,
            case.office_id,
            Event::new("supervision.advise", "examination", id, summary),
        )
        .await?;
    tx.commit().await?;
    Ok(id)
}

/// The head forms the team on `today` (the office's local day), which starts its seven
/// days (S6).
pub async fn form_team(
    store: &Store,
    access: &CaseAccess,
    id: i64,
    members: &[UserId],
    chair: Option<UserId>,
    today: Date,
) -> std::result::Result<(), SupervisionError> {
    let actor = access.actor_for(Permission::DecideSupervision)?;
    let staff = office_staff(store, access).await?;
    if members.iter().any(|m| !staff.iter().any(|s| s.id == *m)) {
        return Err(StoreError::NotFound.into());
    }
    let ids: Vec<i64> = members.iter().map(|u| u.0).collect();
    rules::check_team(&ids, chair.map(|c| c.0))?;
    let mut tx = store.begin_write().await?;
    let (exam, office) = locked(&mut tx, access, id).await?;
    at(&exam, Stage::AwaitingTeam)?;
    sqlx::query(
        "UPDATE examinations SET formed_on = $1, chair_id = $2, members = $3, formed_by = $4
         WHERE id = $5",
    )
    .bind(today.to_string())
    .bind(chair.map(|c| c.0))
    .bind(ids_text(members))
    .bind(access.user().id.0)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    let summary = json!({"case_id": access.id().0, "formed_on": today.to_string(), "members": ids, "deadline": rules::examination_deadline(today).to_string()});
    store
        .audit_in(
            &mut tx,
            &actor,
            office,
            Event::new("supervision.team", "examination", id, summary),
        )
        .await?;
    follow_status(&mut tx, store, access, &actor, Transition::OpenExamination).await?;
    tx.commit().await?;
    Ok(())
}

/// The case's status follows its examinations: a team formed puts a serving case under
/// examination; once no examination is open (each decided, and what went to the prosecutor
/// decided by them), it serves again. Only the head acts on the status (lifecycle).
async fn follow_status(
    tx: &mut sqlx::AnyConnection,
    store: &Store,
    access: &CaseAccess,
    actor: &crate::audit::Actor,
    transition: Transition,
) -> std::result::Result<(), SupervisionError> {
    let roles = access.roles_for(Permission::DecideSupervision);
    if !roles.contains(&Role::HeadOfOffice) {
        return Ok(());
    }
    let case = get_on(&mut *tx, access.scope(), access.id()).await?;
    let applies = match transition {
        Transition::OpenExamination => case.status == CaseStatus::Serving,
        Transition::CloseExamination => {
            case.status == CaseStatus::UnderExamination
                && read(&mut *tx, access.id().0)
                    .await?
                    .iter()
                    .all(|e| e.stage() == Stage::Decided && !ends_the_case(e))
        }
        _ => false,
    };
    if applies {
        crate::cases::transition_on(
            tx,
            store,
            actor,
            access.scope(),
            access.id(),
            transition,
            &roles,
            &Default::default(),
        )
        .await?;
    }
    Ok(())
}

/// The work repeated (L8): the window starts again on `day` (audited as a window move) and
/// the hours count from the start of that local day; earlier reports stay stored, outside
/// the ledger. Returns the instant the ledger counts from.
async fn restart_ledger(
    tx: &mut sqlx::AnyConnection,
    store: &Store,
    actor: &crate::audit::Actor,
    case: &crate::cases::Case,
    day: Date,
) -> std::result::Result<String, SupervisionError> {
    crate::cases::move_start(
        tx,
        store,
        actor,
        case,
        karya_domain::window::StartEvent::RepeatOrdered(day),
    )
    .await?;
    let from = day
        .to_zoned_datetime(case.zone.time_zone())
        .map_err(|e| StoreError::Other(e.into()))?
        .timestamp();
    let from = crate::clock::text(from);
    sqlx::query("UPDATE cases SET ledger_from = $1 WHERE id = $2")
        .bind(&from)
        .bind(case.id.0)
        .execute(&mut *tx)
        .await?;
    Ok(from)
}

/// The prosecutor ordered prison or a fine: the case ends by sanction (T1c), not by serving.
fn ends_the_case(exam: &Examination) -> bool {
    exam.prosecutor
        .as_ref()
        .is_some_and(|p| p.decision.order.ends_the_case())
}

/// A member of the team records a step of the examination (S6).
pub async fn record_step(
    store: &Store,
    access: &CaseAccess,
    id: i64,
    method: Method,
    on: Date,
    record: &str,
    today: Date,
) -> std::result::Result<(), SupervisionError> {
    let actor = access.actor_for(Permission::ExamineCases)?;
    let mut tx = store.begin_write().await?;
    let (exam, office) = locked(&mut tx, access, id).await?;
    at(&exam, Stage::Examining)?;
    if !exam.has_member(access.user().id) {
        return Err(procedural("examination", Refusal::NotOnTheTeam));
    }
    let formed_on = exam.formed_on.ok_or(StoreError::Conflict)?;
    rules::check_step(formed_on, on, today, record).map_err(SupervisionError::Rules)?;
    sqlx::query(
        "INSERT INTO examination_steps (examination_id, method, done_on, record, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(method.as_str())
    .bind(on.to_string())
    .bind(record.trim())
    .bind(access.user().id.0)
    .bind(store.now_text())
    .execute(&mut *tx)
    .await?;
    store
        .audit_in(
            &mut tx,
            &actor,
            office,
            Event::new(
                "supervision.step",
                "examination",
                id,
                json!({"case_id": access.id().0, "method": method.as_str(), "on": on.to_string()}),
            ),
        )
        .await?;
    tx.commit().await?;
    Ok(())
}

/// The team records its findings on `today`; after the seventh day they are marked late and
/// stay so (S6).
pub async fn record_findings(
    store: &Store,
    access: &CaseAccess,
    id: i64,
    findings: &str,
    today: Date,
) -> std::result::Result<bool, SupervisionError> {
    let actor = access.actor_for(Permission::ExamineCases)?;
    if findings.trim().is_empty() {
        return Err(Violation::new(
            karya_domain::Rule::S6,
            "findings",
            Refusal::FindingsRequired,
        )
        .into());
    }
    let mut tx = store.begin_write().await?;
    let (exam, office) = locked(&mut tx, access, id).await?;
    at(&exam, Stage::Examining)?;
    if !exam.has_member(access.user().id) {
        return Err(procedural("examination", Refusal::NotOnTheTeam));
    }
    let formed_on = exam.formed_on.ok_or(StoreError::Conflict)?;
    let late = rules::result_is_late(formed_on, today);
    sqlx::query(
        "UPDATE examinations SET findings = $1, findings_on = $2, findings_late = $3, findings_by = $4
         WHERE id = $5",
    )
    .bind(findings.trim())
    .bind(today.to_string())
    .bind(i64::from(late))
    .bind(access.user().id.0)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    store
        .audit_in(
            &mut tx,
            &actor,
            office,
            Event::new(
                "supervision.findings",
                "examination",
                id,
                json!({"case_id": access.id().0, "on": today.to_string(), "late": late}),
            ),
        )
        .await?;
    tx.commit().await?;
    Ok(late)
}

/// A TPP member records the session's recommendation (S7): only one the ground and the
/// client's decision allow (L8).
pub async fn recommend(
    store: &Store,
    access: &CaseAccess,
    id: i64,
    recommendation: Recommendation,
    present: &[UserId],
    deliberation: &str,
    today: Date,
) -> std::result::Result<(), SupervisionError> {
    let actor = access.actor_for(Permission::RecommendInTpp)?;
    let staff = office_staff(store, access).await?;
    if present.iter().any(|m| !staff.iter().any(|s| s.id == *m)) {
        return Err(StoreError::NotFound.into());
    }
    let mut tx = store.begin_write().await?;
    let (exam, office) = locked(&mut tx, access, id).await?;
    at(&exam, Stage::AwaitingTpp)?;
    // On a convened session's agenda, the session's members and day stand for the case:
    // recorded on that day or later, never before it is held.
    let (present, today) = match exam.tpp_session {
        Some(session) => {
            let (held_on, members, signed) = crate::tpp::held(&mut tx, session).await?;
            if signed {
                return Err(StoreError::Conflict.into());
            }
            rules::check_session_held(held_on, today)?;
            (members, held_on)
        }
        None => (present.to_vec(), today),
    };
    let mut distinct = present;
    distinct.sort_unstable_by_key(|u| u.0);
    distinct.dedup();
    let orders = &access.case().terms.default_orders;
    rules::check_recommendation(
        exam.advice.ground,
        orders,
        recommendation,
        distinct.len(),
        deliberation,
    )
    .map_err(SupervisionError::Rules)?;
    sqlx::query(
        "UPDATE examinations SET tpp_on = $1, tpp_present = $2, deliberation = $3,
             recommendation = $4, recommended_by = $5
         WHERE id = $6",
    )
    .bind(today.to_string())
    .bind(ids_text(&distinct))
    .bind(deliberation.trim())
    .bind(recommendation.as_str())
    .bind(access.user().id.0)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    store
        .audit_in(
            &mut tx,
            &actor,
            office,
            Event::new(
                "supervision.recommend",
                "examination",
                id,
                json!({"case_id": access.id().0, "recommendation": recommendation.as_str()}),
            ),
        )
        .await?;
    tx.commit().await?;
    Ok(())
}

/// The head accepts or rejects the recommendation with reasons (S8).
pub async fn decide(
    store: &Store,
    access: &CaseAccess,
    id: i64,
    accept: bool,
    reasons: &str,
    today: Date,
) -> std::result::Result<(), SupervisionError> {
    let actor = access.actor_for(Permission::DecideSupervision)?;
    rules::check_decision(reasons)?;
    let mut tx = store.begin_write().await?;
    let (exam, office) = locked(&mut tx, access, id).await?;
    at(&exam, Stage::AwaitingDecision)?;
    sqlx::query(
        "UPDATE examinations SET accepted = $1, decision_reasons = $2, decided_on = $3, decided_by = $4
         WHERE id = $5",
    )
    .bind(i64::from(accept))
    .bind(reasons.trim())
    .bind(today.to_string())
    .bind(access.user().id.0)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    let to_prosecutor = accept
        && exam
            .recommendation
            .is_some_and(Recommendation::goes_to_prosecutor);
    store
        .audit_in(
            &mut tx,
            &actor,
            office,
            Event::new(
                "supervision.decide",
                "examination",
                id,
                json!({"case_id": access.id().0, "accepted": accept, "to_prosecutor": to_prosecutor}),
            ),
        )
        .await?;
    follow_status(&mut tx, store, access, &actor, Transition::CloseExamination).await?;
    tx.commit().await?;
    Ok(())
}

/// Records what the prosecutor decided on the Litmas (S8): by the prosecutor of the case's
/// Kejaksaan, or by the head from the prosecutor's letter. Repeating the work lets the case
/// serve again (when the head records it; otherwise the head closes the examination);
/// prison or a fine leaves it for the head to end by sanction (T1c) with this letter.
pub async fn record_prosecutor_decision(
    store: &Store,
    access: &CaseAccess,
    id: i64,
    decision: &rules::ProsecutorDecision,
    today: Date,
) -> std::result::Result<(), SupervisionError> {
    let actor = access.actor_for(Permission::RecordProsecutorDecision)?;
    let mut tx = store.begin_write().await?;
    let case = get_on(&mut tx, access.scope(), access.id()).await?;
    let (exam, office) = locked(&mut tx, access, id).await?;
    at(&exam, Stage::AwaitingProsecutor)?;
    let head_decided_on = exam.decided_on.ok_or_else(corrupt)?;
    rules::check_prosecutor_decision(&case.terms.default_orders, decision, head_decided_on, today)
        .map_err(SupervisionError::Rules)?;
    sqlx::query(
        "UPDATE examinations SET prosecutor_order = $1, prosecutor_reference = $2,
            prosecutor_decided_on = $3, prosecutor_recorded_by = $4, prosecutor_recorded_at = $5
         WHERE id = $6",
    )
    .bind(decision.order.as_str())
    .bind(decision.reference.trim())
    .bind(decision.decided_on.to_string())
    .bind(access.user().id.0)
    .bind(store.now_text())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    let restarted = match rules::repeat_restarts_on(decision) {
        Some(day) => Some(restart_ledger(&mut tx, store, &actor, &case, day).await?),
        None => None,
    };
    store
        .audit_in(
            &mut tx,
            &actor,
            office,
            Event::new(
                "supervision.prosecutor_decision",
                "examination",
                id,
                json!({"case_id": access.id().0, "order": decision.order.as_str(),
                       "decided_on": decision.decided_on.to_string(),
                       "ledger_from": restarted}),
            ),
        )
        .await?;
    follow_status(&mut tx, store, access, &actor, Transition::CloseExamination).await?;
    tx.commit().await?;
    Ok(())
}

/// A report of conduct as stored (S3).
#[derive(Debug, Clone)]
pub struct StoredReport {
    pub id: i64,
    pub report: rules::ConductReport,
    pub state: rules::ReportState,
    pub follow_up: Option<String>,
    pub outcome: Option<String>,
    pub received_by: String,
    pub received_at: String,
}

#[derive(sqlx::FromRow)]
struct ReportRow {
    id: i64,
    kind: String,
    reporter: String,
    reporter_name: String,
    reporter_contact: String,
    happened_on: String,
    description: String,
    state: String,
    follow_up: Option<String>,
    outcome: Option<String>,
    received_by: String,
    received_at: String,
}

/// The case's reports of conduct, newest first (S3). The community reporter's name and
/// contact are read only by those who follow reports up (the PK, the head) and the TPP.
pub async fn reports(store: &Store, access: &CaseAccess) -> Result<Vec<StoredReport>> {
    access.actor_for(Permission::ReadGuidance)?;
    reports_where(store, access, None).await
}

/// The reports the caller sent on the case, for the PJ or the registry to see what they sent
/// and where it stands (S3).
pub async fn my_reports(store: &Store, access: &CaseAccess) -> Result<Vec<StoredReport>> {
    access.actor_for(Permission::ReportConduct)?;
    reports_where(store, access, Some(access.user().id)).await
}

async fn reports_where(
    store: &Store,
    access: &CaseAccess,
    by: Option<UserId>,
) -> Result<Vec<StoredReport>> {
    let mut conn = store.pool().acquire().await?;
    get_on(&mut conn, access.scope(), access.id()).await?;
    let rows: Vec<ReportRow> = sqlx::query_as(
        "SELECT r.id, r.kind, r.reporter, r.reporter_name, r.reporter_contact, r.happened_on,
                r.description, r.state, r.follow_up, r.outcome, u.display_name AS received_by,
                r.received_at
         FROM conduct_reports r JOIN users u ON u.id = r.received_by
         WHERE r.case_id = $1 AND ($2 = 0 OR r.received_by = $2) ORDER BY r.id DESC",
    )
    .bind(access.id().0)
    .bind(by.map_or(0, |u| u.0))
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(StoredReport {
                id: r.id,
                report: rules::ConductReport {
                    kind: rules::ReportKind::parse(&r.kind).ok_or_else(corrupt)?,
                    reporter: rules::Reporter::parse(&r.reporter).ok_or_else(corrupt)?,
                    reporter_name: r.reporter_name,
                    reporter_contact: r.reporter_contact,
                    happened_on: r.happened_on.parse().map_err(|_| corrupt())?,
                    description: r.description,
                },
                state: rules::ReportState::parse(&r.state).ok_or_else(corrupt)?,
                follow_up: r.follow_up,
                outcome: r.outcome,
                received_by: r.received_by,
                received_at: r.received_at,
            })
        })
        .collect()
}

/// Records a report of conduct (S3); it reaches the PK's and the head's lists as received.
/// The audit names the kind and the reporter's role, never the community reporter.
pub async fn report_conduct(
    store: &Store,
    access: &CaseAccess,
    report: &rules::ConductReport,
    today: Date,
) -> std::result::Result<i64, SupervisionError> {
    let actor = access.actor_for(Permission::ReportConduct)?;
    rules::check_report(report, today).map_err(SupervisionError::Rules)?;
    let mut tx = store.begin_write().await?;
    let case = get_on(&mut tx, access.scope(), access.id()).await?;
    if case.status.is_final() {
        return Err(StoreError::Conflict.into());
    }
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO conduct_reports (case_id, kind, reporter, reporter_name, reporter_contact,
             happened_on, description, state, received_by, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(access.id().0)
    .bind(report.kind.as_str())
    .bind(report.reporter.as_str())
    .bind(report.reporter_name.trim())
    .bind(report.reporter_contact.trim())
    .bind(report.happened_on.to_string())
    .bind(report.description.trim())
    .bind(rules::ReportState::Received.as_str())
    .bind(access.user().id.0)
    .bind(store.now_text())
    .fetch_one(&mut *tx)
    .await?;
    let summary = json!({"case_id": access.id().0, "kind": report.kind.as_str(), "reporter": report.reporter.as_str()});
    store
        .audit_in(
            &mut tx,
            &actor,
            case.office_id,
            Event::new("supervision.report", "conduct_report", id, summary),
        )
        .await?;
    tx.commit().await?;
    Ok(id)
}

/// The PK or the head takes a report its next step (S3): followed up, then closed with its
/// outcome.
pub async fn follow_up_report(
    store: &Store,
    access: &CaseAccess,
    id: i64,
    note: &str,
) -> std::result::Result<rules::ReportState, SupervisionError> {
    let actor = access.actor_for(Permission::FollowUpReports)?;
    let mut tx = store.begin_write().await?;
    let case = get_on(&mut tx, access.scope(), access.id()).await?;
    lock(&mut tx, access.id()).await?;
    let state: Option<(String,)> =
        sqlx::query_as("SELECT state FROM conduct_reports WHERE id = $1 AND case_id = $2")
            .bind(id)
            .bind(access.id().0)
            .fetch_optional(&mut *tx)
            .await?;
    let now = state
        .and_then(|(s,)| rules::ReportState::parse(&s))
        .ok_or(StoreError::NotFound)?;
    let next = rules::check_report_step(now, note)?;
    let column = if next == rules::ReportState::Closed {
        "UPDATE conduct_reports SET state = $1, outcome = $2, updated_by = $3, updated_at = $4 WHERE id = $5"
    } else {
        "UPDATE conduct_reports SET state = $1, follow_up = $2, updated_by = $3, updated_at = $4 WHERE id = $5"
    };
    sqlx::query(column)
        .bind(next.as_str())
        .bind(note.trim())
        .bind(access.user().id.0)
        .bind(store.now_text())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    store
        .audit_in(
            &mut tx,
            &actor,
            case.office_id,
            Event::new(
                "supervision.report_step",
                "conduct_report",
                id,
                json!({"case_id": access.id().0, "state": next.as_str()}),
            ),
        )
        .await?;
    tx.commit().await?;
    Ok(next)
}
