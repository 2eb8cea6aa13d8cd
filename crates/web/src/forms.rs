//! The one form pattern: fields are read as text, checked here into typed values, and on
//! any error the form is shown again with the user's values, an error summary linking to
//! each field, and the message beside the field.

use karya_store::form_tokens::Once;
use karya_store::ids::UserId;

use crate::i18n::{Catalog, fill};

#[derive(Debug, Clone)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

#[derive(Debug, Clone, Default)]
pub struct FormErrors(Vec<FieldError>);

impl FormErrors {
    pub fn add(&mut self, field: &'static str, message: impl Into<String>) {
        self.0.push(FieldError {
            field,
            message: message.into(),
        });
    }

    pub fn extend(&mut self, other: FormErrors) {
        self.0.extend(other.0);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn all(&self) -> &[FieldError] {
        &self.0
    }

    /// The message for `field`, or an empty string (templates test `!= ""`).
    pub fn get(&self, field: &str) -> &str {
        self.0
            .iter()
            .find(|error| error.field == field)
            .map_or("", |error| error.message.as_str())
    }
}

/// Trims a text field and checks it is present and not too long. Control characters
/// (other than in multi-line fields) are refused as a malformed value.
pub fn text(
    errors: &mut FormErrors,
    t: &Catalog,
    field: &'static str,
    value: &str,
    max: usize,
    required: bool,
) -> String {
    let value = value.trim();
    if required && value.is_empty() {
        errors.add(field, t.field_required);
    } else if value.chars().count() > max {
        errors.add(field, fill(t.field_too_long, &[("max", &max.to_string())]));
    } else if value.chars().any(|c| c.is_control()) {
        errors.add(field, t.bad_request_body);
    }
    value.to_owned()
}

/// Puts a refused case action beside `field`: a broken rule with its ID, a transition the
/// roles or guards refuse, or a missing PK. A store failure is returned as the error it is.
pub fn add_refusal(
    errors: &mut FormErrors,
    lang: crate::i18n::Lang,
    t: &Catalog,
    field: &'static str,
    error: karya_store::cases::CaseError,
) -> Result<(), crate::error::WebError> {
    use karya_store::cases::CaseError;
    let message = match error {
        CaseError::Rule(violation) => crate::views::violation_message(lang, &violation),
        CaseError::Refused(refused) => {
            let text = lang.say(&refused);
            match refused.rule() {
                Some(rule) if !text.contains(rule.code()) => format!("{text} ({})", rule.code()),
                _ => text,
            }
        }
        CaseError::NoOfficer => t.pk_invalid.to_owned(),
        CaseError::Store(error) => return Err(error.into()),
    };
    errors.add(field, message);
    Ok(())
}

/// The form's one-time token, if it carried one: without a token a submission is simply
/// not deduplicated; a token that was never issued is refused by the store.
pub fn once(user: UserId, token: &str) -> Option<Once<'_>> {
    (!token.trim().is_empty()).then_some(Once { user, token })
}

/// A plausible e-mail address: one `@` with something on both sides and a dot after it.
/// Whether a posted form is multipart (it carries a file) rather than a plain form.
pub fn is_multipart(request: &axum::extract::Request) -> bool {
    request
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"))
}

pub fn is_email(value: &str) -> bool {
    match value.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !value.contains(char::is_whitespace)
                && !domain.contains('@')
        }
        None => false,
    }
}

/// Lower-case identifiers: usernames and office codes.
pub fn is_identifier(value: &str, min: usize, max: usize, extra: &[char]) -> bool {
    let length = value.chars().count();
    (min..=max).contains(&length)
        && value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || extra.contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::ID;

    #[test]
    fn a_required_field_left_empty_gets_the_indonesian_message() {
        let mut errors = FormErrors::default();
        let value = text(&mut errors, &ID, "name", "   ", 10, true);
        assert_eq!(value, "");
        assert_eq!(errors.get("name"), "Wajib diisi.");
    }

    #[test]
    fn a_too_long_value_is_kept_and_refused() {
        let mut errors = FormErrors::default();
        let value = text(&mut errors, &ID, "name", "abcdefghijk", 10, true);
        assert_eq!(value, "abcdefghijk");
        assert_eq!(
            errors.get("name"),
            "Terlalu panjang (paling banyak 10 karakter)."
        );
    }

    #[test]
    fn emails_and_identifiers_are_checked() {
        assert!(is_email("bapas.bandung@kemenimipas.go.id"));
        assert!(!is_email("bapas@localhost"));
        assert!(!is_email("a b@c.id"));
        assert!(is_identifier("pk.bdg", 3, 40, &['.', '-', '_']));
        assert!(!is_identifier("PK", 2, 40, &[]));
        assert!(!is_identifier("x';--", 2, 40, &['-']));
    }
}

/// A posted form as name–value pairs, for forms with repeated names (checkbox groups),
/// which a struct cannot take.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(transparent)]
pub struct Pairs(pub Vec<(String, String)>);

impl Pairs {
    /// The first value of `name`, or "".
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// Every value of `name`, in order.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(k, _)| k == name)
    }
}

/// A decimal number typed by a person (a comma is taken as the decimal point).
pub fn decimal(
    errors: &mut FormErrors,
    t: &Catalog,
    field: &'static str,
    value: &str,
    range: std::ops::RangeInclusive<f64>,
) -> Option<f64> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    match value.replace(',', ".").parse::<f64>() {
        Ok(number) if range.contains(&number) => Some(number),
        _ => {
            errors.add(field, t.decimal_invalid);
            None
        }
    }
}

/// A whole number typed by a person, within `range`.
pub fn whole(
    errors: &mut FormErrors,
    t: &Catalog,
    field: &'static str,
    value: &str,
    range: std::ops::RangeInclusive<i64>,
) -> i64 {
    match value.trim().parse::<i64>() {
        Ok(number) if range.contains(&number) => number,
        _ => {
            errors.add(field, t.number_invalid);
            *range.start()
        }
    }
}
