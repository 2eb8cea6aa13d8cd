//! Why a file is kept, and what each purpose accepts: its types and its size limit.

use super::ContentType;

const MIB: usize = 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// The court decision's excerpt or copy (I2).
    DecisionCopy,
    /// The prosecutor's execution letter (I2).
    ExecutionLetter,
    /// The client's photograph (G1).
    Photo,
    /// The client's fingerprint image (G1).
    Fingerprint,
    /// The evidence of a termination (T2): a death certificate or a sanction letter.
    TerminationEvidence,
    /// A photo proving a day's attendance (B7), attached to the daily report.
    Evidence,
    /// What evidences a behaviour entry (B3): a photo, a blood-donation card, a letter from
    /// the village head; attached to the entry.
    BehaviourEvidence,
}

impl Purpose {
    pub const ALL: [Purpose; 7] = [
        Purpose::DecisionCopy,
        Purpose::ExecutionLetter,
        Purpose::Photo,
        Purpose::Fingerprint,
        Purpose::TerminationEvidence,
        Purpose::Evidence,
        Purpose::BehaviourEvidence,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::DecisionCopy => "decision_copy",
            Purpose::ExecutionLetter => "execution_letter",
            Purpose::Photo => "photo",
            Purpose::Fingerprint => "fingerprint",
            Purpose::TerminationEvidence => "termination_evidence",
            Purpose::Evidence => "evidence",
            Purpose::BehaviourEvidence => "behaviour_evidence",
        }
    }

    pub fn parse(text: &str) -> Option<Purpose> {
        Purpose::ALL.into_iter().find(|p| p.as_str() == text)
    }

    /// Scans may be PDFs or pictures; the photograph and fingerprint are pictures.
    pub fn accepts(self) -> &'static [ContentType] {
        match self {
            Purpose::DecisionCopy
            | Purpose::ExecutionLetter
            | Purpose::TerminationEvidence
            | Purpose::BehaviourEvidence => {
                &[ContentType::Pdf, ContentType::Jpeg, ContentType::Png]
            }
            Purpose::Photo | Purpose::Fingerprint => &[ContentType::Jpeg, ContentType::Png],
            Purpose::Evidence => &[ContentType::Jpeg, ContentType::Png, ContentType::Mp4],
        }
    }

    pub fn max_bytes(self) -> usize {
        match self {
            Purpose::DecisionCopy
            | Purpose::ExecutionLetter
            | Purpose::TerminationEvidence
            | Purpose::BehaviourEvidence => 10 * MIB,
            Purpose::Photo => 5 * MIB,
            // A short video; a photo of evidence is held to 5 MB by `max_bytes_for`.
            Purpose::Evidence => 20 * MIB,
            Purpose::Fingerprint => 2 * MIB,
        }
    }

    /// The limit for a file of `kind`: a photo of evidence is held to a photo's size.
    pub fn max_bytes_for(self, kind: ContentType) -> usize {
        match (self, kind) {
            (Purpose::Evidence, ContentType::Jpeg | ContentType::Png) => 5 * MIB,
            _ => self.max_bytes(),
        }
    }

    /// Biometric and facial images identify the person on sight; they are recorded only
    /// once the person is in the register (G1) and belong to the person, not only the case.
    /// The permission that uploads a file of this purpose; evidence comes only with its
    /// daily report (B7), never on its own.
    pub fn to_upload(self) -> Option<karya_domain::Permission> {
        use karya_domain::Permission as P;
        match self {
            Purpose::Photo | Purpose::Fingerprint => Some(P::UploadBiometrics),
            Purpose::TerminationEvidence => Some(P::UploadTerminationEvidence),
            // Evidence comes with what it proves: the daily report (B7), the behaviour entry (B3).
            Purpose::Evidence | Purpose::BehaviourEvidence => None,
            Purpose::DecisionCopy | Purpose::ExecutionLetter => Some(P::UploadScans),
        }
    }

    /// The permission that views a file of this purpose: a face and a fingerprint only for
    /// those who identify the person, evidence for those who verify it.
    pub fn to_view(self) -> karya_domain::Permission {
        use karya_domain::Permission as P;
        match self {
            Purpose::Evidence => P::ViewEvidence,
            Purpose::BehaviourEvidence => P::ReadGuidance,
            Purpose::Photo | Purpose::Fingerprint => P::ViewBiometrics,
            Purpose::DecisionCopy | Purpose::ExecutionLetter | Purpose::TerminationEvidence => {
                P::ViewScans
            }
        }
    }

    pub fn is_biometric(self) -> bool {
        matches!(self, Purpose::Photo | Purpose::Fingerprint)
    }

    /// The largest upload any purpose accepts, for the request body limit.
    pub fn largest() -> usize {
        Purpose::ALL
            .into_iter()
            .map(Purpose::max_bytes)
            .max()
            .unwrap_or(MIB)
    }
}
