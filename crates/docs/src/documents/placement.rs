//! Annex I, *Tempat Kerja Sosial Klien*: where the client works, what they do there, with what
//! protective equipment (P9) and on which recommended schedule; acknowledged by the client, the PJ
//! and the PK, and by the Kepala Bapas (§2.3.1, DOMAIN §10).

use jiff::civil::Date;
use serde::Serialize;

use super::parts::{InstitutionKind, Officer, ScheduleSlot, serialize_schedule};
use crate::format::serialize_date;
use crate::letterhead::Signer;
use crate::letters::Decision;

/// The placement form of one client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlacementForm {
    /// The city the form is signed in, e.g. `Bandung`.
    pub place: String,
    #[serde(serialize_with = "serialize_date")]
    pub date: Date,
    pub client_name: String,
    pub decision: Decision,
    /// *Tempat Kerja Sosial*: the partner's name, e.g. `SDN 045 Cibaduyut`.
    pub work_place: String,
    /// *Instansi Pemerintah/Non-Pemerintah*.
    pub institution: InstitutionKind,
    /// *Lokasi Tempat Kerja Sosial*: the address.
    pub location: String,
    /// *Deskripsi Kegiatan Kerja Sosial*; each non-blank line is printed as its own line.
    pub work_description: String,
    /// *Alat pelindung diri* (P9), one item each; a dash when empty.
    pub protective_equipment: Vec<String>,
    /// *Rekomendasi Jadwal Kerja Sosial untuk Klien*, one row per weekly session; the form adds
    /// the weekly total.
    #[serde(serialize_with = "serialize_schedule")]
    pub schedule: Vec<ScheduleSlot>,
    /// The on-site supervisor (penanggung jawab, PJ).
    pub supervisor: Officer,
    /// The client's PK.
    pub officer: Officer,
    /// The Kepala Bapas, under `Mengetahui`.
    pub signer: Signer,
}
