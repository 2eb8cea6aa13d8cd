//! The whole application on a fresh database with the demo data, driven through its router
//! (no network), with a client that keeps cookies and fills in CSRF tokens like a browser.

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use karya_store::{sessions, users};
use karya_web::demo::{self, DemoLogin};
use karya_web::{AppState, WebConfig};
use tower::ServiceExt;

use crate::TestDb;

pub struct TestApp {
    pub db: TestDb,
    pub state: AppState,
    pub router: Router,
    pub logins: Vec<DemoLogin>,
}

impl TestApp {
    /// The app with the demo offices and one user per role in each, configured as
    /// `karya serve --demo` runs it: the second factor is not required of the head of office,
    /// the managers and the administrator (the tests of that requirement turn it on).
    pub async fn with_demo(db: TestDb) -> TestApp {
        let config = WebConfig {
            require_second_factor: false,
            ..WebConfig::default()
        };
        TestApp::with_demo_and(db, config).await
    }

    pub async fn with_demo_and(db: TestDb, config: WebConfig) -> TestApp {
        let logins = demo::load(&db.store)
            .await
            .expect("demo data")
            .expect("an empty database");
        let state = AppState::new(db.store.clone(), config);
        let router = karya_web::router(state.clone());
        TestApp {
            db,
            state,
            router,
            logins,
        }
    }

    /// The single number a query returns (`SELECT COUNT(*) …`), to check what was stored.
    pub async fn count(&self, sql: &str) -> i64 {
        let (n,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(sql.to_owned()))
            .fetch_one(self.db.store.pool())
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
        n
    }

    pub fn anonymous(&self) -> Client {
        Client {
            router: self.router.clone(),
            cookies: Vec::new(),
            csrf: None,
            bearer: None,
            extra_header: None,
        }
    }

    /// A browser already signed in as `username` (the session is made directly; the login
    /// form itself has its own tests).
    pub async fn signed_in(&self, username: &str) -> Client {
        let user = users::user_by_username(&self.db.store, username)
            .await
            .expect("a demo user");
        let now = self.db.store.now_ms();
        let (id, session) = sessions::create(&self.db.store, user.id, now)
            .await
            .expect("session");
        Client {
            router: self.router.clone(),
            cookies: vec![(karya_web::auth::SESSION_COOKIE.to_owned(), id)],
            csrf: Some(session.csrf_token),
            bearer: None,
            extra_header: None,
        }
    }

    /// An API client with a new personal token of `username`.
    pub async fn api_as(&self, username: &str) -> Client {
        let user = users::user_by_username(&self.db.store, username)
            .await
            .expect("a demo user");
        let actor = karya_store::Actor::system("test");
        let token = karya_store::tokens::create(
            &self.db.store,
            &actor,
            user.id,
            "test",
            karya_store::tokens::DEFAULT_DAYS,
        )
        .await
        .expect("token");
        Client {
            router: self.router.clone(),
            cookies: Vec::new(),
            csrf: None,
            bearer: Some(token),
            extra_header: None,
        }
    }

    /// The usernames of the demo, with their role, for tables of tests.
    pub fn demo_users(&self) -> impl Iterator<Item = &DemoLogin> {
        self.logins.iter()
    }
}

pub struct Client {
    router: Router,
    pub cookies: Vec<(String, String)>,
    /// The CSRF value put into every form this client posts.
    pub csrf: Option<String>,
    pub bearer: Option<String>,
    extra_header: Option<(String, String)>,
}

#[derive(Debug)]
pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl TestResponse {
    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|_| panic!("not JSON: {}", self.body))
    }

    /// The value of the first hidden input `name` in the page.
    pub fn hidden(&self, name: &str) -> Option<String> {
        let marker = format!("name=\"{name}\" value=\"");
        let start = self.body.find(&marker)? + marker.len();
        let end = self.body[start..].find('"')?;
        Some(self.body[start..start + end].to_owned())
    }
}

impl Client {
    /// A GET whose body is binary (a PDF).
    pub async fn get_bytes(&mut self, path: &str) -> Vec<u8> {
        let mut request = Request::builder().method(Method::GET).uri(path);
        let cookies: Vec<String> = self
            .cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        request = request.header(header::COOKIE, cookies.join("; "));
        let response = self
            .router
            .clone()
            .oneshot(request.body(Body::empty()).expect("request"))
            .await
            .expect("response");
        response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes()
            .to_vec()
    }

    pub async fn get(&mut self, path: &str) -> TestResponse {
        self.send(Method::GET, path, None, Body::empty()).await
    }

    /// Posts a form as a browser would, with this client's CSRF value added.
    pub async fn post_form(&mut self, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        let mut serializer = form_urlencoded::Serializer::new(String::new());
        if let Some(csrf) = &self.csrf {
            serializer.append_pair("_csrf", csrf);
        }
        for (key, value) in fields {
            serializer.append_pair(key, value);
        }
        let body = serializer.finish();
        self.post_raw(path, "application/x-www-form-urlencoded", body.into_bytes())
            .await
    }

    pub async fn post_raw(
        &mut self,
        path: &str,
        content_type: &str,
        body: Vec<u8>,
    ) -> TestResponse {
        self.send(Method::POST, path, Some(content_type), Body::from(body))
            .await
    }

    /// Posts a file upload form (multipart) as a browser would: this client's CSRF value as
    /// the first field, the text fields, one file.
    pub async fn post_multipart(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        file: (&str, &[u8]),
    ) -> TestResponse {
        let boundary = "karya-test-boundary-7d1f";
        let mut body = Vec::new();
        let csrf = self.csrf.clone().unwrap_or_default();
        let csrf_field = [("_csrf", csrf.as_str())];
        for (name, value) in csrf_field.iter().chain(fields) {
            body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                    .as_bytes(),
            );
        }
        let (name, bytes) = file;
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"upload\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        self.post_raw(
            path,
            &format!("multipart/form-data; boundary={boundary}"),
            body,
        )
        .await
    }

    /// This client's requests come through the trusted proxy from `address` (every request
    /// carries `X-Forwarded-For`).
    pub fn from_address(mut self, address: &str) -> Client {
        self.extra_header = Some(("x-forwarded-for".to_owned(), address.to_owned()));
        self
    }

    /// A POST with one extra header (e.g. `Idempotency-Key`).
    pub async fn post_with_header(
        &mut self,
        path: &str,
        content_type: &str,
        body: Vec<u8>,
        name: &str,
        value: &str,
    ) -> TestResponse {
        self.extra_header = Some((name.to_owned(), value.to_owned()));
        let response = self.post_raw(path, content_type, body).await;
        self.extra_header = None;
        response
    }

    /// Fetches the login page (for the pre-session cookie and its CSRF value) and logs in.
    /// Opens a form page as a browser does, taking its CSRF token for the next post (for a
    /// page used before any login, such as `/aktivasi`).
    pub async fn open_form(&mut self, path: &str) -> TestResponse {
        let page = self.get(path).await;
        if let Some(token) = page.hidden("_csrf") {
            self.csrf = Some(token);
        }
        page
    }

    /// Takes the CSRF token of a page the server sent back (a form re-rendered after a
    /// refusal), as a browser submitting that page again does.
    pub fn resubmit_from(&mut self, page: &TestResponse) {
        self.csrf = page.hidden("_csrf");
    }

    pub async fn log_in(&mut self, username: &str, password: &str) -> TestResponse {
        let page = self.get("/login").await;
        self.csrf = page.hidden("_csrf");
        let response = self
            .post_form(
                "/login",
                &[
                    ("username", username),
                    ("password", password),
                    ("next", "/"),
                ],
            )
            .await;
        if response.status == StatusCode::SEE_OTHER {
            let session = self
                .cookie(karya_web::auth::SESSION_COOKIE)
                .map(str::to_owned);
            if session.is_some() {
                // A signed-in page carries the session's own CSRF token.
                self.csrf = self.get("/profile").await.hidden("_csrf");
            }
        }
        response
    }

    pub fn cookie(&self, name: &str) -> Option<&str> {
        self.cookies
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    async fn send(
        &mut self,
        method: Method,
        path: &str,
        content_type: Option<&str>,
        body: Body,
    ) -> TestResponse {
        let mut request = Request::builder().method(method).uri(path);
        if !self.cookies.is_empty() {
            let cookies: Vec<String> = self
                .cookies
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect();
            request = request.header(header::COOKIE, cookies.join("; "));
        }
        if let Some(token) = &self.bearer {
            request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        if let Some((name, value)) = &self.extra_header {
            request = request.header(name.as_str(), value.as_str());
        }
        if let Some(content_type) = content_type {
            request = request.header(header::CONTENT_TYPE, content_type);
        }
        let response = self
            .router
            .clone()
            .oneshot(request.body(body).expect("request"))
            .await
            .expect("response");
        let status = response.status();
        let headers = response.headers().clone();
        for set_cookie in headers.get_all(header::SET_COOKIE) {
            self.remember(set_cookie.to_str().unwrap_or_default());
        }
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        TestResponse {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    fn remember(&mut self, set_cookie: &str) {
        let Some((pair, attributes)) = set_cookie.split_once(';').or(Some((set_cookie, ""))) else {
            return;
        };
        let Some((name, value)) = pair.split_once('=') else {
            return;
        };
        self.cookies.retain(|(key, _)| key != name);
        if !attributes.contains("Max-Age=0") {
            self.cookies.push((name.to_owned(), value.to_owned()));
        }
    }
}
