//! Documents the demo issues once the server knows its address, which their QR codes carry:
//! the Litmas to the prosecutor for each accepted default order (S8) and, in each office, a
//! progress report approved and sent to the prosecutor and the court (B8) with the next one
//! waiting for the head (S4). Run by `karya serve --demo` on a fresh database, not by the
//! tests' demo (rendering takes a while in a debug build).

use karya_domain::Permission;
use karya_domain::Role;
use karya_domain::progress_report::Narrative;
use karya_store::progress_reports;

use super::cases::{OFFICES, Setting, grant};
use crate::app::AppState;
use crate::routes::cases::{progress_reports as reports, supervision, today_in};

pub async fn issue(state: &AppState) -> anyhow::Result<()> {
    for (code, _, _) in OFFICES {
        issue_in(state, code).await?;
    }
    Ok(())
}

/// The demo documents of one office.
pub async fn issue_in(state: &AppState, code: &str) -> anyhow::Result<()> {
    let store = &state.store;
    let setting = Setting::of(store, code).await?;
    let head = grant(
        &setting.people.head,
        Role::HeadOfOffice,
        Permission::DecideSupervision,
    );
    let pk = grant(
        &setting.people.pk,
        Role::Pk,
        Permission::WriteProgressReports,
    );
    let mut reported = false;
    // The demo's people act through a bypass that reaches every office: keep to this one.
    let office = setting.office.id();
    let cases = karya_store::worklist::open_cases(store, &head).await?;
    for work in cases.into_iter().filter(|w| w.case.office_id == office) {
        let access = store.open_case(&head, work.case.id).await?;
        for exam in karya_store::supervision::for_case(store, &access).await? {
            if exam.goes_to_prosecutor() {
                supervision::litmas_if_accepted(state, &access, exam.id)
                    .await
                    .map_err(|e| anyhow::anyhow!("demo Litmas: {e:?}"))?;
            }
        }
        // The first case owing reports: the oldest is approved, the next waits for the head.
        if reported || !work.facts.supervision.progress_report_due {
            continue;
        }
        reported = true;
        let book = progress_reports::book(store, &access).await?;
        let today = today_in(state, access.case());
        let due: Vec<_> = book
            .points
            .iter()
            .filter(|p| p.on <= today)
            .take(2)
            .collect();
        let writer = store.open_case(&pk, work.case.id).await?;
        for (n, point) in due.iter().enumerate() {
            let narrative = Narrative {
                progress: "Klien hadir sesuai jadwal dan mengikuti konseling (data demo).".into(),
                obstacles: "Jarak rumah ke tempat kerja cukup jauh (data demo).".into(),
                next_steps: "Kunjungan ke tempat kerja dan konseling lanjutan (data demo).".into(),
            };
            let id = progress_reports::write(store, &writer, point.on, &narrative, today)
                .await
                .map_err(|e| anyhow::anyhow!("demo progress report: {e}"))?;
            if n == 0 {
                reports::reviewed(state, &access, id, true, "")
                    .await
                    .map_err(|e| anyhow::anyhow!("demo review: {e:?}"))?
                    .map_err(|e| anyhow::anyhow!("demo review: {e}"))?;
            }
        }
    }
    Ok(())
}
