//! A partner's profile (§2.1.2 b): what it is, where, who to contact, what it offers and
//! when it is open. Edits use optimistic locking; every write is audited.

use jiff::civil::{Time, Weekday};
use karya_domain::partner::{Kind, Stage};
use karya_domain::placement::{Accommodation, Accommodations, Field, WorkFormId};
use karya_domain::schedule::parse_time;
use serde_json::json;

use super::codec::{days_code, join, parse_days, split};
use crate::access::OfficeAccess;
use crate::audit::Event;
use crate::db::Store;
use crate::error::{Result, StoreError};
use crate::ids::{OfficeId, PartnerId};

/// What a person types about a partner.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnerFields {
    pub name: String,
    pub kind: Kind,
    pub field: Field,
    pub address: String,
    pub district_code: String,
    /// (latitude, longitude)
    pub location: Option<(f64, f64)>,
    pub contact_name: String,
    pub contact_phone: String,
    pub contact_email: String,
    /// L3: the partner declared the work is not commercialised.
    pub non_commercial: bool,
    /// Clients at once.
    pub capacity_clients: i64,
    pub hours_per_day: i64,
    pub opening_days: Vec<Weekday>,
    pub opening_from: Time,
    pub opening_to: Time,
    pub accommodations: Accommodations,
    pub work_forms: Vec<WorkFormId>,
}

/// A partner as stored, with its current agreement and how many clients it has now.
#[derive(Debug, Clone)]
pub struct Partner {
    pub id: PartnerId,
    pub office_id: OfficeId,
    pub fields: PartnerFields,
    pub stage: Stage,
    pub version: i64,
    /// The latest agreement: (number, starts_on, ends_on).
    pub agreement: Option<(String, jiff::civil::Date, jiff::civil::Date)>,
    /// Clients placed there now.
    pub placed: i64,
    /// Supervisors (PJ) bound to the partner: (user id, name).
    pub supervisors: Vec<(i64, String)>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    office_id: i64,
    name: String,
    kind: String,
    field: String,
    address: String,
    district_code: String,
    latitude: Option<f64>,
    longitude: Option<f64>,
    contact_name: String,
    contact_phone: String,
    contact_email: String,
    non_commercial: i64,
    capacity_clients: i64,
    hours_per_day: i64,
    opening_days: String,
    opening_from: String,
    opening_to: String,
    accommodations: String,
    work_forms: String,
    stage: String,
    version: i64,
    agreement_number: Option<String>,
    starts_on: Option<String>,
    ends_on: Option<String>,
    placed: i64,
}

/// The partner query with a condition; a macro so the SQL stays `'static` text.
macro_rules! select {
    ($condition:literal) => {
        concat!(
            "SELECT p.id, p.office_id, p.name, p.kind, p.field, p.address, p.district_code, ",
            "p.latitude, p.longitude, p.contact_name, p.contact_phone, p.contact_email, ",
            "p.non_commercial, p.capacity_clients, p.hours_per_day, p.opening_days, ",
            "p.opening_from, p.opening_to, p.accommodations, p.work_forms, p.stage, p.version, ",
            "a.number AS agreement_number, a.starts_on, a.ends_on, ",
            "(SELECT COUNT(*) FROM placements pl WHERE pl.partner_id = p.id AND pl.ended_on IS NULL) AS placed ",
            "FROM partners p LEFT JOIN agreements a ON a.id = ",
            "(SELECT MAX(a2.id) FROM agreements a2 WHERE a2.partner_id = p.id) ",
            "WHERE ",
            $condition
        )
    };
}

fn corrupt(what: &str) -> StoreError {
    StoreError::Other(anyhow::anyhow!("stored partner {what} is unreadable"))
}

impl Row {
    fn into_partner(self) -> Result<Partner> {
        let time = |t: &str| parse_time(t).ok_or_else(|| corrupt("opening hours"));
        let date = |d: &Option<String>| d.as_deref().and_then(|d| d.parse().ok());
        let agreement = match (
            self.agreement_number,
            date(&self.starts_on),
            date(&self.ends_on),
        ) {
            (Some(n), Some(s), Some(e)) => Some((n, s, e)),
            _ => None,
        };
        Ok(Partner {
            id: PartnerId(self.id),
            office_id: OfficeId(self.office_id),
            stage: Stage::parse(&self.stage).ok_or_else(|| corrupt("stage"))?,
            version: self.version,
            agreement,
            placed: self.placed,
            supervisors: Vec::new(),
            fields: PartnerFields {
                name: self.name,
                kind: Kind::parse(&self.kind).ok_or_else(|| corrupt("kind"))?,
                field: Field::parse(&self.field).ok_or_else(|| corrupt("field"))?,
                address: self.address,
                district_code: self.district_code,
                location: self.latitude.zip(self.longitude),
                contact_name: self.contact_name,
                contact_phone: self.contact_phone,
                contact_email: self.contact_email,
                non_commercial: self.non_commercial != 0,
                capacity_clients: self.capacity_clients,
                hours_per_day: self.hours_per_day,
                opening_days: parse_days(&self.opening_days),
                opening_from: time(&self.opening_from)?,
                opening_to: time(&self.opening_to)?,
                accommodations: split(&self.accommodations, Accommodation::parse)
                    .into_iter()
                    .fold(Accommodations::default(), |set, a| set.with(a)),
                work_forms: split(&self.work_forms, WorkFormId::parse),
            },
        })
    }
}

/// The office's partners, by name.
pub async fn list(store: &Store, office: &OfficeAccess) -> Result<Vec<Partner>> {
    list_in(store, office.office()).await
}

/// The partners of the office of a case being assessed (the victim's places, P-rules).
pub async fn list_for_case(
    store: &Store,
    access: &crate::access::CaseAccess,
) -> Result<Vec<Partner>> {
    access.actor_for(karya_domain::Permission::AssessCases)?;
    list_in(store, access.office_id()).await
}

pub(crate) async fn list_in(store: &Store, office: OfficeId) -> Result<Vec<Partner>> {
    let rows: Vec<Row> = sqlx::query_as(select!("p.office_id = $1 ORDER BY p.name, p.id"))
        .bind(office.0)
        .fetch_all(store.pool())
        .await?;
    rows.into_iter().map(Row::into_partner).collect()
}

/// One partner of the office, with its supervisors.
/// A partner of the office of a case the caller opened (the placement's work place).
pub async fn get_for_case(
    store: &Store,
    access: &crate::access::CaseAccess,
    id: PartnerId,
) -> Result<Partner> {
    get_in(store, access.office_id(), id).await
}

pub async fn get(store: &Store, office: &OfficeAccess, id: PartnerId) -> Result<Partner> {
    get_in(store, office.office(), id).await
}

pub(crate) async fn get_in(store: &Store, office: OfficeId, id: PartnerId) -> Result<Partner> {
    let row: Row = sqlx::query_as(select!("p.office_id = $1 AND p.id = $2"))
        .bind(office.0)
        .bind(id.0)
        .fetch_optional(store.pool())
        .await?
        .ok_or(StoreError::NotFound)?;
    let mut partner = row.into_partner()?;
    partner.supervisors = sqlx::query_as(
        "SELECT u.id, u.display_name FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'site_supervisor'
         WHERE u.partner_id = $1 AND u.disabled = 0 ORDER BY u.display_name",
    )
    .bind(id.0)
    .fetch_all(store.pool())
    .await?;
    Ok(partner)
}

fn summary(fields: &PartnerFields) -> serde_json::Value {
    json!({
        "name": fields.name,
        "kind": fields.kind.as_str(),
        "field": fields.field.as_str(),
        "non_commercial": fields.non_commercial,
        "capacity_clients": fields.capacity_clients,
        "work_forms": join(fields.work_forms.iter().map(|w| w.code())),
    })
}

/// A partner's location, written apart from its other fields (see `crate::points`).
const LOCATION: crate::points::PointColumns = crate::points::PointColumns {
    table: "partners",
    latitude: "latitude",
    longitude: "longitude",
    key: "id",
};

/// Binds the profile columns in the order of the INSERT and UPDATE statements below.
macro_rules! bind_fields {
    ($query:expr, $f:expr) => {
        $query
            .bind(&$f.name)
            .bind($f.kind.as_str())
            .bind($f.field.as_str())
            .bind(&$f.address)
            .bind(&$f.district_code)
            .bind(&$f.contact_name)
            .bind(&$f.contact_phone)
            .bind(&$f.contact_email)
            .bind(i64::from($f.non_commercial))
            .bind($f.capacity_clients)
            .bind($f.hours_per_day)
            .bind(days_code(&$f.opening_days))
            .bind($f.opening_from.strftime("%H:%M").to_string())
            .bind($f.opening_to.strftime("%H:%M").to_string())
            .bind(join($f.accommodations.iter().map(|a| a.as_str())))
            .bind(join($f.work_forms.iter().map(|w| w.code())))
    };
}

/// Maps a new partner (§2.1.2 a), with whatever of its profile is known.
pub async fn create(
    store: &Store,
    office: &OfficeAccess,
    fields: &PartnerFields,
) -> Result<PartnerId> {
    let (actor, office) = (office.actor(), office.office());
    let mut tx = store.begin_write().await?;
    let (id,): (i64,) = bind_fields!(
        sqlx::query_as(
            "INSERT INTO partners (name, kind, field, address, district_code,
                contact_name, contact_phone, contact_email, non_commercial, capacity_clients,
                hours_per_day, opening_days, opening_from, opening_to, accommodations, work_forms,
                office_id, stage, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 'mapped', $18)
             RETURNING id",
        ),
        fields
    )
    .bind(office.0)
    .bind(store.now_text())
    .fetch_one(&mut *tx)
    .await?;
    crate::points::write(&mut tx, &LOCATION, id, fields.location).await?;
    store
        .audit_in(
            &mut tx,
            actor,
            office,
            Event::new("partner.create", "partner", id, summary(fields)),
        )
        .await?;
    tx.commit().await?;
    Ok(PartnerId(id))
}

/// Saves the profile if nobody changed it since `version` was read.
pub async fn update(
    store: &Store,
    office: &OfficeAccess,
    id: PartnerId,
    version: i64,
    fields: &PartnerFields,
) -> Result<()> {
    let (actor, office) = (office.actor(), office.office());
    let mut tx = store.begin_write().await?;
    let updated = bind_fields!(
        sqlx::query(
            "UPDATE partners SET name = $1, kind = $2, field = $3, address = $4, district_code = $5,
                contact_name = $6, contact_phone = $7, contact_email = $8,
                non_commercial = $9, capacity_clients = $10, hours_per_day = $11, opening_days = $12,
                opening_from = $13, opening_to = $14, accommodations = $15, work_forms = $16,
                version = version + 1
             WHERE office_id = $17 AND id = $18 AND version = $19",
        ),
        fields
    )
    .bind(office.0)
    .bind(id.0)
    .bind(version)
    .execute(&mut *tx)
    .await?;
    if updated.rows_affected() == 0 {
        let exists: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM partners WHERE office_id = $1 AND id = $2")
                .bind(office.0)
                .bind(id.0)
                .fetch_optional(&mut *tx)
                .await?;
        return Err(if exists.is_some() {
            StoreError::Conflict
        } else {
            StoreError::NotFound
        });
    }
    crate::points::write(&mut tx, &LOCATION, id.0, fields.location).await?;
    store
        .audit_in(
            &mut tx,
            actor,
            office,
            Event::new("partner.update", "partner", id.0, summary(fields)),
        )
        .await?;
    tx.commit().await?;
    Ok(())
}
