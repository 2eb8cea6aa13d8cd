//! The national identity number (*Nomor Induk Kependudukan*, NIK), recorded at registration
//! (G1) and used to find a person already in the system (G3).
//!
//! A NIK is 16 digits (DOMAIN §14): province (2), regency or city (2), district (2) — the six
//! together are the district code of `shared/data/idn-area` without dots (`11.01.01` →
//! `110101`) — then the birth date as DDMMYY with 40 added to DD for women, then a 4-digit
//! serial. [`Nik::parse`] refuses what cannot be a NIK (rule G1); [`Nik::warnings`] lists
//! where a well-formed NIK disagrees with the recorded person, as warnings for the registry
//! officer, not errors: the registry may hold the mistake, not the NIK.

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::rule::{Refusal, Rule, Violation};

/// Sex as recorded for the NIK's birth-date rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Male,
    Female,
}

/// A well-formed NIK. `Debug` masks the birth date and serial (personal data in logs).
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Nik(String);

fn invalid(refusal: Refusal) -> Violation {
    Violation::new(Rule::G1, "nik", refusal)
}

fn two_digits(text: &str, at: usize) -> u8 {
    text.get(at..at + 2)
        .and_then(|pair| pair.parse().ok())
        .unwrap_or(0)
}

/// Whether day/month exist in 19yy or 20yy (a NIK does not say which century).
fn date_exists(day: u8, month: u8, yy: u8) -> bool {
    [1900, 2000].into_iter().any(|century| {
        let year = century + i16::from(yy);
        Date::new(year, month as i8, day as i8).is_ok()
    })
}

impl Nik {
    /// Reads a NIK, ignoring spaces (people write it in groups: `3201 0112 0590 0001`).
    pub fn parse(input: &str) -> Result<Nik, Violation> {
        let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(invalid(Refusal::NikNotDigits));
        }
        if digits.len() != 16 {
            return Err(invalid(Refusal::NikLength {
                digits: digits.len(),
            }));
        }
        if &digits[0..2] == "00" || &digits[2..4] == "00" || &digits[4..6] == "00" {
            return Err(invalid(Refusal::NikRegion {
                code: digits[0..6].to_owned(),
            }));
        }
        let (day, month, yy) = (
            two_digits(&digits, 6),
            two_digits(&digits, 8),
            two_digits(&digits, 10),
        );
        let real_day = if day > 40 { day - 40 } else { day };
        if !(1..=12).contains(&month) || !date_exists(real_day, month, yy) {
            return Err(invalid(Refusal::NikBirthDate {
                digits: digits[6..12].to_owned(),
            }));
        }
        if &digits[12..16] == "0000" {
            return Err(invalid(Refusal::NikSerialZero));
        }
        Ok(Nik(digits))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Province code, e.g. `32`.
    pub fn province_code(&self) -> &str {
        &self.0[0..2]
    }

    /// Regency or city code, e.g. `3201`.
    pub fn regency_code(&self) -> &str {
        &self.0[0..4]
    }

    /// District code, e.g. `320101` (`32.01.01` in `idn-area`).
    pub fn district_code(&self) -> &str {
        &self.0[0..6]
    }

    pub fn sex(&self) -> Sex {
        if two_digits(&self.0, 6) > 40 {
            Sex::Female
        } else {
            Sex::Male
        }
    }

    /// The birth date's day, month and two-digit year (40 taken off a woman's day).
    pub fn birth_day_month_yy(&self) -> (u8, u8, u8) {
        let day = two_digits(&self.0, 6);
        let real_day = if day > 40 { day - 40 } else { day };
        (real_day, two_digits(&self.0, 8), two_digits(&self.0, 10))
    }

    /// The birth date, taking the century that puts it in the 100 years up to `today`.
    pub fn birth_date(&self, today: Date) -> Option<Date> {
        let (day, month, yy) = self.birth_day_month_yy();
        let this_century = today.year() - today.year().rem_euclid(100);
        [this_century, this_century - 100]
            .into_iter()
            .filter_map(|century| Date::new(century + i16::from(yy), month as i8, day as i8).ok())
            .find(|date| *date <= today)
    }

    pub fn serial(&self) -> &str {
        &self.0[12..16]
    }

    /// Where the NIK disagrees with what is recorded about the person (warnings, G1/G3).
    /// `recorded_district_code` may be written with dots (`32.01.01`).
    pub fn warnings(
        &self,
        recorded_birth_date: Option<Date>,
        recorded_sex: Option<Sex>,
        recorded_district_code: Option<&str>,
    ) -> Vec<NikWarning> {
        let mut found = Vec::new();
        let (day, month, yy) = self.birth_day_month_yy();
        if let Some(date) = recorded_birth_date {
            let matches = i16::from(day) == i16::from(date.day())
                && i16::from(month) == i16::from(date.month())
                && i16::from(yy) == date.year().rem_euclid(100);
            if !matches {
                found.push(NikWarning::BirthDate {
                    nik_ddmmyy: (day, month, yy),
                    recorded: date,
                });
            }
        }
        if let Some(sex) = recorded_sex
            && sex != self.sex()
        {
            found.push(NikWarning::Sex {
                nik: self.sex(),
                recorded: sex,
            });
        }
        if let Some(code) = recorded_district_code {
            let code: String = code.chars().filter(char::is_ascii_digit).collect();
            if code != self.district_code() {
                found.push(NikWarning::District {
                    nik: self.district_code().to_owned(),
                    recorded: code,
                });
            }
        }
        found
    }
}

impl fmt::Debug for Nik {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Nik({}**********)", self.district_code())
    }
}

impl fmt::Display for Nik {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Nik {
    type Error = Violation;

    fn try_from(text: String) -> Result<Nik, Violation> {
        Nik::parse(&text)
    }
}

impl From<Nik> for String {
    fn from(nik: Nik) -> String {
        nik.0
    }
}

/// A disagreement between a NIK and the recorded person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NikWarning {
    BirthDate {
        nik_ddmmyy: (u8, u8, u8),
        recorded: Date,
    },
    Sex {
        nik: Sex,
        recorded: Sex,
    },
    District {
        nik: String,
        recorded: String,
    },
}

impl NikWarning {
    pub fn rule(&self) -> Rule {
        Rule::G1
    }

    /// The recorded field that disagrees.
    pub fn field(&self) -> &'static str {
        match self {
            NikWarning::BirthDate { .. } => "birth_date",
            NikWarning::Sex { .. } => "sex",
            NikWarning::District { .. } => "district_code",
        }
    }
}

#[cfg(test)]
#[expect(non_snake_case, reason = "test names end with the rule ID they check")]
mod tests {
    use jiff::civil::date;

    use super::*;

    #[test]
    fn a_nik_is_decomposed_into_region_birth_date_sex_and_serial_G1() {
        let nik = Nik::parse("3201 0112 0590 0001").expect("valid");
        assert_eq!(nik.as_str(), "3201011205900001");
        assert_eq!(
            (nik.province_code(), nik.regency_code(), nik.district_code()),
            ("32", "3201", "320101")
        );
        assert_eq!(nik.birth_day_month_yy(), (12, 5, 90));
        assert_eq!(nik.sex(), Sex::Male);
        assert_eq!(nik.serial(), "0001");
        assert_eq!(nik.birth_date(date(2026, 1, 1)), Some(date(1990, 5, 12)));
    }

    #[test]
    fn a_womans_birth_day_has_forty_added_G1() {
        let nik = Nik::parse("  1101015203050002 ").expect("valid");
        assert_eq!(nik.sex(), Sex::Female);
        assert_eq!(nik.birth_day_month_yy(), (12, 3, 5));
        assert_eq!(nik.birth_date(date(2026, 1, 1)), Some(date(2005, 3, 12)));
        let leap = Nik::parse("1101016902000003").expect("29 Feb 2000, a woman");
        assert_eq!(leap.birth_date(date(2026, 1, 1)), Some(date(2000, 2, 29)));
    }

    #[test]
    fn rejects_what_cannot_be_a_nik_G1() {
        for bad in [
            "",
            "320101120590000",   // 15 digits
            "32010112059000011", // 17 digits
            "3201011205900O01",  // a letter O
            "0001011205900001",  // province 00
            "3200011205900001",  // regency 00
            "3201001205900001",  // district 00
            "3201013205900001",  // day 32
            "3201011213900001",  // month 13
            "3201013102900001",  // 31 February
            "3201012902010001",  // 29 February of 1901 and 2001
            "3201017205900001",  // day 72 (32 + 40)
            "3201011205900000",  // serial 0000
        ] {
            let err = Nik::parse(bad).expect_err(bad);
            assert_eq!((err.rule, err.field), (Some(Rule::G1), "nik"), "{bad}");
        }
        let err = Nik::parse("320101120590000").expect_err("short");
        assert_eq!(err.refusal, Refusal::NikLength { digits: 15 });
    }

    #[test]
    fn a_nik_that_matches_the_record_gives_no_warning_G1() {
        let nik = Nik::parse("1101015203050002").expect("valid");
        let w = nik.warnings(Some(date(2005, 3, 12)), Some(Sex::Female), Some("11.01.01"));
        assert_eq!(w, vec![]);
        assert_eq!(nik.warnings(None, None, None), vec![]);
    }

    #[test]
    fn a_nik_that_disagrees_with_the_record_gives_warnings_not_errors_G1() {
        let nik = Nik::parse("1101015203050002").expect("valid");
        let w = nik.warnings(Some(date(2005, 3, 13)), Some(Sex::Male), Some("11.01.02"));
        let fields: Vec<&str> = w.iter().map(NikWarning::field).collect();
        assert_eq!(fields, vec!["birth_date", "sex", "district_code"]);
        assert!(w.iter().all(|x| x.rule() == Rule::G1));
        assert_eq!(
            w,
            vec![
                NikWarning::BirthDate {
                    nik_ddmmyy: (12, 3, 5),
                    recorded: date(2005, 3, 13)
                },
                NikWarning::Sex {
                    nik: Sex::Female,
                    recorded: Sex::Male
                },
                NikWarning::District {
                    nik: "110101".into(),
                    recorded: "110102".into()
                },
            ]
        );
        // A NIK holds only the year's last two digits: 1905 matches as well as 2005.
        assert_eq!(nik.warnings(Some(date(1905, 3, 12)), None, None), vec![]);
    }

    #[test]
    fn debug_output_hides_the_birth_date_and_serial() {
        let nik = Nik::parse("3201011205900001").expect("valid");
        assert_eq!(format!("{nik:?}"), "Nik(320101**********)");
        assert_eq!(nik.to_string(), "3201011205900001");
        assert_eq!(String::from(nik.clone()), "3201011205900001");
        assert_eq!(Nik::try_from("3201011205900001".to_owned()), Ok(nik));
    }
}
