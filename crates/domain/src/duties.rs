//! Separation of duties on one case (issue 12, item 6): some acts must be done by someone
//! other than the case's PK, whatever roles that person holds. A user given both the PK and
//! the head-of-office roles must not approve their own Litmas and case plan (§2.2.6) or their
//! own far work place (P3): an approval is a second pair of eyes. (Verifying one's own report,
//! B5, and drafting versus issuing a letter are refused where those acts live.)

use crate::{Refusal, Violation};

/// An approval the head gives to the PK's work on a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Approval {
    /// The Litmas and case plan (§2.2.6).
    Assessment,
    /// A work place beyond the distance limit (P3).
    FarPlacement,
}

/// Refuses an approval by the case's own PK. `pk` is the case's PK's user id, if assigned.
pub fn check_approver(approval: Approval, pk: Option<i64>, approver: i64) -> Result<(), Violation> {
    if pk == Some(approver) {
        let field = match approval {
            Approval::Assessment => "decision",
            Approval::FarPlacement => "placement",
        };
        return Err(Violation::procedural(field, Refusal::OwnCaseApproval));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cases_pk_cannot_approve_their_own_work_whatever_their_roles() {
        let refused = check_approver(Approval::Assessment, Some(7), 7).unwrap_err();
        assert_eq!(refused.refusal, Refusal::OwnCaseApproval);
        assert_eq!(refused.field, "decision");
        assert!(check_approver(Approval::FarPlacement, Some(7), 8).is_ok());
        assert!(check_approver(Approval::FarPlacement, None, 8).is_ok());
    }
}
