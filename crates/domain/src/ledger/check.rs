//! Checking a new attendance entry before it is stored: B5 (a real, whole-minute attendance
//! in the past that overlaps no other), L6 (every day in the window), L5 (8 hours a day,
//! counting credited and pending minutes) and L4 (no more than the order).

use jiff::Timestamp;

use super::{AttendanceEntry, DAILY_LIMIT, EntryState, Ledger};
use crate::calendar::{date_en, date_id};
use crate::local_day::{time_en, time_id};
use crate::minutes::Minutes;
use crate::rule::{Rule, Violation};

impl Ledger {
    /// Whether an attendance from `start` to `end`, reported at `now`, may be recorded.
    /// Returns the first rule it breaks, in the order a reporter can act on: the times
    /// themselves, then the window, overlaps, the day's limit and the order.
    pub fn check_new_entry(
        &self,
        start: Timestamp,
        end: Timestamp,
        now: Timestamp,
    ) -> Result<(), Violation> {
        if end <= start {
            return Err(Violation::new(
                Rule::B5,
                "end",
                "Jam pulang harus sesudah jam hadir.",
                "The time out must be after the time in.",
            ));
        }
        if !is_whole_minute(start) || !is_whole_minute(end) {
            return Err(Violation::new(
                Rule::B5,
                "start",
                "Jam hadir dan jam pulang dicatat dalam menit penuh, tanpa detik.",
                "Times in and out are recorded in whole minutes, without seconds.",
            ));
        }
        if end > now {
            return Err(Violation::new(
                Rule::B5,
                "end",
                "Kehadiran hanya dapat dicatat sesudah dijalani; jam pulang belum lewat.",
                "Attendance can only be recorded once served; the time out has not passed yet.",
            ));
        }
        let length = Minutes::new(end.duration_since(start).as_secs() / 60);
        if length > DAILY_LIMIT {
            return Err(Violation::new(
                Rule::L5,
                "end",
                format!(
                    "Satu catatan kehadiran paling lama 8 jam; catatan ini {length} (L5). \
                     Catat kerja yang lebih panjang sebagai beberapa kehadiran pada hari \
                     yang berbeda."
                ),
                format!(
                    "One attendance may last at most 8 hours; this one is {} (L5).",
                    length.display_en()
                ),
            ));
        }
        let days = self.split(start, end);
        if let Some(&(day, _)) = days.iter().find(|(day, _)| !self.window.contains(*day)) {
            return Err(self.window.outside("start", day));
        }
        if let Some(other) = self
            .entries
            .iter()
            .find(|e| e.state.counts() && e.overlaps(start, end))
        {
            return Err(self.overlap(other));
        }
        for &(day, minutes) in &days {
            let used = self.minutes_on(day, EntryState::counts);
            let free = DAILY_LIMIT.remaining_after(used);
            if minutes > free {
                return Err(day_limit(day, free, minutes));
            }
        }
        let to_report = self.totals().still_to_report();
        if length > to_report {
            return Err(order_limit(to_report, length));
        }
        Ok(())
    }

    /// Checks and records a reported attendance under the id the store gave it.
    pub fn add_entry(
        &mut self,
        id: i64,
        start: Timestamp,
        end: Timestamp,
        reported_by: i64,
        now: Timestamp,
    ) -> Result<&AttendanceEntry, Violation> {
        self.check_new_entry(start, end, now)?;
        if self.entry(id).is_some() {
            return Err(Violation::new(
                Rule::B5,
                "id",
                format!("Catatan kehadiran #{id} sudah ada."),
                format!("Attendance entry #{id} already exists."),
            ));
        }
        self.entries.push(AttendanceEntry {
            id,
            start,
            end,
            reported_by,
            state: EntryState::Reported,
        });
        let index = self.entries.len() - 1;
        Ok(&self.entries[index])
    }

    fn overlap(&self, other: &AttendanceEntry) -> Violation {
        let zone = &self.zone;
        let day = crate::calendar::local_date(other.start, zone);
        Violation::new(
            Rule::B5,
            "start",
            format!(
                "Waktu ini bertumpang tindih dengan kehadiran lain yang sudah tercatat \
                 ({}–{}, {}).",
                time_id(other.start, zone),
                time_id(other.end, zone),
                date_id(day)
            ),
            format!(
                "This time overlaps another recorded attendance ({}–{}, {}).",
                time_en(other.start, zone),
                time_en(other.end, zone),
                date_en(day)
            ),
        )
    }
}

fn is_whole_minute(instant: Timestamp) -> bool {
    instant.subsec_nanosecond() == 0 && instant.as_second().rem_euclid(60) == 0
}

/// L5: the day has `free` minutes left and the entry wants `wanted` of them.
pub(super) fn day_limit(day: jiff::civil::Date, free: Minutes, wanted: Minutes) -> Violation {
    let (id, en) = if free.is_positive() {
        (
            format!(
                "Pada {} tinggal {free} yang dapat dihitung (batas 8 jam sehari, L5); \
                 catatan ini {wanted}.",
                date_id(day)
            ),
            format!(
                "Only {} can still be counted on {} (limit 8 hours a day, L5); this entry is {}.",
                free.display_en(),
                date_en(day),
                wanted.display_en()
            ),
        )
    } else {
        (
            format!(
                "Pada {} sudah tercatat 8 jam; tidak ada lagi waktu yang dapat dihitung hari itu \
                 (batas 8 jam sehari, L5).",
                date_id(day)
            ),
            format!(
                "8 hours are already recorded on {}; nothing more can be counted that day \
                 (limit 8 hours a day, L5).",
                date_en(day)
            ),
        )
    };
    Violation::new(Rule::L5, "end", id, en)
}

/// L4: only `left` of the order can still be reported or credited.
pub(super) fn order_limit(left: Minutes, wanted: Minutes) -> Violation {
    Violation::new(
        Rule::L4,
        "end",
        format!(
            "Pidana kerja sosial yang belum tercatat tinggal {left}; catatan ini {wanted} \
             melebihi putusan (L4)."
        ),
        format!(
            "Only {} of the order is left to record; this entry of {} would exceed the \
             decision (L4).",
            left.display_en(),
            wanted.display_en()
        ),
    )
}
