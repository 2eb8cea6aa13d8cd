//! Organisation: regions (Kanwil), offices (Bapas) with their letterhead and time zone,
//! prosecutors' offices, and the minimal partner and person records that supervisors and
//! clients are bound to (later migrations extend those two).

use karya_domain::OfficeZone;
use serde::Serialize;
use serde_json::json;

use crate::access::Scope;
use crate::access::ScopeView;
use crate::audit::{Actor, Event};
use crate::db::Store;
use crate::error::{Result, StoreError, unique_as};
use crate::form_tokens::{self, Once};
use crate::ids::{OfficeId, PartnerId, PersonId, ProsecutorOfficeId, RegionId};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Region {
    pub id: i64,
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Office {
    pub id: i64,
    pub region_id: i64,
    pub region_name: String,
    pub code: String,
    pub name: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub time_zone: String,
    /// The official code printed in letter numbers; empty for the code in capitals.
    pub letter_code: String,
    /// The period of guidance-progress reports, in months (S4).
    pub progress_report_months: i64,
    pub version: i64,
}

impl Office {
    pub fn id(&self) -> OfficeId {
        OfficeId(self.id)
    }

    /// The office as its letter numbers name it: the official code when one is set,
    /// otherwise its own code (printed in capitals by the numbering).
    pub fn letter_code(&self) -> &str {
        if self.letter_code.is_empty() {
            &self.code
        } else {
            &self.letter_code
        }
    }
}

/// The editable fields of an office, already validated by the caller.
#[derive(Debug, Clone, Serialize)]
pub struct OfficeFields {
    pub region_id: RegionId,
    pub code: String,
    pub name: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub time_zone: OfficeZone,
    /// The official code for letter numbers, or empty.
    pub letter_code: String,
    /// The period of guidance-progress reports, in months (S4).
    pub progress_report_months: u8,
}

impl OfficeFields {
    fn summary(&self) -> serde_json::Value {
        json!({
            "region_id": self.region_id.0, "code": self.code, "name": self.name,
            "address": self.address, "phone": self.phone, "email": self.email,
            "time_zone": self.time_zone.iana_name(), "letter_code": self.letter_code,
            "progress_report_months": self.progress_report_months,
        })
    }
}

pub async fn create_region(
    store: &Store,
    actor: &Actor,
    code: &str,
    name: &str,
) -> Result<RegionId> {
    let mut tx = store.begin_write().await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO regions (code, name, created_at) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(code)
    .bind(name)
    .bind(store.now_text())
    .fetch_one(&mut *tx)
    .await
    .map_err(unique_as("code"))?;
    let event = Event::new(
        "region.create",
        "region",
        id,
        json!({"code": code, "name": name}),
    );
    store.audit(&mut tx, actor, event).await?;
    tx.commit().await?;
    Ok(RegionId(id))
}

pub async fn list_regions(store: &Store) -> Result<Vec<Region>> {
    Ok(
        sqlx::query_as("SELECT id, code, name FROM regions ORDER BY name")
            .fetch_all(store.pool())
            .await?,
    )
}

/// The office query; a macro so that `concat!` can make each variant `'static` SQL text.
macro_rules! office_select {
    ($tail:literal) => {
        concat!(
            "SELECT o.id, o.region_id, r.name AS region_name, o.code, o.name, o.address, ",
            "o.phone, o.email, o.time_zone, o.letter_code, o.progress_report_months, o.version ",
            "FROM offices o JOIN regions r ON r.id = o.region_id",
            $tail
        )
    };
}

/// Offices visible in `scope`: all (national), the region's, or the caller's own.
pub async fn list_offices(store: &Store, scope: Scope) -> Result<Vec<Office>> {
    let rows = match scope.0 {
        ScopeView::National => {
            sqlx::query_as(office_select!(" ORDER BY o.code"))
                .fetch_all(store.pool())
                .await?
        }
        ScopeView::Region(region) => {
            sqlx::query_as(office_select!(" WHERE o.region_id = $1 ORDER BY o.code"))
                .bind(region.0)
                .fetch_all(store.pool())
                .await?
        }
        ScopeView::Office(office) => {
            sqlx::query_as(office_select!(" WHERE o.id = $1"))
                .bind(office.0)
                .fetch_all(store.pool())
                .await?
        }
        ScopeView::Partner(_)
        | ScopeView::Person(_)
        | ScopeView::ProsecutorOffice(_)
        | ScopeView::Nothing => Vec::new(),
    };
    Ok(rows)
}

/// One office, if `scope` may see it; otherwise `NotFound` (no existence leak).
pub async fn get_office(store: &Store, scope: Scope, id: OfficeId) -> Result<Office> {
    list_offices(store, scope)
        .await?
        .into_iter()
        .find(|office| office.id == id.0)
        .ok_or(StoreError::NotFound)
}

/// The office of a case the caller opened: its letterhead and time zone.
pub async fn office_of_case(store: &Store, access: &crate::access::CaseAccess) -> Result<Office> {
    office_by_id(store, access.office_id()).await
}

/// The office of a staff member or a partner the caller's office scope reached.
pub async fn office_of(store: &Store, office: &crate::access::OfficeAccess) -> Result<Office> {
    office_by_id(store, office.office()).await
}

async fn office_by_id(store: &Store, id: OfficeId) -> Result<Office> {
    sqlx::query_as(office_select!(" WHERE o.id = $1"))
        .bind(id.0)
        .fetch_optional(store.pool())
        .await?
        .ok_or(StoreError::NotFound)
}

/// Looks an office up by code for operators' commands (no user scope applies there).
pub async fn office_by_code(store: &Store, code: &str) -> Result<Office> {
    sqlx::query_as(office_select!(" WHERE o.code = $1"))
        .bind(code)
        .fetch_optional(store.pool())
        .await?
        .ok_or(StoreError::NotFound)
}

pub async fn create_office(
    store: &Store,
    actor: &Actor,
    fields: &OfficeFields,
    once: Option<Once<'_>>,
) -> Result<OfficeId> {
    let mut tx = store.begin_write().await?;
    form_tokens::guard(&mut tx, once, store.now_ms()).await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO offices (region_id, code, name, address, phone, email, time_zone, created_at, letter_code,
            progress_report_months)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(fields.region_id.0)
    .bind(&fields.code)
    .bind(&fields.name)
    .bind(&fields.address)
    .bind(&fields.phone)
    .bind(&fields.email)
    .bind(fields.time_zone.iana_name())
    .bind(store.now_text())
    .bind(&fields.letter_code)
    .bind(i64::from(fields.progress_report_months))
    .fetch_one(&mut *tx)
    .await
    .map_err(unique_as("code"))?;
    let event = Event::new(
        "office.create",
        "office",
        id,
        json!({"after": fields.summary()}),
    );
    store.audit(&mut tx, actor, event).await?;
    form_tokens::finish(&mut tx, once, &format!("office:{id}")).await?;
    tx.commit().await?;
    Ok(OfficeId(id))
}

/// Updates an office if nobody changed it since `expected_version` was read.
pub async fn update_office(
    store: &Store,
    actor: &Actor,
    id: OfficeId,
    expected_version: i64,
    fields: &OfficeFields,
) -> Result<()> {
    let mut tx = store.begin_write().await?;
    let before: Option<Office> = sqlx::query_as(office_select!(" WHERE o.id = $1"))
        .bind(id.0)
        .fetch_optional(&mut *tx)
        .await?;
    let before = before.ok_or(StoreError::NotFound)?;
    let changed = sqlx::query(
        "UPDATE offices SET region_id = $1, code = $2, name = $3, address = $4, phone = $5,
            email = $6, time_zone = $7, letter_code = $10, progress_report_months = $11,
            version = version + 1
         WHERE id = $8 AND version = $9",
    )
    .bind(fields.region_id.0)
    .bind(&fields.code)
    .bind(&fields.name)
    .bind(&fields.address)
    .bind(&fields.phone)
    .bind(&fields.email)
    .bind(fields.time_zone.iana_name())
    .bind(id.0)
    .bind(expected_version)
    .bind(&fields.letter_code)
    .bind(i64::from(fields.progress_report_months))
    .execute(&mut *tx)
    .await
    .map_err(unique_as("code"))?;
    if changed.rows_affected() == 0 {
        return Err(StoreError::Conflict);
    }
    let summary = json!({"before": before, "after": fields.summary()});
    store
        .audit(
            &mut tx,
            actor,
            Event::new("office.update", "office", id, summary),
        )
        .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn create_prosecutor_office(
    store: &Store,
    actor: &Actor,
    region: RegionId,
    code: &str,
    name: &str,
) -> Result<ProsecutorOfficeId> {
    let mut tx = store.begin_write().await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO prosecutor_offices (region_id, code, name, created_at)
         VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(region.0)
    .bind(code)
    .bind(name)
    .bind(store.now_text())
    .fetch_one(&mut *tx)
    .await
    .map_err(unique_as("code"))?;
    let event = Event::new(
        "prosecutor_office.create",
        "prosecutor_office",
        id,
        json!({"code": code, "name": name}),
    );
    store.audit(&mut tx, actor, event).await?;
    tx.commit().await?;
    Ok(ProsecutorOfficeId(id))
}

pub async fn prosecutor_office_by_code(store: &Store, code: &str) -> Result<ProsecutorOfficeId> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM prosecutor_offices WHERE code = $1")
        .bind(code)
        .fetch_optional(store.pool())
        .await?;
    row.map(|(id,)| ProsecutorOfficeId(id))
        .ok_or(StoreError::NotFound)
}

pub async fn create_partner(
    store: &Store,
    actor: &Actor,
    office: OfficeId,
    name: &str,
) -> Result<PartnerId> {
    let mut tx = store.begin_write().await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO partners (office_id, name, created_at) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(office.0)
    .bind(name)
    .bind(store.now_text())
    .fetch_one(&mut *tx)
    .await?;
    let mut scoped_actor = actor.clone();
    scoped_actor.office_id = Some(office);
    let event = Event::new("partner.create", "partner", id, json!({"name": name}));
    store.audit(&mut tx, &scoped_actor, event).await?;
    tx.commit().await?;
    Ok(PartnerId(id))
}

/// Creates a person record. The summary holds no personal data: only the id is audited.
pub async fn create_person(store: &Store, actor: &Actor, full_name: &str) -> Result<PersonId> {
    let mut tx = store.begin_write().await?;
    let (id,): (i64,) =
        sqlx::query_as("INSERT INTO persons (full_name, created_at) VALUES ($1, $2) RETURNING id")
            .bind(full_name)
            .bind(store.now_text())
            .fetch_one(&mut *tx)
            .await?;
    store
        .audit(
            &mut tx,
            actor,
            Event::new("person.create", "person", id, json!({})),
        )
        .await?;
    tx.commit().await?;
    Ok(PersonId(id))
}

macro_rules! name_lookup {
    ($(#[$doc:meta])* $fn_name:ident, $id:ty, $sql:literal) => {
        $(#[$doc])*
        pub async fn $fn_name(store: &Store, id: $id) -> Result<String> {
            let row: Option<(String,)> = sqlx::query_as($sql).bind(id.0).fetch_optional(store.pool()).await?;
            row.map(|(name,)| name).ok_or(StoreError::NotFound)
        }
    };
}

name_lookup!(
    /// The region's name, for showing a regional manager their scope.
    region_name, RegionId, "SELECT name FROM regions WHERE id = $1"
);
name_lookup!(
    /// The office's name, for showing staff their scope.
    office_name, OfficeId, "SELECT name FROM offices WHERE id = $1"
);
name_lookup!(
    /// The partner's name, for showing a supervisor their scope.
    partner_name, PartnerId, "SELECT name FROM partners WHERE id = $1"
);
name_lookup!(
    /// The prosecutor's office name, for showing a prosecutor their scope.
    prosecutor_office_name, ProsecutorOfficeId, "SELECT name FROM prosecutor_offices WHERE id = $1"
);

/// Prosecutors' offices, for choosing the one that executes a decision.
pub async fn list_prosecutor_offices(store: &Store) -> Result<Vec<(i64, String)>> {
    Ok(
        sqlx::query_as("SELECT id, name FROM prosecutor_offices ORDER BY name")
            .fetch_all(store.pool())
            .await?,
    )
}
