//! Rule IDs of `shared/spec/DOMAIN.md` and the violation type that carries them.
//!
//! Every refusal in this crate is a [`Violation`]: the rule it breaks (L1–L9, I1–I4, D1–D3,
//! G1–G3, P1–P10, B1–B8, S1–S8, T1–T3, M1–M4), the form or JSON field it concerns, and the
//! [`Refusal`] with its values. The web layer words the refusal in the reader's language and
//! maps a violation to a 422 `problem+json` whose `rule` member is [`Rule::code`].

use std::fmt;

use serde::{Deserialize, Serialize};

pub use crate::refusal::Refusal;

macro_rules! rules {
    ($($id:ident),+ $(,)?) => {
        /// A rule of DOMAIN.md, named by its ID.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rule {
            $(
                #[doc = concat!("Rule ", stringify!($id), " of DOMAIN.md.")]
                $id,
            )+
        }

        impl Rule {
            /// Every rule, in the order of DOMAIN.md.
            pub const ALL: &'static [Rule] = &[$(Rule::$id),+];

            /// The rule's ID as written in DOMAIN.md, e.g. `"L5"`.
            pub const fn code(self) -> &'static str {
                match self {
                    $(Rule::$id => stringify!($id),)+
                }
            }
        }
    };
}

rules! {
    L1, L2, L3, L4, L5, L6, L7, L8, L9,
    I1, I2, I3, I4,
    D1, D2, D3,
    G1, G2, G3,
    P1, P2, P3, P4, P5, P6, P7, P8, P9, P10,
    B1, B2, B3, B4, B5, B6, B7, B8,
    S1, S2, S3, S4, S5, S6, S7, S8,
    T1, T2, T3,
    M1, M2, M3, M4,
}

impl Rule {
    /// The rule with this ID (`"L5"`), if there is one. Case-sensitive, as IDs are written.
    pub fn parse(code: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|rule| rule.code() == code)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Rule {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        Rule::parse(&code).ok_or_else(|| serde::de::Error::custom(format!("unknown rule {code:?}")))
    }
}

/// A refusal: which rule, which field, and why (with the values the words need). The words
/// themselves are the web crate's: see [`Refusal`].
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{} ({field}): {}", rule.map_or("—", Rule::code), refusal.code())]
pub struct Violation {
    /// The rule of DOMAIN.md broken, or `None` for a refusal of the guideline's procedure
    /// that no rule ID names (steps out of order, dates that run backwards).
    pub rule: Option<Rule>,
    /// The form or JSON field the violation concerns, e.g. `"hours_ordered"`.
    pub field: &'static str,
    pub refusal: Refusal,
}

impl Violation {
    pub fn new(rule: Rule, field: &'static str, refusal: Refusal) -> Violation {
        Violation {
            rule: Some(rule),
            field,
            refusal,
        }
    }

    /// A refusal that no rule ID of DOMAIN.md names: the procedure's order or plain
    /// consistency of the input.
    pub fn procedural(field: &'static str, refusal: Refusal) -> Violation {
        Violation {
            rule: None,
            field,
            refusal,
        }
    }
}

/// All the violations found in one piece of input (a form reports every problem at once).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Violations(pub Vec<Violation>);

impl Violations {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.0.iter()
    }

    /// Whether any violation cites `rule`.
    pub fn contains(&self, rule: Rule) -> bool {
        self.0.iter().any(|v| v.rule == Some(rule))
    }

    /// The violations concerning one field, for showing beside it in a form.
    pub fn for_field<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a Violation> + 'a {
        self.0.iter().filter(move |v| v.field == field)
    }

    pub(crate) fn push(&mut self, violation: Violation) {
        self.0.push(violation);
    }
}

impl fmt::Display for Violations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, violation) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{violation}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Violations {}

impl From<Violation> for Violations {
    fn from(violation: Violation) -> Violations {
        Violations(vec![violation])
    }
}

impl IntoIterator for Violations {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Violations {
    type Item = &'a Violation;
    type IntoIter = std::slice::Iter<'a, Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_of_the_digest_is_listed_once() {
        // L1–L9, I1–I4, D1–D3, G1–G3, P1–P10, B1–B8, S1–S8, T1–T3, M1–M4.
        assert_eq!(Rule::ALL.len(), 9 + 4 + 3 + 3 + 10 + 8 + 8 + 3 + 4);
        let mut codes: Vec<&str> = Rule::ALL.iter().map(|r| r.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), Rule::ALL.len());
    }

    #[test]
    fn every_rule_round_trips_through_its_code() {
        for &rule in Rule::ALL {
            assert_eq!(Rule::parse(rule.code()), Some(rule));
            assert_eq!(rule.to_string(), rule.code());
        }
        assert_eq!(Rule::L5.code(), "L5");
        assert_eq!(Rule::P10.code(), "P10");
        assert_eq!(Rule::parse("L10"), None);
        assert_eq!(Rule::parse("l5"), None);
    }

    #[test]
    fn a_violation_displays_its_rule_field_and_reason_without_values() {
        let v = Violation::new(
            Rule::L4,
            "hours_ordered",
            Refusal::HoursTooFew {
                hours: crate::Minutes::from_hours(7),
            },
        );
        assert_eq!(v.to_string(), "L4 (hours_ordered): HoursTooFew");
        let all = Violations(vec![
            v.clone(),
            Violation::new(Rule::L7, "schedule", Refusal::ScheduleTermsRequired),
        ]);
        assert_eq!(all.len(), 2);
        assert!(all.contains(Rule::L7));
        assert!(!all.contains(Rule::L5));
        assert_eq!(all.for_field("hours_ordered").count(), 1);
        assert_eq!(
            all.to_string(),
            "L4 (hours_ordered): HoursTooFew; L7 (schedule): ScheduleTermsRequired"
        );
        assert_eq!(Violations::from(v).len(), 1);
    }
}
