//! The case page's files section: what was uploaded, links for those who may look, and the
//! purposes the caller may upload now.

use karya_store::files::{self, Purpose};

use crate::app::AppState;
use crate::error::WebError;
use crate::i18n::{Catalog, Lang};
use crate::views;
use karya_store::access::CaseAccess;

pub struct FileRow {
    pub label: &'static str,
    pub meta: String,
    /// The view link, when the caller may look at this file.
    pub href: Option<String>,
}

#[derive(Default)]
pub struct FilesView {
    pub rows: Vec<FileRow>,
    /// (purpose, label) the caller may upload.
    pub purposes: Vec<(&'static str, &'static str)>,
}

pub fn purpose_label(t: &Catalog, purpose: Purpose) -> &'static str {
    match purpose {
        Purpose::DecisionCopy => t.file_decision_copy,
        Purpose::ExecutionLetter => t.file_execution_letter,
        Purpose::Photo => t.file_photo,
        Purpose::Fingerprint => t.file_fingerprint,
        Purpose::TerminationEvidence => t.file_termination_evidence,
        Purpose::Evidence => t.file_evidence,
        Purpose::BehaviourEvidence => t.file_behaviour_evidence,
    }
}

pub async fn files_view(
    state: &AppState,
    access: &CaseAccess,
    lang: Lang,
    t: &Catalog,
) -> Result<FilesView, WebError> {
    let case = access.case();
    let may_view = |p: Purpose| access.may(p.to_view());
    let may_upload = |p: Purpose| p.to_upload().is_some_and(|p| access.may(p));
    if !Purpose::ALL
        .into_iter()
        .any(|p| may_view(p) || may_upload(p))
    {
        return Ok(FilesView::default());
    }
    let rows = files::for_case(&state.store, access)
        .await?
        .into_iter()
        .filter_map(|a| {
            let purpose = a.purpose()?;
            let when = a
                .uploaded_at
                .parse::<jiff::Timestamp>()
                .map(|at| {
                    let (day, time) = views::local(case.zone, at);
                    format!("{} {time}", views::date(lang, day))
                })
                .unwrap_or_default();
            Some(FileRow {
                label: purpose_label(t, purpose),
                meta: format!(
                    "{} · {} KB · {} · {}",
                    a.content_type()
                        .map(|k| k.extension().to_uppercase())
                        .unwrap_or_default(),
                    (a.size_bytes + 1023) / 1024,
                    a.uploaded_by_name,
                    when
                ),
                href: may_view(purpose).then(|| format!("/cases/{}/files/{}", case.id.0, a.id)),
            })
        })
        .collect();
    let purposes = Purpose::ALL
        .into_iter()
        .filter(|p| may_upload(*p))
        .map(|p| (p.as_str(), purpose_label(t, p)))
        .collect();
    Ok(FilesView { rows, purposes })
}
