//! The register book (§2.2.4): the person's data recorded once per person (G1, G2), matched
//! against those already in the system before anyone is added (G3), and the case entered in
//! the office's book with a number that runs per office and year.

use jiff::civil::Date;
use karya_domain::Transition;
use karya_domain::register::{RegisterData, normalized_name};
use serde_json::json;

use crate::access::CaseAccess;
use crate::access::OfficeAccess;
use crate::audit::Event;
use crate::cases::{CaseError, TransitionRefs, get_on, lock, transition_on};
use crate::db::Store;
use crate::error::{Result, StoreError};
use crate::ids::PersonId;

/// A person already in the system who may be the same as the one being registered (G3).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Candidate {
    pub id: i64,
    pub full_name: String,
    pub birth_date: Option<String>,
    pub nik: Option<String>,
    pub cases: i64,
}

/// People with the same NIK, or with the same name (normalised) and birth date, other than
/// `except` (the case's own person record).
pub async fn candidates(
    store: &Store,
    access: &CaseAccess,
    nik: Option<&str>,
    name: &str,
    birth_date: Option<Date>,
) -> Result<Vec<Candidate>> {
    // Searching everyone's identity is the registry's, for the case it registers (G3).
    access.actor_for(karya_domain::Permission::RegisterPeople)?;
    let except = access.case().person_id;
    Ok(sqlx::query_as(
        "SELECT p.id, p.full_name, p.birth_date, p.nik, (SELECT COUNT(*) FROM cases c WHERE c.person_id = p.id) AS cases
         FROM persons p
         WHERE p.id <> $1 AND ((p.nik IS NOT NULL AND p.nik = $2) OR (p.name_key = $3 AND p.birth_date = $4))
         ORDER BY p.id",
    )
    .bind(except.0)
    .bind(nik.unwrap_or(""))
    .bind(normalized_name(name))
    .bind(birth_date.map(|d| d.to_string()).unwrap_or_default())
    .fetch_all(store.pool())
    .await?)
}

/// Records the person's data and enters the case in the register book, moving it to
/// `registered`. With `merge_into`, the case is linked to that existing person, whose record
/// is updated, instead of keeping a second record of the same person (G3). Returns the
/// book's (year, number).
pub async fn register(
    store: &Store,
    access: &CaseAccess,
    data: &RegisterData,
    nik: Option<&str>,
    merge_into: Option<PersonId>,
    today: Date,
) -> Result<(i32, i64), CaseError> {
    let actor = &access.actor_for(karya_domain::Permission::RegisterPeople)?;
    let scope = access.scope();
    let case_id = access.id();
    let user = access.user().id;
    let roles = &access.roles_for(karya_domain::Permission::RegisterPeople);
    // A case is linked only to a person the register found as possibly the same (G3),
    // never to any person by id; and someone whose NIK is on record is never a new person.
    let found = candidates(store, access, nik, &data.full_name, data.birth_date).await?;
    if let Some(person) = merge_into
        && !found.iter().any(|c| c.id == person.0)
    {
        return Err(CaseError::Store(StoreError::NotFound));
    }
    let identical_nik = nik.is_some() && found.iter().any(|c| c.nik.as_deref() == nik);
    karya_domain::register::check_identical_nik_is_linked(identical_nik, merge_into.is_some())?;
    let mut tx = store.begin_write().await?;
    let case = get_on(&mut tx, scope, case_id).await?;
    lock(&mut tx, case_id).await?;
    let person = merge_into.unwrap_or(case.person_id);
    sqlx::query(
        "UPDATE persons SET full_name = $1, aliases = $2, nik = $3, birth_place = $4, birth_date = $5, sex = $6,
            address = $7, district_code = $8, occupation = $9, father_name = $10, mother_name = $11, contact = $12,
            tattoos = $13, piercings = $14, limbs = $15, illnesses = $16, other_features = $17, name_key = $18
         WHERE id = $19",
    )
    .bind(data.full_name.trim())
    .bind(data.aliases.trim())
    .bind(nik)
    .bind(data.birth_place.trim())
    .bind(data.birth_date.map(|d| d.to_string()))
    .bind(data.sex.map(|s| match s {
        karya_domain::Sex::Male => "male",
        karya_domain::Sex::Female => "female",
    }))
    .bind(data.address.trim())
    .bind(data.district_code.trim())
    .bind(data.occupation.trim())
    .bind(data.father_name.trim())
    .bind(data.mother_name.trim())
    .bind(data.contact.trim())
    .bind(data.tattoos.trim())
    .bind(data.piercings.trim())
    .bind(data.limbs.trim())
    .bind(data.illnesses.trim())
    .bind(data.other_features.trim())
    .bind(normalized_name(&data.full_name))
    .bind(person.0)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE cases SET person_id = $1, identity_recorded = 1 WHERE id = $2")
        .bind(person.0)
        .bind(case_id.0)
        .execute(&mut *tx)
        .await?;
    if person != case.person_id {
        // The record made at intake is the same person: its files follow the case to the
        // record kept, and it goes, unless another case still names it (G3: no orphan).
        sqlx::query("UPDATE attachments SET person_id = $1 WHERE person_id = $2 AND case_id = $3")
            .bind(person.0)
            .bind(case.person_id.0)
            .bind(case_id.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "DELETE FROM persons WHERE id = $1
               AND NOT EXISTS (SELECT 1 FROM cases WHERE person_id = $1)
               AND NOT EXISTS (SELECT 1 FROM attachments WHERE person_id = $1)
               AND NOT EXISTS (SELECT 1 FROM users WHERE person_id = $1)",
        )
        .bind(case.person_id.0)
        .execute(&mut *tx)
        .await?;
    }
    transition_on(
        &mut tx,
        store,
        actor,
        scope,
        case_id,
        Transition::Register,
        roles,
        &TransitionRefs::default(),
    )
    .await?;
    // The office row's lock serialises numbering within the office on both engines.
    sqlx::query("UPDATE offices SET version = version WHERE id = $1")
        .bind(case.office_id.0)
        .execute(&mut *tx)
        .await?;
    let year = i32::from(today.year());
    let (number,): (i64,) =
        sqlx::query_as("SELECT COALESCE(MAX(number), 0) + 1 FROM register_entries WHERE office_id = $1 AND year = $2")
            .bind(case.office_id.0)
            .bind(i64::from(year))
            .fetch_one(&mut *tx)
            .await?;
    sqlx::query(
        "INSERT INTO register_entries (office_id, year, number, case_id, registered_on, registered_by)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(case.office_id.0)
    .bind(i64::from(year))
    .bind(number)
    .bind(case_id.0)
    .bind(today.to_string())
    .bind(user.0)
    .execute(&mut *tx)
    .await?;
    let has_features = [
        &data.tattoos,
        &data.piercings,
        &data.limbs,
        &data.illnesses,
        &data.other_features,
    ]
    .iter()
    .any(|f| !f.trim().is_empty());
    let steps: &[u8] = if has_features { &[2, 4] } else { &[2] };
    crate::sop::stamp(
        &mut tx,
        store,
        case_id,
        karya_domain::sop::SopKind::Register,
        steps,
        actor,
    )
    .await?;
    let mut actor = actor.clone();
    actor.office_id = Some(case.office_id);
    // No personal data in the trail: the person's id and the book's number only.
    let summary = json!({"person_id": person.0, "merged": merge_into.is_some(), "year": year, "number": number});
    store
        .audit(
            &mut tx,
            &actor,
            Event::new("register.record", "case", case_id, summary),
        )
        .await?;
    tx.commit().await?;
    Ok((year, number))
}

/// Whether the stored birth date and decision date make the client a child
/// (`karya_domain::child`); an unreadable date makes no child.
pub(crate) fn child_on_record(birth_date: Option<&str>, date_final: &str) -> bool {
    let birth = birth_date.and_then(|d| d.parse().ok());
    date_final
        .parse()
        .is_ok_and(|decided| karya_domain::child::is_child(birth, decided))
}

/// A client's name as a list outside the case page shows it, from the stored dates: a
/// child's initials (`karya_domain::child`).
pub(crate) fn listed_name_on_record(
    name: &str,
    birth_date: Option<&str>,
    date_final: &str,
) -> String {
    karya_domain::child::listed_name(name, child_on_record(birth_date, date_final))
}

impl BookEntry {
    /// Whether the client was a child when the decision became final (`karya_domain::child`):
    /// the book then shows initials and leaves out the NIK and the address.
    pub fn is_child(&self) -> bool {
        child_on_record(self.birth_date.as_deref(), &self.date_final)
    }

    /// The line as the book lists it: a child's initials, without the NIK or the address.
    pub fn listed(mut self) -> BookEntry {
        if self.is_child() {
            self.full_name = karya_domain::child::listed_name(&self.full_name, true);
            self.nik = None;
            self.address = "—".to_owned();
            self.father_name = "—".to_owned();
            self.mother_name = "—".to_owned();
        }
        self
    }

    /// The articles of the offence, as the decision states them (G1).
    pub fn offence(&self) -> String {
        serde_json::from_str::<karya_domain::SentenceTerms>(&self.terms)
            .map(|terms| terms.offence_articles)
            .unwrap_or_default()
    }
}

/// One line of the register book.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BookEntry {
    pub year: i64,
    pub number: i64,
    pub case_id: i64,
    pub full_name: String,
    pub nik: Option<String>,
    pub birth_place: String,
    pub birth_date: Option<String>,
    pub address: String,
    pub occupation: String,
    pub father_name: String,
    pub mother_name: String,
    /// The sentence's terms as stored (JSON), for the offence.
    pub terms: String,
    pub decision_number: String,
    pub date_final: String,
    pub status: String,
    pub registered_on: String,
    /// The day the termination letter was issued (T3), and why.
    pub terminated_on: Option<String>,
    pub termination_reason: Option<String>,
}

/// The office's register book, newest first, every entry (an export that stops early is
/// incomplete without a word); `year` 0 for every year; `query` matches the name, the NIK,
/// the decision number or the register number.
pub async fn book(
    store: &Store,
    office: &OfficeAccess,
    year: i64,
    query: &str,
) -> Result<Vec<BookEntry>> {
    let office = office.office();
    let pattern = format!("%{}%", query.trim().to_lowercase());
    Ok(sqlx::query_as(
        "SELECT r.year, r.number, r.case_id, p.full_name, p.nik, p.birth_place, p.birth_date, p.address,
            p.occupation, p.father_name, p.mother_name, c.terms, c.decision_number, c.date_final,
            c.status, r.registered_on, r.terminated_on, r.termination_reason
         FROM register_entries r JOIN cases c ON c.id = r.case_id JOIN persons p ON p.id = c.person_id
         WHERE r.office_id = $1 AND ($2 = 0 OR r.year = $2)
           AND (LOWER(p.full_name) LIKE $3 OR COALESCE(p.nik, '') LIKE $3 OR LOWER(c.decision_number) LIKE $3
                OR CAST(r.number AS TEXT) = $4)
         ORDER BY r.year DESC, r.number DESC",
    )
    .bind(office.0)
    .bind(year)
    .bind(pattern)
    .bind(query.trim())
    .fetch_all(store.pool())
    .await?)
}

/// The person's address as recorded (at intake or in the register); empty if unknown.
/// The client's address as registered, for the letters sent to them.
pub async fn person_address(store: &Store, access: &CaseAccess) -> Result<String> {
    let person = access.case().person_id;
    let row: Option<(String,)> = sqlx::query_as("SELECT address FROM persons WHERE id = $1")
        .bind(person.0)
        .fetch_optional(store.pool())
        .await?;
    Ok(row.map(|(a,)| a).unwrap_or_default())
}

/// What a document's identity block shows of a person: NIK, place and date of birth,
/// address (all as recorded; empty or `None` when the register has not recorded them).
#[derive(Debug, Clone, Default, sqlx::FromRow)]
pub struct Identity {
    pub nik: Option<String>,
    pub birth_place: String,
    pub birth_date: Option<String>,
    pub address: String,
}

/// The client's identity (NIK, birth, address) for the documents that print it: the
/// register, the forms, the Litmas and the termination papers. Every read is audited.
pub async fn identity(store: &Store, access: &CaseAccess) -> Result<Identity> {
    use karya_domain::Permission as P;
    let actor = [
        P::RegisterPeople,
        P::IssueForms,
        P::ReadLitmas,
        P::TerminateCases,
    ]
    .into_iter()
    .find_map(|permission| access.actor_for(permission).ok())
    .ok_or(StoreError::Forbidden)?;
    let person = access.case().person_id;
    store
        .audit_alone(
            &actor,
            Event::new(
                "person.identity_read",
                "person",
                person,
                json!({"case_id": access.id().0}),
            ),
        )
        .await?;
    Ok(
        sqlx::query_as("SELECT nik, birth_place, birth_date, address FROM persons WHERE id = $1")
            .bind(person.0)
            .fetch_optional(store.pool())
            .await?
            .unwrap_or_default(),
    )
}
