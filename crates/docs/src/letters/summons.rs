//! Surat panggilan (I3): the Kepala Bapas summons a client who was not handed over, at most three
//! times; the third warns that absence is recorded as a violation (I4).

use jiff::civil::{Date, DateTime};
use karya_domain::calendar::OfficeZone;
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use super::Decision;
use crate::format::{day_and_date, serialize_date, time_of_day};
use crate::letterhead::Signer;

/// A summons to the client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summons {
    pub number: String,
    #[serde(serialize_with = "serialize_date")]
    pub date: Date,
    /// The city the letter is written in, e.g. `Bandung`.
    pub place: String,
    pub client_name: String,
    pub client_address: String,
    pub decision: Decision,
    pub round: SummonsRound,
    pub appearance: Appearance,
    pub signer: Signer,
}

/// Which of the at most three summonses this is (I3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SummonsRound {
    First,
    Second,
    Third,
}

impl SummonsRound {
    /// The round for the `count`-th summons, or `None` outside 1–3 (I3).
    pub fn from_count(count: u8) -> Option<SummonsRound> {
        match count {
            1 => Some(SummonsRound::First),
            2 => Some(SummonsRound::Second),
            3 => Some(SummonsRound::Third),
            _ => None,
        }
    }

    pub fn count(self) -> u8 {
        match self {
            SummonsRound::First => 1,
            SummonsRound::Second => 2,
            SummonsRound::Third => 3,
        }
    }

    fn word(self) -> &'static str {
        match self {
            SummonsRound::First => "Pertama",
            SummonsRound::Second => "Kedua",
            SummonsRound::Third => "Ketiga",
        }
    }
}

/// Serialised as `{"count": 3, "word": "Ketiga", "last": true}`.
impl Serialize for SummonsRound {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("SummonsRound", 3)?;
        s.serialize_field("count", &self.count())?;
        s.serialize_field("word", self.word())?;
        s.serialize_field("last", &(*self == SummonsRound::Third))?;
        s.end()
    }
}

/// When and where the client must appear.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appearance {
    /// Local civil time in the office's zone.
    pub at: DateTime,
    pub zone: OfficeZone,
    /// Where to appear, e.g. the office's address.
    pub place: String,
}

/// Serialised as `{"day": "Senin, 7 Desember 2026", "time": "09.00 WIB", "place": "…"}`.
impl Serialize for Appearance {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Appearance", 3)?;
        s.serialize_field("day", &day_and_date(self.at.date()))?;
        let time = format!(
            "{} {}",
            time_of_day(self.at.time()),
            self.zone.abbreviation()
        );
        s.serialize_field("time", &time)?;
        s.serialize_field("place", &self.place)?;
        s.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_at_most_three_summonses_i3() {
        assert_eq!(SummonsRound::from_count(0), None);
        assert_eq!(SummonsRound::from_count(1), Some(SummonsRound::First));
        assert_eq!(SummonsRound::from_count(3), Some(SummonsRound::Third));
        assert_eq!(SummonsRound::from_count(4), None);
        for count in 1..=3 {
            let round = SummonsRound::from_count(count).expect("1-3 are rounds");
            assert_eq!(round.count(), count);
        }
    }
}
