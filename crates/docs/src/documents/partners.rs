//! Annex V, *Daftar Mitra Pelaksanaan Pidana Kerja Sosial*: the office's partners (§2.1.2) with
//! their cooperation agreements (PKS), as of a day. Printed landscape; the table's header repeats
//! on every page.

use jiff::civil::Date;
use serde::Serialize;

use crate::format::{serialize_date, serialize_opt_date};
use crate::letterhead::Signer;

/// The partner list of one office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartnerList {
    /// The office the list is of, e.g. `Balai Pemasyarakatan Kelas I Bandung`; printed under the
    /// title.
    pub office: String,
    /// The city the list is signed in (when signed).
    pub place: String,
    /// The day the list is as of (`Keadaan per …`); the template's "today".
    #[serde(serialize_with = "serialize_date")]
    pub as_of: Date,
    /// In the order given; an empty list prints one row saying there are no partners yet.
    pub partners: Vec<PartnerRow>,
    /// Who signs the list, if anyone (usually the Kepala Bapas); Annex V itself has no signature.
    pub signer: Option<Signer>,
}

/// One partner and its agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartnerRow {
    /// *Nama Mitra*.
    pub name: String,
    /// *Alamat*.
    pub address: String,
    /// *Kontak*: a person, a telephone number, an e-mail; several lines allowed.
    pub contact: String,
    /// *Lingkup Pekerjaan*: the kinds of work clients can do there.
    pub scope: String,
    /// The PKS number; a dash when there is none yet.
    pub agreement_number: Option<String>,
    /// *Durasi PKS, Tanggal Mulai*.
    #[serde(serialize_with = "serialize_opt_date")]
    pub start: Option<Date>,
    /// *Durasi PKS, Tanggal Berakhir*.
    #[serde(serialize_with = "serialize_opt_date")]
    pub end: Option<Date>,
    /// The agreement had ended by the list's date: printed *Berakhir* under its end date,
    /// so nobody places a client on it.
    pub expired: bool,
}
