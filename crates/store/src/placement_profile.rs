//! The client's profile for placement (§2.3.1): what the ranking needs to keep the client
//! and others safe (P1–P10) and the work attendable (P3, L6). It holds health data, so its
//! audit event says only that it changed.

use jiff::civil::Time;
use karya_domain::placement::{
    ClientProfile, Coordinates, Field, Fields, PartnerId as DomainPartnerId, SpecialNeed,
    SpecialNeeds,
};
use karya_domain::schedule::parse_time;
use serde_json::json;

use crate::access::CaseAccess;
use crate::audit::Event;
use crate::cases::get_on;
use crate::db::Store;
use crate::error::Result;
use crate::partners::codec_support::{join_codes, split_codes};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlacementProfile {
    pub profession: String,
    /// Fields the client's profession or skills fit (preferred, not mandatory).
    pub skill_fields: Fields,
    /// P1: the field of an offence committed through the profession.
    pub offence_field: Option<Field>,
    /// P1: fields where the client was a victim or that may cause trauma.
    pub trauma_fields: Fields,
    /// P2: partners where the victim lives or works.
    pub victim_partners: Vec<i64>,
    pub victim_note: String,
    /// P2: where the victim lives or works (latitude, longitude).
    pub victim_location: Option<(f64, f64)>,
    /// P3: the client's home (latitude, longitude).
    pub home: Option<(f64, f64)>,
    pub dependants: i64,
    pub special_needs: SpecialNeeds,
    pub safety_skill: bool,
    pub infectious_disease: bool,
    pub medical_clearance: bool,
    pub monitoring_required: bool,
    /// L6: the hours the client works for a living.
    pub livelihood: Option<(Time, Time)>,
}

impl PlacementProfile {
    /// The profile in the placement engine's terms.
    pub fn client_profile(&self) -> ClientProfile {
        let point = |p: Option<(f64, f64)>| p.and_then(|(lat, lon)| Coordinates::new(lat, lon));
        ClientProfile {
            home: point(self.home),
            dependants: u32::try_from(self.dependants.max(0)).unwrap_or(0),
            skill_fields: self.skill_fields,
            offence_through_profession: self.offence_field,
            trauma_fields: self.trauma_fields,
            trauma_partners: Vec::new(),
            victim_partners: self
                .victim_partners
                .iter()
                .map(|id| DomainPartnerId(*id))
                .collect(),
            victim_locations: point(self.victim_location).into_iter().collect(),
            special_needs: self.special_needs,
            safety_skill: self.safety_skill,
            infectious_disease: self.infectious_disease,
            medical_clearance: self.medical_clearance,
            monitoring_required: self.monitoring_required,
        }
    }
}

#[derive(sqlx::FromRow)]
struct Row {
    profession: String,
    skill_fields: String,
    offence_field: String,
    trauma_fields: String,
    victim_partner_ids: String,
    victim_note: String,
    victim_latitude: Option<f64>,
    victim_longitude: Option<f64>,
    home_latitude: Option<f64>,
    home_longitude: Option<f64>,
    dependants: i64,
    special_needs: String,
    safety_skill: i64,
    infectious_disease: i64,
    medical_clearance: i64,
    monitoring_required: i64,
    livelihood_from: String,
    livelihood_to: String,
}

/// The case's profile, if one was recorded.
pub async fn get(store: &Store, access: &CaseAccess) -> Result<Option<PlacementProfile>> {
    access.actor_for(karya_domain::Permission::ReadLitmas)?;
    let scope = access.scope();
    let case = access.id();
    let mut conn = store.pool().acquire().await?;
    get_on(&mut conn, scope, case).await?;
    let row: Option<Row> = sqlx::query_as(
        "SELECT profession, skill_fields, offence_field, trauma_fields, victim_partner_ids, victim_note,
                victim_latitude, victim_longitude, home_latitude, home_longitude, dependants,
                special_needs, safety_skill, infectious_disease, medical_clearance,
                monitoring_required, livelihood_from, livelihood_to
         FROM placement_profiles WHERE case_id = $1",
    )
    .bind(case.0)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|r| PlacementProfile {
        profession: r.profession,
        skill_fields: Fields::of(&split_codes(&r.skill_fields, Field::parse)),
        offence_field: Field::parse(&r.offence_field),
        trauma_fields: Fields::of(&split_codes(&r.trauma_fields, Field::parse)),
        victim_partners: split_codes(&r.victim_partner_ids, |c| c.parse().ok()),
        victim_note: r.victim_note,
        victim_location: r.victim_latitude.zip(r.victim_longitude),
        home: r.home_latitude.zip(r.home_longitude),
        dependants: r.dependants,
        special_needs: SpecialNeeds::of(&split_codes(&r.special_needs, SpecialNeed::parse)),
        safety_skill: r.safety_skill != 0,
        infectious_disease: r.infectious_disease != 0,
        medical_clearance: r.medical_clearance != 0,
        monitoring_required: r.monitoring_required != 0,
        livelihood: parse_time(&r.livelihood_from).zip(parse_time(&r.livelihood_to)),
    }))
}

/// Records the profile (replacing the previous one), audited without its content.
pub async fn save(store: &Store, access: &CaseAccess, p: &PlacementProfile) -> Result<()> {
    let actor = &access.actor_for(karya_domain::Permission::AssessCases)?;
    let scope = access.scope();
    let case = access.id();
    let mut tx = store.begin_write().await?;
    let found = get_on(&mut tx, scope, case).await?;
    sqlx::query("DELETE FROM placement_profiles WHERE case_id = $1")
        .bind(case.0)
        .execute(&mut *tx)
        .await?;
    let hhmm = |t: Option<Time>| {
        t.map(|t| t.strftime("%H:%M").to_string())
            .unwrap_or_default()
    };
    sqlx::query(
        "INSERT INTO placement_profiles (case_id, profession, skill_fields, offence_field, trauma_fields,
            victim_partner_ids, victim_note, dependants, special_needs, safety_skill, infectious_disease,
            medical_clearance, monitoring_required, livelihood_from, livelihood_to, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
    )
    .bind(case.0)
    .bind(&p.profession)
    .bind(join_codes(p.skill_fields.iter().map(|f| f.as_str())))
    .bind(p.offence_field.map(|f| f.as_str()).unwrap_or(""))
    .bind(join_codes(p.trauma_fields.iter().map(|f| f.as_str())))
    .bind(p.victim_partners.iter().map(|id| id.to_string()).collect::<Vec<_>>().join(","))
    .bind(&p.victim_note)
    .bind(p.dependants)
    .bind(join_codes(p.special_needs.iter().map(|n| n.as_str())))
    .bind(i64::from(p.safety_skill))
    .bind(i64::from(p.infectious_disease))
    .bind(i64::from(p.medical_clearance))
    .bind(i64::from(p.monitoring_required))
    .bind(hhmm(p.livelihood.map(|l| l.0)))
    .bind(hhmm(p.livelihood.map(|l| l.1)))
    .bind(actor.user_id.map(|u| u.0))
    .bind(store.now_text())
    .execute(&mut *tx)
    .await?;
    for (latitude, longitude, point) in [
        ("victim_latitude", "victim_longitude", p.victim_location),
        ("home_latitude", "home_longitude", p.home),
    ] {
        let columns = crate::points::PointColumns {
            table: "placement_profiles",
            latitude,
            longitude,
            key: "case_id",
        };
        crate::points::write(&mut tx, &columns, case.0, point).await?;
    }
    store
        .audit_in(
            &mut tx,
            actor,
            found.office_id,
            Event::new(
                "case.placement_profile",
                "case",
                case,
                json!({"case_id": case.0}),
            ),
        )
        .await?;
    tx.commit().await?;
    Ok(())
}
