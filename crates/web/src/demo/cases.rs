//! Demo cases: in every office, one case in every status of the lifecycle, with ledgers that
//! show each progress status (on track, at risk, overdue, completed) and entries in each
//! state of verification. Each case is walked through the real store functions and domain
//! transitions as the demo user who holds the role, so the audit trail is what the
//! application itself would write. Dates are relative to today, so the demo stays current.

use std::sync::Arc;

use jiff::civil::{Date, Time};
use karya_domain::Permission;
use karya_domain::calendar::{add_days, local_date};
use karya_domain::evaluation::Finding;
use karya_domain::intake::{Channel, CheckKind, CheckOutcome, DocumentCheck, IntakeDocument};
use karya_domain::milestones::{MilestoneBasis, MilestoneKey, Quarter};
use karya_domain::{
    Consideration, DefaultOrder, FineCategories, JudgeConsiderations, Minutes, OfficeZone,
    ReplacedPenalty, Role, ScheduleTerms, SentenceTerms, ServiceWindow, TerminationReason,
    Transition,
};
use karya_store::access::{CaseAccess, Grant};
use karya_store::attendance::{self as ledger_store, NewEntry};
use karya_store::cases::{self, GuardFacts, NewCase, TransitionRefs};
use karya_store::evaluations::{self, Evaluation};
use karya_store::files::Purpose;
use karya_store::ids::{CaseId, EntryId, OfficeId};
use karya_store::intake::{self as intake_store, NewSummons};
use karya_store::users::{self, User};
use karya_store::{Store, orgs, placements};

use crate::routes::cases::attendance::interval;

/// How far a demo case goes, and what its ledger looks like.
#[derive(Clone, Copy, Debug)]
pub enum Stage {
    Received,
    DocumentsIncomplete,
    DocumentsVerified,
    /// The head's disposition is given; the Kepala TU has the assignment letter to draft.
    Disposed,
    AwaitingClient,
    OfficerAssigned,
    Registered,
    /// The PK submitted the Litmas; the head has it to approve.
    LitmasSubmitted,
    Assessed,
    Placed,
    Serving,
    UnderExamination,
    Terminated(TerminationReason),
}

struct Scenario {
    stage: Stage,
    hours: i64,
    received_days_ago: i64,
    /// Work every `every` days from the third day, `length` minutes from 08:00 local, until
    /// `credit` minutes are credited; the last two reports stay pending, one is rejected.
    every: i64,
    length: i64,
    credit: i64,
    offence: &'static str,
}

const fn plain(stage: Stage, received_days_ago: i64) -> Scenario {
    Scenario {
        stage,
        hours: 80,
        received_days_ago,
        every: 0,
        length: 0,
        credit: 0,
        offence: "Pasal 476 UU 1/2023 (pencurian)",
    }
}

/// The offence of the demo's decision that replaces a fine (category II) rather than a prison
/// term: its default orders are repeating the work or paying the fine (L8).
const FINED_OFFENCE: &str = "Pasal 331 UU 1/2023 (gangguan ketenteraman lingkungan)";

const SCENARIOS: [Scenario; 19] = [
    plain(Stage::Received, 1),
    plain(Stage::DocumentsIncomplete, 3),
    plain(Stage::DocumentsVerified, 4),
    plain(Stage::AwaitingClient, 6),
    plain(Stage::OfficerAssigned, 8),
    plain(Stage::Registered, 10),
    plain(Stage::Assessed, 14),
    plain(Stage::Placed, 18),
    // On track: 120 h, four hours every other day.
    Scenario {
        stage: Stage::Serving,
        hours: 120,
        received_days_ago: 42,
        every: 2,
        length: 240,
        credit: 60 * 60,
        offence: "Pasal 466 UU 1/2023 (penganiayaan ringan)",
    },
    // At risk: 240 h at a pace that ends after the window.
    Scenario {
        stage: Stage::Serving,
        hours: 240,
        received_days_ago: 120,
        every: 10,
        length: 240,
        credit: 40 * 60,
        offence: "Pasal 492 UU 1/2023 (penipuan)",
    },
    // Overdue: the window ended with hours left.
    Scenario {
        stage: Stage::Serving,
        hours: 80,
        received_days_ago: 190,
        every: 7,
        length: 240,
        credit: 60 * 60,
        offence: "Pasal 521 UU 1/2023 (perusakan barang)",
    },
    // Every hour credited, still serving: ready for the PK to start the termination (T1a).
    Scenario {
        stage: Stage::Serving,
        hours: 16,
        received_days_ago: 25,
        every: 3,
        length: 480,
        credit: 16 * 60,
        offence: "Pasal 436 UU 1/2023 (penghinaan ringan)",
    },
    Scenario {
        stage: Stage::UnderExamination,
        hours: 100,
        received_days_ago: 60,
        every: 4,
        length: 240,
        credit: 36 * 60,
        offence: "Pasal 476 UU 1/2023 (pencurian)",
    },
    Scenario {
        stage: Stage::Terminated(TerminationReason::Completed),
        hours: 16,
        received_days_ago: 20,
        every: 3,
        length: 480,
        credit: 16 * 60,
        offence: "Pasal 436 UU 1/2023 (penghinaan ringan)",
    },
    Scenario {
        stage: Stage::Terminated(TerminationReason::Died),
        hours: 60,
        received_days_ago: 50,
        every: 5,
        length: 240,
        credit: 20 * 60,
        offence: "Pasal 476 UU 1/2023 (pencurian)",
    },
    Scenario {
        stage: Stage::Terminated(TerminationReason::Sanctioned),
        hours: 100,
        received_days_ago: 90,
        every: 9,
        length: 240,
        credit: 12 * 60,
        offence: "Pasal 466 UU 1/2023 (penganiayaan ringan)",
    },
    // Work in progress for the Kepala TU and the head's start pages (issue 13).
    plain(Stage::Disposed, 5),
    plain(Stage::LitmasSubmitted, 12),
    // A fine replaced: a violation the TPP answered with paying it, accepted (L8, S8).
    Scenario {
        stage: Stage::Serving,
        hours: 60,
        received_days_ago: 75,
        every: 4,
        length: 240,
        credit: 56 * 60,
        offence: FINED_OFFENCE,
    },
];

const NAMES: [&str; 19] = [
    "Budi Santoso",
    "Siti Nurhaliza",
    "Agus Prasetyo",
    "Dewi Lestari",
    "Rudi Hartono",
    "Maya Sari",
    "Eko Wibowo",
    "Rina Marlina",
    "Hendra Gunawan",
    "Yuni Astuti",
    "Fajar Nugroho",
    "Intan Permata",
    "Joko Susilo",
    "Lina Kartika",
    "Taufik Hidayat",
    "Wahyu Kurniawan",
    "Nur Aini",
    "Bayu Saputra",
    "Ratna Wulandari",
];

pub(super) struct People {
    intake: User,
    registry: User,
    pub(super) head: User,
    head_of_admin: User,
    pub(super) pk: User,
    pj: User,
    client: User,
    pub(super) tpp: User,
}

/// The demo's people act through the bypass of decision 0007: the loader has no request,
/// so it opens each case with the permission of the act, as the user and role who perform
/// it, whatever their reach.
pub(super) fn grant(user: &User, role: Role, permission: Permission) -> Grant {
    Grant::system_bypass(permission, Arc::new(user.clone()), role, "demo")
}

async fn as_(
    store: &Store,
    user: &User,
    role: Role,
    permission: Permission,
    id: CaseId,
) -> anyhow::Result<CaseAccess> {
    Ok(store.open_case(&grant(user, role, permission), id).await?)
}

fn days(date: Date, n: i64) -> anyhow::Result<Date> {
    add_days(date, n).ok_or_else(|| anyhow::anyhow!("date out of range"))
}

/// The demo offices: code, city, and the court's abbreviation in decision numbers.
pub(super) const OFFICES: [(&str, &str, &str); 4] = [
    ("bdg", "Bandung", "Bdg"),
    ("bgr", "Bogor", "Bgr"),
    ("mks", "Makassar", "Mks"),
    ("jpr", "Jayapura", "Jap"),
];

/// Loads the demo cases of every demo office.
pub async fn load(store: &Store) -> anyhow::Result<usize> {
    let mut count = 0;
    for (code, _, _) in OFFICES {
        count += load_office(store, code).await?;
    }
    Ok(count)
}

/// Loads the demo cases of one demo office: one case at each stage of the lifecycle (for
/// tests of what each role sees).
pub async fn load_office(store: &Store, code: &str) -> anyhow::Result<usize> {
    let setting = Setting::of(store, code).await?;
    for (n, scenario) in SCENARIOS.iter().enumerate() {
        // The office's demo client login follows the on-track case (the ninth).
        let client = if n == 8 {
            Some(&setting.people.client)
        } else {
            None
        };
        open(store, &setting, n, scenario, client).await?;
    }
    Ok(SCENARIOS.len())
}

/// A case serving its hours in a demo office, placed with the office's demo supervisor
/// and assigned to its demo PK, with no reports yet; with `client`, the case of that demo
/// client login. For tests.
pub async fn serving_case(
    store: &Store,
    office_code: &str,
    hours: i64,
    received_days_ago: i64,
    client: Option<&str>,
) -> anyhow::Result<CaseId> {
    let scenario = Scenario {
        stage: Stage::Serving,
        hours,
        received_days_ago,
        every: 1,
        length: 0,
        credit: 0,
        offence: "Pasal 476 UU 1/2023 (pencurian)",
    };
    open_serving(store, office_code, &scenario, client).await
}

/// A serving case with `credited` hours already credited, four hours every other day.
pub async fn serving_case_credited(
    store: &Store,
    office_code: &str,
    hours: i64,
    received_days_ago: i64,
    credited: i64,
) -> anyhow::Result<CaseId> {
    let scenario = Scenario {
        stage: Stage::Serving,
        hours,
        received_days_ago,
        every: 2,
        length: 240,
        credit: credited * 60,
        offence: "Pasal 476 UU 1/2023 (pencurian)",
    };
    open_serving(store, office_code, &scenario, None).await
}

async fn open_serving(
    store: &Store,
    office_code: &str,
    scenario: &Scenario,
    client: Option<&str>,
) -> anyhow::Result<CaseId> {
    let setting = Setting::of(store, office_code).await?;
    let received_days_ago = scenario.received_days_ago;
    let n = usize::try_from(received_days_ago).unwrap_or(0) % NAMES.len();
    let client = match client {
        Some(username) => Some(users::user_by_username(store, username).await?),
        None => None,
    };
    open(store, &setting, n, scenario, client.as_ref()).await
}

/// A serving case with a violation and a good deed examined and waiting for the TPP (S7):
/// for tests of TPP sessions.
pub async fn awaiting_tpp(store: &Store, office_code: &str) -> anyhow::Result<CaseId> {
    use karya_domain::supervision::Ground;
    let id = serving_case(store, office_code, 80, 25, None).await?;
    let setting = Setting::of(store, office_code).await?;
    for ground in [Ground::SuspectedViolation, Ground::GoodDeed] {
        examine(
            store,
            &setting.people,
            id,
            ground,
            Supervised::AwaitingTpp,
            setting.today,
        )
        .await?;
    }
    Ok(id)
}

/// A case whose PK is assigned and whose person is not yet registered: for tests of the
/// register.
pub async fn assigned_case(
    store: &Store,
    office_code: &str,
    received_days_ago: i64,
) -> anyhow::Result<CaseId> {
    let setting = Setting::of(store, office_code).await?;
    let mut scenario = plain(Stage::OfficerAssigned, received_days_ago);
    scenario.hours = 40;
    let n = usize::try_from(received_days_ago).unwrap_or(0) % NAMES.len();
    open(store, &setting, n, &scenario, None).await
}

/// A case at `stage` (registered or assessed, say) in a demo office, assigned to its demo
/// PK, with `hours` ordered. For tests.
pub async fn case_at(
    store: &Store,
    office_code: &str,
    stage: Stage,
    hours: i64,
    received_days_ago: i64,
) -> anyhow::Result<CaseId> {
    let setting = Setting::of(store, office_code).await?;
    let mut scenario = plain(stage, received_days_ago);
    scenario.hours = hours;
    let n = usize::try_from(received_days_ago).unwrap_or(0) % NAMES.len();
    open(store, &setting, n, &scenario, None).await
}

/// One demo office with the people who act in it.
pub(super) struct Setting {
    pub(super) office: orgs::Office,
    zone: OfficeZone,
    pub(super) today: Date,
    city: &'static str,
    court_code: &'static str,
    pub(super) people: People,
    prosecutor: karya_store::ids::ProsecutorOfficeId,
}

impl Setting {
    pub(super) async fn of(store: &Store, code: &str) -> anyhow::Result<Setting> {
        let (_, city, court_code) = OFFICES
            .into_iter()
            .find(|(c, _, _)| *c == code)
            .ok_or_else(|| anyhow::anyhow!("no demo office {code}"))?;
        let office = orgs::office_by_code(store, code).await?;
        let zone =
            OfficeZone::parse(&office.time_zone).ok_or_else(|| anyhow::anyhow!("office zone"))?;
        let user =
            async |prefix: &str| users::user_by_username(store, &format!("{prefix}.{code}")).await;
        let people = People {
            intake: user("pendaftaran").await?,
            registry: user("registrasi").await?,
            head: user("kabapas").await?,
            head_of_admin: user("katu").await?,
            pk: user("pk").await?,
            pj: user("pj").await?,
            tpp: user("tpp").await?,
            client: user("klien").await?,
        };
        Ok(Setting {
            today: local_date(store.now(), &zone.time_zone()),
            zone,
            city,
            court_code,
            prosecutor: orgs::prosecutor_office_by_code(store, &format!("kejari-{code}")).await?,
            office,
            people,
        })
    }
}

/// Opens the `n`th demo case of `setting` and walks it to the scenario's stage.
async fn open(
    store: &Store,
    setting: &Setting,
    n: usize,
    scenario: &Scenario,
    client: Option<&User>,
) -> anyhow::Result<CaseId> {
    let received = days(setting.today, -scenario.received_days_ago)?;
    const FINE_RUPIAH: i64 = 10_000_000;
    let fined = scenario.offence == FINED_OFFENCE;
    let terms = SentenceTerms {
        court: format!("Pengadilan Negeri {}", setting.city),
        decision_number: format!("{}/Pid.B/2026/PN {}", 101 + n, setting.court_code),
        decision_date: days(received, -14)?,
        date_final: days(received, -7)?,
        offence_articles: scenario.offence.into(),
        max_threat_months: 30,
        replaced: if fined {
            ReplacedPenalty::Fine {
                amount_rupiah: FINE_RUPIAH,
            }
        } else {
            ReplacedPenalty::Imprisonment { months: 3, days: 0 }
        },
        hours_ordered: Minutes::from_hours(scenario.hours),
        schedule: ScheduleTerms {
            text: "Dilaksanakan paling banyak 8 jam sehari, di luar jam kerja Terpidana.".into(),
            instalment_months: None,
            starts_on: None,
        },
        default_orders: vec![
            DefaultOrder::RepeatWork,
            if fined {
                DefaultOrder::PayFine {
                    amount_rupiah: FINE_RUPIAH,
                    imprisonment_in_lieu: None,
                }
            } else {
                DefaultOrder::ServeImprisonment { months: 3, days: 0 }
            },
        ],
        considerations: JudgeConsiderations {
            admission: Consideration {
                finding: Some(true),
                note: "Terdakwa mengakui perbuatannya.".into(),
            },
            consent: Consideration {
                finding: Some(true),
                note: "Terdakwa menyatakan bersedia.".into(),
            },
            ability_to_work: Consideration {
                finding: Some(true),
                note: String::new(),
            },
            ..JudgeConsiderations::default()
        },
    };
    let valid = terms
        .validate(&FineCategories::default())
        .map_err(|v| anyhow::anyhow!("demo terms: {v}"))?;
    let (window, window_basis) = ServiceWindow::for_new_case(&valid, received, true)?;
    let new_case = NewCase {
        client_name: client.map_or_else(|| NAMES[n].to_owned(), |c| c.display_name.clone()),
        client_address: format!(
            "Jalan Contoh {} No. {}, {} (alamat demo)",
            n + 1,
            n + 10,
            setting.city
        ),
        prosecutor_office: Some(setting.prosecutor),
        terms: valid,
        window,
        window_basis,
        pk: None,
        existing_person: client.and_then(|c| c.binding.person),
        intake: demo_intake(scenario, setting.city, received)?,
    };
    let desk = grant(
        &setting.people.intake,
        Role::IntakeOfficer,
        Permission::OpenCases,
    );
    let id = cases::create(store, &desk.office()?, &new_case, None).await?;
    walk(
        store,
        &setting.people,
        setting.office.id(),
        id,
        scenario,
        setting.zone,
        received,
        setting.today,
    )
    .await?;
    Ok(id)
}

async fn step(
    store: &Store,
    user: &User,
    role: Role,
    id: CaseId,
    transition: Transition,
    refs: TransitionRefs,
) -> anyhow::Result<()> {
    let access = as_(store, user, role, Permission::ActOnLifecycle, id).await?;
    cases::transition(store, &access, transition, &refs).await?;
    Ok(())
}

/// The office code of the demo people (their usernames end with it).
fn setting_code(people: &People) -> String {
    people
        .pk
        .username
        .rsplit('.')
        .next()
        .unwrap_or("bdg")
        .to_owned()
}

/// The demo placement's work and schedule: the office's demo partner's cleaning work, every
/// day from 08:00 to 16:00 (the demo's reports fall inside it).
fn demo_plan(office: &str) -> placements::Plan {
    use karya_domain::schedule::{Slot, WEEK, parse_time};
    let work_form = match office {
        "mks" => "religious.cleaning_facilities",
        "jpr" => "sanitation.sweeping_pavements_and_drains",
        _ => "social.cleaning_facilities",
    };
    let (from, to) = (parse_time("08:00"), parse_time("16:00"));
    placements::Plan {
        work_form: work_form.to_owned(),
        description: "Membersihkan ruang bersama, halaman dan toilet (data demo).".to_owned(),
        schedule: match (from, to) {
            (Some(from), Some(to)) => WEEK
                .iter()
                .map(|d| Slot {
                    weekday: *d,
                    from,
                    to,
                })
                .collect(),
            _ => Vec::new(),
        },
    }
}

/// The termination procedure of T2, step by step by its officials (the letters themselves
/// are issued from the case page).
async fn terminate(
    store: &Store,
    people: &People,
    id: CaseId,
    reason: TerminationReason,
    today: Date,
) -> anyhow::Result<()> {
    use karya_domain::termination::Step;
    use karya_store::terminations::{StepInput, perform};
    let evidence = match reason {
        TerminationReason::Died => "AKT-7371-KM-2026-000123",
        TerminationReason::Sanctioned => "W.11.PAS.12-PK.01.05-0456",
        TerminationReason::Completed => "",
    };
    let input = StepInput {
        reason: Some(reason),
        evidence_ref: evidence.into(),
        died_on: (reason == TerminationReason::Died)
            .then(|| days(today, -3))
            .transpose()?,
        narrative: "Klien telah menjalani pidana kerja sosial dengan baik (data demo).".into(),
    };
    let steps = [
        (Step::Start, &people.pk, Role::Pk),
        (Step::Order, &people.head, Role::HeadOfOffice),
        (Step::Report, &people.pk, Role::Pk),
        (Step::Draft, &people.registry, Role::RegistryOfficer),
        (Step::Issue, &people.head, Role::HeadOfOffice),
    ];
    for (step, user, role) in steps {
        let access = as_(store, user, role, Permission::TerminateCases, id).await?;
        perform::<fn(&str, &str) -> anyhow::Result<Vec<u8>>>(store, &access, step, &input, None)
            .await?;
    }
    Ok(())
}

/// The registry enters the client in the register book (G1), as the register page does.
async fn register_person(
    store: &Store,
    people: &People,
    id: CaseId,
    received: Date,
) -> anyhow::Result<()> {
    let access = as_(
        store,
        &people.registry,
        Role::RegistryOfficer,
        Permission::RegisterPeople,
        id,
    )
    .await?;
    let case = access.case();
    let data = karya_domain::register::RegisterData {
        full_name: case.client_name.clone(),
        birth_place: case
            .office_name
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_owned(),
        birth_date: Some(jiff::civil::date(
            1985 + (id.0 % 15) as i16,
            1 + (id.0 % 12) as i8,
            1 + (id.0 % 27) as i8,
        )),
        sex: Some(if id.0 % 2 == 0 {
            karya_domain::Sex::Female
        } else {
            karya_domain::Sex::Male
        }),
        address: karya_store::register::person_address(store, &access).await?,
        occupation: "Wiraswasta".into(),
        father_name: "Ayah (data demo)".into(),
        mother_name: "Ibu (data demo)".into(),
        ..karya_domain::register::RegisterData::default()
    };
    karya_store::register::register(store, &access, &data, None, None, days(received, 3)?).await?;
    // G1: the register is complete with the photograph and the fingerprint (placeholder
    // images in the demo).
    let access = as_(
        store,
        &people.registry,
        Role::RegistryOfficer,
        Permission::UploadBiometrics,
        id,
    )
    .await?;
    for purpose in [Purpose::Photo, Purpose::Fingerprint] {
        karya_store::files::attach(store, &access, purpose, PLACEHOLDER_PNG).await?;
    }
    Ok(())
}

/// A 1×1 PNG standing in for the demo's photographs and fingerprints.
const PLACEHOLDER_PNG: &[u8] = &[
    137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0,
    0, 0, 31, 21, 196, 137, 0, 0, 0, 13, 73, 68, 65, 84, 120, 218, 99, 100, 248, 207, 80, 15, 0, 3,
    134, 1, 128, 90, 52, 125, 107, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130,
];

/// The PK writes and submits the Litmas with its case plan; with `approve`, the head
/// approves it (§2.2.6).
async fn assess(store: &Store, people: &People, id: CaseId, approve: bool) -> anyhow::Result<()> {
    use karya_domain::litmas::{CASE_PLAN, Sections};
    let sections = Sections {
        decision: "Pidana kerja sosial sebagaimana amar putusan (data demo).".into(),
        assistance_plan:
            "Mendampingi Klien ke tempat kerja sosial dan menjelaskan hak dan kewajibannya.".into(),
        supervision_plan: "Pengawasan kehadiran bersama PJ; laporan harian diverifikasi PK.".into(),
        guidance_plan:
            "Pendampingan ke tempat kerja sosial, pembimbingan mingguan, pengawasan kehadiran."
                .into(),
        risk_level: "low".into(),
        reoffending_risk: "low".into(),
        needs: "Keterampilan kerja dan konseling keluarga.".into(),
        analysis: "Klien kooperatif; tidak ditemukan kebutuhan khusus baru.".into(),
        case_plan: CASE_PLAN
            .iter()
            .map(|(_, label, _)| format!("{label} (data demo)"))
            .collect(),
    };
    let pk = as_(store, &people.pk, Role::Pk, Permission::AssessCases, id).await?;
    karya_store::litmas::save(store, &pk, &sections, true).await?;
    if !approve {
        return Ok(());
    }
    let head = as_(
        store,
        &people.head,
        Role::HeadOfOffice,
        Permission::ApproveAssessments,
        id,
    )
    .await?;
    karya_store::litmas::approve(store, &head).await?;
    Ok(())
}

/// The three steps of §2.2.3, by the officials who perform them; the first `count` of them.
async fn appoint(store: &Store, people: &People, id: CaseId, count: usize) -> anyhow::Result<()> {
    use karya_domain::appointment::Step;
    use karya_store::appointments::{StepInput, perform};
    let steps = [
        (Step::Dispose, &people.head, Role::HeadOfOffice),
        (Step::Draft, &people.head_of_admin, Role::HeadOfAdmin),
        (Step::Sign, &people.head, Role::HeadOfOffice),
    ];
    let input = StepInput {
        note: "Mohon disiapkan surat perintah penunjukan PK.".into(),
        pk: Some(people.pk.id),
    };
    for (step, user, role) in steps.into_iter().take(count) {
        let access = as_(store, user, role, Permission::AppointOfficers, id).await?;
        perform(store, &access, step, &input).await?;
    }
    Ok(())
}

#[expect(
    clippy::too_many_arguments,
    reason = "a demo script with its whole context"
)]
async fn walk(
    store: &Store,
    people: &People,
    _office: OfficeId,
    id: CaseId,
    scenario: &Scenario,
    zone: OfficeZone,
    received: Date,
    today: Date,
) -> anyhow::Result<()> {
    use Stage as S;
    let reached = |stage_rank: u8| rank(scenario.stage) >= stage_rank;
    let none = TransitionRefs::default;
    match scenario.stage {
        S::Received => return Ok(()),
        S::DocumentsIncomplete => return check_documents(store, people, id, false).await,
        _ => check_documents(store, people, id, true).await?,
    }
    if let S::AwaitingClient = scenario.stage {
        let summons = NewSummons {
            issued_on: days(today, -2)?,
            deadline: days(today, 5)?,
            delivery: "Diantar petugas ke alamat Klien".into(),
        };
        let head = as_(
            store,
            &people.head,
            Role::HeadOfOffice,
            Permission::SummonClients,
            id,
        )
        .await?;
        intake_store::issue_summons(store, &head, &summons).await?;
        return Ok(());
    }
    if let S::Disposed = scenario.stage {
        return appoint(store, people, id, 1).await;
    }
    if !reached(4) {
        return Ok(());
    }
    appoint(store, people, id, 3).await?;
    if reached(5) {
        register_person(store, people, id, received).await?;
    }
    if let S::LitmasSubmitted = scenario.stage {
        return assess(store, people, id, false).await;
    }
    if reached(6) {
        assess(store, people, id, true).await?;
    }
    if reached(7) {
        let facts = GuardFacts {
            identity_recorded: true,
            litmas_submitted: true,
            case_plan_approved: true,
        };
        let head = as_(
            store,
            &people.head,
            Role::HeadOfOffice,
            Permission::ActOnLifecycle,
            id,
        )
        .await?;
        cases::set_guard_facts(store, &head, facts).await?;
        step(store, &people.pk, Role::Pk, id, Transition::Place, none()).await?;
        let partner = people
            .pj
            .binding
            .partner
            .ok_or_else(|| anyhow::anyhow!("demo supervisor without partner"))?;
        let pk = as_(store, &people.pk, Role::Pk, Permission::AssessCases, id).await?;
        placements::create(
            store,
            &pk,
            partner,
            Some(people.pj.id),
            days(received, 2)?,
            &demo_plan(&setting_code(people)),
        )
        .await?;
    }
    if !reached(8) {
        return Ok(());
    }
    step(
        store,
        &people.pk,
        Role::Pk,
        id,
        Transition::StartServing,
        none(),
    )
    .await?;
    serve(store, people, id, scenario, zone, received, today).await?;
    // Under examination before the examinations are recorded: forming a team on a serving
    // case would open it itself.
    if matches!(scenario.stage, S::UnderExamination) {
        step(
            store,
            &people.head,
            Role::HeadOfOffice,
            id,
            Transition::OpenExamination,
            none(),
        )
        .await?;
    }
    guide(store, people, id, scenario, received, today).await?;
    if let S::Terminated(reason) = scenario.stage {
        terminate(store, people, id, reason, today).await?;
    }
    Ok(())
}

/// Guidance on a serving case (B1–B4): a few activities after the day's work, each kind
/// somewhere in the office; a good deed or a concern in the behaviour log; the Cycle of
/// Change moving forward, and falling back on the case under examination.
async fn guide(
    store: &Store,
    people: &People,
    id: CaseId,
    scenario: &Scenario,
    received: Date,
    today: Date,
) -> anyhow::Result<()> {
    use karya_domain::guidance::{
        Activity, BehaviourEntry, BehaviourKind, ChangeStage, GuidanceKind, Leader, Setting, Source,
    };
    use karya_store::guidance;
    if scenario.credit == 0 {
        return Ok(());
    }
    let pk = as_(store, &people.pk, Role::Pk, Permission::RecordGuidance, id).await?;
    // Consecutive cases start three kinds apart, so the office shows every kind.
    let first = usize::try_from(id.0).unwrap_or(0) * 3;
    for k in 0..4 {
        let on = days(received, 4 + 7 * i64::try_from(k)?)?;
        if on >= today {
            break;
        }
        let kind = GuidanceKind::ALL[(first + k) % GuidanceKind::ALL.len()];
        let (leader, leader_name) = match kind {
            GuidanceKind::CounsellingMental | GuidanceKind::CounsellingSpiritual => {
                (Leader::Pk, "")
            }
            GuidanceKind::Skills | GuidanceKind::Independence => {
                (Leader::GriyaAbhipraya, "Griya Abhipraya (data demo)")
            }
            _ => (Leader::PokmasLipas, "Pokmas Lipas (data demo)"),
        };
        let activity = Activity {
            kind,
            on,
            // After the day's work, which ends by 16:00 (B1).
            from: Time::constant(16, 30, 0, 0),
            to: Time::constant(17, 30, 0, 0),
            setting: if k % 2 == 0 {
                Setting::Individual
            } else {
                Setting::Group
            },
            place: "Ruang konseling Bapas".into(),
            leader,
            leader_name: leader_name.into(),
            clients_wish: kind.needs_clients_wish(),
            note: "Klien hadir dan aktif; tindak lanjut pada pertemuan berikutnya (data demo)."
                .into(),
        };
        guidance::record_activity(store, &pk, &activity, today)
            .await
            .map_err(|e| anyhow::anyhow!("demo guidance: {e}"))?;
    }
    let examined = matches!(scenario.stage, Stage::UnderExamination);
    let (kind, source, description) = if examined {
        (
            BehaviourKind::Concern,
            Source::Supervisor,
            "PJ melaporkan Klien tiga kali tidak hadir tanpa pemberitahuan (data demo).",
        )
    } else {
        (
            BehaviourKind::BloodDonation,
            Source::Community,
            "Klien mendonorkan darah di PMI atas kesadaran sendiri (data demo).",
        )
    };
    let entry = BehaviourEntry {
        kind,
        on: days(received, 10)?.min(today),
        source,
        description: description.into(),
    };
    guidance::record_behaviour(store, &pk, &entry, today)
        .await
        .map_err(|e| anyhow::anyhow!("demo behaviour: {e}"))?;
    let mut stages = vec![
        (
            ChangeStage::Contemplation,
            "Mulai menyadari akibat perbuatannya (data demo).",
        ),
        (
            ChangeStage::Preparation,
            "Menyusun rencana kerja bersama PK (data demo).",
        ),
        (
            ChangeStage::Action,
            "Hadir teratur dan ikut konseling (data demo).",
        ),
    ];
    if examined {
        stages.push((
            ChangeStage::Preparation,
            "Kemunduran: beberapa kali tidak hadir (data demo).",
        ));
    }
    for (stage, reason) in stages {
        guidance::set_stage(store, &pk, stage, reason)
            .await
            .map_err(|e| anyhow::anyhow!("demo stage: {e}"))?;
    }
    supervise(store, people, id, scenario, today).await
}

/// How far the demo takes a case's examination (S5–S8), by scenario.
#[derive(Clone, Copy)]
enum Supervised {
    /// The team formed `days` ago and still examining (day 3 runs, day 9 is late).
    Examining { days: i64 },
    /// Examined; the TPP session has yet to recommend.
    AwaitingTpp,
    /// Examined; the TPP recommended `recommendation`, and the head accepted it.
    Decided { recommendation: &'static str },
}

/// The supervision chain on some serving cases: a running examination (day 3), a late one
/// (day 9), a violation and a good deed waiting for the TPP (`serve --demo` holds their
/// session), a good deed recorded as good conduct, and accepted recommendations of each of
/// the decision's default orders.
async fn supervise(
    store: &Store,
    people: &People,
    id: CaseId,
    scenario: &Scenario,
    today: Date,
) -> anyhow::Result<()> {
    use karya_domain::supervision::Ground::{GoodDeed, SuspectedViolation};
    let plans: &[(karya_domain::supervision::Ground, Supervised)] =
        match (scenario.stage, scenario.received_days_ago) {
            (Stage::UnderExamination, _) => &[
                (
                    SuspectedViolation,
                    Supervised::Decided {
                        recommendation: "repeat_work",
                    },
                ),
                (SuspectedViolation, Supervised::AwaitingTpp),
                (GoodDeed, Supervised::AwaitingTpp),
                (SuspectedViolation, Supervised::Examining { days: 3 }),
            ],
            (Stage::Serving, 120) => &[(SuspectedViolation, Supervised::Examining { days: 9 })],
            (Stage::Serving, 42) => &[(
                GoodDeed,
                Supervised::Decided {
                    recommendation: "good_conduct",
                },
            )],
            (Stage::Serving, 75) => &[(
                SuspectedViolation,
                Supervised::Decided {
                    recommendation: "pay_fine",
                },
            )],
            (Stage::Serving, 190) => &[(
                SuspectedViolation,
                Supervised::Decided {
                    recommendation: "serve_imprisonment",
                },
            )],
            _ => &[],
        };
    for (ground, plan) in plans {
        examine(store, people, id, *ground, *plan, today).await?;
    }
    Ok(())
}

async fn examine(
    store: &Store,
    people: &People,
    id: CaseId,
    ground: karya_domain::supervision::Ground,
    plan: Supervised,
    today: Date,
) -> anyhow::Result<()> {
    use karya_domain::supervision::{
        Advice, Ground, Method, OrderKind, ProsecutorDecision, Recommendation,
    };
    use karya_store::supervision as sv;
    let demo = |e: sv::SupervisionError| anyhow::anyhow!("demo supervision: {e}");
    let pk = as_(
        store,
        &people.pk,
        Role::Pk,
        Permission::AdviseExamination,
        id,
    )
    .await?;
    let advice = match ground {
        Ground::GoodDeed => Advice {
            ground,
            condition: String::new(),
            what_happened:
                "Klien menolong korban kecelakaan dan mengantarnya ke puskesmas (data demo).".into(),
            evidence: "Surat keterangan kepala desa (data demo).".into(),
        },
        Ground::SuspectedViolation => Advice {
            ground,
            condition: "Syarat umum: melaksanakan pidana kerja sosial sesuai jadwal".into(),
            what_happened: "Klien tiga kali tidak hadir tanpa pemberitahuan (data demo).".into(),
            evidence: "Laporan PJ dan daftar hadir (data demo).".into(),
        },
    };
    let exam = sv::advise(store, &pk, &advice).await.map_err(demo)?;
    let head = as_(
        store,
        &people.head,
        Role::HeadOfOffice,
        Permission::DecideSupervision,
        id,
    )
    .await?;
    let team = [people.tpp.id, people.head.id];
    let formed = days(
        today,
        -match plan {
            Supervised::Examining { days } => days,
            _ => 6,
        },
    )?;
    sv::form_team(store, &head, exam, &team, Some(people.tpp.id), formed)
        .await
        .map_err(demo)?;
    let tpp = as_(
        store,
        &people.tpp,
        Role::TppMember,
        Permission::ExamineCases,
        id,
    )
    .await?;
    sv::record_step(
        store,
        &tpp,
        exam,
        Method::InterviewClient,
        formed,
        "Wawancara dengan Klien; berita acara ditandatangani (data demo).",
        today,
    )
    .await
    .map_err(demo)?;
    if let Supervised::Examining { .. } = plan {
        return Ok(());
    }
    sv::record_findings(
        store,
        &tpp,
        exam,
        "Hasil pemeriksaan tim (data demo).",
        days(formed, 4)?,
    )
    .await
    .map_err(demo)?;
    let Supervised::Decided { recommendation } = plan else {
        return Ok(());
    };
    let tpp = as_(
        store,
        &people.tpp,
        Role::TppMember,
        Permission::RecommendInTpp,
        id,
    )
    .await?;
    let recommendation = Recommendation::parse(recommendation)
        .ok_or_else(|| anyhow::anyhow!("demo recommendation"))?;
    sv::recommend(
        store,
        &tpp,
        exam,
        recommendation,
        &team,
        "Sidang TPP menimbang hasil pemeriksaan tim (data demo).",
        days(formed, 5)?,
    )
    .await
    .map_err(demo)?;
    sv::decide(
        store,
        &head,
        exam,
        true,
        "Sesuai rekomendasi TPP (data demo).",
        today,
    )
    .await
    .map_err(demo)?;
    // The prosecutor ordered the prison term: recorded by the head from the prosecutor's
    // letter, the case waits for the head to end it by sanction (T1c).
    if let Recommendation::DefaultOrder(order @ OrderKind::ServeImprisonment) = recommendation {
        let head = as_(
            store,
            &people.head,
            Role::HeadOfOffice,
            Permission::RecordProsecutorDecision,
            id,
        )
        .await?;
        let decision = ProsecutorDecision {
            order,
            reference: "B-1207/M.2.10/Eku.3/2026 (data demo)".into(),
            decided_on: today,
        };
        sv::record_prosecutor_decision(store, &head, exam, &decision, today)
            .await
            .map_err(demo)?;
    }
    Ok(())
}

fn rank(stage: Stage) -> u8 {
    match stage {
        Stage::Received => 0,
        Stage::DocumentsIncomplete => 1,
        Stage::DocumentsVerified | Stage::Disposed => 2,
        Stage::AwaitingClient => 3,
        Stage::OfficerAssigned => 4,
        Stage::Registered | Stage::LitmasSubmitted => 5,
        Stage::Assessed => 6,
        Stage::Placed => 7,
        Stage::Serving => 8,
        Stage::UnderExamination | Stage::Terminated(_) => 9,
    }
}

/// The daily reports: transcribed by the registry from the signed paper form, verified by the
/// supervisor and credited by the PK; the newest stay pending, one is rejected.
async fn serve(
    store: &Store,
    people: &People,
    id: CaseId,
    scenario: &Scenario,
    zone: OfficeZone,
    received: Date,
    today: Date,
) -> anyhow::Result<()> {
    let registry = as_(
        store,
        &people.registry,
        Role::RegistryOfficer,
        Permission::ReportAttendance,
        id,
    )
    .await?;
    let pj = as_(
        store,
        &people.pj,
        Role::SiteSupervisor,
        Permission::VerifyAttendance,
        id,
    )
    .await?;
    let pk = as_(
        store,
        &people.pk,
        Role::Pk,
        Permission::VerifyAttendance,
        id,
    )
    .await?;
    let window_end = days(received, 179)?;
    // Every hour credited: a case terminated as completed, or one waiting for it.
    let finished = matches!(
        scenario.stage,
        Stage::Terminated(TerminationReason::Completed)
    ) || scenario.credit >= scenario.hours * 60;
    let mut day = days(received, 2)?;
    let mut credited = 0;
    let mut recorded: Vec<EntryId> = Vec::new();
    let start_time = Time::constant(8, 0, 0, 0);
    let end_minute = 8 * 60 + scenario.length;
    let end_time = Time::new(
        i8::try_from(end_minute / 60)?,
        i8::try_from(end_minute % 60)?,
        0,
        0,
    )?;
    while day < today && day <= window_end && credited < scenario.credit {
        let (start, end) = interval(zone, day, start_time, end_time)
            .ok_or_else(|| anyhow::anyhow!("demo interval"))?;
        let entry = NewEntry {
            start,
            end,
            activity: "Membersihkan halaman dan ruang tunggu; merapikan perpustakaan.".into(),
        };
        let entry_id = ledger_store::record(store, &registry, &entry, None).await?;
        recorded.push(entry_id);
        credited += scenario.length;
        day = days(day, scenario.every)?;
    }
    // Everything is verified except, while still serving, the two newest reports: one waits
    // for the PK, one for the supervisor. The third report was rejected by the supervisor.
    let pending = if finished || matches!(scenario.stage, Stage::Terminated(_)) {
        0
    } else {
        2.min(recorded.len())
    };
    for (i, entry) in recorded.iter().enumerate() {
        let newest = recorded.len() - i <= pending;
        if i == 2 && !finished {
            ledger_store::reject(
                store,
                &pj,
                *entry,
                "Klien pulang sebelum waktunya; PJ tidak menandatangani.",
            )
            .await?;
            continue;
        }
        if newest && recorded.len() - i == 1 {
            continue;
        }
        ledger_store::verify(store, &pj, *entry).await?;
        if !newest {
            ledger_store::verify(store, &pk, *entry).await?;
        }
    }
    if scenario.received_days_ago > 60 {
        let evaluation = Evaluation {
            key: MilestoneKey {
                basis: MilestoneBasis::Window,
                quarter: Quarter::One,
            },
            day: days(received, 46)?,
            by: people.pk.id,
            assessment: &karya_domain::evaluation::Assessment {
                obstacles: "Jarak rumah ke tempat kerja cukup jauh (data demo).".into(),
                supports: "Keluarga dan PJ mendukung; Pokmas Lipas mendampingi (data demo).".into(),
                findings: [
                    Some(Finding::Met),
                    Some(Finding::Met),
                    Some(if matches!(scenario.stage, Stage::UnderExamination) {
                        Finding::NotMet
                    } else {
                        Finding::Partly
                    }),
                ],
                lessons:
                    "Jadwal kerja sosial perlu disesuaikan dengan jam kerja Klien (data demo)."
                        .into(),
            },
            note: "Klien hadir sesuai jadwal; tidak ada keluhan dari PJ.",
        };
        let pk = as_(store, &people.pk, Role::Pk, Permission::EvaluateCases, id).await?;
        evaluations::record(store, &pk, &evaluation)
            .await
            .map_err(|e| anyhow::anyhow!("demo evaluation: {e}"))?;
    }
    Ok(())
}

/// The demo's intake: handed over by the prosecutor with the execution letter, except the
/// client who awaits a summons (I3).
fn demo_intake(scenario: &Scenario, city: &str, received: Date) -> anyhow::Result<cases::Intake> {
    let handed_over = !matches!(scenario.stage, Stage::AwaitingClient);
    Ok(cases::Intake {
        channel: Some(if handed_over {
            Channel::Handover
        } else {
            Channel::Decision
        }),
        handed_over,
        execution_letter_number: Some(format!(
            "PRINT-{}/M.2.10/Eku.3/{}/2026",
            100 + scenario.received_days_ago,
            received.month()
        )),
        execution_letter_date: Some(days(received, -1)?),
        execution_letter_issuer: Some(format!("Kejaksaan Negeri {city}")),
    })
}

/// The desk's document check (D1) on both documents: all passed, or the execution letter's
/// identity check failed (D3).
async fn check_documents(
    store: &Store,
    people: &People,
    id: CaseId,
    valid: bool,
) -> anyhow::Result<()> {
    let checks: Vec<DocumentCheck> = IntakeDocument::ALL
        .into_iter()
        .flat_map(|document| CheckKind::ALL.map(|kind| (document, kind)))
        .map(|(document, kind)| {
            let failed = !valid
                && document == IntakeDocument::ExecutionLetter
                && kind == CheckKind::IdentityMatch;
            DocumentCheck {
                document,
                kind,
                outcome: if failed {
                    CheckOutcome::Failed
                } else {
                    CheckOutcome::Passed
                },
                note: if failed {
                    "Tanggal lahir pada surat eksekusi berbeda dengan petikan putusan.".into()
                } else {
                    String::new()
                },
            }
        })
        .collect();
    let desk = as_(
        store,
        &people.intake,
        Role::IntakeOfficer,
        Permission::CheckDocuments,
        id,
    )
    .await?;
    intake_store::record_checks(store, &desk, &checks).await?;
    Ok(())
}
