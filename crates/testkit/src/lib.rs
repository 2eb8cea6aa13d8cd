//! Test support: a fresh, migrated database on either engine for every test, and an app
//! with one user per role on top of it.

pub mod app;
pub mod db;
pub mod images;
pub mod pdf;
pub mod postgres;

pub use app::TestApp;
pub use db::{TestDb, fresh_store};
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
