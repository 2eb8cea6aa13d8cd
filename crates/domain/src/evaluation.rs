//! The M4 evaluation at ¼, ½ and ¾ of the sentence, as a structured assessment rather than a
//! free note: the obstacles met, the supports found, and the guideline's success indicators —
//! (a) guidance follows the guideline and GEDSI principles, (b) the Bapas actively builds
//! partnerships, (c) the client's behaviour visibly improves — each judged met, partly met
//! or not met, and (d) the lessons for future policy in words. Monitoring adds them up.

use crate::refusal::Refusal;
use crate::rule::{Rule, Violation, Violations};

/// A success indicator the PK judges (M4 a–c); (d) is [`Assessment::lessons`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Indicator {
    /// (a) guidance follows the guideline and GEDSI principles.
    Guidance,
    /// (b) the Bapas actively builds partnerships.
    Partnership,
    /// (c) the client's behaviour visibly improves.
    Behaviour,
}

impl Indicator {
    pub const ALL: [Indicator; 3] = [
        Indicator::Guidance,
        Indicator::Partnership,
        Indicator::Behaviour,
    ];

    /// The indicator's letter in the guideline, also its form and JSON field (`a`, `b`, `c`).
    pub fn letter(self) -> &'static str {
        match self {
            Indicator::Guidance => "a",
            Indicator::Partnership => "b",
            Indicator::Behaviour => "c",
        }
    }
}

/// How far an indicator is met.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finding {
    Met,
    Partly,
    NotMet,
}

impl Finding {
    pub const ALL: [Finding; 3] = [Finding::Met, Finding::Partly, Finding::NotMet];

    pub fn as_str(self) -> &'static str {
        match self {
            Finding::Met => "met",
            Finding::Partly => "partly",
            Finding::NotMet => "not_met",
        }
    }

    pub fn parse(text: &str) -> Option<Finding> {
        Finding::ALL.into_iter().find(|f| f.as_str() == text)
    }
}

/// What the PK records at an evaluation point.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Assessment {
    pub obstacles: String,
    pub supports: String,
    /// (a), (b), (c) in the order of [`Indicator::ALL`]; `None` when not answered.
    pub findings: [Option<Finding>; 3],
    /// (d) what the case teaches for future policy.
    pub lessons: String,
}

const LONGEST: usize = 4000;

/// M4: the obstacles, the supports and the lessons are written (a dash for none), and each
/// indicator is judged. Returns the three findings.
pub fn check(assessment: &Assessment) -> Result<[Finding; 3], Violations> {
    let mut found = Violations::default();
    for (field, text) in [
        ("obstacles", &assessment.obstacles),
        ("supports", &assessment.supports),
        ("lessons", &assessment.lessons),
    ] {
        if text.trim().is_empty() || text.chars().count() > LONGEST {
            found.push(Violation::new(
                Rule::M4,
                field,
                Refusal::EvaluationPartRequired,
            ));
        }
    }
    for (indicator, finding) in Indicator::ALL.iter().zip(assessment.findings) {
        if finding.is_none() {
            found.push(Violation::new(
                Rule::M4,
                indicator.letter(),
                Refusal::EvaluationIndicatorRequired,
            ));
        }
    }
    match assessment.findings {
        [Some(a), Some(b), Some(c)] if found.is_empty() => Ok([a, b, c]),
        _ => Err(found),
    }
}

#[cfg(test)]
#[expect(non_snake_case, reason = "test names end with the rule ID they check")]
mod tests {
    use super::*;

    fn complete() -> Assessment {
        Assessment {
            obstacles: "Jarak ke tempat kerja jauh.".into(),
            supports: "Keluarga mendukung.".into(),
            findings: [
                Some(Finding::Met),
                Some(Finding::Partly),
                Some(Finding::NotMet),
            ],
            lessons: "-".into(),
        }
    }

    #[test]
    fn an_evaluation_names_obstacles_supports_lessons_and_judges_each_indicator_M4() {
        assert_eq!(
            check(&complete()),
            Ok([Finding::Met, Finding::Partly, Finding::NotMet])
        );
        let refused = check(&Assessment {
            findings: [Some(Finding::Met), None, Some(Finding::Met)],
            obstacles: " ".into(),
            ..complete()
        })
        .unwrap_err();
        let fields: Vec<_> = refused.0.iter().map(|v| (v.rule, v.field)).collect();
        assert_eq!(
            fields,
            [(Some(Rule::M4), "obstacles"), (Some(Rule::M4), "b")]
        );
        for finding in Finding::ALL {
            assert_eq!(Finding::parse(finding.as_str()), Some(finding));
        }
        assert_eq!(Finding::parse("maybe"), None);
    }
}
