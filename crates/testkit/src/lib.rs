//! Test support: a fresh, migrated database on either engine for every test, and an app
//! with one user per role on top of it.

pub mod app;
pub mod db;
pub mod html_forms;
pub mod images;
pub mod pdf;
pub mod postgres;

pub use app::TestApp;
pub use db::{TEST_NOW, TestDb, fresh_store, test_now};
pub use karya_store::Engine;
pub use pdf::pdf_text;

/// Runs each listed async test body once on SQLite and once on PostgreSQL, as
/// `name::sqlite` and `name::postgres`, each on its own fresh database.
#[macro_export]
macro_rules! on_both_engines {
    ($(async fn $name:ident($db:ident) $body:block)*) => {$(
        // Test names end with the rule ID they check (`…_L5`); `allow`, not `expect`,
        // because names without one are snake case already.
        #[allow(non_snake_case)]
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            async fn body($db: $crate::TestDb) $body
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                body($crate::fresh_store($crate::Engine::Sqlite).await).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                body($crate::fresh_store($crate::Engine::Postgres).await).await
            }
        }
    )*};
}

/// Opens `case` as the demo user `username` would through permission `permission`: the same
/// check a request makes (no bypass), for tests that call the store directly.
pub async fn open_as(
    store: &karya_store::Store,
    username: &str,
    permission: karya_domain::Permission,
    case: karya_store::ids::CaseId,
) -> karya_store::StoreResult<karya_store::CaseAccess> {
    let user = karya_store::users::user_by_username(store, username).await?;
    let grant = karya_store::Principal::new(std::sync::Arc::new(user), "test").grant(permission)?;
    store.open_case(&grant, case).await
}

/// The office handle the demo user `username` gets through permission `permission`: the
/// same check a request makes, for tests that call the store's office-level functions.
pub async fn office_as(
    store: &karya_store::Store,
    username: &str,
    permission: karya_domain::Permission,
) -> karya_store::StoreResult<karya_store::OfficeAccess> {
    let user = karya_store::users::user_by_username(store, username).await?;
    karya_store::Principal::new(std::sync::Arc::new(user), "test")
        .grant(permission)?
        .office()
}
