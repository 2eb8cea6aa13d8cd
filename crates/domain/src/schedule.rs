//! The weekly schedule of a placement (§2.3.1, Annex I "jadwal yang direkomendasikan"):
//! days and hours the client works at the partner. It is checked against the law and the
//! facts: at most 8 hours a day (L5); finishing the remaining hours inside the service window
//! (L6); outside the hours the client works for a living (L6: "taking the client's livelihood
//! into account"); within the partner's opening days and hours (L9: the cooperation). The
//! system also proposes one that passes.

use jiff::civil::{Date, Time, Weekday};

use crate::calendar::add_days;
use crate::minutes::Minutes;
use crate::rule::{Refusal, Rule, Violation, Violations};

/// One weekly working session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub weekday: Weekday,
    pub from: Time,
    pub to: Time,
}

impl Slot {
    pub fn minutes(self) -> Minutes {
        Minutes::new((minutes_of(self.to) - minutes_of(self.from)).max(0))
    }

    /// The stored form, `sat 12:00-16:00`.
    pub fn code(self) -> String {
        format!(
            "{} {}-{}",
            &weekday_en(self.weekday)[..3].to_lowercase(),
            self.from.strftime("%H:%M"),
            self.to.strftime("%H:%M")
        )
    }

    pub fn parse(code: &str) -> Option<Slot> {
        let (day, hours) = code.trim().split_once(' ')?;
        let weekday = WEEK
            .into_iter()
            .find(|w| weekday_en(*w)[..3].eq_ignore_ascii_case(day))?;
        let (from, to) = hours.split_once('-')?;
        Some(Slot {
            weekday,
            from: parse_time(from)?,
            to: parse_time(to)?,
        })
    }
}

/// `HH:MM`.
pub fn parse_time(text: &str) -> Option<Time> {
    let (h, m) = text.trim().split_once(':')?;
    Time::new(h.parse().ok()?, m.parse().ok()?, 0, 0).ok()
}

/// The days of the week, Monday first.
pub const WEEK: [Weekday; 7] = [
    Weekday::Monday,
    Weekday::Tuesday,
    Weekday::Wednesday,
    Weekday::Thursday,
    Weekday::Friday,
    Weekday::Saturday,
    Weekday::Sunday,
];

/// What a schedule must fit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Constraints {
    /// The hours still to serve.
    pub remaining: Minutes,
    /// The first day the schedule applies.
    pub first_day: Date,
    /// The last day of the service window (L6).
    pub window_end: Date,
    /// The hours the client works for a living, every day it applies (L6).
    pub livelihood: Option<(Time, Time)>,
    /// The partner's opening days and hours.
    pub opening_days: Vec<Weekday>,
    pub opening: (Time, Time),
}

const DAY_CAP: Minutes = Minutes::from_hours(8);

pub fn weekday_id(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "Senin",
        Weekday::Tuesday => "Selasa",
        Weekday::Wednesday => "Rabu",
        Weekday::Thursday => "Kamis",
        Weekday::Friday => "Jumat",
        Weekday::Saturday => "Sabtu",
        Weekday::Sunday => "Minggu",
    }
}

pub fn weekday_en(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// A weekly schedule in few words: consecutive days with the same hours run together
/// ("Senin–Jumat 08:00–12:00, Sabtu 08:00–10:00"); `day_name` gives the language.
pub fn describe(slots: &[Slot], day_name: fn(Weekday) -> &'static str) -> String {
    let mut sorted = slots.to_vec();
    sorted.sort_by_key(|s| (s.weekday.to_monday_zero_offset(), s.from));
    let mut runs: Vec<(Weekday, Weekday, Time, Time)> = Vec::new();
    for slot in sorted {
        match runs.last_mut() {
            Some((_, last, from, to))
                if *from == slot.from
                    && *to == slot.to
                    && last.to_monday_zero_offset() + 1 == slot.weekday.to_monday_zero_offset() =>
            {
                *last = slot.weekday;
            }
            _ => runs.push((slot.weekday, slot.weekday, slot.from, slot.to)),
        }
    }
    runs.into_iter()
        .map(|(first, last, from, to)| {
            let days = if first == last {
                day_name(first).to_owned()
            } else {
                format!("{}–{}", day_name(first), day_name(last))
            };
            format!("{days} {}–{}", from.strftime("%H:%M"), to.strftime("%H:%M"))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn minutes_of(time: Time) -> i64 {
    i64::from(time.hour()) * 60 + i64::from(time.minute())
}

fn overlaps(a: (Time, Time), b: (Time, Time)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// The day the remaining hours are done if the client keeps to the schedule from
/// `first_day` (at most about two years ahead; `None` if never).
pub fn projected_finish(slots: &[Slot], first_day: Date, remaining: Minutes) -> Option<Date> {
    if remaining <= Minutes::ZERO {
        return Some(first_day);
    }
    let mut done = 0;
    for offset in 0..800 {
        let day = add_days(first_day, offset)?;
        done += slots
            .iter()
            .filter(|s| s.weekday == day.weekday())
            .map(|s| s.minutes().get())
            .sum::<i64>();
        if done >= remaining.get() {
            return Some(day);
        }
    }
    None
}

/// Every rule the schedule breaks, each once.
pub fn check(slots: &[Slot], c: &Constraints) -> Violations {
    let mut out = Vec::new();
    if slots.is_empty() {
        out.push(Violation::new(Rule::L6, "schedule", Refusal::ScheduleEmpty));
        return Violations(out);
    }
    for slot in slots {
        if slot.to <= slot.from {
            out.push(Violation::new(
                Rule::L5,
                "schedule",
                Refusal::SlotEndsBeforeStart { day: slot.weekday },
            ));
        }
    }
    for day in WEEK {
        let total: i64 = slots
            .iter()
            .filter(|s| s.weekday == day && s.to > s.from)
            .map(|s| s.minutes().get())
            .sum();
        if total > DAY_CAP.get() {
            out.push(Violation::new(
                Rule::L5,
                "schedule",
                Refusal::SlotDayOverLimit {
                    day,
                    length: Minutes::new(total),
                },
            ));
        }
    }
    for slot in slots {
        if !c.opening_days.contains(&slot.weekday)
            || slot.from < c.opening.0
            || slot.to > c.opening.1
        {
            // The partner's hours are a fact of the placement, not a rule of DOMAIN.md.
            out.push(Violation::procedural(
                "schedule",
                Refusal::SlotOutsideOpening {
                    day: slot.weekday,
                    from: c.opening.0,
                    to: c.opening.1,
                },
            ));
        }
        if let Some(livelihood) = c.livelihood
            && overlaps((slot.from, slot.to), livelihood)
        {
            out.push(Violation::new(
                Rule::L6,
                "schedule",
                Refusal::SlotClashesWithLivelihood {
                    day: slot.weekday,
                    from: livelihood.0,
                    to: livelihood.1,
                },
            ));
        }
    }
    match projected_finish(slots, c.first_day, c.remaining) {
        Some(day) if day <= c.window_end => {}
        finish => out.push(Violation::new(
            Rule::L6,
            "schedule",
            Refusal::ScheduleFinishesLate {
                finish,
                deadline: c.window_end,
            },
        )),
    }
    Violations(out)
}

fn time_of(minutes: i64) -> Time {
    let m = minutes.clamp(0, 24 * 60 - 1);
    Time::new((m / 60) as i8, (m % 60) as i8, 0, 0).unwrap_or(Time::midnight())
}

/// A schedule that passes [`check`] when one exists: as few of the partner's opening days as
/// will do (weekend days first, when a client's weekdays are usually taken), each the same
/// session of at most four hours inside the opening hours and outside the livelihood hours,
/// long enough to finish a week before the deadline where it can, in half hours.
pub fn propose(c: &Constraints) -> Vec<Slot> {
    let open = (minutes_of(c.opening.0), minutes_of(c.opening.1));
    // The longest free stretch of the opening hours once the livelihood hours are taken out.
    let free = match c.livelihood.map(|(a, b)| (minutes_of(a), minutes_of(b))) {
        Some((a, b)) if a < open.1 && open.0 < b => {
            let before = (open.0, a.max(open.0));
            let after = (b.min(open.1), open.1);
            if before.1 - before.0 >= after.1 - after.0 {
                before
            } else {
                after
            }
        }
        _ => open,
    };
    let length = (free.1 - free.0).min(DAY_CAP.get());
    if length < 30 || c.opening_days.is_empty() {
        return Vec::new();
    }
    let days_available = (c.window_end - c.first_day).get_days() as i64 + 1;
    // Aim a week early so that a missed day can be made up.
    let weeks = ((days_available - 7).max(7) as f64 / 7.0).floor().max(1.0) as i64;
    let per_week = (c.remaining.get() + weeks - 1) / weeks;
    let session = length.min(4 * 60);
    let days = ((per_week + session - 1) / session).clamp(1, c.opening_days.len() as i64);
    let per_day = ((per_week + days - 1) / days + 29) / 30 * 30;
    let per_day = per_day.clamp(60, length);
    let mut preferred = c.opening_days.clone();
    preferred.sort_by_key(|d| match d {
        Weekday::Saturday => 0,
        Weekday::Sunday => 1,
        other => 2 + other.to_monday_zero_offset(),
    });
    preferred.truncate(days as usize);
    preferred.sort_by_key(|d| d.to_monday_zero_offset());
    preferred
        .iter()
        .map(|day| Slot {
            weekday: *day,
            from: time_of(free.0),
            to: time_of(free.0 + per_day),
        })
        .collect()
}

#[cfg(test)]
#[expect(non_snake_case, reason = "test names end with the rule ID they check")]
mod tests {
    #[test]
    fn a_schedule_reads_in_runs_of_days() {
        let slot = |weekday, from: (i8, i8), to: (i8, i8)| Slot {
            weekday,
            from: Time::constant(from.0, from.1, 0, 0),
            to: Time::constant(to.0, to.1, 0, 0),
        };
        let slots: Vec<Slot> = WEEK[..5]
            .iter()
            .map(|d| slot(*d, (8, 0), (12, 0)))
            .chain([slot(Weekday::Sunday, (8, 0), (10, 0))])
            .collect();
        assert_eq!(
            describe(&slots, weekday_id),
            "Senin–Jumat 08:00–12:00, Minggu 08:00–10:00"
        );
    }

    use super::*;
    use jiff::civil::{date, time};

    fn constraints() -> Constraints {
        Constraints {
            remaining: Minutes::from_hours(80),
            first_day: date(2026, 12, 1),
            window_end: date(2027, 5, 29),
            livelihood: Some((time(7, 0, 0, 0), time(12, 0, 0, 0))),
            opening_days: vec![Weekday::Saturday, Weekday::Sunday],
            opening: (time(8, 0, 0, 0), time(16, 0, 0, 0)),
        }
    }

    fn slot(weekday: Weekday, from: i8, to: i8) -> Slot {
        Slot {
            weekday,
            from: time(from, 0, 0, 0),
            to: time(to, 0, 0, 0),
        }
    }

    #[test]
    fn rejects_a_day_over_eight_hours_L5() {
        let mut c = constraints();
        c.opening = (time(6, 0, 0, 0), time(20, 0, 0, 0));
        c.livelihood = None;
        let v = check(&[slot(Weekday::Saturday, 7, 16)], &c);
        assert!(v.contains(Rule::L5));
        let split = check(
            &[
                slot(Weekday::Saturday, 7, 12),
                slot(Weekday::Saturday, 13, 17),
            ],
            &c,
        );
        assert!(
            split.contains(Rule::L5),
            "two sessions on one day count together"
        );
    }

    #[test]
    fn rejects_a_schedule_that_ends_after_the_window_L6() {
        let mut c = constraints();
        c.remaining = Minutes::from_hours(200);
        let v = check(&[slot(Weekday::Saturday, 12, 14)], &c);
        assert!(v.contains(Rule::L6));
        assert!(
            v.iter()
                .any(|x| matches!(x.refusal, Refusal::ScheduleFinishesLate { deadline, .. } if deadline == c.window_end))
        );
    }

    #[test]
    fn rejects_hours_the_client_works_for_a_living_L6() {
        let v = check(&[slot(Weekday::Saturday, 10, 15)], &constraints());
        assert!(v.iter().any(|x| x.rule == Some(Rule::L6)
            && matches!(x.refusal, Refusal::SlotClashesWithLivelihood { .. })));
    }

    #[test]
    fn rejects_days_and_hours_the_partner_is_closed() {
        let v = check(
            &[
                slot(Weekday::Monday, 12, 16),
                slot(Weekday::Saturday, 12, 17),
            ],
            &constraints(),
        );
        let closed = |x: &&Violation| matches!(x.refusal, Refusal::SlotOutsideOpening { .. });
        assert_eq!(v.iter().filter(closed).count(), 2);
        assert!(
            v.iter().filter(closed).all(|x| x.rule.is_none()),
            "no rule ID names opening hours"
        );
    }

    #[test]
    fn the_proposal_passes_the_check() {
        let c = constraints();
        let proposal = propose(&c);
        assert_eq!(
            proposal.len(),
            1,
            "one weekend day is enough for 80 hours: {proposal:?}"
        );
        assert_eq!(proposal[0].weekday, Weekday::Saturday);
        let mut heavy = c.clone();
        heavy.remaining = Minutes::from_hours(200);
        heavy.opening_days = WEEK.to_vec();
        let more = propose(&heavy);
        assert!(
            more.len() > 1 && check(&more, &heavy).is_empty(),
            "{more:?}"
        );
        assert!(
            check(&proposal, &c).is_empty(),
            "{:?}",
            check(&proposal, &c)
        );
        assert_eq!(
            proposal[0].from,
            time(12, 0, 0, 0),
            "after the livelihood hours"
        );
    }

    #[test]
    fn the_projection_counts_sessions_day_by_day() {
        let slots = [slot(Weekday::Saturday, 8, 12)];
        // 2026-12-05 is a Saturday: 8 hours take two Saturdays.
        assert_eq!(
            projected_finish(&slots, date(2026, 12, 1), Minutes::from_hours(8)),
            Some(date(2026, 12, 12))
        );
        assert_eq!(
            projected_finish(&[], date(2026, 12, 1), Minutes::from_hours(8)),
            None
        );
    }

    #[test]
    fn a_slot_reads_back_from_its_code() {
        let s = slot(Weekday::Saturday, 12, 16);
        assert_eq!(s.code(), "sat 12:00-16:00");
        assert_eq!(Slot::parse(&s.code()), Some(s));
        assert_eq!(Slot::parse("xyz 12:00-16:00"), None);
        assert_eq!(Slot::parse("sat 25:00-16:00"), None);
    }

    #[test]
    fn no_proposal_when_the_partner_has_no_free_hour() {
        let mut c = constraints();
        c.livelihood = Some((time(8, 0, 0, 0), time(16, 0, 0, 0)));
        assert!(propose(&c).is_empty());
    }
}
