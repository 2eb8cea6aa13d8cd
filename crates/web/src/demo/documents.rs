//! Documents the demo issues once the server knows its address, which their QR codes carry:
//! the Litmas to the prosecutor for each accepted default order (S8) and, in each office, a
//! progress report approved and sent to the prosecutor and the court (B8) with the next one
//! waiting for the head (S4), and a TPP session held yesterday on the cases awaiting the TPP,
//! both outcomes recorded and the minutes signed by its chair (S7). Run by `karya serve
//! --demo` on a fresh database, not by the tests' demo (rendering takes a while in a debug
//! build).

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

/// The office's TPP session, held yesterday on every examination awaiting the TPP: a good
/// deed found good conduct, a violation given the decision's first default order (L8), and
/// the minutes signed by the chair. The head's decisions are left to take.
async fn tpp_session(state: &AppState, code: &str) -> anyhow::Result<()> {
    use karya_domain::supervision::{Ground, Recommendation, recommendations_open};
    use karya_store::tpp::{self, NewSession};
    let store = &state.store;
    let setting = Setting::of(store, code).await?;
    let people = &setting.people;
    let head = grant(&people.head, Role::HeadOfOffice, Permission::ConveneTpp);
    let convener = head.office()?;
    let agenda: Vec<_> = tpp::candidates(store, &convener).await?;
    if agenda.is_empty() {
        return Ok(());
    }
    let yesterday = setting.today.yesterday()?;
    let new = NewSession {
        held_on: yesterday,
        place: format!("Ruang sidang TPP {} (data demo)", setting.office.name),
        chair: people.tpp.id,
        present: vec![people.tpp.id, people.head.id, people.pk.id],
        agenda: agenda.iter().map(|c| c.examination).collect(),
    };
    let demo = |e: karya_store::supervision::SupervisionError| anyhow::anyhow!("demo TPP: {e}");
    let session = tpp::convene(store, &convener, &new).await.map_err(demo)?;
    let member = grant(&people.tpp, Role::TppMember, Permission::RecommendInTpp);
    for item in &agenda {
        let access = store.open_case(&member, item.case).await?;
        let open = recommendations_open(item.ground, &access.case().terms.default_orders);
        let (recommendation, deliberation) = match item.ground {
            Ground::GoodDeed => (
                Recommendation::GoodConduct,
                "Perbuatan baik dibenarkan saksi dan kepala desa (data demo).",
            ),
            Ground::SuspectedViolation => (
                open.iter()
                    .copied()
                    .find(|r| r.goes_to_prosecutor())
                    .unwrap_or(Recommendation::ContinueServing),
                "Klien tiga kali tidak hadir tanpa alasan yang sah setelah ditegur (data demo).",
            ),
        };
        karya_store::supervision::recommend(
            store,
            &access,
            item.examination,
            recommendation,
            &[],
            deliberation,
            setting.today,
        )
        .await
        .map_err(demo)?;
    }
    let chair = member.office()?;
    crate::routes::tpp::issue_minutes(state, &chair, &people.tpp, session)
        .await
        .map_err(demo)?;
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
    tpp_session(state, code).await
}
