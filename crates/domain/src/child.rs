//! Child clients (§2.3.1: assistance is given to "Klien dewasa maupun anak"). A client under 18
//! is a child (UU 11/2012 on the juvenile justice system, Art. 1 point 3); their identity is
//! protected (Art. 19), so outside their own case page lists and documents show initials.
//!
//! The register records the birth date, the decision its date; the age is reckoned on the day
//! the decision became final, the first day the office acts on it. Without a recorded birth
//! date a client is not known to be a child.

use jiff::civil::Date;

/// The age of majority for this purpose.
pub const ADULT_AGE: i16 = 18;

/// Whether a client born on `birth_date` was a child on `decided_on`.
pub fn is_child(birth_date: Option<Date>, decided_on: Date) -> bool {
    let Some(born) = birth_date else {
        return false;
    };
    let mut age = decided_on.year() - born.year();
    if (decided_on.month(), decided_on.day()) < (born.month(), born.day()) {
        age -= 1;
    }
    age < ADULT_AGE
}

/// A name as lists outside the case page show it: the full name, or a child's initials.
pub fn listed_name(full_name: &str, child: bool) -> String {
    if !child {
        return full_name.to_owned();
    }
    let initials: Vec<String> = full_name
        .split_whitespace()
        .filter_map(|word| word.chars().next())
        .map(|c| format!("{}.", c.to_uppercase()))
        .collect();
    if initials.is_empty() {
        "—".to_owned()
    } else {
        initials.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    #[test]
    fn a_client_under_eighteen_on_the_decision_is_a_child() {
        let decided = date(2026, 6, 15);
        assert!(
            is_child(Some(date(2008, 6, 16)), decided),
            "a day before 18"
        );
        assert!(!is_child(Some(date(2008, 6, 15)), decided), "18 that day");
        assert!(!is_child(Some(date(1990, 1, 1)), decided));
        assert!(
            !is_child(None, decided),
            "no birth date, not known to be a child"
        );
    }

    #[test]
    fn a_childs_name_is_listed_as_initials() {
        assert_eq!(listed_name("Andi Saputra", true), "A. S.");
        assert_eq!(listed_name("  rina   marlina ", true), "R. M.");
        assert_eq!(listed_name("Andi Saputra", false), "Andi Saputra");
        assert_eq!(listed_name("   ", true), "—");
    }
}
