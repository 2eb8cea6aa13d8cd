//! Guidance (seed §2.3.2; B1–B4): activities, the behaviour log and the Cycle of Change. The
//! store reads what the domain needs to decide (the client's work that day, the current
//! stage), persists what it allowed in one transaction with its audit event, and reads it
//! back for the case page, the API and the progress report.

use jiff::civil::{Date, Time};
use karya_domain::Permission;
use karya_domain::guidance::{
    self as rules, Activity, BehaviourEntry, BehaviourKind, ChangeStage, GuidanceKind, Leader,
    Setting, Source, StageMove,
};
use karya_domain::rule::Violations;
use serde_json::json;

use crate::access::CaseAccess;
use crate::audit::Event;
use crate::cases::{CaseError, get_on, lock};
use crate::db::Store;
use crate::error::{Result, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum GuidanceError {
    /// What the domain refused, every problem at once.
    #[error("refused: {0:?}")]
    Rules(Violations),
    /// The evidence broke the upload rules (type, size, damage).
    #[error("upload refused: {0:?}")]
    Upload(crate::files::UploadError),
    #[error(transparent)]
    Case(#[from] CaseError),
}

impl From<crate::files::UploadError> for GuidanceError {
    fn from(error: crate::files::UploadError) -> GuidanceError {
        match error {
            crate::files::UploadError::Store(error) => error.into(),
            other => GuidanceError::Upload(other),
        }
    }
}

crate::cases::into_case_error!(GuidanceError);

/// A recorded activity, with who recorded it.
#[derive(Debug, Clone)]
pub struct RecordedActivity {
    pub id: i64,
    pub activity: Activity,
    pub recorded_by: String,
}

/// A behaviour entry, with who recorded it.
#[derive(Debug, Clone)]
pub struct RecordedBehaviour {
    pub id: i64,
    pub entry: BehaviourEntry,
    pub recorded_by: String,
    /// The attachment evidencing it (B3), if any.
    pub evidence_file: Option<i64>,
}

/// A stage set on the case, in the order set.
#[derive(Debug, Clone)]
pub struct StageChange {
    pub stage: ChangeStage,
    pub movement: String,
    pub reason: String,
    pub set_by: String,
    pub set_at: String,
}

/// Everything recorded about the case's guidance.
#[derive(Debug, Clone, Default)]
pub struct GuidanceRecord {
    /// Newest first.
    pub activities: Vec<RecordedActivity>,
    /// Newest first.
    pub behaviour: Vec<RecordedBehaviour>,
    /// Oldest first: the timeline.
    pub stages: Vec<StageChange>,
}

impl GuidanceRecord {
    pub fn current_stage(&self) -> Option<ChangeStage> {
        self.stages.last().map(|s| s.stage)
    }
}

fn corrupt(what: &str) -> StoreError {
    StoreError::Other(anyhow::anyhow!("stored {what} is unreadable"))
}

type ActivityRow = (
    i64,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    i64,
    String,
    String,
);

/// A behaviour entry as read: id, kind, day, source, description, recorder, evidence.
type BehaviourRow = (i64, String, String, String, String, String, Option<i64>);

/// The case's guidance record.
pub async fn record_of(store: &Store, access: &CaseAccess) -> Result<GuidanceRecord> {
    access.actor_for(Permission::ReadGuidance)?;
    let case = access.id();
    let mut conn = store.pool().acquire().await?;
    get_on(&mut conn, access.scope(), case).await?;
    let rows: Vec<ActivityRow> = sqlx::query_as(
        "SELECT g.id, g.kind, g.held_on, g.from_time, g.to_time, g.setting, g.place, g.leader,
                g.leader_name, g.clients_wish, g.note, u.display_name
         FROM guidance_activities g JOIN users u ON u.id = g.recorded_by
         WHERE g.case_id = $1 ORDER BY g.held_on DESC, g.from_time DESC, g.id DESC",
    )
    .bind(case.0)
    .fetch_all(&mut *conn)
    .await?;
    let activities = rows
        .into_iter()
        .map(
            |(id, kind, on, from, to, setting, place, leader, leader_name, wish, note, by)| {
                let bad = || corrupt("guidance activity");
                Ok(RecordedActivity {
                    id,
                    activity: Activity {
                        kind: GuidanceKind::parse(&kind).ok_or_else(bad)?,
                        on: on.parse().map_err(|_| bad())?,
                        from: from.parse().map_err(|_| bad())?,
                        to: to.parse().map_err(|_| bad())?,
                        setting: Setting::parse(&setting).ok_or_else(bad)?,
                        place,
                        leader: Leader::parse(&leader).ok_or_else(bad)?,
                        leader_name,
                        clients_wish: wish != 0,
                        note,
                    },
                    recorded_by: by,
                })
            },
        )
        .collect::<Result<Vec<_>>>()?;
    let rows: Vec<BehaviourRow> = sqlx::query_as(
        "SELECT b.id, b.kind, b.happened_on, b.source, b.description, u.display_name,
                b.evidence_file_id
         FROM behaviour_entries b JOIN users u ON u.id = b.recorded_by
         WHERE b.case_id = $1 ORDER BY b.happened_on DESC, b.id DESC",
    )
    .bind(case.0)
    .fetch_all(&mut *conn)
    .await?;
    let behaviour = rows
        .into_iter()
        .map(|(id, kind, on, source, description, by, evidence_file)| {
            let bad = || corrupt("behaviour entry");
            Ok(RecordedBehaviour {
                id,
                entry: BehaviourEntry {
                    kind: BehaviourKind::parse(&kind).ok_or_else(bad)?,
                    on: on.parse().map_err(|_| bad())?,
                    source: Source::parse(&source).ok_or_else(bad)?,
                    description,
                },
                recorded_by: by,
                evidence_file,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let rows: Vec<(String, String, String, String, String)> = sqlx::query_as(
        "SELECT s.stage, s.movement, s.reason, u.display_name, s.set_at
         FROM change_stages s JOIN users u ON u.id = s.set_by
         WHERE s.case_id = $1 ORDER BY s.id",
    )
    .bind(case.0)
    .fetch_all(&mut *conn)
    .await?;
    let stages = rows
        .into_iter()
        .map(|(stage, movement, reason, set_by, set_at)| {
            Ok(StageChange {
                stage: ChangeStage::parse(&stage).ok_or_else(|| corrupt("change stage"))?,
                movement,
                reason,
                set_by,
                set_at,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(GuidanceRecord {
        activities,
        behaviour,
        stages,
    })
}

/// Records a guidance activity the domain allows (B1: never during the client's work that
/// day, scheduled or reported; B2: programmes at the client's own wish). `today` is the
/// office's local date.
pub async fn record_activity(
    store: &Store,
    access: &CaseAccess,
    activity: &Activity,
    today: Date,
) -> std::result::Result<i64, GuidanceError> {
    let actor = access.actor_for(Permission::RecordGuidance)?;
    let case_id = access.id();
    let mut tx = store.begin_write().await?;
    let case = get_on(&mut tx, access.scope(), case_id).await?;
    if case.status.is_final() {
        return Err(StoreError::Conflict.into());
    }
    lock(&mut tx, case_id).await?;
    let schedule: Option<(String,)> = sqlx::query_as(
        "SELECT schedule FROM placements WHERE case_id = $1 AND ended_on IS NULL
         ORDER BY id DESC LIMIT 1",
    )
    .bind(case_id.0)
    .fetch_optional(&mut *tx)
    .await?;
    let slots: Vec<karya_domain::schedule::Slot> = schedule
        .map(|(text,)| {
            text.split(';')
                .filter_map(karya_domain::schedule::Slot::parse)
                .collect()
        })
        .unwrap_or_default();
    let ledger = crate::attendance::ledger_on(&mut tx, &case).await?;
    let work = rules::work_periods_on(activity.on, &slots, &ledger);
    rules::check_activity(activity, today, &work).map_err(GuidanceError::Rules)?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO guidance_activities (case_id, kind, held_on, from_time, to_time, setting,
             place, leader, leader_name, clients_wish, note, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
    )
    .bind(case_id.0)
    .bind(activity.kind.as_str())
    .bind(activity.on.to_string())
    .bind(time_text(activity.from))
    .bind(time_text(activity.to))
    .bind(activity.setting.as_str())
    .bind(activity.place.trim())
    .bind(activity.leader.as_str())
    .bind(activity.leader_name.trim())
    .bind(i64::from(activity.clients_wish))
    .bind(activity.note.trim())
    .bind(access.user().id.0)
    .bind(store.now_text())
    .fetch_one(&mut *tx)
    .await?;
    // The audit names what happened, never the notes (counselling is personal).
    let summary = json!({
        "case_id": case_id.0, "kind": activity.kind.as_str(), "on": activity.on.to_string(),
        "leader": activity.leader.as_str(),
    });
    store
        .audit_in(
            &mut tx,
            &actor,
            case.office_id,
            Event::new("guidance.activity", "guidance_activity", id, summary),
        )
        .await?;
    tx.commit().await?;
    Ok(id)
}

/// `HH:MM`, as the schedule and the forms write times.
fn time_text(time: Time) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// Records a behaviour entry (B3).
pub async fn record_behaviour(
    store: &Store,
    access: &CaseAccess,
    entry: &BehaviourEntry,
    today: Date,
) -> std::result::Result<i64, GuidanceError> {
    record_behaviour_with_evidence(store, access, entry, today, None).await
}

/// As [`record_behaviour`], with the entry's evidence (B3) checked by the upload rules and
/// stored with the entry in one transaction.
pub async fn record_behaviour_with_evidence(
    store: &Store,
    access: &CaseAccess,
    entry: &BehaviourEntry,
    today: Date,
    evidence: Option<&[u8]>,
) -> std::result::Result<i64, GuidanceError> {
    let actor = access.actor_for(Permission::RecordGuidance)?;
    rules::check_behaviour(entry, today).map_err(GuidanceError::Rules)?;
    let case_id = access.id();
    let prepared = match evidence {
        Some(bytes) => Some(
            crate::files::prepare(
                store,
                crate::files::Purpose::BehaviourEvidence,
                bytes.to_vec(),
            )
            .await?,
        ),
        None => None,
    };
    let mut tx = store.begin_write().await?;
    let case = get_on(&mut tx, access.scope(), case_id).await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO behaviour_entries (case_id, kind, happened_on, source, description,
             recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(case_id.0)
    .bind(entry.kind.as_str())
    .bind(entry.on.to_string())
    .bind(entry.source.as_str())
    .bind(entry.description.trim())
    .bind(access.user().id.0)
    .bind(store.now_text())
    .fetch_one(&mut *tx)
    .await?;
    let summary = json!({
        "case_id": case_id.0, "kind": entry.kind.as_str(), "on": entry.on.to_string(),
        "source": entry.source.as_str(),
    });
    store
        .audit_in(
            &mut tx,
            &actor,
            case.office_id,
            Event::new("guidance.behaviour", "behaviour_entry", id, summary),
        )
        .await?;
    if let Some(prepared) = &prepared {
        let extra = crate::files::Extra::default();
        let file = crate::files::record_on(&mut tx, store, &actor, &case, prepared, &extra).await?;
        sqlx::query("UPDATE behaviour_entries SET evidence_file_id = $1 WHERE id = $2")
            .bind(file)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// Sets the client's Cycle of Change stage (B4) with its reason; a step back is recorded as
/// a relapse.
pub async fn set_stage(
    store: &Store,
    access: &CaseAccess,
    stage: ChangeStage,
    reason: &str,
) -> std::result::Result<StageMove, GuidanceError> {
    let actor = access.actor_for(Permission::RecordGuidance)?;
    let case_id = access.id();
    let mut tx = store.begin_write().await?;
    let case = get_on(&mut tx, access.scope(), case_id).await?;
    lock(&mut tx, case_id).await?;
    let current: Option<(String,)> = sqlx::query_as(
        "SELECT stage FROM change_stages WHERE case_id = $1 ORDER BY id DESC LIMIT 1",
    )
    .bind(case_id.0)
    .fetch_optional(&mut *tx)
    .await?;
    let current = current.and_then(|(s,)| ChangeStage::parse(&s));
    let movement = rules::check_stage(current, stage, reason)
        .map_err(|v| GuidanceError::Rules(Violations(vec![v])))?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO change_stages (case_id, stage, movement, reason, set_by, set_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(case_id.0)
    .bind(stage.as_str())
    .bind(movement.as_str())
    .bind(reason.trim())
    .bind(access.user().id.0)
    .bind(store.now_text())
    .fetch_one(&mut *tx)
    .await?;
    let summary = json!({
        "case_id": case_id.0, "stage": stage.as_str(), "movement": movement.as_str(),
        "from": current.map(ChangeStage::as_str),
    });
    store
        .audit_in(
            &mut tx,
            &actor,
            case.office_id,
            Event::new("guidance.stage", "change_stage", id, summary),
        )
        .await?;
    tx.commit().await?;
    Ok(movement)
}
