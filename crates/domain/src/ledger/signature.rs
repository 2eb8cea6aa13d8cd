//! The client's signature on a daily report (B5: the report is filled by the client, with
//! *tandatangan kehadiran Klien*; seed §2.3.2 l). A report sent from the client's own account
//! is signed by being sent; a report recorded for several clients on the work-place
//! supervisor's device is signed by each client typing their own password on that device,
//! which the supervisor witnesses. A client whose decision requires attendance monitoring
//! (P10) reports alone, with a located photo, so a shared session cannot stand in for it.

use crate::refusal::Refusal;
use crate::rule::{Rule, Violation};

/// How the client signed a stored report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attestation {
    /// Sent from the client's own account.
    OwnAccount,
    /// The client typed their own password on the PJ's device.
    SupervisorDevice,
}

impl Attestation {
    pub fn as_str(self) -> &'static str {
        match self {
            Attestation::OwnAccount => "own_account",
            Attestation::SupervisorDevice => "supervisor_device",
        }
    }

    pub fn parse(text: &str) -> Option<Attestation> {
        match text {
            "own_account" => Some(Attestation::OwnAccount),
            "supervisor_device" => Some(Attestation::SupervisorDevice),
            _ => None,
        }
    }
}

/// What became of a client's password typed on the supervisor's device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeviceSignature {
    /// Nothing was typed.
    Missing,
    /// The client has no login to sign with yet.
    NoAccount,
    /// The password did not match.
    Wrong,
    /// Too many wrong passwords: the client's login is locked for a while.
    Locked,
    /// The client's own password.
    Given,
}

/// B5 and P10 for one client of a supervisor's session: the entry is stored as reported by
/// the client, signed on the supervisor's device, and waits for the PJ's verification as a
/// separate act.
pub fn check_session_signature(
    signature: DeviceSignature,
    monitoring_required: bool,
) -> Result<Attestation, Violation> {
    if monitoring_required {
        return Err(Violation::new(
            Rule::P10,
            "evidence",
            Refusal::MonitoredClientReportsAlone,
        ));
    }
    let refusal = match signature {
        DeviceSignature::Given => return Ok(Attestation::SupervisorDevice),
        DeviceSignature::Missing => Refusal::ClientSignatureMissing,
        DeviceSignature::NoAccount => Refusal::ClientHasNoLogin,
        DeviceSignature::Wrong => Refusal::ClientSignatureWrong,
        DeviceSignature::Locked => Refusal::ClientSignatureLocked,
    };
    Err(Violation::new(Rule::B5, "signature", refusal))
}

#[cfg(test)]
#[expect(non_snake_case, reason = "test names end with the rule ID they check")]
mod tests {
    use super::*;

    #[test]
    fn a_session_entry_needs_the_clients_own_password_B5() {
        for (signature, refusal) in [
            (DeviceSignature::Missing, Refusal::ClientSignatureMissing),
            (DeviceSignature::NoAccount, Refusal::ClientHasNoLogin),
            (DeviceSignature::Wrong, Refusal::ClientSignatureWrong),
            (DeviceSignature::Locked, Refusal::ClientSignatureLocked),
        ] {
            let refused = check_session_signature(signature, false).unwrap_err();
            assert_eq!(refused.rule, Some(Rule::B5));
            assert_eq!(refused.refusal, refusal);
        }
        assert_eq!(
            check_session_signature(DeviceSignature::Given, false),
            Ok(Attestation::SupervisorDevice)
        );
    }

    #[test]
    fn a_monitored_client_cannot_be_recorded_in_a_session_P10() {
        let refused = check_session_signature(DeviceSignature::Given, true).unwrap_err();
        assert_eq!(refused.rule, Some(Rule::P10));
        assert_eq!(refused.refusal, Refusal::MonitoredClientReportsAlone);
    }

    #[test]
    fn attestations_read_back() {
        for a in [Attestation::OwnAccount, Attestation::SupervisorDevice] {
            assert_eq!(Attestation::parse(a.as_str()), Some(a));
        }
        assert_eq!(Attestation::parse("pj"), None);
    }
}
