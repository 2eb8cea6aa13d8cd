//! Monitoring figures by office (Chapter III; M1–M4) for the offices a grant reaches: four
//! grouped queries whatever the number of cases — cases by status, minutes credited,
//! examinations by outcome and lateness, and M4 evaluations by success indicator — each cut
//! by the grant's own case scope, so a level never sees a case outside it. The domain's
//! [`Tally`] says what each row counts as.

use karya_domain::CaseStatus;
use karya_domain::OfficeZone;
use karya_domain::evaluation::Finding;
use karya_domain::monitoring::Tally;
use karya_domain::supervision::{ExaminationClock, Recommendation, examination_clock};

use karya_domain::monitoring::{Visit, check_visit};
use karya_domain::rule::Violations;

use crate::access::{Grant, ScopeView};
use crate::audit::Event;
use crate::db::Store;
use crate::error::{Result, StoreError};
use crate::ids::OfficeId;

/// One office's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeFigures {
    pub office: OfficeId,
    pub name: String,
    pub region: String,
    pub tally: Tally,
}

const CASES: [&str; 7] = crate::cases::over_scopes!(
    "SELECT c.office_id, o.name, r.name, c.status, c.termination_reason, COUNT(*), \
     CAST(SUM(c.hours_ordered_minutes) AS BIGINT) \
     FROM cases c JOIN offices o ON o.id = c.office_id JOIN regions r ON r.id = o.region_id WHERE ",
    " GROUP BY c.office_id, o.name, r.name, c.status, c.termination_reason"
);

const CREDITED: [&str; 7] = crate::cases::over_scopes!(
    "SELECT c.office_id, CAST(SUM(a.minutes) AS BIGINT) \
     FROM attendance a JOIN cases c ON c.id = a.case_id JOIN offices o ON o.id = c.office_id \
     WHERE a.state = 'credited' AND a.start_at >= COALESCE(c.ledger_from, '') AND ",
    " GROUP BY c.office_id"
);

// A running examination is grouped by the day its team was formed, so that its seven days
// (S6) are counted in its office's calendar; examined ones by their marked lateness.
const EXAMINATIONS: [&str; 7] = crate::cases::over_scopes!(
    "SELECT c.office_id, o.time_zone, \
       CASE WHEN e.findings IS NULL THEN e.formed_on ELSE NULL END AS running_since, \
       e.findings_late, e.recommendation, COUNT(*) \
     FROM examinations e JOIN cases c ON c.id = e.case_id JOIN offices o ON o.id = c.office_id WHERE ",
    " GROUP BY c.office_id, o.time_zone, CASE WHEN e.findings IS NULL THEN e.formed_on ELSE NULL END, \
       e.findings_late, e.recommendation"
);

const EVALUATIONS: [&str; 7] = crate::cases::over_scopes!(
    "SELECT c.office_id, ev.indicator_a, ev.indicator_b, ev.indicator_c, COUNT(*) \
     FROM evaluations ev JOIN cases c ON c.id = ev.case_id JOIN offices o ON o.id = c.office_id \
     WHERE ev.indicator_a IS NOT NULL AND ",
    " GROUP BY c.office_id, ev.indicator_a, ev.indicator_b, ev.indicator_c"
);

type EvaluationRow = (i64, Option<String>, Option<String>, Option<String>, i64);

type ExaminationRow = (i64, String, Option<String>, i64, Option<String>, i64);

type CaseRow = (
    i64,
    String,
    String,
    String,
    Option<String>,
    i64,
    Option<i64>,
);

/// The figures of every office `grant` reaches with a case, by region then office name.
pub async fn by_office(store: &Store, grant: &Grant) -> Result<Vec<OfficeFigures>> {
    let Some((_, _, scope)) = grant.case_scopes().next() else {
        return Ok(Vec::new());
    };
    let (slot, value) = scope.slot();
    let cases: Vec<CaseRow> = sqlx::query_as(CASES[slot])
        .bind(value)
        .fetch_all(store.pool())
        .await?;
    let mut out: Vec<OfficeFigures> = Vec::new();
    for (office, name, region, status, reason, count, minutes) in cases {
        let Some(status) = CaseStatus::parse(&status, reason.as_deref()) else {
            continue;
        };
        let at = match out.iter().position(|f| f.office.0 == office) {
            Some(at) => at,
            None => {
                out.push(OfficeFigures {
                    office: OfficeId(office),
                    name,
                    region,
                    tally: Tally::default(),
                });
                out.len() - 1
            }
        };
        out[at].tally.add_cases(status, count, minutes.unwrap_or(0));
    }
    let credited: Vec<(i64, Option<i64>)> = sqlx::query_as(CREDITED[slot])
        .bind(value)
        .fetch_all(store.pool())
        .await?;
    for (office, minutes) in credited {
        if let Some(f) = out.iter_mut().find(|f| f.office.0 == office) {
            f.tally.minutes_credited += minutes.unwrap_or(0);
        }
    }
    let exams: Vec<ExaminationRow> = sqlx::query_as(EXAMINATIONS[slot])
        .bind(value)
        .fetch_all(store.pool())
        .await?;
    for (office, zone, running_since, late, recommendation, count) in exams {
        let Some(f) = out.iter_mut().find(|f| f.office.0 == office) else {
            continue;
        };
        let zone = OfficeZone::parse(&zone).unwrap_or(OfficeZone::Wib);
        let today = karya_domain::calendar::local_date(store.now(), &zone.time_zone());
        // Late: found after the seventh day, or still examining past it.
        let running_late = running_since
            .and_then(|day| day.parse().ok())
            .is_some_and(|formed| {
                matches!(
                    examination_clock(formed, today),
                    ExaminationClock::Overdue { .. }
                )
            });
        let recommendation = recommendation.as_deref().and_then(Recommendation::parse);
        f.tally
            .add_examinations(count, late != 0 || running_late, recommendation);
    }
    let evaluations: Vec<EvaluationRow> = sqlx::query_as(EVALUATIONS[slot])
        .bind(value)
        .fetch_all(store.pool())
        .await?;
    for (office, a, b, c, count) in evaluations {
        if let Some(f) = out.iter_mut().find(|f| f.office.0 == office) {
            let finding = |text: Option<String>| text.as_deref().and_then(Finding::parse);
            f.tally
                .add_evaluations(count, [finding(a), finding(b), finding(c)]);
        }
    }
    out.sort_by(|a, b| (&a.region, &a.name).cmp(&(&b.region, &b.name)));
    Ok(out)
}

/// A monitoring visit as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredVisit {
    pub id: i64,
    pub office: String,
    pub visit: Visit,
    pub recorded_by: String,
}

type VisitRow = (i64, String, String, String, String, String);

/// The visits query with a condition, newest first; a macro so the SQL stays `'static`.
macro_rules! visit_query {
    ($condition:literal) => {
        concat!(
            "SELECT v.id, o.name, v.visited_on, v.findings, v.follow_up, u.display_name \
             FROM monitoring_visits v JOIN offices o ON o.id = v.office_id \
             JOIN users u ON u.id = v.recorded_by ",
            $condition,
            " ORDER BY v.visited_on DESC, v.id DESC"
        )
    };
}

/// The monitoring visits to the offices `grant` reaches, newest first (M2): the head sees
/// those to their office, the Kanwil its region's, Ditjenpas every one.
pub async fn visits(store: &Store, grant: &Grant) -> Result<Vec<StoredVisit>> {
    let rows: Vec<VisitRow> = match grant.scope().view() {
        ScopeView::National => {
            sqlx::query_as(visit_query!("WHERE $1 = 0"))
                .bind(0_i64)
                .fetch_all(store.pool())
                .await?
        }
        ScopeView::Region(region) => {
            sqlx::query_as(visit_query!("WHERE o.region_id = $1"))
                .bind(region.0)
                .fetch_all(store.pool())
                .await?
        }
        ScopeView::Office(office) => {
            sqlx::query_as(visit_query!("WHERE v.office_id = $1"))
                .bind(office.0)
                .fetch_all(store.pool())
                .await?
        }
        _ => Vec::new(),
    };
    rows.into_iter()
        .map(|(id, office, on, findings, follow_up, by)| {
            Ok(StoredVisit {
                id,
                office,
                visit: Visit {
                    visited_on: on.parse().map_err(|_| {
                        StoreError::Other(anyhow::anyhow!("stored visit is unreadable"))
                    })?,
                    findings,
                    follow_up,
                },
                recorded_by: by,
            })
        })
        .collect()
}

#[derive(Debug, thiserror::Error)]
pub enum VisitError {
    #[error("refused: {0:?}")]
    Rules(Violations),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The Kanwil records a visit to `office`, one of the offices its grant reaches (M2); an
/// office outside it is not found. One transaction, audited.
pub async fn record_visit(
    store: &Store,
    grant: &Grant,
    office: OfficeId,
    visit: &Visit,
    today: jiff::civil::Date,
) -> std::result::Result<i64, VisitError> {
    if grant.permission() != karya_domain::Permission::RecordMonitoringVisits {
        return Err(StoreError::Forbidden.into());
    }
    let reached = crate::orgs::list_offices(store, grant.scope()).await?;
    if !reached.iter().any(|o| o.id() == office) {
        return Err(StoreError::NotFound.into());
    }
    check_visit(visit, today).map_err(VisitError::Rules)?;
    let mut tx = store.begin_write().await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO monitoring_visits (office_id, visited_on, findings, follow_up, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(office.0)
    .bind(visit.visited_on.to_string())
    .bind(visit.findings.trim())
    .bind(visit.follow_up.trim())
    .bind(grant.user().id.0)
    .bind(store.now_text())
    .fetch_one(&mut *tx)
    .await
    .map_err(StoreError::from)?;
    store
        .audit_in(
            &mut tx,
            &grant.actor(),
            office,
            Event::new(
                "monitoring.visit",
                "office",
                office.0,
                serde_json::json!({"visit": id, "visited_on": visit.visited_on.to_string()}),
            ),
        )
        .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(id)
}
