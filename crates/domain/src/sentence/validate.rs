//! Validation of sentence terms: L1, L2, L4, L6, L7, L8, I1 and D1, all reported at once.

use super::{DefaultOrder, PrisonTerm, ReplacedPenalty, SentenceTerms, ValidTerms};
use crate::calendar::{date_en, date_id};
use crate::minutes::Minutes;
use crate::money::{FineCategories, FineCategory, rupiah};
use crate::rule::{Rule, Violation, Violations};
use crate::window::MAX_MONTHS;

/// L4: at least 8 hours.
pub const MIN_ORDERED: Minutes = Minutes::from_hours(8);
/// L4: at most 240 hours.
pub const MAX_ORDERED: Minutes = Minutes::from_hours(240);
/// L1: the threat must be *under* 5 years.
pub const THREAT_LIMIT_MONTHS: u32 = 60;
/// L1: imprisonment imposed of at most 6 months (180 days of KUHP months).
pub const MAX_REPLACED_PRISON: PrisonTerm = PrisonTerm { months: 6, days: 0 };

impl SentenceTerms {
    /// Checks the terms against KUHP Art. 85 and returns every violation found.
    pub fn validate(&self, fines: &FineCategories) -> Result<ValidTerms, Violations> {
        let mut found = Violations::default();
        check_identity(self, &mut found);
        check_eligibility(self, fines, &mut found);
        check_length_and_schedule(self, &mut found);
        check_default_orders(self, &mut found);
        if self.considerations.consent.finding == Some(false) {
            found.push(Violation::new(
                Rule::L2,
                "considerations.consent",
                "Putusan mencatat terdakwa tidak menyetujui pidana kerja sosial, padahal \
                 persetujuan terdakwa wajib ada (L2).",
                "The decision records that the defendant did not consent to community \
                 service, but consent is required (L2).",
            ));
        }
        if found.is_empty() {
            Ok(ValidTerms(self.clone()))
        } else {
            Err(found)
        }
    }
}

/// D1 (the document identifies its issuer) and I1 (a final decision).
fn check_identity(t: &SentenceTerms, found: &mut Violations) {
    if t.court.trim().is_empty() {
        found.push(Violation::new(
            Rule::D1,
            "court",
            "Nama pengadilan yang memutus wajib diisi.",
            "The court that decided is required.",
        ));
    }
    if t.decision_number.trim().is_empty() {
        found.push(Violation::new(
            Rule::D1,
            "decision_number",
            "Nomor putusan wajib diisi.",
            "The decision number is required.",
        ));
    }
    if t.date_final < t.decision_date {
        found.push(Violation::new(
            Rule::I1,
            "date_final",
            format!(
                "Tanggal berkekuatan hukum tetap ({}) tidak boleh sebelum tanggal putusan ({}).",
                date_id(t.date_final),
                date_id(t.decision_date)
            ),
            format!(
                "The date the decision became final ({}) cannot be before the decision date ({}).",
                date_en(t.date_final),
                date_en(t.decision_date)
            ),
        ));
    }
}

/// L1: threat under 5 years; imprisonment at most 6 months or a fine at most category II.
fn check_eligibility(t: &SentenceTerms, fines: &FineCategories, found: &mut Violations) {
    if t.offence_articles.trim().is_empty() {
        found.push(Violation::new(
            Rule::L1,
            "offence_articles",
            "Pasal tindak pidana dalam putusan wajib diisi.",
            "The articles of the offence are required.",
        ));
    }
    let threat = t.max_threat_months;
    if threat == 0 {
        found.push(Violation::new(
            Rule::L1,
            "max_threat_months",
            "Ancaman maksimum pidana penjara (dalam bulan) wajib diisi.",
            "The maximum threatened imprisonment (in months) is required.",
        ));
    } else if threat >= THREAT_LIMIT_MONTHS {
        found.push(Violation::new(
            Rule::L1,
            "max_threat_months",
            format!(
                "Tindak pidana ini diancam pidana penjara {threat} bulan; pidana kerja sosial \
                 hanya untuk ancaman kurang dari 5 tahun (paling lama 59 bulan) (L1)."
            ),
            format!(
                "The offence is threatened with {threat} months of imprisonment; community \
                 service requires a threat under 5 years (at most 59 months) (L1)."
            ),
        ));
    }
    match t.replaced {
        ReplacedPenalty::Imprisonment { months, days } => {
            let term = PrisonTerm { months, days };
            if term.total_days() == 0 {
                found.push(Violation::new(
                    Rule::L1,
                    "replaced",
                    "Lama pidana penjara yang diganti wajib diisi.",
                    "The length of the prison term replaced is required.",
                ));
            } else if term.total_days() > MAX_REPLACED_PRISON.total_days() {
                found.push(Violation::new(
                    Rule::L1,
                    "replaced",
                    format!(
                        "Pidana penjara yang diganti {}; paling lama 6 bulan (180 hari) (L1).",
                        term.wording_id()
                    ),
                    format!(
                        "The prison term replaced is {}; it may be at most 6 months \
                         (180 days) (L1).",
                        term.wording_en()
                    ),
                ));
            } else if threat > 0 && term.total_days() > u64::from(threat) * 30 {
                found.push(Violation::new(
                    Rule::L1,
                    "replaced",
                    format!(
                        "Pidana penjara yang diganti ({}) melebihi ancaman maksimum \
                         ({threat} bulan).",
                        term.wording_id()
                    ),
                    format!(
                        "The prison term replaced ({}) exceeds the maximum threat \
                         ({threat} months).",
                        term.wording_en()
                    ),
                ));
            }
        }
        ReplacedPenalty::Fine { amount_rupiah } => {
            let cap = fines.amount_rupiah(FineCategory::II);
            if amount_rupiah <= 0 {
                found.push(Violation::new(
                    Rule::L1,
                    "replaced",
                    "Jumlah pidana denda yang diganti wajib diisi.",
                    "The amount of the fine replaced is required.",
                ));
            } else if amount_rupiah > cap {
                found.push(Violation::new(
                    Rule::L1,
                    "replaced",
                    format!(
                        "Pidana denda yang diganti {} melebihi kategori II ({}) (L1).",
                        rupiah(amount_rupiah),
                        rupiah(cap)
                    ),
                    format!(
                        "The fine replaced, {}, exceeds category II ({}) (L1).",
                        rupiah(amount_rupiah),
                        rupiah(cap)
                    ),
                ));
            }
        }
    }
}

/// L4 (8–240 hours), L6 (instalments over at most 6 months), L7 (schedule in the decision).
fn check_length_and_schedule(t: &SentenceTerms, found: &mut Violations) {
    let hours = t.hours_ordered;
    if hours < MIN_ORDERED || hours > MAX_ORDERED {
        let (limit_id, limit_en) = if hours < MIN_ORDERED {
            ("paling singkat 8 jam", "at least 8 hours")
        } else {
            ("paling lama 240 jam", "at most 240 hours")
        };
        found.push(Violation::new(
            Rule::L4,
            "hours_ordered",
            format!("Lama pidana kerja sosial {hours}; harus {limit_id} (L4)."),
            format!(
                "The community service ordered is {}; it must be {limit_en} (L4).",
                hours.display_en()
            ),
        ));
    }
    if let Some(months) = t.schedule.instalment_months
        && (months == 0 || months > MAX_MONTHS)
    {
        found.push(Violation::new(
            Rule::L6,
            "schedule.instalment_months",
            format!("Jangka waktu angsuran {months} bulan; harus 1 sampai 6 bulan (L6)."),
            format!("The instalment span is {months} months; it must be 1 to 6 months (L6)."),
        ));
    }
    if t.schedule.text.trim().is_empty() {
        found.push(Violation::new(
            Rule::L7,
            "schedule.text",
            "Ketentuan pelaksanaan pidana kerja sosial sebagaimana tertulis dalam putusan \
             wajib diisi (L7).",
            "The schedule terms as written in the decision are required (L7).",
        ));
    }
}

/// L8: a default order, consistent with the penalty replaced.
fn check_default_orders(t: &SentenceTerms, found: &mut Violations) {
    const FIELD: &str = "default_orders";
    if t.default_orders.is_empty() {
        found.push(Violation::new(
            Rule::L8,
            FIELD,
            "Putusan wajib memuat perintah bila terpidana tanpa alasan sah tidak menjalankan \
             pidana kerja sosial: mengulangi, menjalani pidana penjara, atau membayar denda (L8).",
            "The decision must order what happens if the client, without lawful reason, does \
             not serve the hours: repeat the work, serve the prison term or pay the fine (L8).",
        ));
    }
    for order in &t.default_orders {
        match (*order, t.replaced) {
            (DefaultOrder::RepeatWork, _) => {}
            (DefaultOrder::ServeImprisonment { months, days }, replaced) => {
                let term = PrisonTerm { months, days };
                let replaced_days = match replaced {
                    ReplacedPenalty::Imprisonment { months, days } => {
                        PrisonTerm { months, days }.total_days()
                    }
                    ReplacedPenalty::Fine { .. } => 0,
                };
                if replaced_days == 0 {
                    found.push(Violation::new(
                        Rule::L8,
                        FIELD,
                        "Perintah menjalani pidana penjara hanya dapat diberikan bila pidana \
                         kerja sosial menggantikan pidana penjara (L8).",
                        "An order to serve imprisonment requires that the community service \
                         replaced imprisonment (L8).",
                    ));
                } else if term.total_days() == 0 || term.total_days() > replaced_days {
                    found.push(Violation::new(
                        Rule::L8,
                        FIELD,
                        format!(
                            "Pidana penjara pengganti {} harus lebih dari 0 dan tidak melebihi \
                             pidana penjara yang diganti (L8).",
                            term.wording_id()
                        ),
                        format!(
                            "The prison term of the default order, {}, must be more than zero \
                             and no longer than the term replaced (L8).",
                            term.wording_en()
                        ),
                    ));
                }
            }
            (
                DefaultOrder::PayFine {
                    amount_rupiah,
                    imprisonment_in_lieu,
                },
                replaced,
            ) => check_fine_order(amount_rupiah, imprisonment_in_lieu, replaced, found),
        }
    }
}

fn check_fine_order(
    amount_rupiah: i64,
    in_lieu: Option<PrisonTerm>,
    replaced: ReplacedPenalty,
    found: &mut Violations,
) {
    const FIELD: &str = "default_orders";
    let ReplacedPenalty::Fine {
        amount_rupiah: replaced_fine,
    } = replaced
    else {
        found.push(Violation::new(
            Rule::L8,
            FIELD,
            "Perintah membayar denda hanya dapat diberikan bila pidana kerja sosial \
             menggantikan pidana denda (L8).",
            "An order to pay the fine requires that the community service replaced a fine (L8).",
        ));
        return;
    };
    if amount_rupiah <= 0 || amount_rupiah > replaced_fine {
        found.push(Violation::new(
            Rule::L8,
            FIELD,
            format!(
                "Denda yang harus dibayar ({}) harus lebih dari 0 dan tidak melebihi denda yang \
                 diganti ({}) (L8).",
                rupiah(amount_rupiah),
                rupiah(replaced_fine)
            ),
            format!(
                "The fine to pay ({}) must be more than zero and no more than the fine \
                 replaced ({}) (L8).",
                rupiah(amount_rupiah),
                rupiah(replaced_fine)
            ),
        ));
    }
    if in_lieu.is_some_and(|term| term.total_days() == 0) {
        found.push(Violation::new(
            Rule::L8,
            FIELD,
            "Lama pidana penjara pengganti denda wajib diisi bila dicantumkan (L8).",
            "The imprisonment in lieu of the fine needs a length when it is stated (L8).",
        ));
    }
}

#[cfg(test)]
#[expect(non_snake_case, reason = "test names end with the rule ID they check")]
mod tests;
