//! The duties of a controller of specific personal data under Indonesia's Personal Data
//! Protection Law (UU 27/2022, "UU PDP"), as Karya keeps them (issue 12, item 13). Criminal
//! records are specific data (Art. 4(2)); a public service processing them at scale must
//! have a data protection officer (Art. 53). Three duties run on the same clock of three
//! times twenty-four hours:
//!
//! - a data subject's request for access to and a copy of their data (Art. 32(1)),
//! - a request to correct or update it (Art. 30(1)),
//! - the written notice of a breach to the data subjects and to the supervisory body
//!   (Art. 46(1)), which must say what data was exposed, when and how, and what is being
//!   done to handle and recover (Art. 46(2)).
//!
//! These are not rules of the guideline (DOMAIN.md), so they carry the law's article, not a
//! rule ID.

use jiff::{SignedDuration, Timestamp};

/// Three times twenty-four hours ("3 x 24 jam"), the law's time for each duty.
pub const RESPONSE_HOURS: i64 = 72;

/// What a data subject asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestKind {
    /// Access to their data and a copy of it (Art. 32).
    Access,
    /// Correction or update of their data (Art. 30).
    Correction,
}

impl RequestKind {
    pub const ALL: [RequestKind; 2] = [RequestKind::Access, RequestKind::Correction];

    pub fn as_str(self) -> &'static str {
        match self {
            RequestKind::Access => "access",
            RequestKind::Correction => "correction",
        }
    }

    pub fn parse(text: &str) -> Option<RequestKind> {
        RequestKind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// The article of UU PDP that sets the duty.
    pub fn article(self) -> &'static str {
        match self {
            RequestKind::Access => "UU PDP Pasal 32",
            RequestKind::Correction => "UU PDP Pasal 30",
        }
    }

    pub fn label_id(self) -> &'static str {
        match self {
            RequestKind::Access => "Akses dan salinan data",
            RequestKind::Correction => "Perbaikan data",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            RequestKind::Access => "Access and a copy",
            RequestKind::Correction => "Correction",
        }
    }
}

/// When a duty that began at `received` must be done.
pub fn due(received: Timestamp) -> Timestamp {
    received + SignedDuration::from_hours(RESPONSE_HOURS)
}

/// Where a duty stands against its deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deadline {
    /// Done at `done`, within the 72 hours or not.
    Done { on_time: bool },
    /// Open, with whole hours left (rounded down; 0 in the last hour).
    Open { hours_left: i64 },
    /// Open and past due by whole hours (rounded up: one second late is one hour).
    Overdue { hours_late: i64 },
}

/// The state of a duty that began at `received`, done at `done` if it is, seen at `now`.
pub fn deadline(received: Timestamp, done: Option<Timestamp>, now: Timestamp) -> Deadline {
    let due = due(received);
    match done {
        Some(done) => Deadline::Done {
            on_time: done <= due,
        },
        None if now <= due => Deadline::Open {
            hours_left: (due - now).as_secs() / 3600,
        },
        None => Deadline::Overdue {
            hours_late: ((now - due).as_secs() + 3599) / 3600,
        },
    }
}

/// A breach notice lacks what Art. 46(2) requires it to say: the names of the missing parts
/// (`data_exposed`, `how`, `handling`), empty when the notice is complete.
pub fn notice_gaps(data_exposed: &str, how: &str, handling: &str) -> Vec<&'static str> {
    [
        ("data_exposed", data_exposed),
        ("how", how),
        ("handling", handling),
    ]
    .into_iter()
    .filter(|(_, text)| text.trim().is_empty())
    .map(|(name, _)| name)
    .collect()
}

/// How long Karya keeps a kind of record, and what happens when the time is up (UU PDP
/// Art. 43: personal data is erased or destroyed when its retention period ends). The
/// periods are Karya's defaults until the Directorate General's archive retention schedule
/// (*jadwal retensi arsip*) sets them; `karya retention run` applies them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    pub record: &'static str,
    /// Days after the record's end (a case's termination, a token's creation…).
    pub days: i64,
    pub action: &'static str,
}

/// The identity of a client whose every case ended this many years ago is anonymised; the
/// case records stay, without a name, for the statistics of Chapter III (M1–M4).
pub const IDENTITY_YEARS: i64 = 10;

pub const SCHEDULE: [Retention; 3] = [
    Retention {
        record: "persons (identity of a client whose every case ended)",
        days: IDENTITY_YEARS * 365,
        action: "anonymise: name, NIK, birth place and date, address, parents, contact and physical features erased; sex and district kept for statistics; the client's login disabled",
    },
    Retention {
        record: "form_tokens (one-time form tokens)",
        days: 30,
        action: "delete",
    },
    Retention {
        record: "login_throttle (failed-login counts)",
        days: 1,
        action: "delete once the lock has ended",
    },
];

/// Whether a client whose last case ended on `last_ended` is due for anonymisation on `today`.
pub fn identity_due(last_ended: jiff::civil::Date, today: jiff::civil::Date) -> bool {
    last_ended
        .checked_add(jiff::Span::new().years(IDENTITY_YEARS))
        .is_ok_and(|due| due <= today)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn each_duty_is_due_three_times_twenty_four_hours_after_it_began() {
        assert_eq!(due(at("2026-11-30T10:00:00Z")), at("2026-12-03T10:00:00Z"));
    }

    #[test]
    fn a_duty_is_open_then_overdue_and_done_on_time_or_late() {
        let received = at("2026-11-30T10:00:00Z");
        assert_eq!(
            deadline(received, None, at("2026-12-01T10:30:00Z")),
            Deadline::Open { hours_left: 47 }
        );
        assert_eq!(
            deadline(received, None, at("2026-12-03T10:00:01Z")),
            Deadline::Overdue { hours_late: 1 }
        );
        assert_eq!(
            deadline(
                received,
                Some(at("2026-12-03T10:00:00Z")),
                at("2027-01-01T00:00:00Z")
            ),
            Deadline::Done { on_time: true }
        );
        assert_eq!(
            deadline(
                received,
                Some(at("2026-12-03T11:00:00Z")),
                at("2026-12-03T11:00:00Z")
            ),
            Deadline::Done { on_time: false }
        );
    }

    #[test]
    fn a_breach_notice_must_say_what_when_and_how_and_the_handling() {
        assert_eq!(
            notice_gaps("NIK dan alamat 120 klien", "", " "),
            ["how", "handling"]
        );
        assert!(notice_gaps("a", "b", "c").is_empty());
    }

    #[test]
    fn an_identity_is_kept_ten_years_after_the_last_case_ended() {
        let ended = jiff::civil::date(2026, 3, 1);
        assert!(!identity_due(ended, jiff::civil::date(2036, 2, 28)));
        assert!(identity_due(ended, jiff::civil::date(2036, 3, 1)));
    }

    #[test]
    fn request_kinds_round_trip_and_name_their_article() {
        for kind in RequestKind::ALL {
            assert_eq!(RequestKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(RequestKind::Correction.article(), "UU PDP Pasal 30");
    }
}
