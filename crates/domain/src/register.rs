//! The register (§2.2.4): the data G1 requires, the physical features of G2, and the NIK
//! checks that help find the same person again (G3). Missing data is an error; a NIK that
//! disagrees with the recorded birth date, sex or district is a warning, not an error.

use jiff::civil::Date;

use crate::nik::{Nik, NikWarning, Sex};
use crate::refusal::RegisterItem;
use crate::rule::{Refusal, Rule, Violation, Violations};

/// What the registry records about the person.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegisterData {
    pub full_name: String,
    pub aliases: String,
    pub nik: String,
    pub birth_place: String,
    pub birth_date: Option<Date>,
    pub sex: Option<Sex>,
    pub address: String,
    /// The district of the address, as `11.01.01`.
    pub district_code: String,
    pub occupation: String,
    pub father_name: String,
    pub mother_name: String,
    pub contact: String,
    /// G2: tattoos, piercings, limbs, illnesses, anything else.
    pub tattoos: String,
    pub piercings: String,
    pub limbs: String,
    pub illnesses: String,
    pub other_features: String,
}

/// The result of a passed check: the parsed NIK, if one was given, and its warnings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub nik: Option<Nik>,
    pub warnings: Vec<NikWarning>,
}

fn required(violations: &mut Vec<Violation>, field: &'static str, value: &str, item: RegisterItem) {
    if value.trim().is_empty() {
        violations.push(Violation::new(
            Rule::G1,
            field,
            Refusal::RegisterItemRequired { item },
        ));
    }
}

/// G1: name, place and date of birth, address, occupation and the parents' names are
/// required; a NIK, when given, must be a valid one. Reports every missing item at once.
pub fn check(data: &RegisterData) -> Result<Checked, Violations> {
    let mut violations = Vec::new();
    required(
        &mut violations,
        "full_name",
        &data.full_name,
        RegisterItem::Name,
    );
    required(
        &mut violations,
        "birth_place",
        &data.birth_place,
        RegisterItem::BirthPlace,
    );
    if data.birth_date.is_none() {
        violations.push(Violation::new(
            Rule::G1,
            "birth_date",
            Refusal::RegisterItemRequired {
                item: RegisterItem::BirthDate,
            },
        ));
    }
    required(
        &mut violations,
        "address",
        &data.address,
        RegisterItem::Address,
    );
    required(
        &mut violations,
        "occupation",
        &data.occupation,
        RegisterItem::Occupation,
    );
    required(
        &mut violations,
        "father_name",
        &data.father_name,
        RegisterItem::FatherName,
    );
    required(
        &mut violations,
        "mother_name",
        &data.mother_name,
        RegisterItem::MotherName,
    );
    let nik = if data.nik.trim().is_empty() {
        None
    } else {
        match Nik::parse(&data.nik) {
            Ok(nik) => Some(nik),
            Err(violation) => {
                violations.push(violation);
                None
            }
        }
    };
    if !violations.is_empty() {
        return Err(Violations(violations));
    }
    let district = (!data.district_code.trim().is_empty()).then_some(data.district_code.as_str());
    let warnings = nik
        .as_ref()
        .map(|n| n.warnings(data.birth_date, data.sex, district))
        .unwrap_or_default();
    Ok(Checked { nik, warnings })
}

/// G3: a name compared for candidate matching — case, spaces and punctuation ignored.
pub fn normalized_name(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// G3: a person whose NIK is already on record is that person. Registering the client as a
/// new person beside a record with the identical NIK would make two; the registry links the
/// case to the record instead (and updates it).
pub fn check_identical_nik_is_linked(
    identical_nik_on_record: bool,
    linked_to_a_record: bool,
) -> Result<(), Violation> {
    if identical_nik_on_record && !linked_to_a_record {
        return Err(Violation::new(
            Rule::G3,
            "person_choice",
            Refusal::IdenticalNikNotLinked,
        ));
    }
    Ok(())
}

#[cfg(test)]
#[expect(non_snake_case, reason = "test names end with the rule ID they check")]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn complete() -> RegisterData {
        RegisterData {
            full_name: "Andi Saputra".into(),
            nik: "3273011505900001".into(),
            birth_place: "Bandung".into(),
            birth_date: Some(date(1990, 5, 15)),
            sex: Some(Sex::Male),
            address: "Jalan Contoh 1".into(),
            district_code: "32.73.01".into(),
            occupation: "Wiraswasta".into(),
            father_name: "Budi".into(),
            mother_name: "Siti".into(),
            ..RegisterData::default()
        }
    }

    #[test]
    fn complete_register_data_passes_without_warnings_G1() {
        let checked = check(&complete()).unwrap();
        assert_eq!(checked.nik.unwrap().district_code(), "327301");
        assert!(checked.warnings.is_empty());
    }

    #[test]
    fn every_missing_item_is_named_at_once_G1() {
        let data = RegisterData {
            full_name: "Andi".into(),
            ..RegisterData::default()
        };
        let violations = check(&data).unwrap_err();
        let fields: Vec<&str> = violations.0.iter().map(|v| v.field).collect();
        assert_eq!(
            fields,
            [
                "birth_place",
                "birth_date",
                "address",
                "occupation",
                "father_name",
                "mother_name"
            ]
        );
        assert!(violations.0.iter().all(|v| v.rule == Some(Rule::G1)));
    }

    #[test]
    fn an_invalid_nik_is_refused_and_a_disagreeing_one_only_warns_G1() {
        let mut data = complete();
        data.nik = "12345".into();
        assert_eq!(check(&data).unwrap_err().0[0].field, "nik");
        data.nik = "3273011505900001".into();
        data.birth_date = Some(date(1991, 5, 15));
        data.district_code = "32.04.01".into();
        let checked = check(&data).unwrap();
        let fields: Vec<&str> = checked.warnings.iter().map(|w| w.field()).collect();
        assert_eq!(fields, ["birth_date", "district_code"]);
    }

    #[test]
    fn an_identical_nik_is_never_registered_as_a_new_person_G3() {
        let refused = check_identical_nik_is_linked(true, false).unwrap_err();
        assert_eq!(
            (refused.rule, refused.field),
            (Some(crate::Rule::G3), "person_choice")
        );
        assert!(
            check_identical_nik_is_linked(true, true).is_ok(),
            "linked to the record"
        );
        assert!(
            check_identical_nik_is_linked(false, false).is_ok(),
            "nobody with that NIK"
        );
    }

    #[test]
    fn names_are_compared_without_case_spaces_or_punctuation() {
        assert_eq!(normalized_name("  ANDI   Saputra, S.T."), "andi saputra st");
        assert_eq!(
            normalized_name("Andi Saputra"),
            normalized_name("andi  saputra")
        );
    }
}
