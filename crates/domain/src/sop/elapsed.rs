//! SOP timing as the system sees it: each step is stamped when the action that performs it
//! happens. A recorded step is judged on the time since the previous recorded step of the
//! same SOP (or since the case was opened) against the standards of every step in between,
//! itself included; a range with a conditional step is shown but not judged. This measures
//! the client's waiting time, which is what the service standards promise.

use jiff::Timestamp;
use serde::Serialize;

use super::{Sop, StandardTime};
use crate::minutes::Minutes;

/// When a step was done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub step: u8,
    pub at: Timestamp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Elapsed {
    pub step: u8,
    pub minutes: Minutes,
    /// The summed standard of the steps this stamp closes; `None` when one is conditional.
    pub standard: Option<Minutes>,
    /// How far over the standard, if over.
    pub over_by: Option<Minutes>,
}

/// The recorded steps of `sop` in step order, timed from `opened` and each other.
pub fn elapsed(sop: &Sop, opened: Timestamp, stamps: &[Stamp]) -> Vec<Elapsed> {
    let mut ordered: Vec<Stamp> = stamps.to_vec();
    ordered.sort_by_key(|s| s.step);
    let mut previous: Option<Stamp> = None;
    let mut out = Vec::with_capacity(ordered.len());
    for stamp in ordered {
        let since = previous.map_or(opened, |p| p.at);
        let minutes = Minutes::new((stamp.at.as_second() - since.as_second()).max(0) / 60);
        let first = previous.map_or(0, |p| p.step);
        let covered = sop
            .steps
            .iter()
            .filter(|s| s.number > first && s.number <= stamp.step);
        let mut standard = Some(Minutes::ZERO);
        for step in covered {
            standard = match (standard, step.standard) {
                (Some(sum), StandardTime::Minutes(m)) => Some(Minutes::new(sum.0 + i64::from(m))),
                _ => None,
            };
        }
        let over_by = standard
            .filter(|s| minutes > *s)
            .map(|s| Minutes::new(minutes.0 - s.0));
        out.push(Elapsed {
            step: stamp.step,
            minutes,
            standard,
            over_by,
        });
        previous = Some(stamp);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sop::SopKind;

    fn at(minutes: i64) -> Timestamp {
        Timestamp::from_second(1_780_000_000 + minutes * 60).unwrap()
    }

    #[test]
    fn a_step_is_judged_against_the_standards_since_the_previous_stamp() {
        // Document validity: 1 receive (1 min), 2 check (5 min), 3 hand over (conditional).
        let sop = SopKind::DocumentValidity.sop();
        let result = elapsed(
            sop,
            at(0),
            &[
                Stamp { step: 1, at: at(1) },
                Stamp {
                    step: 2,
                    at: at(20),
                },
            ],
        );
        assert_eq!(result[0].standard, Some(Minutes::new(1)));
        assert_eq!(result[0].over_by, None);
        assert_eq!(result[1].minutes, Minutes::new(19));
        assert_eq!(result[1].standard, Some(Minutes::new(5)));
        assert_eq!(result[1].over_by, Some(Minutes::new(14)));
    }

    #[test]
    fn a_range_with_a_conditional_step_is_shown_but_not_judged() {
        let sop = SopKind::DocumentValidity.sop();
        let result = elapsed(
            sop,
            at(0),
            &[Stamp {
                step: 3,
                at: at(600),
            }],
        );
        assert_eq!(result[0].minutes, Minutes::new(600));
        assert_eq!(result[0].standard, None);
        assert_eq!(result[0].over_by, None);
    }

    #[test]
    fn skipped_steps_add_their_standards_and_stamps_out_of_order_are_sorted() {
        // Appointment: 1 (1) + 2 (1) + 3 (15) + 4 (5) = 22 minutes up to the signature.
        let sop = SopKind::PkAppointment.sop();
        let result = elapsed(
            sop,
            at(0),
            &[
                Stamp {
                    step: 5,
                    at: at(40),
                },
                Stamp {
                    step: 4,
                    at: at(30),
                },
            ],
        );
        assert_eq!(result[0].step, 4);
        assert_eq!(result[0].standard, Some(Minutes::new(22)));
        assert_eq!(result[0].over_by, Some(Minutes::new(8)));
        assert_eq!(result[1].standard, Some(Minutes::new(1)));
        assert_eq!(result[1].over_by, Some(Minutes::new(9)));
    }
}
