//! A partner's files: photos of the site visit (§2.1.2 c) and the scan of the signed
//! agreement. Checked like every upload (type by content, size, image metadata removed);
//! stored content-addressed; uploads and views audited.

use serde_json::json;

use crate::access::OfficeAccess;
use crate::audit::Event;
use crate::db::Store;
use crate::error::StoreError;
use crate::files::{Purpose, UploadError};
use crate::ids::{OfficeId, PartnerId};

/// Why a partner's file is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartnerFile {
    SitePhoto,
    AgreementScan,
}

impl PartnerFile {
    pub fn as_str(self) -> &'static str {
        match self {
            PartnerFile::SitePhoto => "site_photo",
            PartnerFile::AgreementScan => "agreement_scan",
        }
    }

    pub fn parse(text: &str) -> Option<PartnerFile> {
        [PartnerFile::SitePhoto, PartnerFile::AgreementScan]
            .into_iter()
            .find(|p| p.as_str() == text)
    }

    /// The case-file purpose with the same types and size limit.
    fn limits(self) -> Purpose {
        match self {
            PartnerFile::SitePhoto => Purpose::Photo,
            PartnerFile::AgreementScan => Purpose::DecisionCopy,
        }
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StoredFile {
    pub id: i64,
    pub purpose: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub uploaded_at: String,
}

async fn owned(store: &Store, office: OfficeId, partner: PartnerId) -> Result<(), StoreError> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM partners WHERE id = $1 AND office_id = $2")
            .bind(partner.0)
            .bind(office.0)
            .fetch_optional(store.pool())
            .await?;
    row.map(|_| ()).ok_or(StoreError::NotFound)
}

pub async fn attach(
    store: &Store,
    office: &OfficeAccess,
    partner: PartnerId,
    purpose: PartnerFile,
    bytes: &[u8],
) -> Result<i64, UploadError> {
    let (actor, office) = (office.actor(), office.office());
    owned(store, office, partner).await?;
    // Checked, cleaned and stored on a blocking thread, before the write transaction.
    let prepared = crate::files::prepare(store, purpose.limits(), bytes.to_vec()).await?;
    let (kind, sha256) = (prepared.kind, prepared.sha256);
    let mut tx = store.begin_write().await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO partner_files (partner_id, purpose, content_type, size_bytes, sha256, uploaded_by, uploaded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(partner.0)
    .bind(purpose.as_str())
    .bind(kind.mime())
    .bind(prepared.size as i64)
    .bind(&sha256)
    .bind(actor.user_id.map(|u| u.0))
    .bind(store.now_text())
    .fetch_one(&mut *tx)
    .await?;
    let summary = json!({"partner_id": partner.0, "purpose": purpose.as_str(), "sha256": sha256});
    store
        .audit_in(
            &mut tx,
            actor,
            office,
            Event::new("partner.file", "partner", partner.0, summary),
        )
        .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn list(
    store: &Store,
    office: &OfficeAccess,
    partner: PartnerId,
) -> Result<Vec<StoredFile>, StoreError> {
    list_in(store, office.office(), partner).await
}

pub(crate) async fn list_in(
    store: &Store,
    office: OfficeId,
    partner: PartnerId,
) -> Result<Vec<StoredFile>, StoreError> {
    owned(store, office, partner).await?;
    Ok(sqlx::query_as(
        "SELECT id, purpose, content_type, size_bytes, sha256, uploaded_at FROM partner_files WHERE partner_id = $1 ORDER BY id DESC",
    )
    .bind(partner.0)
    .fetch_all(store.pool())
    .await?)
}

/// The bytes of one file; the view is audited.
pub async fn open(
    store: &Store,
    office: &OfficeAccess,
    partner: PartnerId,
    id: i64,
) -> Result<(StoredFile, Vec<u8>), StoreError> {
    let (actor, office) = (office.actor(), office.office());
    let file = list_in(store, office, partner)
        .await?
        .into_iter()
        .find(|f| f.id == id)
        .ok_or(StoreError::NotFound)?;
    let bytes = store
        .blobs()?
        .get(&file.sha256)
        .map_err(|e| StoreError::Other(e.into()))?;
    store
        .audit_alone(
            actor,
            Event::new(
                "partner.file_view",
                "partner",
                partner.0,
                json!({"file_id": id}),
            ),
        )
        .await?;
    Ok((file, bytes))
}
