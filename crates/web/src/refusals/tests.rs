use jiff::civil::{Weekday, date, time};
use karya_domain::intake::{CheckKind, IntakeDocument};
use karya_domain::lifecycle::{CaseStatus, Transition};
use karya_domain::partner::Stage;
use karya_domain::placement::Exclusion;
use karya_domain::refusal::{AwaitedStep, EntryProgress, RegisterItem};

use super::*;

fn both(refusal: &Refusal) -> (String, String) {
    (
        refusal_text(Lang::Id, refusal),
        refusal_text(Lang::En, refusal),
    )
}

#[test]
fn the_day_limit_names_the_day_and_the_minutes_left_in_each_language_L5() {
    let (id, en) = both(&Refusal::DayLimit {
        day: date(2026, 3, 2),
        free: Minutes::from_hours(4),
        wanted: Minutes::new(241),
    });
    assert_eq!(
        id,
        "Pada 2 Maret 2026 tinggal 4 jam yang dapat dihitung (batas 8 jam sehari, L5); \
         catatan ini 4 jam 1 menit."
    );
    assert_eq!(
        en,
        "Only 4 h can still be counted on 2 March 2026 (limit 8 hours a day, L5); this \
         entry is 4 h 1 min."
    );
}

#[test]
fn an_overlap_writes_times_as_each_language_does_B5() {
    let (id, en) = both(&Refusal::Overlap {
        from: time(8, 0, 0, 0),
        to: time(10, 0, 0, 0),
        day: date(2026, 3, 2),
    });
    assert!(id.contains("(08.00–10.00, 2 Maret 2026)"), "{id}");
    assert!(en.contains("(08:00–10:00, 2 March 2026)"), "{en}");
}

#[test]
fn hours_ordered_outside_the_range_are_written_out_L4() {
    let (id, en) = both(&Refusal::HoursTooFew {
        hours: Minutes::from_hours_and_minutes(7, 59),
    });
    assert_eq!(
        id,
        "Lama pidana kerja sosial 7 jam 59 menit; harus paling singkat 8 jam (L4)."
    );
    assert!(
        en.contains("7 h 59 min") && en.contains("at least 8 hours"),
        "{en}"
    );
}

#[test]
fn amounts_are_in_rupiah_and_terms_in_months_and_days_L1() {
    let (id, _) = both(&Refusal::ReplacedFineTooHigh {
        amount: 10_000_001,
        cap: 10_000_000,
    });
    assert_eq!(
        id,
        "Pidana denda yang diganti Rp10.000.001 melebihi kategori II (Rp10.000.000) (L1)."
    );
    let (id, en) = both(&Refusal::ReplacedPrisonTooLong {
        term: PrisonTerm {
            months: 5,
            days: 31,
        },
    });
    assert!(id.contains("5 bulan 31 hari"), "{id}");
    assert!(en.contains("5 months 31 days"), "{en}");
}

#[test]
fn a_missing_register_item_is_named_G1() {
    let (id, en) = both(&Refusal::RegisterItemRequired {
        item: RegisterItem::MotherName,
    });
    assert_eq!(id, "Nama ibu wajib dicatat dalam buku register (G1).");
    assert_eq!(
        en,
        "The mother's name must be recorded in the register (G1)."
    );
}

#[test]
fn a_report_not_awaiting_a_step_says_where_it_stands_B5() {
    let (id, en) = both(&Refusal::NotAwaiting {
        id: 7,
        now: EntryProgress::Credited,
        step: AwaitedStep::Pk,
    });
    assert_eq!(
        id,
        "Catatan kehadiran #7 sudah dihitung; tidak menunggu PK."
    );
    assert_eq!(
        en,
        "Attendance entry #7 is already credited; it is not awaiting the PK."
    );
}

#[test]
fn labels_of_the_domain_are_worded_in_the_language_D1() {
    let (id, en) = both(&Refusal::CheckMissing {
        document: IntakeDocument::ExecutionLetter,
        check: CheckKind::ALL[0],
    });
    assert!(id.starts_with("Surat eksekusi: pemeriksaan \"") && id.ends_with("belum diisi (D1)."));
    assert!(
        en.starts_with("Execution letter: the check \"")
            && en.ends_with("has no outcome yet (D1).")
    );
    assert_ne!(id, en);
}

#[test]
fn a_schedule_that_never_finishes_says_so_L6() {
    let (id, en) = both(&Refusal::ScheduleFinishesLate {
        finish: None,
        deadline: date(2026, 8, 28),
    });
    assert!(id.contains("tidak pernah selesai") && id.contains("28 Agustus 2026"));
    assert!(en.contains("never end") && en.contains("28 August 2026"));
}

#[test]
fn nik_warnings_are_worded_from_their_values_G1() {
    let warning = NikWarning::BirthDate {
        nik_ddmmyy: (12, 3, 5),
        recorded: date(2005, 3, 13),
    };
    assert_eq!(
        nik_warning_text(Lang::Id, &warning),
        "Tanggal lahir dalam NIK (12-03-05) berbeda dengan tanggal lahir yang dicatat \
         (13 Maret 2005). Periksa kembali."
    );
    let sex = NikWarning::Sex {
        nik: Sex::Female,
        recorded: Sex::Male,
    };
    assert!(
        nik_warning_text(Lang::Id, &sex).contains("perempuan, sedangkan yang dicatat laki-laki")
    );
    assert_eq!(
        nik_warning_text(Lang::En, &sex),
        "The NIK indicates female, but male is recorded."
    );
}

#[test]
fn lifecycle_refusals_name_the_step_and_the_status() {
    let error = TransitionError::NotAllowed {
        from: CaseStatus::Received,
        transition: Transition::Place,
    };
    assert_eq!(
        transition_text(Lang::Id, &error),
        "Langkah \"Tempatkan Klien\" tidak dapat dilakukan pada status \"Diterima\"."
    );
    assert_eq!(
        transition_text(Lang::En, &error),
        "\"Place the client\" is not possible in the status \"Received\"."
    );
}

/// One refusal of each kind that carries values: none may leave a `{placeholder}` unfilled
/// or its value out, in either language.
#[test]
fn every_refusal_with_values_fills_all_its_placeholders() {
    let day = date(2026, 3, 2);
    let samples = [
        Refusal::FinalBeforeDecision {
            date_final: day,
            decision_date: day,
        },
        Refusal::ThreatTooHigh { months: 60 },
        Refusal::ReplacedPrisonOverThreat {
            term: PrisonTerm { months: 3, days: 0 },
            threat_months: 2,
        },
        Refusal::HoursTooMany {
            hours: Minutes::from_hours(241),
        },
        Refusal::InstalmentMonths { months: 7 },
        Refusal::PrisonOrderLength {
            term: PrisonTerm { months: 0, days: 0 },
        },
        Refusal::FineOrderAmount {
            amount: 0,
            replaced: 5,
        },
        Refusal::NotFinalYet { date_final: day },
        Refusal::CheckAlwaysApplies {
            document: IntakeDocument::DecisionCopy,
            check: CheckKind::ALL[0],
        },
        Refusal::CheckNeedsNote {
            document: IntakeDocument::ExecutionLetter,
            check: CheckKind::ALL[1],
        },
        Refusal::SummonsLimitReached { sent: 3 },
        Refusal::DeadlineNotPassed { number: 2 },
        Refusal::ReceivedBeforeFinal {
            received_on: day,
            date_final: day,
        },
        Refusal::NikLength { digits: 15 },
        Refusal::NikRegion {
            code: "000000".into(),
        },
        Refusal::NikBirthDate {
            digits: "991399".into(),
        },
        Refusal::WindowInvalid {
            start: day,
            end: day,
        },
        Refusal::OutsideWindow {
            day,
            start: day,
            end: day,
        },
        Refusal::StartOutOfRange { start: day },
        Refusal::SlotEndsBeforeStart {
            day: Weekday::Monday,
        },
        Refusal::SlotDayOverLimit {
            day: Weekday::Tuesday,
            length: Minutes::new(490),
        },
        Refusal::SlotOutsideOpening {
            day: Weekday::Saturday,
            from: time(8, 0, 0, 0),
            to: time(16, 0, 0, 0),
        },
        Refusal::SlotClashesWithLivelihood {
            day: Weekday::Sunday,
            from: time(6, 0, 0, 0),
            to: time(12, 0, 0, 0),
        },
        Refusal::ScheduleFinishesLate {
            finish: Some(day),
            deadline: day,
        },
        Refusal::StageOutOfOrder {
            from: Stage::ALL[0],
            to: Stage::ALL[2],
        },
        Refusal::PlacementExcluded {
            exclusions: vec![Exclusion::NoSupervisor, Exclusion::NoAgreement],
        },
        Refusal::NotServing {
            status: CaseStatus::Placed,
        },
        Refusal::EntryTooLong {
            length: Minutes::new(481),
        },
        Refusal::EntryExists { id: 3 },
        Refusal::EntryNotInCase { id: 4 },
        Refusal::DayFull { day },
        Refusal::OrderLimit {
            left: Minutes::new(60),
            wanted: Minutes::new(61),
        },
        Refusal::NotAwaiting {
            id: 5,
            now: EntryProgress::Rejected,
            step: AwaitedStep::Rejection,
        },
        Refusal::HoursStillOpen {
            remaining: Minutes::new(750),
        },
    ];
    for refusal in &samples {
        for lang in [Lang::Id, Lang::En] {
            let text = refusal_text(lang, refusal);
            assert!(
                !text.contains('{') && !text.contains('}'),
                "{lang:?} {refusal:?}: {text}"
            );
            assert!(!text.trim().is_empty());
        }
        let (id, en) = both(refusal);
        assert_ne!(id, en, "{refusal:?} has the same words in both languages");
    }
}
