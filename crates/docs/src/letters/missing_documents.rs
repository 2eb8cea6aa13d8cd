//! D3: the Kepala Bapas asks the head of the prosecutor's office (Kepala Kejaksaan) for documents
//! that were missing or failed the validity check (D1). The case waits until they arrive.

use jiff::civil::Date;
use serde::Serialize;

use super::Decision;
use crate::format::serialize_date;
use crate::letterhead::Signer;

/// A request for missing or invalid documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissingDocumentsLetter {
    pub number: String,
    #[serde(serialize_with = "serialize_date")]
    pub date: Date,
    pub place: String,
    /// E.g. `Kepala Kejaksaan Negeri Bandung`.
    pub addressee: String,
    pub client_name: String,
    pub decision: Decision,
    /// One row per document; an empty list prints a dash row.
    pub missing: Vec<MissingDocument>,
    pub signer: Signer,
}

/// A document that is missing or failed a check, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissingDocument {
    /// E.g. `Surat eksekusi (P-48)`.
    pub document: String,
    /// E.g. `Belum diterima` or `Stempel tidak sesuai (D1 b)`.
    pub note: String,
}
