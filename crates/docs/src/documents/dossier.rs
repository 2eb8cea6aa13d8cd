//! A dossier: a titled document of paragraphs and sections of "label : value" entries, for
//! what has no form of its own in the guideline — the data protection officer's export of a
//! data subject's file and the breach notices of UU PDP Art. 46 (issue 12, item 13).

use jiff::civil::Date;
use serde::Serialize;

use crate::format::serialize_date;
use crate::letterhead::Signer;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dossier {
    /// The title in capitals, e.g. `SALINAN DATA PRIBADI`.
    pub title: String,
    /// A line under the title (a name, a reference), if any.
    pub subtitle: String,
    pub place: String,
    #[serde(serialize_with = "serialize_date")]
    pub date: Date,
    /// The addressee (`Yth. …`), for a dossier sent as a letter.
    pub addressee: Option<String>,
    /// Free text before the sections, one paragraph per item.
    pub paragraphs: Vec<String>,
    pub sections: Vec<DossierSection>,
    pub signer: Option<Signer>,
}

/// A heading and its entries; each entry is a group of "label : value" lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DossierSection {
    pub heading: String,
    pub entries: Vec<Vec<(String, String)>>,
}
