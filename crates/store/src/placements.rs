//! The placement of a case at a partner, with the supervisor (PJ) who verifies its daily
//! reports. Minimal for now: the placement capability adds the work form, the schedule and
//! the checks of P1–P10.

use jiff::civil::Date;
use serde_json::json;

use crate::access::CaseAccess;
use crate::audit::Event;
use crate::db::Store;
use crate::error::Result;
use crate::ids::{PartnerId, UserId};

/// What a placement made outside the ranking (the demo's, an imported one) carries.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub work_form: String,
    pub description: String,
    pub schedule: Vec<karya_domain::schedule::Slot>,
}

/// Records a placement as it stands (the demo loader's placements of past years; a PK
/// places through [`confirm`]).
pub async fn create(
    store: &Store,
    access: &CaseAccess,
    partner: PartnerId,
    supervisor: Option<UserId>,
    started_on: Date,
    plan: &Plan,
) -> Result<i64> {
    let actor = &access.actor_for(karya_domain::Permission::AssessCases)?;
    let case = access.id();
    let mut tx = store.begin_write().await?;
    let schedule: Vec<String> = plan.schedule.iter().map(|s| s.code()).collect();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO placements (case_id, partner_id, supervisor_user_id, started_on, created_at, work_form, description, schedule)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(case.0)
    .bind(partner.0)
    .bind(supervisor.map(|id| id.0))
    .bind(started_on.to_string())
    .bind(store.now_text())
    .bind(&plan.work_form)
    .bind(&plan.description)
    .bind(schedule.join(";"))
    .fetch_one(&mut *tx)
    .await?;
    let summary =
        json!({"case_id": case.0, "partner_id": partner.0, "started_on": started_on.to_string()});
    store
        .audit(
            &mut tx,
            actor,
            Event::new("placement.create", "placement", id, summary),
        )
        .await?;
    tx.commit().await?;
    Ok(id)
}

/// The partner's name where the case is placed now, if it is.
pub async fn current_partner_name(store: &Store, access: &CaseAccess) -> Result<Option<String>> {
    let case = access.id();
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT p.name FROM placements pl JOIN partners p ON p.id = pl.partner_id
         WHERE pl.case_id = $1 AND pl.ended_on IS NULL ORDER BY pl.id DESC LIMIT 1",
    )
    .bind(case.0)
    .fetch_optional(store.pool())
    .await?;
    Ok(row.map(|(name,)| name))
}

/// What the PK confirms (§2.3.1, Annex I): where, what, under whom, with what equipment and
/// when, and why if it is not the first-ranked candidate.
#[derive(Debug, Clone)]
pub struct Confirmation {
    pub partner: PartnerId,
    pub work_form: karya_domain::placement::WorkFormId,
    pub supervisor: UserId,
    pub description: String,
    pub protective_equipment: Vec<karya_domain::placement::Ppe>,
    pub schedule: Vec<karya_domain::schedule::Slot>,
    pub override_reason: String,
    /// P3: why the client can attend a work place beyond the distance limit.
    pub distance_justification: String,
    pub starts_on: Date,
}

#[derive(Debug, thiserror::Error)]
pub enum PlacementError {
    /// Rules the choice or the schedule breaks (P1–P10, L5, L6, L9).
    #[error("the placement breaks rules")]
    Rules(Vec<karya_domain::Violation>),
    /// The placement profile is needed to rank partners (§2.3.1).
    #[error("record the client's placement profile first")]
    NoProfile,
    /// The PJ is not a supervisor bound to the chosen partner (P10).
    #[error("the supervisor does not belong to the partner")]
    NotSupervisor,
    #[error(transparent)]
    Case(#[from] crate::cases::CaseError),
}

crate::cases::into_case_error!(PlacementError);

/// The ranking for a case on `today`: every partner × work form of the office with its
/// verdict, best first, and the offers it was computed from.
pub async fn ranking(
    store: &Store,
    access: &CaseAccess,
    today: Date,
    warn_days: i64,
) -> std::result::Result<
    (
        Vec<karya_domain::placement::Candidate>,
        Vec<crate::partners::OfferRow>,
    ),
    PlacementError,
> {
    // The ranking shows the client's profile: whoever reads the Litmas (the PK, the head).
    access.actor_for(karya_domain::Permission::ReadLitmas)?;
    let case = access.case();
    let profile = crate::placement_profile::get(store, access)
        .await?
        .ok_or(PlacementError::NoProfile)?;
    let offers = crate::partners::offers_in(store, case.office_id, today, warn_days).await?;
    let list: Vec<_> = offers.iter().map(|o| o.offer.clone()).collect();
    Ok((
        karya_domain::placement::rank(&profile.client_profile(), &list),
        offers,
    ))
}

/// Confirms a placement: the choice is re-ranked and checked (a hard exclusion is refused,
/// a choice below the first needs a reason), the PJ must supervise at the partner, and the
/// schedule must pass L5, L6 and the partner's hours. The first placement moves the case to
/// `placed`; a later one ends the current placement and keeps the hours served (they belong
/// to the case, not the placement).
pub async fn confirm(
    store: &Store,
    access: &CaseAccess,
    c: &Confirmation,
    today: Date,
    warn_days: i64,
) -> std::result::Result<i64, PlacementError> {
    let actor = &access.actor_for(karya_domain::Permission::AssessCases)?;
    let roles = &access.roles_for(karya_domain::Permission::AssessCases);
    let scope = access.scope();
    let case = access.case();
    use karya_domain::placement::check_override;
    use karya_domain::{CaseStatus, Transition, Violation};
    let (candidates, offers) = ranking(store, access, today, warn_days).await?;
    let mut problems = Vec::new();
    let chosen = candidates
        .iter()
        .position(|k| k.partner.0 == c.partner.0 && k.work_form == c.work_form);
    let mut beyond_limit_km = None;
    if let Some(i) = chosen {
        match karya_domain::placement::check_distance(&candidates[i], &c.distance_justification) {
            Ok(km) => beyond_limit_km = km,
            Err(v) => problems.push(v),
        }
    }
    match chosen {
        None => problems.push(Violation::procedural(
            "candidate",
            karya_domain::Refusal::NotOfferedHere,
        )),
        Some(0) if candidates[0].is_eligible() => {}
        Some(i) => {
            if let Err(v) = check_override(&candidates[i], &c.override_reason) {
                problems.push(v);
            }
        }
    }
    let (ledger, _) = crate::attendance::ledger_of(store, case).await?;
    let offer = offers.iter().find(|o| o.partner.id == c.partner);
    if let Some(offer) = offer {
        let profile = crate::placement_profile::get(store, access)
            .await?
            .ok_or(PlacementError::NoProfile)?;
        let constraints = karya_domain::schedule::Constraints {
            remaining: ledger.totals().remaining,
            first_day: c.starts_on,
            window_end: case.window.end_inclusive(),
            livelihood: profile.livelihood,
            opening_days: offer.partner.fields.opening_days.clone(),
            opening: (
                offer.partner.fields.opening_from,
                offer.partner.fields.opening_to,
            ),
        };
        problems.extend(karya_domain::schedule::check(&c.schedule, &constraints).0);
    }
    if !problems.is_empty() {
        return Err(PlacementError::Rules(problems));
    }
    let mut tx = store.begin_write().await?;
    let found = crate::cases::get_on(&mut tx, scope, case.id).await?;
    crate::cases::lock(&mut tx, case.id).await?;
    let supervises: Option<(i64,)> = sqlx::query_as(
        "SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'site_supervisor'
         WHERE u.id = $1 AND u.partner_id = $2 AND u.disabled = 0",
    )
    .bind(c.supervisor.0)
    .bind(c.partner.0)
    .fetch_optional(&mut *tx)
    .await?;
    if supervises.is_none() {
        return Err(PlacementError::NotSupervisor);
    }
    let moving = matches!(
        found.status,
        CaseStatus::Placed | CaseStatus::Serving | CaseStatus::UnderExamination
    );
    if moving {
        sqlx::query("UPDATE placements SET ended_on = $1 WHERE case_id = $2 AND ended_on IS NULL")
            .bind(c.starts_on.to_string())
            .bind(case.id.0)
            .execute(&mut *tx)
            .await?;
    } else {
        crate::cases::transition_on(
            &mut tx,
            store,
            actor,
            scope,
            case.id,
            Transition::Place,
            roles,
            &crate::cases::TransitionRefs::default(),
        )
        .await?;
    }
    let ppe: Vec<&str> = c.protective_equipment.iter().map(|p| p.as_str()).collect();
    let schedule: Vec<String> = c.schedule.iter().map(|s| s.code()).collect();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO placements (case_id, partner_id, supervisor_user_id, started_on, created_at,
            work_form, description, protective_equipment, schedule, override_reason, placed_by,
            distance_justification, distance_m)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
    )
    .bind(case.id.0)
    .bind(c.partner.0)
    .bind(c.supervisor.0)
    .bind(c.starts_on.to_string())
    .bind(store.now_text())
    .bind(c.work_form.code())
    .bind(&c.description)
    .bind(ppe.join(","))
    .bind(schedule.join(";"))
    .bind(c.override_reason.trim())
    .bind(actor.user_id.map(|u| u.0))
    .bind(if beyond_limit_km.is_some() {
        c.distance_justification.trim()
    } else {
        ""
    })
    // Whole metres: an integer binds the same on both engines, null or not.
    .bind(beyond_limit_km.map(|km| (km * 1000.0).round() as i64))
    .fetch_one(&mut *tx)
    .await?;
    let mut actor = actor.clone();
    actor.office_id = Some(found.office_id);
    let summary = json!({
        "case_id": case.id.0,
        "partner_id": c.partner.0,
        "work_form": c.work_form.code(),
        "schedule": schedule,
        "override_reason": c.override_reason.trim(),
        "rank": chosen.map(|i| i + 1),
        "beyond_distance_limit_km": beyond_limit_km,
        "moved": moving,
    });
    store
        .audit(
            &mut tx,
            &actor,
            Event::new("placement.confirm", "placement", id, summary),
        )
        .await?;
    tx.commit().await?;
    Ok(id)
}

/// A placement of a case, for its page and Annex I.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PlacementView {
    pub id: i64,
    pub partner_id: i64,
    pub partner_name: String,
    pub supervisor_name: Option<String>,
    pub started_on: String,
    pub ended_on: Option<String>,
    pub work_form: String,
    pub description: String,
    pub protective_equipment: String,
    pub schedule: String,
    pub override_reason: String,
    /// P3: the distance from home in metres when beyond the limit, with the PK's reason
    /// and the head's approval.
    pub distance_m: Option<i64>,
    pub distance_justification: String,
    pub distance_approver: Option<String>,
}

impl PlacementView {
    pub fn slots(&self) -> Vec<karya_domain::schedule::Slot> {
        self.schedule
            .split(';')
            .filter_map(karya_domain::schedule::Slot::parse)
            .collect()
    }
}

/// The case's placements, newest first (the first with no end is the current one).
pub async fn for_case(store: &Store, access: &CaseAccess) -> Result<Vec<PlacementView>> {
    let scope = access.scope();
    let case = access.id();
    let mut conn = store.pool().acquire().await?;
    crate::cases::get_on(&mut conn, scope, case).await?;
    Ok(sqlx::query_as(
        "SELECT pl.id, pl.partner_id, p.name AS partner_name, u.display_name AS supervisor_name,
                pl.started_on, pl.ended_on, pl.work_form, pl.description, pl.protective_equipment,
                pl.schedule, pl.override_reason, pl.distance_m, pl.distance_justification,
                a.display_name AS distance_approver
         FROM placements pl JOIN partners p ON p.id = pl.partner_id
         LEFT JOIN users u ON u.id = pl.supervisor_user_id
         LEFT JOIN users a ON a.id = pl.distance_approved_by
         WHERE pl.case_id = $1 ORDER BY pl.id DESC",
    )
    .bind(case.0)
    .fetch_all(&mut *conn)
    .await?)
}

/// The head of office approves the current placement beyond the distance limit (P3), after
/// reading the PK's justification; audited. Nothing awaiting approval is a conflict.
pub async fn approve_distance(
    store: &Store,
    access: &CaseAccess,
) -> std::result::Result<(), crate::cases::CaseError> {
    let actor = access.actor_for(karya_domain::Permission::ApprovePlacements)?;
    let case = access.id();
    let mut tx = store.begin_write().await?;
    let found = crate::cases::get_on(&mut tx, access.scope(), case).await?;
    karya_domain::duties::check_approver(
        karya_domain::duties::Approval::FarPlacement,
        found.pk_user_id.map(|u| u.0),
        access.user().id.0,
    )?;
    crate::cases::lock(&mut tx, case).await?;
    let awaiting: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM placements WHERE case_id = $1 AND ended_on IS NULL
         AND distance_m IS NOT NULL AND distance_approved_at IS NULL",
    )
    .bind(case.0)
    .fetch_optional(&mut *tx)
    .await?;
    let (id,) = awaiting.ok_or(crate::error::StoreError::Conflict)?;
    sqlx::query(
        "UPDATE placements SET distance_approved_by = $1, distance_approved_at = $2 WHERE id = $3",
    )
    .bind(access.user().id.0)
    .bind(store.now_text())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    store
        .audit_in(
            &mut tx,
            &actor,
            found.office_id,
            Event::new(
                "placement.approve_distance",
                "placement",
                id,
                json!({"case_id": case.0}),
            ),
        )
        .await?;
    tx.commit().await?;
    Ok(())
}

/// The accommodations the client needs (from the placement profile, §2.3.1 table) and the
/// ones the PK confirmed in place, with who confirmed each.
pub async fn accommodations(
    store: &Store,
    access: &CaseAccess,
) -> Result<(
    karya_domain::placement::Accommodations,
    Vec<(karya_domain::placement::Accommodation, String)>,
)> {
    let needed = crate::placement_profile::get(store, access)
        .await?
        .map(|p| karya_domain::placement::accommodation::needed(p.special_needs))
        .unwrap_or_default();
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT c.accommodation, u.display_name FROM accommodation_confirmations c
         JOIN users u ON u.id = c.confirmed_by WHERE c.case_id = $1 ORDER BY c.accommodation",
    )
    .bind(access.id().0)
    .fetch_all(store.pool())
    .await?;
    let confirmed = rows
        .into_iter()
        .filter_map(|(code, who)| {
            karya_domain::placement::Accommodation::parse(&code).map(|a| (a, who))
        })
        .collect();
    Ok((needed, confirmed))
}

/// The PK confirms an accommodation the client needs is in place (P3); audited, once.
pub async fn confirm_accommodation(
    store: &Store,
    access: &CaseAccess,
    accommodation: karya_domain::placement::Accommodation,
) -> Result<()> {
    let actor = access.actor_for(karya_domain::Permission::AssessCases)?;
    let case = access.id();
    let mut tx = store.begin_write().await?;
    let found = crate::cases::get_on(&mut tx, access.scope(), case).await?;
    sqlx::query(
        "INSERT INTO accommodation_confirmations (case_id, accommodation, confirmed_by, confirmed_at)
         VALUES ($1, $2, $3, $4) ON CONFLICT (case_id, accommodation) DO NOTHING",
    )
    .bind(case.0)
    .bind(accommodation.as_str())
    .bind(access.user().id.0)
    .bind(store.now_text())
    .execute(&mut *tx)
    .await?;
    store
        .audit_in(
            &mut tx,
            &actor,
            found.office_id,
            Event::new(
                "placement.accommodation_confirmed",
                "case",
                case,
                json!({"case_id": case.0, "accommodation": accommodation.as_str()}),
            ),
        )
        .await?;
    tx.commit().await?;
    Ok(())
}
