//! The attitude assessment (B6, Annex IV): at each visit to the work place the PK answers ten
//! yes/no indicators from questions to the client, the PJ and the community. The count of
//! "yes" answers over time is the trend the case page shows.

/// The ten indicators, in the seed's words and order.
pub const INDICATORS_ID: [&str; 10] = [
    "Klien hadir dan pulang sesuai dengan jam yang ditentukan",
    "Klien menyelesaikan semua pekerjaannya sesuai beban kerja per hari",
    "Klien beristirahat sesuai dengan jam yang ditentukan",
    "Klien tidak menentang atau menolak PK dan/atau penanggung jawab di tempat pidana kerja sosial",
    "Klien rajin melaksanakan pekerjaannya",
    "Klien tidak melanggar aturan yang ditetapkan PK dan/atau tempat kerja sosial",
    "Klien tidak mendapatkan keluhan dari penanggung jawab",
    "Klien tidak mendapatkan keluhan dari masyarakat",
    "Klien bertutur kata sopan kepada PK, penanggung jawab, rekan kerja, dan masyarakat sekitar \
     selama pelaksanaan pidana kerja sosial",
    "Klien tidak mengeluhkan pidana kerja sosial yang dilaksanakannya",
];

pub const INDICATORS_EN: [&str; 10] = [
    "Arrives and leaves at the set hours",
    "Completes the day's workload",
    "Takes breaks at the set times",
    "Does not oppose or refuse the PK or the PJ",
    "Is diligent",
    "Does not break the rules of the PK or the work place",
    "No complaints from the PJ",
    "No complaints from the community",
    "Speaks politely to the PK, the PJ, co-workers and the community",
    "Does not complain about the sentence",
];

/// Answers as stored: ten characters, `Y` or `N`.
pub fn encode(answers: &[bool; 10]) -> String {
    answers.iter().map(|a| if *a { 'Y' } else { 'N' }).collect()
}

pub fn decode(text: &str) -> Option<[bool; 10]> {
    let mut out = [false; 10];
    if text.chars().count() != 10 {
        return None;
    }
    for (slot, c) in out.iter_mut().zip(text.chars()) {
        *slot = match c {
            'Y' => true,
            'N' => false,
            _ => return None,
        };
    }
    Some(out)
}

/// How many indicators were met (0–10).
pub fn score(answers: &[bool; 10]) -> u8 {
    answers.iter().filter(|a| **a).count() as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_ten_attitude_indicators_in_both_languages() {
        assert_eq!(INDICATORS_ID.len(), 10);
        assert_eq!(INDICATORS_EN.len(), 10);
        assert!(INDICATORS_ID[0].starts_with("Klien hadir dan pulang"));
    }

    #[test]
    fn attitude_answers_read_back_and_score() {
        let answers = [true, true, false, true, true, true, true, true, false, true];
        assert_eq!(encode(&answers), "YYNYYYYYNY");
        assert_eq!(decode("YYNYYYYYNY"), Some(answers));
        assert_eq!(score(&answers), 8);
        assert_eq!(decode("YYN"), None);
        assert_eq!(decode("YYNYYYYYNX"), None);
    }
}
