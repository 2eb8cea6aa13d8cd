//! The facts of the open cases a grant reaches, for the start pages' work lists (issue 13):
//! one query for the case and its counts, and the ledger of each serving case for its
//! progress and due evaluations. What is a task is the domain's ([`karya_domain::worklist`]).

use jiff::Timestamp;
use karya_domain::appointment::Stage as AppointmentStage;
use karya_domain::worklist::{CaseFacts, SupervisionFacts};
use karya_domain::{MilestoneState, calendar, milestones, progress, progress_report};

use crate::access::Grant;
use crate::attendance::ledger_of;
use crate::cases::{Case, CaseRow, scoped};
use crate::db::Store;
use crate::error::Result;

/// An open case with the facts that decide its tasks.
#[derive(Debug, Clone)]
pub struct CaseWork {
    pub case: Case,
    pub facts: CaseFacts,
    /// The oldest report waiting for the PK, when there is one.
    pub oldest_report: Option<Timestamp>,
}

#[derive(sqlx::FromRow)]
struct WorkRow {
    #[sqlx(flatten)]
    case: CaseRow,
    client_logins: i64,
    appointment_drafted: Option<i64>,
    drafts_to_sign: i64,
    reports_to_credit: i64,
    oldest_report: Option<String>,
    exams_awaiting_team: i64,
    exam_running_since: Option<String>,
    exams_awaiting_tpp: i64,
    exams_awaiting_agenda: i64,
    exams_awaiting_decision: i64,
    exams_awaiting_prosecutor: i64,
    reports_received: i64,
    reports_open: i64,
    progress_reports_to_review: i64,
}

macro_rules! work_columns {
    () => {
        ", (SELECT COUNT(*) FROM users cu JOIN user_roles cr ON cr.user_id = cu.id AND cr.role = 'client' \
       WHERE cu.person_id = c.person_id) AS client_logins, \
     (SELECT MAX(CASE WHEN ap.drafted_at IS NULL THEN 0 ELSE 1 END) FROM appointments ap \
       WHERE ap.case_id = c.id AND ap.signed_at IS NULL) AS appointment_drafted, \
     (SELECT COUNT(*) FROM letter_drafts d WHERE d.case_id = c.id AND NOT EXISTS ( \
       SELECT 1 FROM issued_documents i WHERE i.case_id = d.case_id AND i.kind = d.kind \
       AND i.created_at >= d.drafted_at)) AS drafts_to_sign, \
     (SELECT COUNT(*) FROM attendance a WHERE a.case_id = c.id AND a.state = 'supervisor_verified' \
        AND a.start_at >= COALESCE(c.ledger_from, '')) \
       AS reports_to_credit, \
     (SELECT MIN(a.start_at) FROM attendance a WHERE a.case_id = c.id \
       AND a.state = 'supervisor_verified' AND a.start_at >= COALESCE(c.ledger_from, '')) \
       AS oldest_report, \
     (SELECT COUNT(*) FROM examinations e WHERE e.case_id = c.id AND e.formed_on IS NULL) \
       AS exams_awaiting_team, \
     (SELECT MIN(e.formed_on) FROM examinations e WHERE e.case_id = c.id \
       AND e.formed_on IS NOT NULL AND e.findings IS NULL) AS exam_running_since, \
     (SELECT COUNT(*) FROM examinations e WHERE e.case_id = c.id AND e.findings IS NOT NULL \
       AND e.recommendation IS NULL) AS exams_awaiting_tpp, \
     (SELECT COUNT(*) FROM examinations e WHERE e.case_id = c.id AND e.findings IS NOT NULL \
       AND e.recommendation IS NULL AND e.tpp_session_id IS NULL) AS exams_awaiting_agenda, \
     (SELECT COUNT(*) FROM examinations e WHERE e.case_id = c.id \
       AND e.recommendation IS NOT NULL AND e.accepted IS NULL) AS exams_awaiting_decision, \
     (SELECT COUNT(*) FROM examinations e WHERE e.case_id = c.id AND e.accepted = 1 \
       AND e.recommendation IN ('repeat_work', 'serve_imprisonment', 'pay_fine') \
       AND e.prosecutor_order IS NULL) AS exams_awaiting_prosecutor, \
     (SELECT COUNT(*) FROM conduct_reports r WHERE r.case_id = c.id AND r.state = 'received') \
       AS reports_received, \
     (SELECT COUNT(*) FROM conduct_reports r WHERE r.case_id = c.id AND r.state <> 'closed') \
       AS reports_open, \
     (SELECT COUNT(*) FROM progress_reports pr WHERE pr.case_id = c.id AND pr.stage = 'submitted') \
       AS progress_reports_to_review"
    };
}

const OPEN_CASES: [&str; 7] = scoped!(
    work_columns!(),
    " AND c.status <> 'terminated' ORDER BY c.received_on, c.id"
);
const ONE_CASE: [&str; 7] = scoped!(work_columns!(), " AND c.id = $2");

/// Every open case `grant` reaches (no row limit: a work list that stops early hides work),
/// oldest decision first, with its facts.
pub async fn open_cases(store: &Store, grant: &Grant) -> Result<Vec<CaseWork>> {
    let Some((_, _, scope)) = grant.case_scopes().next() else {
        return Ok(Vec::new());
    };
    let (slot, value) = scope.slot();
    let rows: Vec<WorkRow> = sqlx::query_as(OPEN_CASES[slot])
        .bind(value)
        .fetch_all(store.pool())
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        out.push(work_of(store, row).await?);
    }
    Ok(out)
}

/// The facts of the one case `access` opened, for its page's "waiting for you" line.
pub async fn case_work(store: &Store, access: &crate::access::CaseAccess) -> Result<CaseWork> {
    let (slot, value) = access.scope().slot();
    let row: WorkRow = sqlx::query_as(ONE_CASE[slot])
        .bind(value)
        .bind(access.id().0)
        .fetch_one(store.pool())
        .await?;
    work_of(store, row).await
}

async fn work_of(store: &Store, row: WorkRow) -> Result<CaseWork> {
    {
        let case = row.case.into_case()?;
        let today = calendar::local_date(store.now(), &case.zone.time_zone());
        let serving = matches!(
            case.status,
            karya_domain::CaseStatus::Serving | karya_domain::CaseStatus::UnderExamination
        );
        let (progress, evaluation_due) = if serving {
            let (ledger, _) = ledger_of(store, &case).await?;
            let done = crate::evaluations::done_for(store, case.id).await?;
            let due = milestones(&ledger, today, &done)
                .iter()
                .any(|m| matches!(m.state, MilestoneState::Due | MilestoneState::Late));
            (Some(progress(&ledger, today).status), due)
        } else {
            (None, false)
        };
        // Progress reports are owed while the client serves, an examination included (S4).
        let (report_due, report_overdue) = if serving {
            let (months, written) = crate::progress_reports::written_days_for(store, &case).await?;
            let points = progress_report::schedule(&case.window, months);
            (
                progress_report::next_to_write(&points, &written, today).is_some(),
                progress_report::overdue(&points, &written, today) > 0,
            )
        } else {
            (false, false)
        };
        let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
        let facts = CaseFacts {
            status: case.status,
            handed_over: case.intake.handed_over,
            summonses_sent: case.summonses_sent,
            officer_assigned: case.pk_user_id.is_some(),
            litmas_submitted: case.litmas_submitted,
            case_plan_approved: case.case_plan_approved,
            distance_awaiting_approval: case.distance_awaiting_approval,
            has_client_login: row.client_logins > 0,
            appointment: row.appointment_drafted.map(|drafted| {
                if drafted > 0 {
                    AppointmentStage::Drafted
                } else {
                    AppointmentStage::Disposed
                }
            }),
            drafts_to_sign: count(row.drafts_to_sign),
            reports_to_credit: count(row.reports_to_credit),
            evaluation_due,
            progress,
            supervision: SupervisionFacts {
                awaiting_team: row.exams_awaiting_team > 0,
                examining_since: row.exam_running_since.and_then(|d| d.parse().ok()),
                awaiting_tpp: row.exams_awaiting_tpp > 0,
                awaiting_agenda: row.exams_awaiting_agenda > 0,
                awaiting_decision: row.exams_awaiting_decision > 0,
                awaiting_prosecutor: row.exams_awaiting_prosecutor > 0,
                reports_received: row.reports_received > 0,
                reports_open: row.reports_open > 0,
                progress_report_due: report_due,
                progress_report_overdue: report_overdue,
                progress_report_to_review: row.progress_reports_to_review > 0,
            },
        };
        Ok(CaseWork {
            case,
            facts,
            oldest_report: row.oldest_report.and_then(|t| t.parse().ok()),
        })
    }
}

/// The cases of a scope by status, for a manager's summary: (status, reason, cases, offices,
/// minutes ordered).
const BY_STATUS: [&str; 7] = crate::cases::over_scopes!(
    "SELECT c.status, c.termination_reason, COUNT(*), COUNT(DISTINCT c.office_id), \
     CAST(SUM(c.hours_ordered_minutes) AS BIGINT) \
     FROM cases c JOIN offices o ON o.id = c.office_id WHERE ",
    " GROUP BY c.status, c.termination_reason"
);

/// (status, termination reason, cases, offices, minutes ordered) as the query returns them.
type StatusRow = (String, Option<String>, i64, i64, Option<i64>);

/// One status of a scope's summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusCount {
    pub status: karya_domain::CaseStatus,
    pub cases: i64,
    pub offices: i64,
    pub minutes_ordered: i64,
}

/// How many cases `grant` reaches in each lifecycle status, in how many offices.
pub async fn by_status(store: &Store, grant: &Grant) -> Result<Vec<StatusCount>> {
    let Some((_, _, scope)) = grant.case_scopes().next() else {
        return Ok(Vec::new());
    };
    let (slot, value) = scope.slot();
    let rows: Vec<StatusRow> = sqlx::query_as(BY_STATUS[slot])
        .bind(value)
        .fetch_all(store.pool())
        .await?;
    let mut out: Vec<StatusCount> = rows
        .into_iter()
        .filter_map(|(status, reason, cases, offices, minutes)| {
            Some(StatusCount {
                status: karya_domain::CaseStatus::parse(&status, reason.as_deref())?,
                cases,
                offices,
                minutes_ordered: minutes.unwrap_or(0),
            })
        })
        .collect();
    out.sort_by_key(|count| count.status.lifecycle_rank());
    Ok(out)
}

/// A document the office issued about a case in the grant's scope (a prosecutor's inbox).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Addressed {
    pub id: i64,
    pub case_id: i64,
    pub kind: String,
    pub number: String,
    pub version: i64,
    pub issued_on: String,
    pub office_name: String,
    pub client_name: String,
    pub client_birth_date: Option<String>,
    pub date_final: String,
    /// When the prosecutor's office acknowledged receiving it; `None` while unread.
    pub received_at: Option<String>,
    /// The issuing office's time zone (IANA name), for showing times.
    pub office_zone: String,
}

const ADDRESSED: [&str; 7] = crate::cases::over_scopes!(
    "SELECT i.id, c.id AS case_id, i.kind, i.number, i.version, i.issued_on, o.name AS office_name, \
     p.full_name AS client_name, p.birth_date AS client_birth_date, c.date_final, \
     r.received_at, o.time_zone AS office_zone \
     FROM issued_documents i JOIN cases c ON c.id = i.case_id JOIN offices o ON o.id = c.office_id \
     JOIN persons p ON p.id = c.person_id \
     LEFT JOIN document_receipts r ON r.document_id = i.id WHERE ",
    " ORDER BY CASE WHEN r.received_at IS NULL THEN 0 ELSE 1 END, i.id DESC"
);

impl Addressed {
    /// The client's name as lists show it: a child's initials.
    pub fn listed_name(&self) -> String {
        crate::register::listed_name_on_record(
            &self.client_name,
            self.client_birth_date.as_deref(),
            &self.date_final,
        )
    }
}

/// The documents issued about the cases `grant` reaches, newest first, of the kinds the
/// grant's holder may read (the caller filters by kind with its own permissions).
pub async fn addressed(store: &Store, grant: &Grant) -> Result<Vec<Addressed>> {
    let Some((_, _, scope)) = grant.case_scopes().next() else {
        return Ok(Vec::new());
    };
    let (slot, value) = scope.slot();
    Ok(sqlx::query_as(ADDRESSED[slot])
        .bind(value)
        .fetch_all(store.pool())
        .await?)
}
