//! The termination letter (*surat pengakhiran*, §2.4, T1–T3): the Kepala Bapas ends the guidance
//! of a client who served the hours, died, or was sanctioned, and sends the letter with the
//! guidance results report to the Ditjenpas, the Kanwil and the prosecutor's office, with a copy
//! to the court.

use jiff::civil::Date;
use karya_domain::Minutes;
use serde::Serialize;

use super::parts::ClientIdentity;
use crate::format::{serialize_date, serialize_hours_in_words, serialize_minutes};
use crate::letterhead::Signer;
use crate::letters::Decision;

/// A termination letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TerminationLetter {
    pub number: String,
    #[serde(serialize_with = "serialize_date")]
    pub date: Date,
    pub place: String,
    /// The second addressee after the Direktur Jenderal Pemasyarakatan, e.g.
    /// `Kepala Kantor Wilayah Direktorat Jenderal Pemasyarakatan Jawa Barat`.
    pub regional_head: String,
    /// The third addressee, e.g. `Kepala Kejaksaan Negeri Bandung`.
    pub prosecutor: String,
    /// *Tembusan*, e.g. `Ketua Pengadilan Negeri Bandung`.
    pub court_head: String,
    pub client: ClientIdentity,
    pub decision: Decision,
    /// The hours the decision ordered, printed as `120 (seratus dua puluh) jam`.
    #[serde(serialize_with = "serialize_hours_in_words")]
    pub hours_ordered: Minutes,
    pub ground: TerminationGround,
    pub signer: Signer,
}

/// Why the guidance ends (T1 a–c), with the evidence the PK handed the Kepala Bapas (T2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TerminationGround {
    /// a. The client served the hours of the decision.
    Completed {
        #[serde(serialize_with = "serialize_minutes")]
        hours_served: Minutes,
    },
    /// b. The client died.
    Died {
        #[serde(serialize_with = "serialize_date")]
        died_on: Date,
        /// The death certificate, e.g. `Surat Keterangan Kematian Nomor 474.3/12/Kel tanggal …`.
        certificate: String,
    },
    /// c. The client received a sanction for a violation.
    Sanctioned {
        /// The sanction letter, e.g. `Surat Kepala Bapas Nomor … tanggal …`.
        sanction_letter: String,
    },
}
