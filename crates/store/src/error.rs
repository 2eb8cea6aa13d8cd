//! The store's one error type. Database errors keep their cause for the log; callers map
//! `NotFound` to 404 and `Conflict` to a re-rendered form.

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// The caller's roles do not allow this act on an object they may see.
    #[error("forbidden")]
    Forbidden,
    /// Optimistic locking: the record changed since the caller read it.
    #[error("the record was changed by someone else")]
    Conflict,
    /// A unique value (username, office code …) is taken; the field names which.
    #[error("{0} is already in use")]
    Duplicate(&'static str),
    /// The form's one-time token was already used: the first submission's result
    /// (an object reference such as `office:5`), if it finished.
    #[error("this form was already submitted")]
    Repeated(Option<String>),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("{0}")]
    Other(#[from] anyhow::Error),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Turns a unique-constraint violation into `Duplicate(field)`, leaving other errors alone.
pub(crate) fn unique_as(field: &'static str) -> impl Fn(sqlx::Error) -> StoreError {
    move |error| match &error {
        sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Duplicate(field),
        _ => StoreError::Database(error),
    }
}
