//! Issued documents (letters and forms): numbered from a per-office, per-year sequence,
//! stored immutably with their SHA-256, and found by a random verification code that the
//! printed QR code carries. Issuing again makes a new version; nothing is overwritten.

use karya_domain::sop::SopKind;
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::access::CaseAccess;
use crate::audit::{Actor, Event};
use crate::cases::{CaseScope, get_on};
use crate::db::Store;
use crate::error::{Result, StoreError};
use crate::ids::{CaseId, OfficeId, UserId};
use crate::secret;

/// What a public verification shows: enough to confirm authenticity, nothing personal.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Verification {
    pub kind: String,
    pub number: String,
    pub version: i64,
    pub issued_on: String,
    pub office_name: String,
    pub sha256: String,
    /// Whether the stored file still hashes to the recorded SHA-256.
    #[sqlx(skip)]
    pub intact: bool,
}

/// A document ready to issue: its kind, the letter number's format, and a renderer that
/// gets the number and the verification code and returns the PDF.
pub struct ToIssue<'a> {
    pub office: OfficeId,
    pub office_code: &'a str,
    pub case: Option<CaseId>,
    pub kind: &'a str,
    pub number_format: &'a str,
    /// The date printed on the document (`Printable::dated`), shown again on its
    /// verification page.
    pub issued_on: jiff::civil::Date,
    pub by: UserId,
    /// What the document says apart from its number and code (`Printable::fingerprint`).
    pub fingerprint: String,
}

/// An issued document's identity, for links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issued {
    pub id: i64,
    pub code: String,
    pub number: String,
    pub version: i64,
    /// The latest document of its kind already said the same: it is returned, and no number
    /// was taken.
    pub unchanged: bool,
}

/// The latest document of the same kind (of the same case, or of the office), if it says
/// exactly what `doc` would: issuing it again returns it rather than taking a new number.
async fn unchanged(store: &Store, doc: &ToIssue<'_>) -> Result<Option<Issued>> {
    #[derive(sqlx::FromRow)]
    struct Latest {
        id: i64,
        code: String,
        number: String,
        version: i64,
        fingerprint: String,
    }
    let latest: Option<Latest> = match doc.case {
        Some(case) => {
            sqlx::query_as(
                "SELECT id, code, number, version, fingerprint FROM issued_documents
                 WHERE case_id = $1 AND kind = $2 ORDER BY id DESC LIMIT 1",
            )
            .bind(case.0)
            .bind(doc.kind)
            .fetch_optional(store.pool())
            .await?
        }
        None => {
            sqlx::query_as(
                "SELECT id, code, number, version, fingerprint FROM issued_documents
                 WHERE office_id = $1 AND case_id IS NULL AND kind = $2 ORDER BY id DESC LIMIT 1",
            )
            .bind(doc.office.0)
            .bind(doc.kind)
            .fetch_optional(store.pool())
            .await?
        }
    };
    Ok(latest
        .filter(|l| !doc.fingerprint.is_empty() && l.fingerprint == said(doc))
        .map(|l| Issued {
            id: l.id,
            code: l.code,
            number: l.number,
            version: l.version,
            unchanged: true,
        }))
}

/// What a document says, numbering included: the same content under a new office code or
/// number format is a new letter.
fn said(doc: &ToIssue<'_>) -> String {
    let mut hash = Sha256::new();
    for part in [doc.fingerprint.as_str(), doc.number_format, doc.office_code] {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    hex::encode(hash.finalize())
}

/// A document rendered with its number and verification code, not yet stored.
pub(crate) struct Rendered {
    number: String,
    code: String,
    content: Vec<u8>,
}

/// Reserves the next number of the office's sequence for the year (a short write of its
/// own), then renders the document with it on a blocking thread, so that no write
/// transaction waits on typst. A render that fails leaves a gap in the sequence, never a
/// number on two documents.
pub(crate) async fn render<F>(store: &Store, doc: &ToIssue<'_>, render: F) -> Result<Rendered>
where
    F: FnOnce(&str, &str) -> anyhow::Result<Vec<u8>> + Send + 'static,
{
    let year = doc.issued_on.year();
    let mut tx = store.begin_write().await?;
    let (seq,): (i64,) = sqlx::query_as(
        "INSERT INTO letter_sequences (office_id, year, last_number) VALUES ($1, $2, 1)
         ON CONFLICT (office_id, year) DO UPDATE SET last_number = letter_sequences.last_number + 1
         RETURNING last_number",
    )
    .bind(doc.office.0)
    .bind(i64::from(year))
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    let number = karya_domain::numbering::letter_number(
        doc.number_format,
        seq,
        i32::from(year),
        doc.office_code,
    );
    let code = secret::random_hex()[..20].to_owned();
    let (for_render, code_for_render) = (number.clone(), code.clone());
    let content = tokio::task::spawn_blocking(move || render(&for_render, &code_for_render))
        .await
        .map_err(|e| StoreError::Other(e.into()))?
        .map_err(StoreError::Other)?;
    Ok(Rendered {
        number,
        code,
        content,
    })
}

/// Renders and stores a document of the case `access` opened, read with `permission` (each
/// kind of document has its own).
pub async fn issue<F>(
    store: &Store,
    access: &CaseAccess,
    permission: karya_domain::Permission,
    doc: &ToIssue<'_>,
    render_with: F,
) -> Result<Issued>
where
    F: FnOnce(&str, &str) -> anyhow::Result<Vec<u8>> + Send + 'static,
{
    let actor = access.actor_for(permission)?;
    if doc.case != Some(access.id()) || doc.office != access.office_id() {
        return Err(StoreError::Forbidden);
    }
    if let Some(same) = unchanged(store, doc).await? {
        return Ok(same);
    }
    let rendered = render(store, doc, render_with).await?;
    let mut tx = store.begin_write().await?;
    let issued = store_on(&mut tx, store, &actor, Some(access.scope()), doc, rendered).await?;
    tx.commit().await?;
    Ok(issued)
}

/// Issues an office-level document (of no case, such as the Annex V partner list).
pub async fn issue_for_office<F>(
    store: &Store,
    office: &crate::access::OfficeAccess,
    doc: &ToIssue<'_>,
    render_with: F,
) -> Result<Issued>
where
    F: FnOnce(&str, &str) -> anyhow::Result<Vec<u8>> + Send + 'static,
{
    if doc.case.is_some() || doc.office != office.office() {
        return Err(StoreError::Forbidden);
    }
    if let Some(same) = unchanged(store, doc).await? {
        return Ok(same);
    }
    let rendered = render(store, doc, render_with).await?;
    let mut tx = store.begin_write().await?;
    let issued = store_on(&mut tx, store, office.actor(), None, doc, rendered).await?;
    tx.commit().await?;
    Ok(issued)
}

/// Stores a rendered document inside the caller's transaction (a termination stores its
/// letter in the same transaction that ends the case).
pub(crate) async fn store_on(
    tx: &mut sqlx::AnyConnection,
    store: &Store,
    actor: &Actor,
    scope: Option<CaseScope>,
    doc: &ToIssue<'_>,
    rendered: Rendered,
) -> Result<Issued> {
    match (doc.case, scope) {
        (Some(case), Some(scope)) => {
            get_on(&mut *tx, scope, case).await?;
        }
        (None, None) => {}
        _ => return Err(StoreError::Forbidden),
    }
    let Rendered {
        number,
        code,
        content,
    } = rendered;
    let sha256 = hex::encode(Sha256::digest(&content));
    let (version,): (i64,) = sqlx::query_as(
        "SELECT COALESCE(MAX(version), 0) + 1 FROM issued_documents WHERE case_id = $1 AND kind = $2",
    )
    .bind(doc.case.map(|c| c.0))
    .bind(doc.kind)
    .fetch_one(&mut *tx)
    .await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO issued_documents (code, office_id, case_id, kind, number, version, issued_on, sha256, content, issued_by, created_at, fingerprint)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
    )
    .bind(&code)
    .bind(doc.office.0)
    .bind(doc.case.map(|c| c.0))
    .bind(doc.kind)
    .bind(&number)
    .bind(version)
    .bind(doc.issued_on.to_string())
    .bind(&sha256)
    .bind(content)
    .bind(doc.by.0)
    .bind(store.now_text())
    .bind(said(doc))
    .fetch_one(&mut *tx)
    .await?;
    if let Some(case) = doc.case {
        let step = match doc.kind {
            "assignment" => Some((SopKind::PkAppointment, 5)),
            "absence_consideration" => Some((SopKind::Register, 6)),
            _ => None,
        };
        if let Some((sop, step)) = step {
            crate::sop::stamp(&mut *tx, store, case, sop, &[step], actor).await?;
        }
    }
    let mut actor = actor.clone();
    actor.office_id = Some(doc.office);
    let summary = json!({"kind": doc.kind, "number": number, "version": version, "sha256": sha256, "case_id": doc.case.map(|c| c.0)});
    store
        .audit(
            &mut *tx,
            &actor,
            Event::new("document.issue", "document", id, summary),
        )
        .await?;
    Ok(Issued {
        id,
        code,
        number,
        version,
        unchanged: false,
    })
}

#[derive(sqlx::FromRow)]
struct StoredDocument {
    kind: String,
    number: String,
    version: i64,
    issued_on: String,
    office_name: String,
    sha256: String,
    content: Vec<u8>,
}

/// The public verification of a code, if it exists.
pub async fn verify(store: &Store, code: &str) -> Result<Option<Verification>> {
    let row: Option<StoredDocument> = sqlx::query_as(
        "SELECT d.kind, d.number, d.version, d.issued_on, o.name AS office_name, d.sha256, d.content
         FROM issued_documents d JOIN offices o ON o.id = d.office_id WHERE d.code = $1",
    )
    .bind(code)
    .fetch_optional(store.pool())
    .await?;
    Ok(row.map(|doc| Verification {
        intact: hex::encode(Sha256::digest(&doc.content)) == doc.sha256,
        kind: doc.kind,
        number: doc.number,
        version: doc.version,
        issued_on: doc.issued_on,
        office_name: doc.office_name,
        sha256: doc.sha256,
    }))
}

/// One issued document of a case, for its list and download link.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct IssuedSummary {
    pub id: i64,
    pub kind: String,
    pub number: String,
    pub version: i64,
    pub issued_on: String,
    pub code: String,
    /// Who at the prosecutor's office acknowledged receiving it, and when.
    pub received_by: Option<String>,
    pub received_at: Option<String>,
}

/// The prosecutor acknowledges receiving a document of the case addressed to their office;
/// only a document they may read, and once (a second acknowledgement changes nothing).
pub async fn acknowledge_receipt(store: &Store, access: &CaseAccess, id: i64) -> Result<()> {
    let actor = access.actor_for(karya_domain::Permission::AcknowledgeReceipt)?;
    let mut tx = store.begin_write().await?;
    let case = get_on(&mut tx, access.scope(), access.id()).await?;
    let kind: Option<(String,)> =
        sqlx::query_as("SELECT kind FROM issued_documents WHERE id = $1 AND case_id = $2")
            .bind(id)
            .bind(access.id().0)
            .fetch_optional(&mut *tx)
            .await?;
    let (kind,) = kind.ok_or(StoreError::NotFound)?;
    access.actor_for(karya_domain::access::to_read_document(&kind))?;
    let done: Option<(i64,)> =
        sqlx::query_as("SELECT document_id FROM document_receipts WHERE document_id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    if done.is_some() {
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO document_receipts (document_id, received_by, received_at) VALUES ($1, $2, $3)",
    )
    .bind(id)
    .bind(access.user().id.0)
    .bind(store.now_text())
    .execute(&mut *tx)
    .await?;
    store
        .audit_in(
            &mut tx,
            &actor,
            case.office_id,
            Event::new(
                "document.receipt",
                "document",
                id,
                json!({"case_id": access.id().0, "kind": kind}),
            ),
        )
        .await?;
    tx.commit().await?;
    Ok(())
}

/// A case's issued documents, newest first.
pub async fn for_case(store: &Store, access: &CaseAccess) -> Result<Vec<IssuedSummary>> {
    let scope = access.scope();
    let case = access.id();
    let mut conn = store.pool().acquire().await?;
    get_on(&mut conn, scope, case).await?;
    Ok(sqlx::query_as(
        "SELECT d.id, d.kind, d.number, d.version, d.issued_on, d.code,
                u.display_name AS received_by, r.received_at
         FROM issued_documents d LEFT JOIN document_receipts r ON r.document_id = d.id
         LEFT JOIN users u ON u.id = r.received_by
         WHERE d.case_id = $1 ORDER BY d.id DESC",
    )
    .bind(case.0)
    .fetch_all(&mut *conn)
    .await?)
}

/// The PDF of an issued document of a case in scope; reading it is audited (it names the
/// client).
pub async fn content(store: &Store, access: &CaseAccess, id: i64) -> Result<(String, Vec<u8>)> {
    let scope = access.scope();
    let case = access.id();
    let mut conn = store.pool().acquire().await?;
    get_on(&mut conn, scope, case).await?;
    let row: Option<(String, String, Vec<u8>)> = sqlx::query_as(
        "SELECT kind, number, content FROM issued_documents WHERE id = $1 AND case_id = $2",
    )
    .bind(id)
    .bind(case.0)
    .fetch_optional(&mut *conn)
    .await?;
    drop(conn);
    let (kind, number, content) = row.ok_or(StoreError::NotFound)?;
    // Each kind of document has its own read permission (the Litmas is not the case file).
    let actor = access.actor_for(karya_domain::access::to_read_document(&kind))?;
    store
        .audit_alone(
            &actor,
            Event::new("document.read", "document", id, json!({"case_id": case.0})),
        )
        .await?;
    Ok((number, content))
}

/// The PDF of an office-level document (a case of no one, such as the Annex V partner list)
/// of `office`; reading it is audited.
pub async fn office_content(
    store: &Store,
    office: &crate::access::OfficeAccess,
    id: i64,
) -> Result<(String, Vec<u8>)> {
    let (actor, office) = (office.actor(), office.office());
    let row: Option<(String, Vec<u8>)> = sqlx::query_as(
        "SELECT number, content FROM issued_documents WHERE id = $1 AND office_id = $2 AND case_id IS NULL",
    )
    .bind(id)
    .bind(office.0)
    .fetch_optional(store.pool())
    .await?;
    let (number, content) = row.ok_or(StoreError::NotFound)?;
    let mut actor = actor.clone();
    actor.office_id = Some(office);
    store
        .audit_alone(
            &actor,
            Event::new(
                "document.read",
                "document",
                id,
                json!({"office_id": office.0}),
            ),
        )
        .await?;
    Ok((number, content))
}
