//! The record of each upload: whose file it is (case and person), why it is kept, its
//! type, size and hash, who uploaded it and when. Uploading and viewing are audited.

use serde_json::json;

use super::{ContentType, Purpose, strip_metadata};
use crate::access::CaseAccess;
use crate::audit::{Actor, Event};
use crate::cases::get_on;
use crate::clock;
use crate::db::Store;
use crate::error::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum UploadError {
    #[error("no file was chosen")]
    Empty,
    #[error("the file is larger than {max_bytes} bytes")]
    TooLarge { max_bytes: usize },
    #[error("this type of file is not accepted here")]
    TypeNotAllowed,
    #[error("the image is damaged")]
    Damaged,
    /// An image whose header declares more pixels than a photo needs, refused before it is
    /// decoded (a 12000×12000 PNG took 1.6 s and 518 MB to decode).
    #[error("the image has more than {max_megapixels} megapixels")]
    TooManyPixels { max_megapixels: u64 },
    /// A photograph or fingerprint belongs to a registered person (G1).
    #[error("register the person first (G1)")]
    NotRegistered,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for UploadError {
    fn from(error: sqlx::Error) -> UploadError {
        UploadError::Store(error.into())
    }
}

/// One upload, as lists show it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Attachment {
    pub id: i64,
    pub purpose: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub uploaded_at: String,
    pub uploaded_by_name: String,
    /// The daily report a piece of evidence proves (B7).
    pub entry_id: Option<i64>,
    /// The PK's note when the evidence does not prove the day.
    pub insufficient_note: Option<String>,
    /// The preview's blob, for photos of evidence.
    pub thumb_sha256: Option<String>,
}

impl Attachment {
    pub fn purpose(&self) -> Option<Purpose> {
        Purpose::parse(&self.purpose)
    }

    pub fn content_type(&self) -> Option<ContentType> {
        ContentType::from_mime(&self.content_type)
    }
}

/// Checks the file against its purpose (type by content, size), removes image metadata,
/// stores the bytes and records the upload, audited, in one transaction.
pub async fn attach(
    store: &Store,
    access: &CaseAccess,
    purpose: Purpose,
    bytes: &[u8],
) -> Result<i64, UploadError> {
    let permission = purpose.to_upload().ok_or(StoreError::Forbidden)?;
    let actor = &access.actor_for(permission)?;
    let scope = access.scope();
    let case = access.id();
    if purpose.is_biometric() && !access.case().identity_recorded {
        return Err(UploadError::NotRegistered);
    }
    let prepared = prepare(store, purpose, bytes.to_vec()).await?;
    let mut tx = store.begin_write().await?;
    let found = get_on(&mut tx, scope, case).await?;
    if purpose.is_biometric() && !found.identity_recorded {
        return Err(UploadError::NotRegistered);
    }
    let id = record_on(&mut tx, store, actor, &found, &prepared, &Extra::default()).await?;
    tx.commit().await?;
    Ok(id)
}

/// What evidence of attendance carries besides its bytes (B7): the report it proves, when
/// it was captured and, with consent or when required (P10), where.
#[derive(Debug, Clone, Default)]
pub struct Extra {
    pub entry_id: Option<i64>,
    pub captured_at: Option<jiff::Timestamp>,
    pub location: Option<(f64, f64)>,
}

/// The checks that need no database: not empty, within the purpose's size, a type the
/// purpose accepts (by content).
pub fn check(purpose: Purpose, bytes: &[u8]) -> Result<ContentType, UploadError> {
    if bytes.is_empty() {
        return Err(UploadError::Empty);
    }
    if bytes.len() > purpose.max_bytes() {
        return Err(UploadError::TooLarge {
            max_bytes: purpose.max_bytes(),
        });
    }
    let kind = ContentType::sniff(bytes)
        .filter(|kind| purpose.accepts().contains(kind))
        .ok_or(UploadError::TypeNotAllowed)?;
    let max_bytes = purpose.max_bytes_for(kind);
    if bytes.len() > max_bytes {
        return Err(UploadError::TooLarge { max_bytes });
    }
    if matches!(kind, ContentType::Jpeg | ContentType::Png) {
        super::pixels::check_budget(bytes)?;
    }
    Ok(kind)
}

/// An upload checked, cleaned of metadata and stored as content-addressed blobs (with its
/// preview), ready to be recorded.
#[derive(Debug, Clone)]
pub(crate) struct Prepared {
    pub(crate) purpose: Purpose,
    pub(crate) kind: ContentType,
    pub(crate) size: usize,
    pub(crate) sha256: String,
    pub(crate) thumb_sha256: Option<String>,
}

/// The CPU and disk work of an upload (type by content, metadata removal, the preview, the
/// blobs) on a blocking thread and before any write transaction opens, so that a writer never
/// waits on media work. Content-addressed and idempotent: if the record is then refused, the
/// blob is an orphan that nothing points at, never a record without its bytes.
pub(crate) async fn prepare(
    store: &Store,
    purpose: Purpose,
    bytes: Vec<u8>,
) -> Result<Prepared, UploadError> {
    let blobs = store.blobs()?.clone();
    tokio::task::spawn_blocking(move || prepare_blocking(&blobs, purpose, &bytes))
        .await
        .map_err(|e| StoreError::Other(e.into()))?
}

fn prepare_blocking(
    blobs: &super::Blobs,
    purpose: Purpose,
    bytes: &[u8],
) -> Result<Prepared, UploadError> {
    let kind = check(purpose, bytes)?;
    let clean = strip_metadata(kind, bytes).ok_or(UploadError::Damaged)?;
    let put = |bytes: &[u8]| blobs.put(bytes).map_err(|e| StoreError::Other(e.into()));
    // Evidence gets a preview for the verification queue; a failed preview loses nothing.
    let thumb_sha256 = match (purpose, kind) {
        (Purpose::Evidence, ContentType::Jpeg | ContentType::Png) => super::thumbnail(&clean)
            .map(|thumb| put(&thumb))
            .transpose()?,
        _ => None,
    };
    Ok(Prepared {
        purpose,
        kind,
        size: clean.len(),
        sha256: put(&clean)?,
        thumb_sha256,
    })
}

/// Records one prepared file of `case` inside the caller's transaction.
pub(crate) async fn record_on(
    tx: &mut sqlx::AnyConnection,
    store: &Store,
    actor: &Actor,
    found: &crate::cases::Case,
    prepared: &Prepared,
    extra: &Extra,
) -> Result<i64, UploadError> {
    let Prepared {
        purpose,
        kind,
        size,
        sha256,
        thumb_sha256,
    } = prepared;
    let (purpose, kind) = (*purpose, *kind);
    let case = found.id;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO attachments (office_id, case_id, person_id, purpose, content_type, size_bytes, sha256, uploaded_by, uploaded_at,
            entry_id, captured_at, thumb_sha256)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
    )
    .bind(found.office_id.0)
    .bind(case.0)
    .bind(found.person_id.0)
    .bind(purpose.as_str())
    .bind(kind.mime())
    .bind(*size as i64)
    .bind(sha256)
    .bind(actor.user_id.map(|u| u.0))
    .bind(store.now_text())
    .bind(extra.entry_id)
    .bind(extra.captured_at.map(clock::text))
    .bind(thumb_sha256)
    .fetch_one(&mut *tx)
    .await?;
    if extra.location.is_some() {
        let columns = crate::points::PointColumns {
            table: "attachments",
            latitude: "latitude",
            longitude: "longitude",
            key: "id",
        };
        crate::points::write(&mut *tx, &columns, id, extra.location).await?;
    }
    let summary = json!({
        "case_id": case.0,
        "purpose": purpose.as_str(),
        "content_type": kind.mime(),
        "size_bytes": size,
        "sha256": sha256,
        "entry_id": extra.entry_id,
    });
    store
        .audit_in(
            &mut *tx,
            actor,
            found.office_id,
            Event::new("file.attach", "attachment", id, summary),
        )
        .await?;
    Ok(id)
}

/// The attachment query with a condition; a macro so the SQL stays `'static` text.
macro_rules! select {
    ($condition:literal) => {
        concat!(
            "SELECT a.id, a.purpose, a.content_type, a.size_bytes, a.sha256, a.uploaded_at, ",
            "COALESCE(u.display_name, '') AS uploaded_by_name, a.entry_id, a.insufficient_note, a.thumb_sha256 ",
            "FROM attachments a LEFT JOIN users u ON u.id = a.uploaded_by WHERE ",
            $condition
        )
    };
}

/// A case's uploads, newest first.
pub async fn for_case(store: &Store, access: &CaseAccess) -> Result<Vec<Attachment>, StoreError> {
    let scope = access.scope();
    let case = access.id();
    let mut conn = store.pool().acquire().await?;
    get_on(&mut conn, scope, case).await?;
    Ok(sqlx::query_as(select!("a.case_id = $1 ORDER BY a.id DESC"))
        .bind(case.0)
        .fetch_all(&mut *conn)
        .await?)
}

/// The bytes of one upload of a case in scope. Every view is audited: these files carry a
/// criminal record, a face and a fingerprint.
pub async fn open(
    store: &Store,
    access: &CaseAccess,
    id: i64,
) -> Result<(Attachment, Vec<u8>), StoreError> {
    let scope = access.scope();
    let case = access.id();
    let mut conn = store.pool().acquire().await?;
    let found = get_on(&mut conn, scope, case).await?;
    let attachment: Attachment = sqlx::query_as(select!("a.id = $1 AND a.case_id = $2"))
        .bind(id)
        .bind(case.0)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound)?;
    drop(conn);
    let purpose = Purpose::parse(&attachment.purpose).ok_or(StoreError::NotFound)?;
    let mut actor = access.actor_for(purpose.to_view())?;
    let bytes = store
        .blobs()?
        .get(&attachment.sha256)
        .map_err(|e| StoreError::Other(e.into()))?;
    actor.office_id = Some(found.office_id);
    let summary = json!({"case_id": case.0, "purpose": attachment.purpose});
    store
        .audit_alone(&actor, Event::new("file.view", "attachment", id, summary))
        .await?;
    Ok((attachment, bytes))
}

/// The PK marks evidence as not proving the day (B7), with the reason; audited.
pub async fn mark_insufficient(
    store: &Store,
    access: &CaseAccess,
    id: i64,
    note: &str,
) -> Result<(), StoreError> {
    let actor = &access.actor_for(karya_domain::Permission::JudgeEvidence)?;
    let scope = access.scope();
    let case = access.id();
    let mut tx = store.begin_write().await?;
    let found = get_on(&mut tx, scope, case).await?;
    let updated = sqlx::query(
        "UPDATE attachments SET insufficient_note = $1 WHERE id = $2 AND case_id = $3 AND purpose = 'evidence'",
    )
    .bind(note)
    .bind(id)
    .bind(case.0)
    .execute(&mut *tx)
    .await?;
    if updated.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    store
        .audit_in(
            &mut tx,
            actor,
            found.office_id,
            Event::new(
                "file.insufficient",
                "attachment",
                id,
                json!({"case_id": case.0}),
            ),
        )
        .await?;
    tx.commit().await?;
    Ok(())
}

/// The preview of one upload of a case in scope; audited like the file itself.
pub async fn open_thumbnail(
    store: &Store,
    access: &CaseAccess,
    id: i64,
) -> Result<(Attachment, Vec<u8>), StoreError> {
    let actor = &access.actor_for(karya_domain::Permission::ViewEvidence)?;
    let scope = access.scope();
    let case = access.id();
    let mut conn = store.pool().acquire().await?;
    let found = get_on(&mut conn, scope, case).await?;
    let attachment: Attachment = sqlx::query_as(select!("a.id = $1 AND a.case_id = $2"))
        .bind(id)
        .bind(case.0)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound)?;
    drop(conn);
    let sha = attachment
        .thumb_sha256
        .clone()
        .ok_or(StoreError::NotFound)?;
    let bytes = store
        .blobs()?
        .get(&sha)
        .map_err(|e| StoreError::Other(e.into()))?;
    let summary = json!({"case_id": case.0, "purpose": attachment.purpose, "preview": true});
    store
        .audit_alone_in(
            actor,
            found.office_id,
            Event::new("file.view", "attachment", id, summary),
        )
        .await?;
    Ok((attachment, bytes))
}
