//! Cases: one sentence of community service each, with its terms (L1–L8), its service
//! window (L6) and its place in the lifecycle. Every query takes a [`CaseScope`].

mod create;
mod transition;
mod window;

pub use create::{NewCase, create};
pub use transition::{CaseError, GuardFacts, TransitionRefs, set_guard_facts, transition};
pub(crate) use transition::{into_case_error, is_office_pk, transition_on};
pub(crate) use window::move_start;

use jiff::civil::Date;
use karya_domain::window::WindowBasis;
use karya_domain::{CaseStatus, Guards, Minutes, OfficeZone, SentenceTerms, ServiceWindow};
use sqlx::AnyConnection;

pub(crate) use crate::access::CaseScope;
use crate::db::Store;
use crate::error::{Result, StoreError};
use crate::ids::{CaseId, OfficeId, PersonId, ProsecutorOfficeId, RegionId, UserId};

/// The case query with extra columns (each starting with a comma, or empty), a scope
/// condition and a tail; a macro so that every variant is `'static` SQL text.
macro_rules! case_query {
    ($extra:expr, $condition:literal, $tail:literal) => {
        concat!(
            "SELECT c.id, c.office_id, o.region_id, o.code AS office_code, o.name AS office_name, ",
            "o.time_zone, c.person_id, p.full_name AS client_name, p.birth_date AS client_birth_date, ",
            "c.prosecutor_office_id, ",
            "po.name AS prosecutor_office_name, c.pk_user_id, u.display_name AS pk_name, ",
            "c.status, c.termination_reason, c.court, c.decision_number, c.date_final, ",
            "c.hours_ordered_minutes, c.terms, c.received_on, c.window_end, c.summonses_sent, ",
            "c.identity_recorded, c.litmas_submitted, c.case_plan_approved, ",
            "(SELECT COUNT(DISTINCT a.purpose) FROM attachments a WHERE a.case_id = c.id ",
            "AND a.purpose IN ('photo', 'fingerprint')) AS biometrics, ",
            "c.death_certificate_ref, c.sanction_letter_ref, c.version, c.channel, ",
            "c.handed_over, c.execution_letter_number, c.execution_letter_date, ",
            "c.execution_letter_issuer, c.window_basis, ",
            "(SELECT COUNT(*) FROM placements pl WHERE pl.case_id = c.id AND pl.ended_on IS NULL ",
            "AND pl.distance_m IS NOT NULL AND pl.distance_approved_at IS NULL) AS distance_unapproved, ",
            "(SELECT pa.name FROM placements pl JOIN partners pa ON pa.id = pl.partner_id ",
            "WHERE pl.case_id = c.id AND pl.ended_on IS NULL ORDER BY pl.id DESC LIMIT 1) AS partner_name",
            $extra,
            " FROM cases c JOIN offices o ON o.id = c.office_id ",
            "JOIN persons p ON p.id = c.person_id ",
            "LEFT JOIN prosecutor_offices po ON po.id = c.prosecutor_office_id ",
            "LEFT JOIN users u ON u.id = c.pk_user_id WHERE ",
            $condition,
            $tail
        )
    };
}

/// The query for each scope, in the order of [`CaseScope::slot`]. The national variant's
/// `c.id > $1` is bound to 0 so that every variant takes its scope value as `$1`.
macro_rules! scoped {
    ($extra:expr, $tail:literal) => {
        [
            $crate::cases::case_query!($extra, "c.id > $1", $tail),
            $crate::cases::case_query!($extra, "o.region_id = $1", $tail),
            $crate::cases::case_query!($extra, "c.office_id = $1", $tail),
            $crate::cases::case_query!($extra, "c.pk_user_id = $1", $tail),
            $crate::cases::case_query!(
                $extra,
                "EXISTS (SELECT 1 FROM placements pl WHERE pl.case_id = c.id AND pl.partner_id = $1 AND pl.ended_on IS NULL)",
                $tail
            ),
            $crate::cases::case_query!($extra, "c.person_id = $1", $tail),
            $crate::cases::case_query!($extra, "c.prosecutor_office_id = $1", $tail),
        ]
    };
}
pub(crate) use {case_query, scoped};

/// A query over the cases (`c`, joined with their office `o`) of each scope, in the order of
/// [`CaseScope::slot`]: `$select` ends with `WHERE `; for summaries that are not case rows.
macro_rules! over_scopes {
    ($select:literal, $tail:literal) => {
        [
            concat!($select, "c.id > $1", $tail),
            concat!($select, "o.region_id = $1", $tail),
            concat!($select, "c.office_id = $1", $tail),
            concat!($select, "c.pk_user_id = $1", $tail),
            concat!(
                $select,
                "EXISTS (SELECT 1 FROM placements pl WHERE pl.case_id = c.id AND pl.partner_id = $1 AND pl.ended_on IS NULL)",
                $tail
            ),
            concat!($select, "c.person_id = $1", $tail),
            concat!($select, "c.prosecutor_office_id = $1", $tail),
        ]
    };
}
pub(crate) use over_scopes;

// Every case of the scope, open ones first, then newest first: a list that stops early
// hides cases without a word (issue 13, item 10). Pages are cut by the caller.
const LIST: [&str; 7] = scoped!(
    "",
    " ORDER BY CASE WHEN c.status = 'terminated' THEN 1 ELSE 0 END, c.id DESC"
);
const ONE: [&str; 7] = scoped!("", " AND c.id = $2");

impl CaseScope {
    pub(crate) fn slot(self) -> (usize, i64) {
        match self {
            CaseScope::National => (0, 0),
            CaseScope::Region(id) => (1, id.0),
            CaseScope::Office(id) => (2, id.0),
            CaseScope::AssignedTo(id) => (3, id.0),
            CaseScope::Partner(id) => (4, id.0),
            CaseScope::Person(id) => (5, id.0),
            CaseScope::ProsecutorOffice(id) => (6, id.0),
        }
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct CaseRow {
    id: i64,
    office_id: i64,
    region_id: i64,
    office_code: String,
    office_name: String,
    time_zone: String,
    person_id: i64,
    client_name: String,
    client_birth_date: Option<String>,
    prosecutor_office_id: Option<i64>,
    prosecutor_office_name: Option<String>,
    pk_user_id: Option<i64>,
    pk_name: Option<String>,
    status: String,
    termination_reason: Option<String>,
    court: String,
    decision_number: String,
    date_final: String,
    hours_ordered_minutes: i64,
    terms: String,
    received_on: String,
    window_end: String,
    summonses_sent: i64,
    identity_recorded: i64,
    /// How many of the photograph and the fingerprint are on file (0–2).
    biometrics: i64,
    litmas_submitted: i64,
    case_plan_approved: i64,
    distance_unapproved: i64,
    partner_name: Option<String>,
    death_certificate_ref: Option<String>,
    sanction_letter_ref: Option<String>,
    version: i64,
    channel: Option<String>,
    handed_over: i64,
    execution_letter_number: Option<String>,
    execution_letter_date: Option<String>,
    execution_letter_issuer: Option<String>,
    window_basis: String,
}

/// How a case arrived (I2) and its execution letter.
#[derive(Debug, Clone, Default)]
pub struct Intake {
    pub channel: Option<karya_domain::intake::Channel>,
    /// Whether the prosecutor handed the client over with the documents (I2); if not, the
    /// head summons the client (I3).
    pub handed_over: bool,
    pub execution_letter_number: Option<String>,
    pub execution_letter_date: Option<Date>,
    pub execution_letter_issuer: Option<String>,
}

/// A case as read, with its terms and window parsed.
#[derive(Debug, Clone)]
pub struct Case {
    pub id: CaseId,
    pub office_id: OfficeId,
    pub region_id: RegionId,
    pub office_code: String,
    pub office_name: String,
    pub zone: OfficeZone,
    pub person_id: PersonId,
    pub client_name: String,
    /// The registered birth date, once the register has it (G1).
    pub client_birth_date: Option<Date>,
    pub prosecutor_office_id: Option<ProsecutorOfficeId>,
    pub prosecutor_office_name: Option<String>,
    pub pk_user_id: Option<UserId>,
    pub pk_name: Option<String>,
    pub status: CaseStatus,
    pub court: String,
    pub decision_number: String,
    pub date_final: Date,
    pub hours_ordered: Minutes,
    pub terms: SentenceTerms,
    pub window: ServiceWindow,
    pub summonses_sent: u8,
    pub identity_recorded: bool,
    /// Whether both the photograph and the fingerprint are on file (G1).
    pub biometrics_recorded: bool,
    pub litmas_submitted: bool,
    pub case_plan_approved: bool,
    /// P3: the current placement is beyond the distance limit, not yet approved by the head.
    pub distance_awaiting_approval: bool,
    /// The partner of the current placement, while one runs.
    pub partner_name: Option<String>,
    pub death_certificate_ref: Option<String>,
    pub sanction_letter_ref: Option<String>,
    pub version: i64,
    pub intake: Intake,
    /// Why the window starts on its first day (L6, decision 0002).
    pub window_basis: WindowBasis,
}

fn corrupt(what: &str) -> StoreError {
    StoreError::Other(anyhow::anyhow!("stored case has an unreadable {what}"))
}

impl CaseRow {
    pub(crate) fn into_case(self) -> Result<Case> {
        let date = |text: &str, what: &str| text.parse::<Date>().map_err(|_| corrupt(what));
        let window = ServiceWindow::from_bounds(
            date(&self.received_on, "received_on")?,
            date(&self.window_end, "window_end")?,
        )
        .map_err(|_| corrupt("window"))?;
        Ok(Case {
            id: CaseId(self.id),
            office_id: OfficeId(self.office_id),
            region_id: RegionId(self.region_id),
            office_code: self.office_code,
            office_name: self.office_name,
            zone: OfficeZone::parse(&self.time_zone).ok_or_else(|| corrupt("time zone"))?,
            person_id: PersonId(self.person_id),
            client_name: self.client_name,
            client_birth_date: self
                .client_birth_date
                .as_deref()
                .and_then(|d| d.parse().ok()),
            prosecutor_office_id: self.prosecutor_office_id.map(ProsecutorOfficeId),
            prosecutor_office_name: self.prosecutor_office_name,
            pk_user_id: self.pk_user_id.map(UserId),
            pk_name: self.pk_name,
            status: CaseStatus::parse(&self.status, self.termination_reason.as_deref())
                .ok_or_else(|| corrupt("status"))?,
            court: self.court,
            decision_number: self.decision_number,
            date_final: date(&self.date_final, "date_final")?,
            hours_ordered: Minutes::new(self.hours_ordered_minutes),
            terms: serde_json::from_str(&self.terms).map_err(|_| corrupt("terms"))?,
            window,
            summonses_sent: u8::try_from(self.summonses_sent).unwrap_or(u8::MAX),
            identity_recorded: self.identity_recorded != 0,
            biometrics_recorded: self.biometrics >= 2,
            litmas_submitted: self.litmas_submitted != 0,
            case_plan_approved: self.case_plan_approved != 0,
            distance_awaiting_approval: self.distance_unapproved > 0,
            partner_name: self.partner_name,
            death_certificate_ref: self.death_certificate_ref,
            sanction_letter_ref: self.sanction_letter_ref,
            version: self.version,
            intake: Intake {
                channel: self
                    .channel
                    .as_deref()
                    .and_then(karya_domain::intake::Channel::parse),
                handed_over: self.handed_over != 0,
                execution_letter_number: self.execution_letter_number,
                execution_letter_date: self
                    .execution_letter_date
                    .as_deref()
                    .and_then(|d| d.parse().ok()),
                execution_letter_issuer: self.execution_letter_issuer,
            },
            window_basis: WindowBasis::parse(&self.window_basis)
                .ok_or_else(|| corrupt("window basis"))?,
        })
    }
}

impl Case {
    /// Whether the client was a child when the decision became final (see
    /// `karya_domain::child`).
    pub fn client_is_child(&self) -> bool {
        karya_domain::child::is_child(self.client_birth_date, self.date_final)
    }

    /// The client's name as lists outside the case page show it: a child's initials.
    pub fn listed_name(&self) -> String {
        karya_domain::child::listed_name(&self.client_name, self.client_is_child())
    }

    /// The facts the lifecycle guards read, with the minutes still to be credited.
    pub fn guards(&self, minutes_remaining: Minutes) -> Guards {
        Guards {
            summonses_sent: self.summonses_sent,
            officer_assigned: self.pk_user_id.is_some(),
            identity_recorded: self.identity_recorded,
            biometrics_recorded: self.biometrics_recorded,
            litmas_submitted: self.litmas_submitted,
            case_plan_approved: self.case_plan_approved,
            minutes_remaining,
            death_certificate_ref: self.death_certificate_ref.clone(),
            sanction_letter_ref: self.sanction_letter_ref.clone(),
            distance_awaiting_approval: self.distance_awaiting_approval,
        }
    }
}

/// Cases visible in `scope`, open ones first, newest first (callers: [`Store::cases_in`]).
pub(crate) async fn list(store: &Store, scope: CaseScope) -> Result<Vec<Case>> {
    let (slot, value) = scope.slot();
    let rows: Vec<CaseRow> = sqlx::query_as(LIST[slot])
        .bind(value)
        .fetch_all(store.pool())
        .await?;
    rows.into_iter().map(CaseRow::into_case).collect()
}

/// One case if `scope` may see it, otherwise `NotFound`; on a connection, so that a write
/// checks the scope again inside its transaction.
pub(crate) async fn get_on(conn: &mut AnyConnection, scope: CaseScope, id: CaseId) -> Result<Case> {
    let (slot, value) = scope.slot();
    let row: Option<CaseRow> = sqlx::query_as(ONE[slot])
        .bind(value)
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?;
    row.ok_or(StoreError::NotFound)?.into_case()
}

/// Takes the case's row lock for the rest of the transaction, so that two writers to one
/// ledger are serialised (PostgreSQL row lock; SQLite already holds the write lock).
pub(crate) async fn lock(conn: &mut AnyConnection, id: CaseId) -> Result<()> {
    sqlx::query("UPDATE cases SET version = version WHERE id = $1")
        .bind(id.0)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The active PKs of the case's office with their open caseload, for appointing one
/// (§2.2.3).
pub async fn office_pks(
    store: &Store,
    access: &crate::access::CaseAccess,
) -> Result<Vec<(UserId, String, i64)>> {
    access.actor_for(karya_domain::Permission::AppointOfficers)?;
    let office = access.office_id();
    let rows: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT u.id, u.display_name,
            (SELECT COUNT(*) FROM cases c WHERE c.pk_user_id = u.id AND c.status <> 'terminated')
         FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'pk'
         WHERE u.office_id = $1 AND u.disabled = 0 ORDER BY u.display_name",
    )
    .bind(office.0)
    .fetch_all(store.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, load)| (UserId(id), name, load))
        .collect())
}
