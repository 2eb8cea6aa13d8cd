//! Guidance (*pembimbingan*, seed §2.3.2; DOMAIN §6, B1–B4): the activities the PK leads or
//! arranges to change the client's behaviour, the log of behaviour changes and good deeds,
//! and the client's stage in the Cycle of Change.
//!
//! - **B1** guidance happens outside the hours of community service: an activity that
//!   overlaps a scheduled or reported work period of the same client that day is refused.
//! - **B2** intellectual, skills and independence programmes are the client's own wish, and
//!   the Litmas' risk and needs are beside the form (the web shows them).
//! - **B3** behaviour changes, good deeds above all, are recorded: dated, sourced, described.
//! - **B4** the Cycle of Change stage is set with a reason; moving back is a relapse.

use jiff::civil::{Date, Time};

use crate::ledger::Ledger;
use crate::refusal::Refusal;
use crate::rule::{Rule, Violation, Violations};
use crate::schedule::Slot;

/// Declares a closed list of codes with their Indonesian and English labels.
macro_rules! coded {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $code:literal, $id:literal, $en:literal;)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }

            pub fn parse(text: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.as_str() == text)
            }

            pub fn label_id(self) -> &'static str {
                match self {
                    $($name::$variant => $id,)+
                }
            }

            pub fn label_en(self) -> &'static str {
                match self {
                    $($name::$variant => $en,)+
                }
            }
        }

        // Kept by its code, as the database keeps it (a progress report's facts).
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let code = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                $name::parse(&code).ok_or_else(|| serde::de::Error::custom("unknown code"))
            }
        }
    };
}

coded! {
    /// What a guidance activity is (seed §2.3.2 c–f).
    GuidanceKind {
        CounsellingMental = "counselling_mental", "Konseling mental", "Mental counselling";
        CounsellingSpiritual = "counselling_spiritual", "Konseling spiritual", "Spiritual counselling";
        Reflection = "reflection", "Refleksi perilaku dan tanggung jawab", "Reflection on behaviour and responsibility";
        MotivationMoral = "motivation_moral", "Motivasi: nilai moral", "Motivation: moral values";
        MotivationSocial = "motivation_social", "Motivasi: nilai sosial", "Motivation: social values";
        MotivationReligious = "motivation_religious", "Motivasi: nilai keagamaan", "Motivation: religious values";
        MotivationLaw = "motivation_law", "Motivasi: kepatuhan terhadap hukum", "Motivation: obedience to law";
        Intellectual = "intellectual", "Peningkatan kualitas intelektual", "Intellectual programme";
        Skills = "skills", "Peningkatan keterampilan", "Skills programme";
        Independence = "independence", "Peningkatan kemandirian", "Independence programme";
    }
}

impl GuidanceKind {
    /// Intellectual, skills and independence programmes are taken up entirely at the
    /// client's own wish (seed §2.3.2 f).
    pub fn needs_clients_wish(self) -> bool {
        matches!(
            self,
            GuidanceKind::Intellectual | GuidanceKind::Skills | GuidanceKind::Independence
        )
    }
}

coded! {
    /// Who led the activity (seed §2.3.2 g: counselling, motivation and skills involve
    /// Pokmas Lipas or Griya Abhipraya).
    Leader {
        Pk = "pk", "PK", "The PK";
        PokmasLipas = "pokmas_lipas", "Pokmas Lipas", "Pokmas Lipas";
        GriyaAbhipraya = "griya_abhipraya", "Griya Abhipraya", "Griya Abhipraya";
        Partner = "partner", "Mitra lain", "Another partner";
    }
}

coded! {
    /// How the activity was held.
    Setting {
        Individual = "individual", "Perorangan (tatap muka)", "One to one, in person";
        Group = "group", "Kelompok", "In a group";
        Remote = "remote", "Jarak jauh (telepon/video)", "Remote (telephone or video)";
    }
}

/// A guidance activity as the PK records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    pub kind: GuidanceKind,
    pub on: Date,
    pub from: Time,
    pub to: Time,
    pub setting: Setting,
    pub place: String,
    pub leader: Leader,
    /// The partner or group that led it, when not the PK.
    pub leader_name: String,
    /// The client asked for this programme (B2, for intellectual, skills, independence).
    pub clients_wish: bool,
    pub note: String,
}

/// A period of community service on one day, scheduled or reported, in local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkPeriod {
    pub on: Date,
    pub from: Time,
    pub to: Time,
    /// Reported (a daily report) rather than only scheduled (the placement's schedule).
    pub reported: bool,
}

/// The client's work periods on `day` in the office's local time: the placement schedule's
/// slots for that weekday, and every daily report that was not rejected.
pub fn work_periods_on(day: Date, schedule: &[Slot], ledger: &Ledger) -> Vec<WorkPeriod> {
    let scheduled = schedule
        .iter()
        .filter(|slot| slot.weekday == day.weekday())
        .map(|slot| WorkPeriod {
            on: day,
            from: slot.from,
            to: slot.to,
            reported: false,
        });
    let zone = ledger.zone();
    let reported = ledger
        .entries()
        .iter()
        .filter(|entry| entry.state.counts())
        .filter_map(|entry| {
            let start = entry.start.to_zoned_datetime(zone.clone()).datetime();
            let end = entry.end.to_zoned_datetime(zone.clone()).datetime();
            // A report that runs past midnight counts on each of its days.
            let from = match start.date() {
                d if d == day => start.time(),
                d if d < day => Time::MIN,
                _ => return None,
            };
            let to = match end.date() {
                d if d == day => end.time(),
                d if d > day => Time::MAX,
                _ => return None,
            };
            Some(WorkPeriod {
                on: day,
                from,
                to,
                reported: true,
            })
        });
    scheduled.chain(reported).collect()
}

/// Checks a guidance activity (B1, B2). `work` are the client's work periods on that day
/// (scheduled and reported); any overlap is refused, since guidance happens before or after
/// the hours of community service, never during them. A period that only touches the
/// activity (work ends at 12:00, guidance starts at 12:00) is not an overlap.
pub fn check_activity(
    activity: &Activity,
    today: Date,
    work: &[WorkPeriod],
) -> Result<(), Violations> {
    let mut found = Violations::default();
    if activity.on > today {
        found.push(Violation::procedural("on", Refusal::GuidanceInFuture));
    }
    if activity.to <= activity.from {
        found.push(Violation::procedural(
            "to",
            Refusal::GuidanceEndsBeforeStart,
        ));
    }
    if activity.place.trim().is_empty() {
        found.push(Violation::procedural(
            "place",
            Refusal::GuidancePlaceRequired,
        ));
    }
    if activity.note.trim().is_empty() {
        found.push(Violation::procedural("note", Refusal::GuidanceNoteRequired));
    }
    if activity.leader != Leader::Pk && activity.leader_name.trim().is_empty() {
        found.push(Violation::procedural(
            "leader_name",
            Refusal::GuidanceLeaderNameRequired,
        ));
    }
    if activity.kind.needs_clients_wish() && !activity.clients_wish {
        found.push(Violation::new(
            Rule::B2,
            "clients_wish",
            Refusal::GuidanceNotClientsWish,
        ));
    }
    if activity.to > activity.from
        && let Some(clash) = work
            .iter()
            .find(|w| w.on == activity.on && w.from < activity.to && activity.from < w.to)
    {
        found.push(Violation::new(
            Rule::B1,
            "from",
            Refusal::GuidanceDuringWork {
                from: clash.from,
                to: clash.to,
                reported: clash.reported,
            },
        ));
    }
    if found.is_empty() { Ok(()) } else { Err(found) }
}

coded! {
    /// What a behaviour entry records (B3; seed §2.3.2 h, j).
    BehaviourKind {
        BloodDonation = "blood_donation", "Donor darah", "Blood donation";
        SocialService = "social_service", "Bakti sosial", "Social service";
        Volunteering = "volunteering", "Kegiatan kerelawanan atas kesadaran sendiri", "Volunteering of their own accord";
        OtherGoodDeed = "good_deed", "Perbuatan baik lain yang bermanfaat bagi orang lain", "Another good deed useful to others";
        PositiveChange = "positive_change", "Perubahan perilaku ke arah baik", "A change for the better";
        Concern = "concern", "Perilaku yang perlu perhatian", "Behaviour of concern";
    }
}

impl BehaviourKind {
    /// A good deed useful to others: what S5 lets the PK put to the head as a good deed.
    pub fn is_good_deed(self) -> bool {
        matches!(
            self,
            BehaviourKind::BloodDonation
                | BehaviourKind::SocialService
                | BehaviourKind::Volunteering
                | BehaviourKind::OtherGoodDeed
        )
    }
}

coded! {
    /// Who told the PK of the behaviour.
    Source {
        Pk = "pk", "PK (pengamatan sendiri)", "The PK (own observation)";
        Supervisor = "pj", "Penanggung jawab di tempat kerja", "The on-site supervisor";
        Community = "community", "Masyarakat", "The community";
        Client = "client", "Klien", "The client";
    }
}

/// One entry of the behaviour log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BehaviourEntry {
    pub kind: BehaviourKind,
    pub on: Date,
    pub source: Source,
    pub description: String,
}

/// Checks a behaviour entry (B3): dated no later than today and described.
pub fn check_behaviour(entry: &BehaviourEntry, today: Date) -> Result<(), Violations> {
    let mut found = Violations::default();
    if entry.on > today {
        found.push(Violation::new(Rule::B3, "on", Refusal::BehaviourInFuture));
    }
    if entry.description.trim().is_empty() {
        found.push(Violation::new(
            Rule::B3,
            "description",
            Refusal::BehaviourDescriptionRequired,
        ));
    }
    if found.is_empty() { Ok(()) } else { Err(found) }
}

coded! {
    /// The stages of the Cycle of Change (B4; seed §2.3.2 i), in order.
    ChangeStage {
        Precontemplation = "precontemplation", "Pra-perenungan (precontemplation)", "Precontemplation";
        Contemplation = "contemplation", "Perenungan (contemplation)", "Contemplation";
        Preparation = "preparation", "Persiapan (preparation)", "Preparation";
        Action = "action", "Tindakan (action)", "Action";
        Maintenance = "maintenance", "Pemeliharaan (maintenance)", "Maintenance";
    }
}

impl ChangeStage {
    fn rank(self) -> usize {
        ChangeStage::ALL
            .iter()
            .position(|s| *s == self)
            .unwrap_or_default()
    }
}

/// What a stage change is: the first assessment, a step forward, or a relapse (any step
/// back; the cycle allows it and the PK records why).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StageMove {
    First,
    Forward,
    Relapse,
}

impl StageMove {
    pub fn as_str(self) -> &'static str {
        match self {
            StageMove::First => "first",
            StageMove::Forward => "forward",
            StageMove::Relapse => "relapse",
        }
    }
}

/// Checks a new Cycle of Change stage against the current one (B4): a reason is required,
/// and the stage must change. Returns whether it is a first assessment, a step forward or
/// a relapse.
pub fn check_stage(
    current: Option<ChangeStage>,
    next: ChangeStage,
    reason: &str,
) -> Result<StageMove, Violation> {
    if reason.trim().is_empty() {
        return Err(Violation::new(
            Rule::B4,
            "reason",
            Refusal::StageReasonRequired,
        ));
    }
    match current {
        None => Ok(StageMove::First),
        Some(now) if now == next => Err(Violation::new(Rule::B4, "stage", Refusal::StageUnchanged)),
        Some(now) if next.rank() < now.rank() => Ok(StageMove::Relapse),
        Some(_) => Ok(StageMove::Forward),
    }
}

#[cfg(test)]
#[expect(non_snake_case, reason = "test names end with the rule ID they check")]
mod tests {
    use super::*;
    use jiff::civil::{date, time};

    fn counselling(from: Time, to: Time) -> Activity {
        Activity {
            kind: GuidanceKind::CounsellingMental,
            on: date(2026, 11, 30),
            from,
            to,
            setting: Setting::Individual,
            place: "Kantor Bapas".into(),
            leader: Leader::Pk,
            leader_name: String::new(),
            clients_wish: false,
            note: "Konseling tentang pengelolaan emosi.".into(),
        }
    }

    fn work(from: Time, to: Time, reported: bool) -> WorkPeriod {
        WorkPeriod {
            on: date(2026, 11, 30),
            from,
            to,
            reported,
        }
    }

    const TODAY: Date = date(2026, 12, 1);

    #[test]
    fn guidance_during_scheduled_or_reported_work_is_refused_B1() {
        let periods = [
            work(time(8, 0, 0, 0), time(12, 0, 0, 0), false),
            work(time(13, 0, 0, 0), time(15, 0, 0, 0), true),
        ];
        let during = counselling(time(11, 0, 0, 0), time(12, 30, 0, 0));
        let refused = check_activity(&during, TODAY, &periods).unwrap_err();
        assert!(refused.contains(Rule::B1));
        assert_eq!(
            refused
                .iter()
                .find(|v| v.rule == Some(Rule::B1))
                .unwrap()
                .refusal,
            Refusal::GuidanceDuringWork {
                from: time(8, 0, 0, 0),
                to: time(12, 0, 0, 0),
                reported: false
            }
        );
        let reported = counselling(time(14, 0, 0, 0), time(14, 30, 0, 0));
        assert!(
            check_activity(&reported, TODAY, &periods)
                .unwrap_err()
                .contains(Rule::B1)
        );
        // A period inside the activity overlaps too.
        let around = counselling(time(7, 0, 0, 0), time(16, 0, 0, 0));
        assert!(
            check_activity(&around, TODAY, &periods)
                .unwrap_err()
                .contains(Rule::B1)
        );
    }

    #[test]
    fn guidance_before_after_or_between_work_periods_is_allowed_B1() {
        let periods = [
            work(time(8, 0, 0, 0), time(12, 0, 0, 0), false),
            work(time(13, 0, 0, 0), time(15, 0, 0, 0), true),
        ];
        for (from, to) in [((7, 0), (8, 0)), ((12, 0), (13, 0)), ((15, 0), (16, 30))] {
            let activity = counselling(time(from.0, from.1, 0, 0), time(to.0, to.1, 0, 0));
            assert_eq!(check_activity(&activity, TODAY, &periods), Ok(()));
        }
        // Work on another day does not matter.
        let other_day = [WorkPeriod {
            on: date(2026, 11, 29),
            ..periods[0]
        }];
        let morning = counselling(time(9, 0, 0, 0), time(10, 0, 0, 0));
        assert_eq!(check_activity(&morning, TODAY, &other_day), Ok(()));
    }

    #[test]
    fn work_periods_are_the_schedules_slots_and_the_reports_not_rejected_in_local_time_B1() {
        use crate::ledger::{AttendanceEntry, EntryState};
        use crate::{Minutes, ServiceWindow};
        let zone = jiff::tz::TimeZone::get("Asia/Jayapura").unwrap();
        let at = |h: i8| {
            date(2026, 11, 30)
                .at(h, 0, 0, 0)
                .to_zoned_datetime(zone.clone())
                .unwrap()
                .timestamp()
        };
        let entry = |id, from, to, state| AttendanceEntry {
            id,
            start: at(from),
            end: at(to),
            reported_by: 1,
            state,
        };
        let window = ServiceWindow::new(date(2026, 11, 1), 6).unwrap();
        let ledger = Ledger::new(
            Minutes::from_hours(40),
            window,
            zone.clone(),
            vec![
                entry(1, 8, 11, EntryState::Reported),
                entry(
                    2,
                    13,
                    15,
                    EntryState::Rejected {
                        by: 2,
                        reason: "Tidak hadir".into(),
                    },
                ),
            ],
        );
        let monday = date(2026, 11, 30);
        let slots = [
            Slot {
                weekday: jiff::civil::Weekday::Monday,
                from: time(16, 0, 0, 0),
                to: time(18, 0, 0, 0),
            },
            Slot {
                weekday: jiff::civil::Weekday::Tuesday,
                from: time(8, 0, 0, 0),
                to: time(12, 0, 0, 0),
            },
        ];
        let periods = work_periods_on(monday, &slots, &ledger);
        assert_eq!(
            periods,
            [
                work(time(16, 0, 0, 0), time(18, 0, 0, 0), false),
                work(time(8, 0, 0, 0), time(11, 0, 0, 0), true),
            ],
            "Monday's slot and the report in Papua's local time; the rejected report is no work"
        );
        assert!(work_periods_on(date(2026, 12, 2), &slots, &ledger).is_empty());
    }

    #[test]
    fn a_skills_programme_is_the_clients_own_wish_B2() {
        let mut skills = counselling(time(16, 0, 0, 0), time(17, 0, 0, 0));
        skills.kind = GuidanceKind::Skills;
        skills.leader = Leader::GriyaAbhipraya;
        skills.leader_name = "Griya Abhipraya Bandung".into();
        let refused = check_activity(&skills, TODAY, &[]).unwrap_err();
        assert!(refused.contains(Rule::B2));
        skills.clients_wish = true;
        assert_eq!(check_activity(&skills, TODAY, &[]), Ok(()));
        // Counselling needs no wish: the PK gives it as needed.
        let plain = counselling(time(16, 0, 0, 0), time(17, 0, 0, 0));
        assert_eq!(check_activity(&plain, TODAY, &[]), Ok(()));
    }

    #[test]
    fn an_activity_names_its_place_its_leader_and_what_was_done_and_is_not_in_the_future() {
        let mut bad = counselling(time(10, 0, 0, 0), time(9, 0, 0, 0));
        bad.on = date(2026, 12, 2);
        bad.place = " ".into();
        bad.note = String::new();
        bad.leader = Leader::PokmasLipas;
        let fields: Vec<_> = check_activity(&bad, TODAY, &[])
            .unwrap_err()
            .iter()
            .map(|v| v.field)
            .collect();
        assert_eq!(fields, ["on", "to", "place", "note", "leader_name"]);
    }

    #[test]
    fn a_behaviour_entry_is_dated_no_later_than_today_and_described_B3() {
        let deed = BehaviourEntry {
            kind: BehaviourKind::BloodDonation,
            on: TODAY,
            source: Source::Community,
            description: "Donor darah di PMI Kota Bandung.".into(),
        };
        assert_eq!(check_behaviour(&deed, TODAY), Ok(()));
        assert!(deed.kind.is_good_deed() && !BehaviourKind::Concern.is_good_deed());
        let later = BehaviourEntry {
            on: date(2026, 12, 5),
            description: " ".into(),
            ..deed
        };
        let refused = check_behaviour(&later, TODAY).unwrap_err();
        assert_eq!(refused.len(), 2);
        assert!(refused.contains(Rule::B3));
    }

    #[test]
    fn the_cycle_of_change_moves_with_a_reason_and_a_step_back_is_a_relapse_B4() {
        use ChangeStage::*;
        assert_eq!(
            check_stage(None, Contemplation, "Mulai menyadari masalahnya."),
            Ok(StageMove::First)
        );
        assert_eq!(
            check_stage(Some(Contemplation), Action, "Ikut program."),
            Ok(StageMove::Forward)
        );
        assert_eq!(
            check_stage(Some(Maintenance), Preparation, "Kembali minum."),
            Ok(StageMove::Relapse)
        );
        let same = check_stage(Some(Action), Action, "Tetap.").unwrap_err();
        assert_eq!((same.rule, same.field), (Some(Rule::B4), "stage"));
        let silent = check_stage(Some(Action), Maintenance, "  ").unwrap_err();
        assert_eq!((silent.rule, silent.field), (Some(Rule::B4), "reason"));
    }

    #[test]
    fn every_code_reads_back_and_stages_run_in_the_seeds_order() {
        for kind in GuidanceKind::ALL {
            assert_eq!(GuidanceKind::parse(kind.as_str()), Some(*kind));
        }
        for kind in BehaviourKind::ALL {
            assert_eq!(BehaviourKind::parse(kind.as_str()), Some(*kind));
        }
        let order: Vec<_> = ChangeStage::ALL.iter().map(|s| s.label_en()).collect();
        assert_eq!(
            order,
            [
                "Precontemplation",
                "Contemplation",
                "Preparation",
                "Action",
                "Maintenance"
            ]
        );
        assert_eq!(
            Leader::parse("griya_abhipraya"),
            Some(Leader::GriyaAbhipraya)
        );
        assert_eq!(Setting::parse("nope"), None);
    }
}
