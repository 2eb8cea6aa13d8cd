//! Demo partners: in each demo office, the supervisor's own partner with a full profile and
//! a partner for every row of Tables 2 and 3, at different stages, with agreements in force,
//! close to their end and expired, most with a supervisor (PJ) account. Two demo clients get
//! placement profiles that exercise the exclusions: the assessed client (offence through the
//! health profession, trauma, the victim at a school, breastfeeding, livelihood hours) and
//! the registered client (an infectious disease without clearance, P9).

use std::sync::Arc;

use jiff::civil::{Date, Time};
use karya_domain::Permission;
use karya_domain::Role;
use karya_domain::calendar::add_days;
use karya_domain::partner::{Kind, Stage};
use karya_domain::placement::tables::INSTITUTIONS;
use karya_domain::placement::{
    Accommodation, Accommodations, Field, Fields, Sector, SpecialNeed, SpecialNeeds, WorkFormId,
};
use karya_domain::schedule::WEEK;
use karya_store::Store;
use karya_store::access::{Grant, OfficeAccess};
use karya_store::ids::PartnerId;
use karya_store::partners::{self, PartnerFields};
use karya_store::placement_profile::{self, PlacementProfile};
use karya_store::users::{self, Binding, NewUser};

/// (office code, city, centre latitude, centre longitude)
const CITIES: [(&str, &str, f64, f64); 4] = [
    ("bdg", "Bandung", -6.914_744, 107.609_810),
    ("bgr", "Bogor", -6.595_038, 106.816_635),
    ("mks", "Makassar", -5.147_665, 119.432_732),
    ("jpr", "Jayapura", -2.533_700, 140.718_100),
];

fn time(h: i8) -> Time {
    Time::new(h, 0, 0, 0).unwrap_or(Time::midnight())
}

fn day(today: Date, n: i64) -> anyhow::Result<Date> {
    add_days(today, n).ok_or_else(|| anyhow::anyhow!("date out of range"))
}

fn profile(
    name: String,
    field: Field,
    sector: Sector,
    location: (f64, f64),
    work_forms: Vec<WorkFormId>,
    accommodations: Accommodations,
) -> PartnerFields {
    PartnerFields {
        name,
        kind: match sector {
            Sector::Government => Kind::Government,
            Sector::NonGovernment => Kind::NonGovernment,
        },
        field,
        address: String::new(),
        district_code: String::new(),
        location: Some(location),
        contact_name: "Narahubung demo".into(),
        contact_phone: "0812-0000-0000".into(),
        contact_email: String::new(),
        non_commercial: true,
        capacity_clients: 5,
        hours_per_day: 8,
        opening_days: WEEK.to_vec(),
        opening_from: time(7),
        opening_to: time(17),
        accommodations,
        work_forms,
    }
}

/// Walks a partner through the identification steps to `until`, then records an agreement
/// ending `ends_in` days from today when given.
async fn walk(
    store: &Store,
    office: &OfficeAccess,
    id: PartnerId,
    until: Stage,
    agreement: Option<(String, i64)>,
    today: Date,
) -> anyhow::Result<()> {
    let mut stage = Stage::Mapped;
    let notes = [
        "Profil: bidang, lokasi, kapasitas, PJ dan akomodasi dicatat.",
        "Audiensi dengan pimpinan mitra dan kunjungan lokasi.",
        "Laporan hasil identifikasi disampaikan kepada Kepala Bapas.",
    ];
    let mut note = notes.iter();
    while stage < until
        && let Some(next) = stage.next_step()
    {
        partners::record_step(
            store,
            office,
            id,
            next,
            note.next().copied().unwrap_or(""),
            day(today, -200)?,
        )
        .await?;
        stage = next;
    }
    if let Some((number, ends_in)) = agreement {
        partners::record_agreement(
            store,
            office,
            id,
            &number,
            day(today, -180)?,
            day(today, ends_in)?,
        )
        .await?;
    }
    Ok(())
}

/// The demo user `username` acting in `role` with `permission`, through the bypass of
/// decision 0007 (the loader has no request).
async fn as_user(
    store: &Store,
    username: &str,
    role: Role,
    permission: Permission,
) -> anyhow::Result<Grant> {
    let user = users::user_by_username(store, username).await?;
    Ok(Grant::system_bypass(
        permission,
        Arc::new(user),
        role,
        "demo",
    ))
}

pub async fn load(store: &Store, password_hash: &str) -> anyhow::Result<usize> {
    let mut count = 0;
    for (code, city, lat, lon) in CITIES {
        let head = format!("kabapas.{code}");
        let office = as_user(store, &head, Role::HeadOfOffice, Permission::SignAgreements)
            .await?
            .office()?;
        let today = karya_web_today(store);
        let pj = users::user_by_username(store, &format!("pj.{code}")).await?;
        let main = pj
            .binding
            .partner
            .ok_or_else(|| anyhow::anyhow!("demo PJ without partner"))?;
        let existing = partners::get(store, &office, main).await?;
        let main_field = match code {
            "bdg" | "bgr" => Field::Social,
            "mks" => Field::Religious,
            _ => Field::Sanitation,
        };
        let institution = INSTITUTIONS.iter().find(|i| i.field == main_field);
        let forms = institution
            .map(|i| {
                i.work_forms
                    .iter()
                    .filter_map(|c| WorkFormId::parse(c))
                    .collect()
            })
            .unwrap_or_default();
        let all = Accommodations::of(Accommodation::ALL);
        let mut fields = profile(
            existing.fields.name.clone(),
            main_field,
            Sector::Government,
            (lat + 0.01, lon + 0.01),
            forms,
            all,
        );
        fields.address = format!("Jalan Contoh Mitra 1, {city} (alamat demo)");
        fields.capacity_clients = 20;
        partners::update(store, &office, main, existing.version, &fields).await?;
        walk(
            store,
            &office,
            main,
            Stage::Reported,
            Some((format!("PKS/{}/001/2026", code.to_uppercase()), 300)),
            today,
        )
        .await?;
        count += 1;
        for (i, inst) in INSTITUTIONS.iter().enumerate() {
            let n = i as f64;
            let location = (lat + 0.004 * n - 0.03, lon + 0.003 * n - 0.02);
            let mut forms: Vec<WorkFormId> = inst
                .work_forms
                .iter()
                .filter_map(|c| WorkFormId::parse(c))
                .collect();
            // Partners sometimes propose work the rules forbid (P6–P8); the ranking refuses
            // it with the rule, so the demo shows that too.
            let proposed = match inst.field {
                Field::Health => Some("health.cleaning_medical_equipment"),
                Field::Education => Some("education.cleaning_laboratory_equipment"),
                Field::LocalGovernment => Some("local_government.high_rise_window_cleaning"),
                Field::Humanitarian => Some("humanitarian.public_kitchen"),
                _ => None,
            };
            forms.extend(proposed.and_then(WorkFormId::parse));
            let offered = if i % 2 == 0 {
                Accommodations::of(&[
                    Accommodation::SafeToilet,
                    Accommodation::PrayerRoom,
                    Accommodation::ComplaintChannel,
                ])
            } else {
                Accommodations::of(&[
                    Accommodation::LactationRoom,
                    Accommodation::ChildCareRoom,
                    Accommodation::SafeToilet,
                ])
            };
            // "2.3" is Table 2 row 3; "2.x" the other offices named after Table 2.
            let table = match inst.row.split_once('.') {
                Some((t, "x")) => format!("Tabel {t}, instansi lain"),
                Some((t, row)) => format!("Tabel {t} baris {row}"),
                None => inst.row.to_owned(),
            };
            let name = format!("{} {city} ({table})", inst.label_id);
            let mut fields = profile(
                name.clone(),
                inst.field,
                inst.sector,
                location,
                forms,
                offered,
            );
            fields.address = format!("Jalan Contoh Mitra {}, {city} (alamat demo)", i + 2);
            let id = partners::create(store, &office, &fields).await?;
            let number = format!("PKS/{}/{:03}/2026", code.to_uppercase(), i + 2);
            // A mix of stages and agreement states, as an office's registry has.
            let (until, agreement) = match i {
                3 => (Stage::Reported, None),
                5 => (Stage::Mapped, None),
                7 => (Stage::Reported, Some((number, -10))),
                _ if i % 4 == 1 => (Stage::Reported, Some((number, 30))),
                _ => (Stage::Reported, Some((number, 300))),
            };
            let supervised = agreement.is_some() && i != 9;
            walk(store, &office, id, until, agreement, today).await?;
            if supervised {
                let user = NewUser {
                    username: format!("pj{}.{code}", i + 2),
                    display_name: format!("PJ {name}"),
                    nip: None,
                    password_hash: password_hash.to_owned(),
                    temporary_password: false,
                    binding: Binding {
                        partner: Some(id),
                        ..Binding::default()
                    },
                    roles: vec![Role::SiteSupervisor],
                };
                users::create_user(store, office.actor(), &user, None).await?;
            }
            count += 1;
        }
        let pk = as_user(
            store,
            &format!("pk.{code}"),
            Role::Pk,
            Permission::AssessCases,
        )
        .await?;
        profiles(store, &pk, (lat, lon)).await?;
    }
    Ok(count)
}

fn karya_web_today(store: &Store) -> Date {
    karya_domain::calendar::local_date(store.now(), &karya_domain::OfficeZone::Wib.time_zone())
}

/// Placement profiles for the office's assessed and registered demo clients.
async fn profiles(store: &Store, pk: &Grant, home: (f64, f64)) -> anyhow::Result<()> {
    let office = pk.office()?;
    let school = partners::list(store, &office)
        .await?
        .into_iter()
        .find(|p| p.fields.field == Field::Education)
        .map(|p| p.id.0);
    let cases = store.cases_in(pk).await?;
    let chosen = cases.iter().filter(|c| {
        c.office_id == office.office()
            && matches!(
                c.status,
                karya_domain::CaseStatus::Assessed | karya_domain::CaseStatus::Registered
            )
    });
    for case in chosen {
        let mut p = PlacementProfile {
            profession: "Perawat".into(),
            skill_fields: Fields::of(&[Field::Social, Field::Sanitation]),
            offence_field: Some(Field::Health),
            trauma_fields: Fields::of(&[Field::Transport]),
            victim_partners: school.into_iter().collect(),
            victim_note: "Korban bekerja di sekolah (data demo).".into(),
            victim_location: None,
            home: Some((home.0 + 0.02, home.1 + 0.02)),
            dependants: 1,
            special_needs: SpecialNeeds::of(&[SpecialNeed::Breastfeeding]),
            safety_skill: false,
            infectious_disease: false,
            medical_clearance: false,
            monitoring_required: false,
            livelihood: Some((time(6), time(9))),
        };
        if case.status == karya_domain::CaseStatus::Registered {
            p.infectious_disease = true;
            p.special_needs = SpecialNeeds::default();
        }
        let access = store.open_case(pk, case.id).await?;
        placement_profile::save(store, &access, &p).await?;
    }
    Ok(())
}
