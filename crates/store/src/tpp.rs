//! TPP sessions (seed §2.3.3; S7). The head of office convenes a session: its day and place,
//! the members present, its chair and the examinations on its agenda. Each case's
//! recommendation is recorded against the session (by [`crate::supervision::recommend`],
//! which takes the session's day and members), and the chair signs the minutes once every
//! case is decided: an issued document of the office, stored in the same transaction that
//! closes the session.

use jiff::civil::Date;
use karya_domain::Permission;
use karya_domain::SentenceTerms;
use karya_domain::refusal::Refusal;
use karya_domain::rule::Violation;
use karya_domain::supervision::{self as rules, Ground, Recommendation};
use serde_json::json;

use crate::access::OfficeAccess;
use crate::audit::Event;
use crate::db::Store;
use crate::documents::{self, Issued, ToIssue};
use crate::error::{Result, StoreError};
use crate::ids::{CaseId, UserId};
use crate::supervision::{SupervisionError, ids, ids_text};

/// A session as listed and as its page heads it.
#[derive(Debug, Clone)]
pub struct Session {
    pub id: i64,
    pub held_on: Date,
    pub place: String,
    pub chair_id: UserId,
    pub chair: String,
    /// The members present, by name, in the order convened.
    pub present: Vec<String>,
    present_ids: Vec<i64>,
    pub agenda: i64,
    pub recommended: i64,
    /// The signed minutes, once signed.
    pub minutes: Option<i64>,
    pub signed_on: Option<Date>,
}

impl Session {
    pub fn is_present(&self, user: UserId) -> bool {
        self.present_ids.contains(&user.0)
    }

    pub fn complete(&self) -> bool {
        self.recommended >= self.agenda
    }
}

/// One examination on a session's agenda, with what the session decided on it.
#[derive(Debug, Clone)]
pub struct AgendaItem {
    pub examination: i64,
    pub case: CaseId,
    pub client_name: String,
    pub terms: SentenceTerms,
    pub pk: Option<String>,
    pub ground: Ground,
    pub what_happened: String,
    pub findings: String,
    pub deliberation: Option<String>,
    pub recommendation: Option<Recommendation>,
}

/// An examination waiting for the TPP and not yet on a session's agenda.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub examination: i64,
    pub case: CaseId,
    pub client_name: String,
    pub ground: Ground,
    pub findings_on: Date,
}

/// What the head convenes.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub held_on: Date,
    pub place: String,
    pub chair: UserId,
    pub present: Vec<UserId>,
    pub agenda: Vec<i64>,
}

fn corrupt() -> StoreError {
    StoreError::Other(anyhow::anyhow!("stored TPP session is unreadable"))
}

fn parse_date(text: &str) -> Result<Date> {
    text.parse().map_err(|_| corrupt())
}

/// The permission an office-level handle was granted for must be one its role holds.
fn holds(office: &OfficeAccess, permission: Permission) -> Result<()> {
    match permission.reach_of(office.role()) {
        Some(_) => Ok(()),
        None => Err(StoreError::Forbidden),
    }
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    id: i64,
    held_on: String,
    place: String,
    chair_id: i64,
    chair: String,
    present: String,
    agenda: i64,
    recommended: i64,
    minutes_document_id: Option<i64>,
    signed_on: Option<String>,
}

/// The session query with a tail; a macro so that the SQL stays `'static` text.
macro_rules! session_query {
    ($tail:literal) => {
        concat!(
            "SELECT s.id, s.held_on, s.place, s.chair_id, c.display_name AS chair, s.present,
        (SELECT COUNT(*) FROM examinations e WHERE e.tpp_session_id = s.id) AS agenda,
        (SELECT COUNT(*) FROM examinations e WHERE e.tpp_session_id = s.id
            AND e.recommendation IS NOT NULL) AS recommended,
        s.minutes_document_id, s.signed_on
     FROM tpp_sessions s JOIN users c ON c.id = s.chair_id ",
            $tail
        )
    };
}

/// The names of the office's users, for the members present of many sessions at once.
async fn staff_names(store: &Store, office: &OfficeAccess) -> Result<Vec<(i64, String)>> {
    Ok(
        sqlx::query_as("SELECT id, display_name FROM users WHERE office_id = $1")
            .bind(office.office().0)
            .fetch_all(store.pool())
            .await?,
    )
}

fn session(row: SessionRow, names: &[(i64, String)]) -> Result<Session> {
    let present_ids = ids(&row.present);
    Ok(Session {
        id: row.id,
        held_on: parse_date(&row.held_on)?,
        place: row.place,
        chair_id: UserId(row.chair_id),
        chair: row.chair,
        present: present_ids
            .iter()
            .filter_map(|id| {
                names
                    .iter()
                    .find(|(n, _)| n == id)
                    .map(|(_, name)| name.clone())
            })
            .collect(),
        present_ids,
        agenda: row.agenda,
        recommended: row.recommended,
        minutes: row.minutes_document_id,
        signed_on: row.signed_on.as_deref().map(parse_date).transpose()?,
    })
}

/// The office's sessions, newest first.
pub async fn list(store: &Store, office: &OfficeAccess) -> Result<Vec<Session>> {
    holds(office, Permission::ReadTppSessions)?;
    let rows: Vec<SessionRow> = sqlx::query_as(session_query!(
        "WHERE s.office_id = $1 ORDER BY s.held_on DESC, s.id DESC"
    ))
    .bind(office.office().0)
    .fetch_all(store.pool())
    .await?;
    let names = staff_names(store, office).await?;
    rows.into_iter().map(|r| session(r, &names)).collect()
}

/// One session of the office with its agenda.
pub async fn get(
    store: &Store,
    office: &OfficeAccess,
    id: i64,
) -> Result<(Session, Vec<AgendaItem>)> {
    holds(office, Permission::ReadTppSessions)?;
    let row: SessionRow = sqlx::query_as(session_query!("WHERE s.id = $1 AND s.office_id = $2"))
        .bind(id)
        .bind(office.office().0)
        .fetch_optional(store.pool())
        .await?
        .ok_or(StoreError::NotFound)?;
    let names = staff_names(store, office).await?;
    let agenda = agenda(store, id).await?;
    Ok((session(row, &names)?, agenda))
}

#[derive(sqlx::FromRow)]
struct AgendaRow {
    id: i64,
    case_id: i64,
    client_name: String,
    terms: String,
    pk: Option<String>,
    ground: String,
    what_happened: String,
    findings: Option<String>,
    deliberation: Option<String>,
    recommendation: Option<String>,
}

async fn agenda(store: &Store, session: i64) -> Result<Vec<AgendaItem>> {
    let rows: Vec<AgendaRow> = sqlx::query_as(
        "SELECT e.id, e.case_id, p.full_name AS client_name, c.terms, u.display_name AS pk,
                e.ground, e.what_happened, e.findings, e.deliberation, e.recommendation
         FROM examinations e JOIN cases c ON c.id = e.case_id
         JOIN persons p ON p.id = c.person_id
         LEFT JOIN users u ON u.id = c.pk_user_id
         WHERE e.tpp_session_id = $1 ORDER BY e.id",
    )
    .bind(session)
    .fetch_all(store.pool())
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(AgendaItem {
                examination: r.id,
                case: CaseId(r.case_id),
                client_name: r.client_name,
                terms: serde_json::from_str(&r.terms).map_err(|_| corrupt())?,
                pk: r.pk,
                ground: Ground::parse(&r.ground).ok_or_else(corrupt)?,
                what_happened: r.what_happened,
                findings: r.findings.unwrap_or_default(),
                deliberation: r.deliberation,
                recommendation: r
                    .recommendation
                    .map(|x| Recommendation::parse(&x).ok_or_else(corrupt))
                    .transpose()?,
            })
        })
        .collect()
}

/// The office's examinations that wait for the TPP and are on no session's agenda yet.
pub async fn candidates(store: &Store, office: &OfficeAccess) -> Result<Vec<Candidate>> {
    holds(office, Permission::ConveneTpp)?;
    let rows: Vec<(i64, i64, String, String, String)> = sqlx::query_as(
        "SELECT e.id, e.case_id, p.full_name, e.ground, e.findings_on
         FROM examinations e JOIN cases c ON c.id = e.case_id
         JOIN persons p ON p.id = c.person_id
         WHERE c.office_id = $1 AND e.findings IS NOT NULL AND e.recommendation IS NULL
           AND e.tpp_session_id IS NULL
         ORDER BY e.findings_on, e.id",
    )
    .bind(office.office().0)
    .fetch_all(store.pool())
    .await?;
    rows.into_iter()
        .map(|(id, case, name, ground, on)| {
            Ok(Candidate {
                examination: id,
                case: CaseId(case),
                client_name: name,
                ground: Ground::parse(&ground).ok_or_else(corrupt)?,
                findings_on: parse_date(&on)?,
            })
        })
        .collect()
}

/// The office's staff who may sit in a session: TPP members, PKs, the head of
/// administration and the head of office (as for an examination team).
pub async fn members(store: &Store, office: &OfficeAccess) -> Result<Vec<(UserId, String)>> {
    holds(office, Permission::ReadTppSessions)?;
    Ok(crate::supervision::staff_of(store, office.office())
        .await?
        .into_iter()
        .map(|m| (m.id, m.name))
        .collect())
}

/// The head convenes a session (S7): at least two members present, the chair among them,
/// and examinations of the office that wait for the TPP on its agenda. One transaction; an
/// examination taken by another session meanwhile refuses the whole.
pub async fn convene(
    store: &Store,
    office: &OfficeAccess,
    new: &NewSession,
) -> std::result::Result<i64, SupervisionError> {
    holds(office, Permission::ConveneTpp)?;
    let mut present = new.present.clone();
    present.sort_unstable_by_key(|u| u.0);
    present.dedup();
    let mut agenda = new.agenda.clone();
    agenda.sort_unstable();
    agenda.dedup();
    rules::check_session(present.len(), present.contains(&new.chair), agenda.len())
        .map_err(SupervisionError::Rules)?;
    let staff = members(store, office).await?;
    if present.iter().any(|m| !staff.iter().any(|(s, _)| s == m)) {
        return Err(StoreError::NotFound.into());
    }
    let mut tx = store.begin_write().await?;
    let present_text = ids_text(&present);
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO tpp_sessions (office_id, held_on, place, chair_id, present, convened_by, convened_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(office.office().0)
    .bind(new.held_on.to_string())
    .bind(new.place.trim())
    .bind(new.chair.0)
    .bind(&present_text)
    .bind(office.actor().user_id.map(|u| u.0))
    .bind(store.now_text())
    .fetch_one(&mut *tx)
    .await?;
    for exam in &agenda {
        let taken = sqlx::query(
            "UPDATE examinations SET tpp_session_id = $1
             WHERE id = $2 AND tpp_session_id IS NULL AND findings IS NOT NULL
               AND recommendation IS NULL
               AND case_id IN (SELECT id FROM cases WHERE office_id = $3)",
        )
        .bind(id)
        .bind(exam)
        .bind(office.office().0)
        .execute(&mut *tx)
        .await?;
        if taken.rows_affected() != 1 {
            return Err(Violation::procedural("agenda", Refusal::ExaminationNotAtStep).into());
        }
    }
    store
        .audit_in(
            &mut tx,
            office.actor(),
            office.office(),
            Event::new(
                "tpp.convene",
                "tpp_session",
                id,
                json!({"held_on": new.held_on.to_string(), "present": present.len(), "agenda": agenda}),
            ),
        )
        .await?;
    tx.commit().await?;
    Ok(id)
}

/// The chair signs the session's minutes (S7) once every case on its agenda has its
/// recommendation: the rendered minutes are stored as an office document and the session
/// closed in one transaction; a second signature is refused.
pub async fn sign_minutes<F>(
    store: &Store,
    office: &OfficeAccess,
    id: i64,
    doc: &ToIssue<'_>,
    render_with: F,
) -> std::result::Result<Issued, SupervisionError>
where
    F: FnOnce(&str, &str) -> anyhow::Result<Vec<u8>> + Send + 'static,
{
    holds(office, Permission::RecommendInTpp)?;
    if doc.case.is_some() || doc.office != office.office() {
        return Err(StoreError::Forbidden.into());
    }
    let (session, _) = get_signable(store, office, id).await?;
    if session.signed_on.is_some() {
        return Err(StoreError::Conflict.into());
    }
    let rendered = documents::render(store, doc, render_with).await?;
    let mut tx = store.begin_write().await?;
    let issued = documents::store_on(&mut tx, store, office.actor(), None, doc, rendered).await?;
    let closed = sqlx::query(
        "UPDATE tpp_sessions SET minutes_document_id = $1, signed_on = $2
         WHERE id = $3 AND office_id = $4 AND signed_on IS NULL",
    )
    .bind(issued.id)
    .bind(doc.issued_on.to_string())
    .bind(id)
    .bind(office.office().0)
    .execute(&mut *tx)
    .await?;
    if closed.rows_affected() != 1 {
        return Err(StoreError::Conflict.into());
    }
    store
        .audit_in(
            &mut tx,
            office.actor(),
            office.office(),
            Event::new(
                "tpp.sign_minutes",
                "tpp_session",
                id,
                json!({"document_id": issued.id, "number": issued.number}),
            ),
        )
        .await?;
    tx.commit().await?;
    Ok(issued)
}

/// The session and its agenda, if the caller may sign its minutes now (S7): the chair,
/// every case recommended.
pub async fn get_signable(
    store: &Store,
    office: &OfficeAccess,
    id: i64,
) -> std::result::Result<(Session, Vec<AgendaItem>), SupervisionError> {
    let (session, agenda) = get(store, office, id).await?;
    let recommended = agenda.iter().filter(|a| a.recommendation.is_some()).count();
    rules::check_minutes(
        office.actor().user_id == Some(session.chair_id),
        agenda.len(),
        recommended,
    )?;
    Ok((session, agenda))
}

/// The minutes of a signed session of the office: its number and PDF; reading is audited.
pub async fn minutes(store: &Store, office: &OfficeAccess, id: i64) -> Result<(String, Vec<u8>)> {
    let (session, _) = get(store, office, id).await?;
    let document = session.minutes.ok_or(StoreError::NotFound)?;
    documents::office_content(store, office, document).await
}

/// The session's day and members present, for a recommendation recorded against it; read
/// inside the recommendation's transaction.
pub(crate) async fn held(
    conn: &mut sqlx::AnyConnection,
    session: i64,
) -> Result<(Date, Vec<UserId>, bool)> {
    let (held_on, present, signed): (String, String, Option<String>) =
        sqlx::query_as("SELECT held_on, present, signed_on FROM tpp_sessions WHERE id = $1")
            .bind(session)
            .fetch_one(&mut *conn)
            .await?;
    Ok((
        parse_date(&held_on)?,
        ids(&present).into_iter().map(UserId).collect(),
        signed.is_some(),
    ))
}
