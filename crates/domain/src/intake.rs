//! Intake (§2.2.1–2.2.2): the decision must be final (I1), how the client came (I2), the
//! summons of a client not handed over (I3, I4), and the document validity check (D1–D3).

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::rule::{Refusal, Rule, Violation};

/// I1: intake starts only after the decision is final and binding.
pub fn check_final(date_final: Date, today: Date) -> Result<(), Violation> {
    if date_final > today {
        return Err(Violation::new(
            Rule::I1,
            "date_final",
            Refusal::NotFinalYet { date_final },
        ));
    }
    Ok(())
}

/// I2: the decision and the execution letter come from the prosecutor who executes the
/// sentence, so a case names its Kejaksaan Negeri: without it the case is invisible to that
/// prosecutor and its letters have no addressee (issue 13, item 12).
pub fn check_prosecutor(named: bool) -> Result<(), Violation> {
    if named {
        Ok(())
    } else {
        Err(Violation::new(
            Rule::I2,
            "prosecutor_office_id",
            Refusal::ProsecutorOfficeMissing,
        ))
    }
}

/// I2: how the decision and the client reached the office.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// A notice from the Bapas to the judge and the prosecutor.
    Notice,
    /// The judge's decision.
    Decision,
    /// A handover (serah terima) by the prosecutor.
    Handover,
}

impl Channel {
    pub const ALL: [Channel; 3] = [Channel::Notice, Channel::Decision, Channel::Handover];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Notice => "notice",
            Channel::Decision => "decision",
            Channel::Handover => "handover",
        }
    }

    pub fn parse(text: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.as_str() == text)
    }

    pub fn label_id(self) -> &'static str {
        match self {
            Channel::Notice => "Pemberitahuan Bapas kepada hakim dan jaksa",
            Channel::Decision => "Putusan hakim",
            Channel::Handover => "Serah terima oleh jaksa",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Channel::Notice => "The office's notice to judge and prosecutor",
            Channel::Decision => "The judge's decision",
            Channel::Handover => "Handover by the prosecutor",
        }
    }
}

/// The two documents the office receives and checks (§2.2.2 point 1: "petikan/salinan
/// putusan dan surat eksekusi"); each gets the five checks of D1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IntakeDocument {
    /// The extract or copy of the decision.
    #[default]
    DecisionCopy,
    /// The prosecutor's execution letter.
    ExecutionLetter,
}

impl IntakeDocument {
    pub const ALL: [IntakeDocument; 2] = [
        IntakeDocument::DecisionCopy,
        IntakeDocument::ExecutionLetter,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            IntakeDocument::DecisionCopy => "decision_copy",
            IntakeDocument::ExecutionLetter => "execution_letter",
        }
    }

    pub fn parse(text: &str) -> Option<IntakeDocument> {
        IntakeDocument::ALL.into_iter().find(|d| d.as_str() == text)
    }

    pub fn label_id(self) -> &'static str {
        match self {
            IntakeDocument::DecisionCopy => "Petikan/salinan putusan",
            IntakeDocument::ExecutionLetter => "Surat eksekusi",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            IntakeDocument::DecisionCopy => "Extract/copy of the decision",
            IntakeDocument::ExecutionLetter => "Execution letter",
        }
    }

    /// The form field of `check` on this document, e.g. `execution_letter_barcode`.
    pub fn field(self, check: CheckKind) -> &'static str {
        use CheckKind as K;
        use IntakeDocument as D;
        match (self, check) {
            (D::DecisionCopy, K::LawfulIssuer) => "decision_copy_lawful_issuer",
            (D::DecisionCopy, K::IdentityMatch) => "decision_copy_identity_match",
            (D::DecisionCopy, K::Barcode) => "decision_copy_barcode",
            (D::DecisionCopy, K::DirectConfirmation) => "decision_copy_direct_confirmation",
            (D::DecisionCopy, K::Other) => "decision_copy_other",
            (D::ExecutionLetter, K::LawfulIssuer) => "execution_letter_lawful_issuer",
            (D::ExecutionLetter, K::IdentityMatch) => "execution_letter_identity_match",
            (D::ExecutionLetter, K::Barcode) => "execution_letter_barcode",
            (D::ExecutionLetter, K::DirectConfirmation) => "execution_letter_direct_confirmation",
            (D::ExecutionLetter, K::Other) => "execution_letter_other",
        }
    }
}

/// The five checks of D1 (a–e).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckKind {
    /// (a) issued by a lawful institution.
    LawfulIssuer,
    /// (b) name, identity, signature, stamp and issue date match the client.
    IdentityMatch,
    /// (c) the document's barcode.
    Barcode,
    /// (d) direct confirmation with the issuer when in doubt.
    DirectConfirmation,
    /// (e) anything else relevant.
    Other,
}

impl CheckKind {
    pub const ALL: [CheckKind; 5] = [
        CheckKind::LawfulIssuer,
        CheckKind::IdentityMatch,
        CheckKind::Barcode,
        CheckKind::DirectConfirmation,
        CheckKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CheckKind::LawfulIssuer => "lawful_issuer",
            CheckKind::IdentityMatch => "identity_match",
            CheckKind::Barcode => "barcode",
            CheckKind::DirectConfirmation => "direct_confirmation",
            CheckKind::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<CheckKind> {
        CheckKind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// (a) and (b) always apply; the barcode, a confirmation and other checks may not.
    pub fn always_applies(self) -> bool {
        matches!(self, CheckKind::LawfulIssuer | CheckKind::IdentityMatch)
    }

    pub fn label_id(self) -> &'static str {
        match self {
            CheckKind::LawfulIssuer => "Diterbitkan oleh instansi yang sah",
            CheckKind::IdentityMatch => "Nama, identitas, tanda tangan, stempel dan tanggal sesuai",
            CheckKind::Barcode => "Barcode dokumen",
            CheckKind::DirectConfirmation => "Konfirmasi langsung kepada penerbit",
            CheckKind::Other => "Hal lain yang relevan",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            CheckKind::LawfulIssuer => "Issued by a lawful institution",
            CheckKind::IdentityMatch => "Name, identity, signature, stamp and date match",
            CheckKind::Barcode => "The document's barcode",
            CheckKind::DirectConfirmation => "Direct confirmation with the issuer",
            CheckKind::Other => "Anything else relevant",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckOutcome {
    Passed,
    Failed,
    NotApplicable,
}

impl CheckOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            CheckOutcome::Passed => "passed",
            CheckOutcome::Failed => "failed",
            CheckOutcome::NotApplicable => "not_applicable",
        }
    }

    pub fn parse(text: &str) -> Option<CheckOutcome> {
        [
            CheckOutcome::Passed,
            CheckOutcome::Failed,
            CheckOutcome::NotApplicable,
        ]
        .into_iter()
        .find(|o| o.as_str() == text)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentCheck {
    /// The document checked; a check sent without one is about the decision copy.
    #[serde(default)]
    pub document: IntakeDocument,
    pub kind: CheckKind,
    pub outcome: CheckOutcome,
    pub note: String,
}

/// What a complete round of checks decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentsVerdict {
    /// Valid: the file goes to the registry (D2).
    Valid,
    /// Incomplete or invalid: these checks failed, with their notes (D3).
    Incomplete(Vec<DocumentCheck>),
}

/// D1: each document has every check with an outcome, (a) and (b) always apply, and a
/// failed check says why. Returns the verdict of a complete round, or the first check that
/// needs attention.
pub fn documents_verdict(checks: &[DocumentCheck]) -> Result<DocumentsVerdict, Violation> {
    for document in IntakeDocument::ALL {
        for kind in CheckKind::ALL {
            let field = document.field(kind);
            let Some(check) = checks
                .iter()
                .find(|c| c.document == document && c.kind == kind)
            else {
                return Err(Violation::new(
                    Rule::D1,
                    field,
                    Refusal::CheckMissing {
                        document,
                        check: kind,
                    },
                ));
            };
            if check.outcome == CheckOutcome::NotApplicable && kind.always_applies() {
                return Err(Violation::new(
                    Rule::D1,
                    field,
                    Refusal::CheckAlwaysApplies {
                        document,
                        check: kind,
                    },
                ));
            }
            if check.outcome == CheckOutcome::Failed && check.note.trim().is_empty() {
                return Err(Violation::new(
                    Rule::D1,
                    field,
                    Refusal::CheckNeedsNote {
                        document,
                        check: kind,
                    },
                ));
            }
        }
    }
    let failed: Vec<DocumentCheck> = checks
        .iter()
        .filter(|c| c.outcome == CheckOutcome::Failed)
        .cloned()
        .collect();
    Ok(if failed.is_empty() {
        DocumentsVerdict::Valid
    } else {
        DocumentsVerdict::Incomplete(failed)
    })
}

/// What became of a summons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SummonsOutcome {
    Pending,
    Appeared,
    /// The client did not come but gave a lawful reason (illness, a disaster…), recorded
    /// with it: a new summons may follow, and it is no violation (I3, I4).
    AbsentWithReason,
    NoResponse,
}

impl SummonsOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            SummonsOutcome::Pending => "pending",
            SummonsOutcome::Appeared => "appeared",
            SummonsOutcome::AbsentWithReason => "absent_with_reason",
            SummonsOutcome::NoResponse => "no_response",
        }
    }

    pub fn parse(text: &str) -> Option<SummonsOutcome> {
        [
            SummonsOutcome::Pending,
            SummonsOutcome::Appeared,
            SummonsOutcome::AbsentWithReason,
            SummonsOutcome::NoResponse,
        ]
        .into_iter()
        .find(|o| o.as_str() == text)
    }
}

/// One summons as recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summons {
    pub number: u8,
    pub deadline: Date,
    pub outcome: SummonsOutcome,
}

/// I3: at most three summonses, one at a time, none after the client appeared. Returns the
/// number of the next one.
pub fn next_summons(existing: &[Summons]) -> Result<u8, Violation> {
    if existing
        .iter()
        .any(|s| s.outcome == SummonsOutcome::Appeared)
    {
        return Err(Violation::new(Rule::I3, "summons", Refusal::ClientAppeared));
    }
    if existing
        .iter()
        .any(|s| s.outcome == SummonsOutcome::Pending)
    {
        return Err(Violation::new(
            Rule::I3,
            "summons",
            Refusal::SummonsAwaitingOutcome,
        ));
    }
    let sent = u8::try_from(existing.len()).unwrap_or(u8::MAX);
    // A summons answered with a lawful reason does not use one of the three (I3).
    let unanswered = existing
        .iter()
        .filter(|s| s.outcome == SummonsOutcome::NoResponse)
        .count();
    if unanswered >= 3 {
        return Err(Violation::new(Rule::I3, "summons", Refusal::SummonsLimit));
    }
    Ok(sent + 1)
}

/// The note of the violation three unanswered summonses become (I4). It states what was
/// recorded — three summonses, no appearance, no reason given — not a finding that no lawful
/// reason exists; the head's consideration to the prosecutor weighs that (register SOP 6).
pub const ABSENCE_VIOLATION_NOTE: &str = "Klien tidak hadir memenuhi tiga kali panggilan dan tidak menyampaikan alasan ketidakhadiran (I4).";

/// The consideration the head sends the prosecutor after three unanswered summonses (I4;
/// register SOP step 6). Like the violation's note, it states what the office recorded and
/// leaves to the prosecutor whether the absence had a lawful reason.
pub const ABSENCE_CONSIDERATION: &str = "Pidana kerja sosial belum dapat dimulai karena Klien belum hadir di Balai Pemasyarakatan. Apakah ketidakhadiran tersebut mempunyai alasan yang sah, kami serahkan kepada penilaian Kejaksaan dalam mengambil langkah sesuai putusan pengadilan.";

/// The three summonses an absence consideration names (I4): the unanswered ones, oldest
/// first. A summons answered with a lawful reason is never among them.
pub fn unanswered_summonses(existing: &[Summons]) -> Vec<Summons> {
    existing
        .iter()
        .filter(|s| s.outcome == SummonsOutcome::NoResponse)
        .copied()
        .collect()
}

/// I3: summonses are for a client the prosecutor did not hand over.
pub fn check_summons_needed(handed_over: bool) -> Result<(), Violation> {
    if handed_over {
        return Err(Violation::new(Rule::I3, "summons", Refusal::HandedOver));
    }
    Ok(())
}

/// I3, I4: a lawful reason for an absence is recorded in words.
pub fn check_absence_reason(reason: &str) -> Result<(), Violation> {
    if reason.trim().is_empty() {
        return Err(Violation::new(
            Rule::I4,
            "absence_reason",
            Refusal::AbsenceReasonRequired,
        ));
    }
    Ok(())
}

/// The summons waiting for its outcome; there is at most one (I3).
pub fn pending_summons(existing: &[Summons]) -> Result<Summons, Violation> {
    existing
        .iter()
        .find(|s| s.outcome == SummonsOutcome::Pending)
        .copied()
        .ok_or_else(|| Violation::new(Rule::I3, "summons", Refusal::NoPendingSummons))
}

/// I3: a summons gives the client until a deadline on or after the day it is issued.
pub fn check_summons_dates(issued_on: Date, deadline: Date) -> Result<(), Violation> {
    if deadline < issued_on {
        return Err(Violation::new(
            Rule::I3,
            "deadline",
            Refusal::DeadlineBeforeSummons,
        ));
    }
    Ok(())
}

/// I4: the client's absence can be recorded only once the summons' deadline has passed.
pub fn check_absence_recordable(summons: &Summons, today: Date) -> Result<(), Violation> {
    if today <= summons.deadline {
        return Err(Violation::new(
            Rule::I4,
            "summons",
            Refusal::DeadlineNotPassed {
                number: summons.number,
            },
        ));
    }
    Ok(())
}

/// I4: three summonses went unanswered (no appearance, no reason given) and their deadlines
/// have passed: the absence is a violation of guidance, and the head writes the prosecutor a
/// consideration. An absence with a lawful reason never counts.
pub fn absence_is_violation(existing: &[Summons], today: Date) -> bool {
    let unanswered: Vec<&Summons> = existing
        .iter()
        .filter(|s| s.outcome == SummonsOutcome::NoResponse && s.deadline < today)
        .collect();
    unanswered.len() >= 3
}

#[cfg(test)]
#[expect(non_snake_case, reason = "test names end with the rule ID they check")]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn check(kind: CheckKind, outcome: CheckOutcome, note: &str) -> DocumentCheck {
        DocumentCheck {
            document: IntakeDocument::DecisionCopy,
            kind,
            outcome,
            note: note.into(),
        }
    }

    /// Both documents with every check passed: the decision copy's five, then the
    /// execution letter's.
    fn all_passed() -> Vec<DocumentCheck> {
        IntakeDocument::ALL
            .into_iter()
            .flat_map(|document| {
                CheckKind::ALL.into_iter().map(move |kind| DocumentCheck {
                    document,
                    ..check(kind, CheckOutcome::Passed, "")
                })
            })
            .collect()
    }

    #[test]
    fn a_case_without_its_kejaksaan_is_refused_I2() {
        let refused = check_prosecutor(false).unwrap_err();
        assert_eq!(refused.rule, Some(Rule::I2));
        assert_eq!(refused.field, "prosecutor_office_id");
        assert!(check_prosecutor(true).is_ok());
    }

    #[test]
    fn refuses_intake_before_the_decision_is_final_I1() {
        let violation = check_final(date(2026, 12, 1), date(2026, 11, 30)).unwrap_err();
        assert_eq!(violation.rule, Some(Rule::I1));
        assert!(check_final(date(2026, 11, 30), date(2026, 11, 30)).is_ok());
    }

    #[test]
    fn every_channel_of_reception_reads_back() {
        for channel in Channel::ALL {
            assert_eq!(Channel::parse(channel.as_str()), Some(channel));
        }
        assert_eq!(Channel::parse("fax"), None);
    }

    #[test]
    fn five_passed_checks_on_each_document_make_the_documents_valid_D1() {
        assert_eq!(
            documents_verdict(&all_passed()).unwrap(),
            DocumentsVerdict::Valid
        );
    }

    #[test]
    fn a_missing_check_is_refused_naming_its_document_D1() {
        let mut checks = all_passed();
        checks.retain(|c| {
            !(c.document == IntakeDocument::ExecutionLetter && c.kind == CheckKind::Barcode)
        });
        let violation = documents_verdict(&checks).unwrap_err();
        assert_eq!(
            (violation.rule, violation.field),
            (Some(Rule::D1), "execution_letter_barcode")
        );
        assert_eq!(
            violation.refusal,
            Refusal::CheckMissing {
                document: IntakeDocument::ExecutionLetter,
                check: CheckKind::Barcode
            }
        );
        // A round about the decision copy alone does not check the execution letter.
        let copy_only: Vec<DocumentCheck> = all_passed()
            .into_iter()
            .filter(|c| c.document == IntakeDocument::DecisionCopy)
            .collect();
        assert!(documents_verdict(&copy_only).is_err());
    }

    #[test]
    fn the_issuer_and_identity_checks_always_apply_D1() {
        let mut checks = all_passed();
        checks[1] = check(CheckKind::IdentityMatch, CheckOutcome::NotApplicable, "");
        assert_eq!(
            documents_verdict(&checks).unwrap_err().field,
            "decision_copy_identity_match"
        );
        checks[1] = check(CheckKind::IdentityMatch, CheckOutcome::Passed, "");
        checks[2] = check(
            CheckKind::Barcode,
            CheckOutcome::NotApplicable,
            "tidak ada barcode",
        );
        assert_eq!(documents_verdict(&checks).unwrap(), DocumentsVerdict::Valid);
    }

    #[test]
    fn a_failed_check_needs_its_note_and_makes_the_file_incomplete_D1_D3() {
        let mut checks = all_passed();
        checks[1] = check(CheckKind::IdentityMatch, CheckOutcome::Failed, " ");
        assert_eq!(documents_verdict(&checks).unwrap_err().rule, Some(Rule::D1));
        checks[1] = check(
            CheckKind::IdentityMatch,
            CheckOutcome::Failed,
            "Tanggal lahir berbeda",
        );
        match documents_verdict(&checks).unwrap() {
            DocumentsVerdict::Incomplete(failed) => {
                assert_eq!(failed.len(), 1);
                assert_eq!(failed[0].document, IntakeDocument::DecisionCopy);
                assert_eq!(failed[0].note, "Tanggal lahir berbeda")
            }
            DocumentsVerdict::Valid => panic!("a failed check cannot make the file valid"),
        }
    }

    fn summons(number: u8, outcome: SummonsOutcome) -> Summons {
        Summons {
            number,
            deadline: date(2026, 11, 10 + i8::try_from(number).unwrap()),
            outcome,
        }
    }

    #[test]
    fn summonses_are_numbered_one_to_three_and_a_fourth_is_refused_I3() {
        assert_eq!(next_summons(&[]).unwrap(), 1);
        let two = [
            summons(1, SummonsOutcome::NoResponse),
            summons(2, SummonsOutcome::NoResponse),
        ];
        assert_eq!(next_summons(&two).unwrap(), 3);
        let three = [two[0], two[1], summons(3, SummonsOutcome::NoResponse)];
        assert_eq!(next_summons(&three).unwrap_err().rule, Some(Rule::I3));
    }

    #[test]
    fn only_a_pending_summons_can_get_an_outcome_I3() {
        assert_eq!(
            pending_summons(&[summons(1, SummonsOutcome::NoResponse)])
                .unwrap_err()
                .rule,
            Some(Rule::I3)
        );
        let found = pending_summons(&[
            summons(1, SummonsOutcome::NoResponse),
            summons(2, SummonsOutcome::Pending),
        ])
        .unwrap();
        assert_eq!(found.number, 2);
    }

    #[test]
    fn a_pending_summons_or_an_appearance_stops_the_next_I3() {
        assert_eq!(
            next_summons(&[summons(1, SummonsOutcome::Pending)])
                .unwrap_err()
                .field,
            "summons"
        );
        assert!(next_summons(&[summons(1, SummonsOutcome::Appeared)]).is_err());
    }

    #[test]
    fn a_deadline_before_the_summons_is_refused_and_absence_waits_for_it_I3_I4() {
        assert_eq!(
            check_summons_dates(date(2026, 11, 10), date(2026, 11, 9))
                .unwrap_err()
                .rule,
            Some(Rule::I3)
        );
        assert!(check_summons_dates(date(2026, 11, 10), date(2026, 11, 10)).is_ok());
        let pending = summons(1, SummonsOutcome::Pending);
        assert_eq!(
            check_absence_recordable(&pending, pending.deadline)
                .unwrap_err()
                .rule,
            Some(Rule::I4)
        );
        assert!(check_absence_recordable(&pending, date(2026, 11, 12)).is_ok());
    }

    #[test]
    fn the_third_unanswered_summons_past_its_deadline_is_a_violation_I4() {
        let three = [
            summons(1, SummonsOutcome::NoResponse),
            summons(2, SummonsOutcome::NoResponse),
            summons(3, SummonsOutcome::NoResponse),
        ];
        assert!(
            !absence_is_violation(&three, date(2026, 11, 13)),
            "not before the deadline"
        );
        assert!(absence_is_violation(&three, date(2026, 11, 14)));
        let appeared = [three[0], three[1], summons(3, SummonsOutcome::Appeared)];
        assert!(!absence_is_violation(&appeared, date(2026, 12, 1)));
    }

    #[test]
    fn an_absence_with_a_lawful_reason_is_no_violation_and_a_new_summons_may_follow_I3_I4() {
        let excused = [
            summons(1, SummonsOutcome::NoResponse),
            summons(2, SummonsOutcome::AbsentWithReason),
            summons(3, SummonsOutcome::NoResponse),
        ];
        assert!(!absence_is_violation(&excused, date(2026, 12, 1)));
        assert_eq!(
            next_summons(&excused).unwrap(),
            4,
            "the excused one used no place"
        );
        let reason = check_absence_reason("  ").unwrap_err();
        assert_eq!(
            (reason.rule, reason.field),
            (Some(Rule::I4), "absence_reason")
        );
        assert!(check_absence_reason("Dirawat di rumah sakit").is_ok());
        assert!(
            !ABSENCE_VIOLATION_NOTE.contains("alasan yang sah"),
            "no finding asserted"
        );
    }

    #[test]
    fn the_absence_consideration_names_only_the_unanswered_summonses_and_asserts_no_finding_I4() {
        let four = [
            summons(1, SummonsOutcome::NoResponse),
            summons(2, SummonsOutcome::AbsentWithReason),
            summons(3, SummonsOutcome::NoResponse),
            summons(4, SummonsOutcome::NoResponse),
        ];
        let named: Vec<u8> = unanswered_summonses(&four)
            .iter()
            .map(|s| s.number)
            .collect();
        assert_eq!(
            named,
            [1, 3, 4],
            "the excused summons is not one of the three"
        );
        assert!(!ABSENCE_CONSIDERATION.contains("tanpa alasan yang sah"));
        assert!(ABSENCE_CONSIDERATION.contains("kami serahkan kepada penilaian Kejaksaan"));
    }

    #[test]
    fn a_client_handed_over_is_never_summoned_I3() {
        assert_eq!(check_summons_needed(true).unwrap_err().rule, Some(Rule::I3));
        assert!(check_summons_needed(false).is_ok());
    }
}
