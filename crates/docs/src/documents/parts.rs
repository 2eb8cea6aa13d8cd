//! Pieces several documents share: the PK or PJ named on a form, the client's identity, the kind
//! of institution a work place is, and a slot of the weekly schedule.

use jiff::civil::{Date, Time, Weekday};
use karya_domain::Minutes;
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::format::{serialize_opt_date, time_of_day, weekday_id};

/// A person named on a form with an optional NIP: the PK, or the PJ at the work place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Officer {
    pub name: String,
    /// Civil-servant number, printed as `NIP …` under the name when known. A PJ usually has none.
    pub nip: Option<String>,
}

/// Who the client is, as the Litmas and the termination letter identify them (G1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClientIdentity {
    pub name: String,
    /// The 16-digit NIK; a dash when unknown.
    pub nik: Option<String>,
    pub birth_place: String,
    #[serde(serialize_with = "serialize_opt_date")]
    pub birth_date: Option<Date>,
    pub address: String,
    /// The offence as the decision names it, e.g. `Pencurian ringan (Pasal 478 KUHP)`.
    pub offence: String,
}

/// What kind of institution a work place is (§2.1.2): a government institution, a
/// non-government legal entity, or a customary (adat) community — the exception to the
/// legal-entity rule, counted among the non-government partners.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstitutionKind {
    Government,
    NonGovernment,
    Customary,
}

impl InstitutionKind {
    /// The answer to the form's row `Instansi Pemerintah/Non-Pemerintah`.
    pub fn label(self) -> &'static str {
        match self {
            InstitutionKind::Government => "Pemerintah",
            InstitutionKind::NonGovernment => "Non-Pemerintah",
            InstitutionKind::Customary => "Non-Pemerintah (lembaga/masyarakat adat)",
        }
    }
}

/// Serialised as its [`InstitutionKind::label`].
impl Serialize for InstitutionKind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.label())
    }
}

/// One weekly working session of the recommended schedule, e.g. Saturday 08.00–12.00.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScheduleSlot {
    pub weekday: Weekday,
    pub from: Time,
    pub to: Time,
}

impl ScheduleSlot {
    /// The length of the session; zero when `to` is not after `from`.
    pub fn minutes(self) -> Minutes {
        let from = i64::from(self.from.hour()) * 60 + i64::from(self.from.minute());
        let to = i64::from(self.to.hour()) * 60 + i64::from(self.to.minute());
        Minutes::new((to - from).max(0))
    }

    /// `Sabtu, 08.00–12.00`.
    pub fn wording(self) -> String {
        format!(
            "{}, {}–{}",
            weekday_id(self.weekday),
            time_of_day(self.from),
            time_of_day(self.to)
        )
    }
}

/// Serialised as `{"day": "Sabtu", "from": "08.00", "to": "12.00", "length": "4 jam"}`.
impl Serialize for ScheduleSlot {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("ScheduleSlot", 4)?;
        s.serialize_field("day", weekday_id(self.weekday))?;
        s.serialize_field("from", &time_of_day(self.from))?;
        s.serialize_field("to", &time_of_day(self.to))?;
        s.serialize_field("length", &self.minutes().to_string())?;
        s.end()
    }
}

/// The weekly total of a schedule, as the forms print it under the slots.
pub(crate) fn weekly_total(slots: &[ScheduleSlot]) -> Minutes {
    slots.iter().map(|slot| slot.minutes()).sum()
}

/// A schedule as `{"slots": [...], "total": "8 jam"}`.
pub(crate) fn serialize_schedule<S: Serializer>(
    slots: &[ScheduleSlot],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut s = serializer.serialize_struct("Schedule", 2)?;
    s.serialize_field("slots", slots)?;
    s.serialize_field("total", &weekly_total(slots).to_string())?;
    s.end()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::time;

    #[test]
    fn a_slot_is_worded_and_measured() {
        let slot = ScheduleSlot {
            weekday: Weekday::Saturday,
            from: time(8, 0, 0, 0),
            to: time(11, 30, 0, 0),
        };
        assert_eq!(slot.wording(), "Sabtu, 08.00–11.30");
        assert_eq!(slot.minutes(), Minutes::from_hours_and_minutes(3, 30));
        let backwards = ScheduleSlot {
            from: time(12, 0, 0, 0),
            to: time(8, 0, 0, 0),
            ..slot
        };
        assert_eq!(backwards.minutes(), Minutes::ZERO);
        assert_eq!(
            weekly_total(&[slot, backwards, slot]),
            Minutes::from_hours(7)
        );
    }
}
