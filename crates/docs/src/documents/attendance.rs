//! Annex III, *Daftar Hadir Klien Pidana Kerja Sosial*: one row per day at the work place, with
//! blank cells for the client's and the PJ's wet signatures (B5), for a month or the whole period.

use jiff::civil::{Date, Time};
use karya_domain::Minutes;
use karya_domain::calendar::date_id;
use serde::{Serialize, Serializer};

use crate::format::{
    serialize_date, serialize_day_and_date, serialize_minutes, serialize_minutes_if_any,
    serialize_opt_time, serialize_time,
};

/// The attendance list of one client at one work place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttendanceList {
    /// The date the list is printed; the template's "today".
    #[serde(serialize_with = "serialize_date")]
    pub date: Date,
    pub client_name: String,
    pub work_place: String,
    pub period: AttendancePeriod,
    /// Oldest first; an empty list prints one row saying there was no attendance.
    pub rows: Vec<AttendanceRow>,
    /// The hours the rows count for, as the ledger credits them (breaks and the daily cap of L5
    /// already applied), printed under the table as `Jumlah jam`.
    #[serde(serialize_with = "serialize_minutes")]
    pub total: Minutes,
    /// The hours of rows reported but not yet credited (awaiting the PJ's or the PK's check),
    /// printed apart from the total; zero prints nothing.
    #[serde(serialize_with = "serialize_minutes_if_any")]
    pub pending: Minutes,
}

/// What the list covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttendancePeriod {
    /// One calendar month, e.g. `Desember 2026`.
    Month { year: i16, month: i8 },
    /// The whole period served, e.g. `7 Desember 2026 s.d. 28 Februari 2027`.
    Whole { from: Date, to: Date },
}

impl AttendancePeriod {
    /// `Bulan Desember 2026` or `7 Desember 2026 s.d. 28 Februari 2027`.
    pub fn wording(self) -> String {
        match self {
            AttendancePeriod::Month { year, month } => match Date::new(year, month, 1) {
                // `1 Desember 2026` without its day.
                Ok(first) => format!("Bulan {}", &date_id(first)[2..]),
                Err(_) => format!("Bulan {month}/{year}"),
            },
            AttendancePeriod::Whole { from, to } => {
                format!("{} s.d. {}", date_id(from), date_id(to))
            }
        }
    }
}

/// Serialised as its [`AttendancePeriod::wording`].
impl Serialize for AttendancePeriod {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.wording())
    }
}

/// One day at the work place. The date is printed as `Senin, 7 Desember 2026`, times as `08.00`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttendanceRow {
    #[serde(rename = "day", serialize_with = "serialize_day_and_date")]
    pub date: Date,
    #[serde(serialize_with = "serialize_time")]
    pub time_in: Time,
    /// `None` when the client's leaving was not recorded; printed as a dash.
    #[serde(serialize_with = "serialize_opt_time")]
    pub time_out: Option<Time>,
    /// *Kegiatan*: what the client did.
    pub activity: String,
    /// The PJ who verified the day's report in the system, if any; printed in the PJ's
    /// signature cell as `✓ diverifikasi PJ <name>`. The cell stays big enough to sign.
    pub verified_by: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_period_is_a_month_or_a_span() {
        let month = AttendancePeriod::Month {
            year: 2026,
            month: 12,
        };
        assert_eq!(month.wording(), "Bulan Desember 2026");
        let whole = AttendancePeriod::Whole {
            from: date(2026, 12, 7),
            to: date(2027, 2, 28),
        };
        assert_eq!(whole.wording(), "7 Desember 2026 s.d. 28 Februari 2027");
    }
}
