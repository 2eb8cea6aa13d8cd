//! Letter numbers (nomor surat) from a per-office, per-year sequence and a configurable format.

/// The format used when an office has not configured its own.
pub const DEFAULT_NUMBER_FORMAT: &str = "W.11.PAS.PAS.{office}-PK.01.05-{seq}/{year}";

/// Fills a number format: `{seq}` becomes the sequence number zero-padded to 4 digits (longer
/// numbers are kept whole), `{year}` the year, `{office}` the office code in capitals, as
/// codes are written on real letters (`PAS.14`, `BDG`). Placeholders may repeat;
/// any other text, including unknown `{…}`, is kept as written. The filling is a single pass, so
/// an office code that itself contains `{seq}` is printed literally.
pub fn letter_number(format: &str, seq: i64, year: i32, office_code: &str) -> String {
    let mut out = String::with_capacity(format.len() + 16);
    let mut rest = format;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let tail = &rest[open..];
        if let Some(after) = tail.strip_prefix("{seq}") {
            out.push_str(&format!("{seq:04}"));
            rest = after;
        } else if let Some(after) = tail.strip_prefix("{year}") {
            out.push_str(&year.to_string());
            rest = after;
        } else if let Some(after) = tail.strip_prefix("{office}") {
            out.push_str(&office_code.to_uppercase());
            rest = after;
        } else {
            out.push('{');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

/// Whether `code` can stand for the office in a letter number: the official code as printed
/// on real letters (`PAS.14`, `W11-BDG`), 1–40 letters, digits, dots, hyphens or slashes, or
/// empty for the office's own code in capitals.
pub fn is_letter_code(code: &str) -> bool {
    code.len() <= 40
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_official_letter_code_has_letters_digits_dots_hyphens_or_slashes() {
        for good in ["", "PAS.14", "W11-BDG", "PAS/BDG", "bdg"] {
            assert!(is_letter_code(good), "{good}");
        }
        for bad in ["PAS 14", "{seq}", "PAS.14\n", "Ä", &"A".repeat(41)] {
            assert!(!is_letter_code(bad), "{bad}");
        }
    }

    #[test]
    fn the_default_format_gives_a_bapas_letter_number() {
        assert_eq!(
            letter_number(DEFAULT_NUMBER_FORMAT, 12, 2026, "14"),
            "W.11.PAS.PAS.14-PK.01.05-0012/2026"
        );
    }

    #[test]
    fn the_sequence_is_padded_to_four_digits_but_never_cut() {
        assert_eq!(letter_number("{seq}", 1, 2026, "X"), "0001");
        assert_eq!(letter_number("{seq}", 9999, 2026, "X"), "9999");
        assert_eq!(letter_number("{seq}", 123_456, 2026, "X"), "123456");
    }

    #[test]
    fn the_office_code_is_printed_in_capitals() {
        assert_eq!(
            letter_number("W.11.PAS.{office}-{seq}/{year}", 1, 2026, "bdg"),
            "W.11.PAS.BDG-0001/2026"
        );
    }

    #[test]
    fn placeholders_may_repeat_and_come_in_any_order() {
        assert_eq!(
            letter_number("{year}/{office}/{seq}/{office}", 7, 2027, "BDG"),
            "2027/BDG/0007/BDG"
        );
    }

    #[test]
    fn unknown_placeholders_and_stray_braces_are_kept() {
        assert_eq!(
            letter_number("{x}-{seq}-{ {year", 3, 2026, "A"),
            "{x}-0003-{ {year"
        );
        assert_eq!(letter_number("", 3, 2026, "A"), "");
    }

    #[test]
    fn an_office_code_is_not_expanded_again() {
        assert_eq!(
            letter_number("{office}-{seq}", 5, 2026, "{seq}"),
            "{SEQ}-0005"
        );
    }

    #[test]
    fn non_ascii_text_around_placeholders_survives() {
        assert_eq!(
            letter_number("Nomor—{seq}·{year}", 42, 2026, "A"),
            "Nomor—0042·2026"
        );
    }
}
