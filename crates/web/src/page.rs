//! What every page shares: the language, the signed-in user and their navigation, the CSRF
//! token for forms, and a notice after a redirect. Also the small helpers pages need
//! (cookies, URL encoding) and rendering a template into a response.

use askama::Template;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum::response::{Html, IntoResponse, Response};
use karya_domain::Role;

use crate::auth::{Authority, Caller};
use crate::csrf::PreSession;
use crate::error::WebError;
use crate::i18n::{Catalog, Lang};

pub const LANG_COOKIE: &str = "karya_lang";

/// The request as a page sees it: language, path, CSRF token and caller.
#[derive(Debug, Clone)]
pub struct Ui {
    pub lang: Lang,
    pub path: String,
    pub csrf: String,
    caller: Option<Caller>,
}

impl<S: Send + Sync> FromRequestParts<S> for Ui {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Ui, WebError> {
        let caller = parts.extensions.get::<Caller>().cloned();
        let lang = match &caller {
            Some(caller) => Lang::parse(&caller.user.language).unwrap_or_default(),
            None => lang_from_headers(&parts.headers),
        };
        let csrf = match &caller {
            Some(caller) => caller
                .session
                .as_ref()
                .map(|s| s.csrf_token.clone())
                .unwrap_or_default(),
            None => parts
                .extensions
                .get::<PreSession>()
                .map(|p| p.0.clone())
                .unwrap_or_default(),
        };
        Ok(Ui {
            lang,
            path: parts.uri.path().to_owned(),
            csrf,
            caller,
        })
    }
}

impl Ui {
    pub fn t(&self) -> &'static Catalog {
        self.lang.catalog()
    }

    /// The shared page context with `title` and the caller's navigation.
    pub fn page(&self, title: &str) -> Page {
        let t = self.t();
        let user = self.caller.as_ref().map(|caller| NavUser {
            display_name: caller.user.display_name.clone(),
            role: caller.user.roles.first().map_or("", |role| t.role(*role)),
        });
        let nav = self.caller.as_ref().map_or_else(Vec::new, |caller| {
            nav_for(&caller.user.roles, t, &self.path)
        });
        Page {
            t,
            lang: self.lang,
            title: title.to_owned(),
            user,
            nav,
            csrf: self.csrf.clone(),
            path: self.path.clone(),
            notice: None,
        }
    }
}

/// `?saved=1` after a write that redirected (Post/Redirect/Get).
#[derive(serde::Deserialize, Default)]
pub struct Saved {
    #[serde(default)]
    saved: Option<String>,
}

impl Saved {
    pub fn notice(&self, t: &'static Catalog) -> Option<&'static str> {
        self.saved.is_some().then_some(t.saved)
    }
}

pub struct NavUser {
    pub display_name: String,
    pub role: &'static str,
}

pub struct NavItem {
    pub href: &'static str,
    pub label: &'static str,
    pub current: bool,
}

pub struct Page {
    pub t: &'static Catalog,
    pub lang: Lang,
    pub title: String,
    pub user: Option<NavUser>,
    pub nav: Vec<NavItem>,
    pub csrf: String,
    pub path: String,
    pub notice: Option<String>,
}

impl Page {
    pub fn with_notice(mut self, notice: Option<&str>) -> Page {
        self.notice = notice.map(str::to_owned);
        self
    }
}

/// The navigation a set of roles sees; the same checks as the routes behind each link.
fn nav_for(roles: &[Role], t: &'static Catalog, path: &str) -> Vec<NavItem> {
    let any = |wanted: &[Role]| roles.iter().any(|role| wanted.contains(role));
    let mut items = vec![("/", t.nav_home, true)];
    items.push((
        "/cases",
        t.nav_cases,
        roles.iter().any(|role| {
            karya_domain::Permission::ReadCases
                .reach_of(*role)
                .is_some()
        }),
    ));
    items.push(("/hari-ini", t.today_title, any(&[Role::SiteSupervisor])));
    items.push((
        "/verifikasi",
        t.nav_queue,
        any(&[Role::SiteSupervisor, Role::Pk]),
    ));
    items.push((
        "/admin/offices",
        t.nav_offices,
        any(&[Role::Admin, Role::NationalManager, Role::RegionalManager]),
    ));
    items.push((
        "/register",
        t.nav_register,
        any(&[
            Role::RegistryOfficer,
            Role::HeadOfOffice,
            Role::HeadOfAdmin,
            Role::IntakeOfficer,
            Role::TppMember,
            Role::Pk,
        ]),
    ));
    items.push((
        "/partners",
        t.nav_partners,
        any(&[
            Role::HeadOfOffice,
            Role::HeadOfAdmin,
            Role::Pk,
            Role::RegistryOfficer,
            Role::IntakeOfficer,
            Role::TppMember,
        ]),
    ));
    items.push((
        "/monitoring",
        t.nav_monitoring,
        any(&[
            Role::NationalManager,
            Role::RegionalManager,
            Role::HeadOfOffice,
        ]),
    ));
    items.push((
        "/tpp",
        t.nav_tpp,
        any(&[Role::HeadOfOffice, Role::TppMember]),
    ));
    items.push((
        "/admin/staff",
        t.nav_staff,
        any(&[Role::Admin, Role::HeadOfOffice]),
    ));
    items.push((
        "/audit",
        t.nav_audit,
        any(&[Role::Admin, Role::NationalManager, Role::HeadOfOffice]),
    ));
    items.push((
        "/privacy",
        t.nav_privacy,
        any(&[Role::DataProtectionOfficer]),
    ));
    items.push(("/profile", t.nav_profile, true));
    items
        .into_iter()
        .filter(|(_, _, shown)| *shown)
        .map(|(href, label, _)| NavItem {
            href,
            label,
            current: if href == "/" {
                path == "/"
            } else {
                path.starts_with(href)
            },
        })
        .collect()
}

/// The caller's chosen language for anonymous pages: the language cookie, else Indonesian.
pub fn lang_from_headers(headers: &HeaderMap) -> Lang {
    cookie(headers, LANG_COOKIE)
        .and_then(Lang::parse)
        .unwrap_or_default()
}

/// The value of a cookie in the request headers.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .find_map(|pair| {
            let (key, value) = pair.trim().split_once('=')?;
            (key == name).then_some(value)
        })
}

pub fn url_encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// A local path to return to after a form, or `/`: never another site (no open redirect).
pub fn local_path(next: &str) -> &str {
    let safe = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.chars().any(char::is_control);
    if safe { next } else { "/" }
}

/// Renders a template as an HTML response.
pub fn render(template: &impl Template) -> Result<Response, WebError> {
    let html = template
        .render()
        .map_err(|error| WebError::Internal(error.into()))?;
    Ok(Html(html).into_response())
}

/// Renders a form page; refused input (`invalid`) answers 422 with the page, so that the
/// browser shows the user's values and the messages while tools see the refusal.
pub fn render_form(template: &impl Template, invalid: bool) -> Result<Response, WebError> {
    let mut response = render(template)?;
    if invalid {
        *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    page: Page,
    body: &'a str,
    request_id: Option<&'a str>,
}

/// The error page, in the caller's language, without navigation (it may be shown to
/// someone whose session just ended).
pub fn render_error(lang: Lang, title: &str, body: &str, request_id: Option<&str>) -> String {
    let page = Page {
        t: lang.catalog(),
        lang,
        title: title.to_owned(),
        user: None,
        nav: Vec::new(),
        csrf: String::new(),
        path: String::new(),
        notice: None,
    };
    ErrorPage {
        page,
        body,
        request_id,
    }
    .render()
    .unwrap_or_else(|_| title.to_owned())
}

/// The caller's roles shown with their labels, for the start page and the profile.
pub fn role_labels(authority: &Authority, t: &Catalog) -> Vec<&'static str> {
    authority
        .user()
        .roles
        .iter()
        .map(|role| t.role(*role))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed_after_a_form() {
        assert_eq!(local_path("/admin/staff"), "/admin/staff");
        assert_eq!(local_path("//evil.example"), "/");
        assert_eq!(local_path("https://evil.example"), "/");
        assert_eq!(local_path("/\\evil.example"), "/");
    }

    #[test]
    fn a_cookie_is_found_among_several() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, "a=1; karya_lang=en; b=2".parse().unwrap());
        assert_eq!(cookie(&headers, "karya_lang"), Some("en"));
        assert_eq!(lang_from_headers(&headers), Lang::En);
        assert_eq!(cookie(&headers, "missing"), None);
    }
}
