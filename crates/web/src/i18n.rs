//! The text catalogue. Every user-visible string lives here, Indonesian first, English
//! second; a template asks for `t.key`, so a missing key is a compile error, not a blank.

use karya_domain::Role;
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "id" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn catalog(self) -> &'static Catalog {
        match self {
            Lang::Id => &ID,
            Lang::En => &EN,
        }
    }

    /// The other language, offered by the switch in the header.
    pub fn other(self) -> Lang {
        match self {
            Lang::Id => Lang::En,
            Lang::En => Lang::Id,
        }
    }
}

/// A value of the domain that carries its own words in both languages (the label of a
/// status, a transition or a stage; the message of a refusal). [`Lang::say`] shows it in the
/// reader's language, so that no handler branches on the language itself.
pub trait Bilingual {
    /// `&'static str` for labels, `String` for messages with values in them.
    type Text;
    fn indonesian(&self) -> Self::Text;
    fn english(&self) -> Self::Text;
}

impl<T: Bilingual + ?Sized> Bilingual for &T {
    type Text = T::Text;
    fn indonesian(&self) -> T::Text {
        (**self).indonesian()
    }
    fn english(&self) -> T::Text {
        (**self).english()
    }
}

impl Lang {
    /// Of two values given in Indonesian and in English, the one in this language.
    pub fn pick<T>(self, indonesian: T, english: T) -> T {
        match self {
            Lang::Id => indonesian,
            Lang::En => english,
        }
    }

    /// `words` in this language.
    pub fn say<T: Bilingual + ?Sized>(self, words: &T) -> T::Text {
        match self {
            Lang::Id => words.indonesian(),
            Lang::En => words.english(),
        }
    }
}

/// Implements [`Bilingual`] for domain types through their pair of methods.
macro_rules! bilingual {
    ($($ty:ty => $id:ident, $en:ident -> $text:ty;)*) => {$(
        impl Bilingual for $ty {
            type Text = $text;
            fn indonesian(&self) -> $text {
                self.$id()
            }
            fn english(&self) -> $text {
                self.$en()
            }
        }
    )*};
}

bilingual! {
    karya_domain::Transition => label_id, label_en -> &'static str;
    karya_domain::CaseStatus => label_id, label_en -> &'static str;
    karya_domain::intake::Channel => label_id, label_en -> &'static str;
    karya_domain::intake::CheckKind => label_id, label_en -> &'static str;
    karya_domain::intake::IntakeDocument => label_id, label_en -> &'static str;
    karya_domain::partner::Stage => label_id, label_en -> &'static str;
    karya_domain::placement::Field => label_id, label_en -> &'static str;
    karya_domain::worklist::Task => label_id, label_en -> &'static str;
}

macro_rules! catalog {
    ($($key:ident: $id:literal, $en:literal;)*) => {
        /// One language's texts; fields are the catalogue keys.
        #[derive(Debug)]
        pub struct Catalog { $(pub $key: &'static str,)* }
        pub static ID: Catalog = Catalog { $($key: $id,)* };
        pub static EN: Catalog = Catalog { $($key: $en,)* };
        /// Every key with its two texts, for the catalogue's own tests.
        pub const ENTRIES: &[(&str, &str, &str)] = &[$((stringify!($key), $id, $en),)*];
    };
}

// The texts live in `crates/web/i18n/*.txt`, one file per area of the product; the build
// script joins them into one `catalog!` call, so a missing key is still a compile error.
include!(concat!(env!("OUT_DIR"), "/catalog.rs"));

impl Catalog {
    pub fn role(&self, role: Role) -> &'static str {
        match role {
            Role::Admin => self.role_admin,
            Role::IntakeOfficer => self.role_intake_officer,
            Role::RegistryOfficer => self.role_registry_officer,
            Role::Pk => self.role_pk,
            Role::HeadOfAdmin => self.role_head_of_admin,
            Role::HeadOfOffice => self.role_head_of_office,
            Role::TppMember => self.role_tpp_member,
            Role::SiteSupervisor => self.role_site_supervisor,
            Role::Client => self.role_client,
            Role::Prosecutor => self.role_prosecutor,
            Role::RegionalManager => self.role_regional_manager,
            Role::NationalManager => self.role_national_manager,
            Role::DataProtectionOfficer => self.role_data_protection_officer,
        }
    }
}

/// Fills `{name}`-style placeholders of a catalogue text.
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(text.to_owned(), |out, (name, value)| {
        out.replace(&format!("{{{name}}}"), value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indonesian_is_the_default_language() {
        assert_eq!(Lang::default(), Lang::Id);
        assert_eq!(Lang::default().catalog().login_button, "Masuk");
    }

    #[test]
    fn placeholders_are_filled_in_both_languages() {
        assert_eq!(
            fill(ID.home_welcome, &[("name", "Sari")]),
            "Selamat datang, Sari."
        );
        assert_eq!(
            fill(EN.login_locked, &[("minutes", "15")]),
            "Too many failed attempts. Try again in 15 minutes."
        );
    }
}

#[cfg(test)]
mod catalogue_tests {
    use super::*;

    /// The `{name}` placeholders of a text, sorted.
    fn placeholders(text: &str) -> Vec<&str> {
        let mut found: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn both_languages_have_the_same_placeholders_for_every_key() {
        let mismatched: Vec<&str> = ENTRIES
            .iter()
            .filter(|(_, id, en)| placeholders(id) != placeholders(en))
            .map(|(key, _, _)| *key)
            .collect();
        assert!(ENTRIES.len() > 300, "the catalogue is read whole");
        assert!(
            mismatched.is_empty(),
            "placeholders differ in: {mismatched:?}"
        );
    }

    #[test]
    fn no_text_is_empty_and_domain_words_come_in_the_readers_language() {
        for (key, id, en) in ENTRIES {
            assert!(
                !id.trim().is_empty() && !en.trim().is_empty(),
                "{key} is empty"
            );
        }
        assert_eq!(Lang::Id.pick("ya", "yes"), "ya");
        let serving = karya_domain::CaseStatus::Serving;
        assert_eq!(Lang::En.say(&serving), serving.label_en());
        assert_eq!(Lang::Id.say(&serving), serving.label_id());
    }
}
