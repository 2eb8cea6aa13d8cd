//! The office's letterhead (kop surat, DOMAIN §10) and the official who signs.

use serde::Serialize;

/// The kop surat printed at the top of every letter, centred above a double rule.
///
/// The three name lines are printed in capitals as given; `address` and `phone` share the line
/// below them (`JALAN … TELEPON …`), and `email` has its own line. Empty contact fields are left
/// out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Letterhead {
    pub ministry: String,
    pub region: String,
    pub office: String,
    pub address: String,
    pub phone: String,
    pub email: String,
}

impl Default for Letterhead {
    /// The Bandung office's names; the contact lines are empty until an office supplies them.
    fn default() -> Self {
        Letterhead {
            ministry: "KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA".to_owned(),
            region: "KANTOR WILAYAH JAWA BARAT".to_owned(),
            office: "BALAI PEMASYARAKATAN KELAS I BANDUNG".to_owned(),
            address: String::new(),
            phone: String::new(),
            email: String::new(),
        }
    }
}

/// The official who signs a letter, usually the Kepala Bapas.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Signer {
    pub name: String,
    /// Civil-servant number (NIP), printed under the name when known.
    pub nip: Option<String>,
    /// The position as it stands above the signature, e.g.
    /// `Kepala Balai Pemasyarakatan Kelas I Bandung`.
    pub title: String,
}
