//! The one way a handler reaches a case: `CaseOf<can::P>` reads the `{id}` of the path,
//! checks permission `P` for the caller and opens the case through it, all before the
//! handler runs. Outside the caller's reach the case is a 404; without the permission, 403.
//! Both are audited by the access middleware.

use std::marker::PhantomData;
use std::ops::Deref;

use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::request::Parts;
use karya_domain::Permission;
use karya_store::access::{CaseAccess, Grant};
use karya_store::ids::CaseId;

use super::Authority;
use crate::app::AppState;
use crate::error::WebError;
use crate::routes::path_id;

/// A permission named as a type, for [`CaseOf`].
pub trait Permit: Send + Sync + 'static {
    const PERMISSION: Permission;
}

/// The permissions as types: `CaseOf<can::AssessCases>`.
pub mod can {
    use super::{Permission, Permit};

    macro_rules! permits {
        ($($name:ident),* $(,)?) => {
            $(
                #[doc = concat!("[`Permission::", stringify!($name), "`] as a type.")]
                pub struct $name;
                impl Permit for $name {
                    const PERMISSION: Permission = Permission::$name;
                }
            )*
        };
    }

    permits!(
        ReadCases,
        ReportAttendance,
        VerifyAttendance,
        CheckDocuments,
        SummonClients,
        RecordSummonsOutcomes,
        RegisterPeople,
        IssueLetters,
        DraftLetters,
        RecordAssistance,
        AcknowledgeAssistance,
        ApprovePlacements,
        RecordSopSteps,
        EvaluateCases,
        AssessCases,
        ApproveAssessments,
        AppointOfficers,
        JudgeEvidence,
        FileComplaints,
        RecordVisits,
        TerminateCases,
        CreateClientAccounts,
        ActOnLifecycle,
        IssueForms,
        ReadLitmas,
        RecordGuidance,
        ReadGuidance,
        AdviseExamination,
        DecideSupervision,
        ExamineCases,
        RecommendInTpp,
        ReportConduct,
        AcknowledgeReceipt,
        FollowUpReports,
        WriteProgressReports,
        ReviewProgressReports,
        RecordProsecutorDecision,
        OpenCases,
        ConveneTpp,
        ReadTppSessions,
        ReadMonitoring,
        RecordMonitoringVisits,
    );
}

/// A passed check of permission `P` that is not about one case (opening a case, the
/// organisation's lists): taken before the body is read, so a caller without the permission
/// is refused before anything they sent is looked at.
pub struct Granted<P> {
    grant: Grant,
    _permit: PhantomData<P>,
}

impl<P> Granted<P> {
    pub fn grant(&self) -> &Grant {
        &self.grant
    }
}

impl<P: Permit> FromRequestParts<AppState> for Granted<P> {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, WebError> {
        let authority = Authority::from_request_parts(parts, state).await?;
        Ok(Granted {
            grant: authority.grant(P::PERMISSION)?,
            _permit: PhantomData,
        })
    }
}

/// A case opened through permission `P`.
pub struct CaseOf<P> {
    access: CaseAccess,
    _permit: PhantomData<P>,
}

impl<P> CaseOf<P> {
    pub fn access(&self) -> &CaseAccess {
        &self.access
    }
}

impl<P> Deref for CaseOf<P> {
    type Target = CaseAccess;

    fn deref(&self) -> &CaseAccess {
        &self.access
    }
}

impl<P: Permit> FromRequestParts<AppState> for CaseOf<P> {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, WebError> {
        let authority = Authority::from_request_parts(parts, state).await?;
        let params = RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(|_| WebError::NotFound)?;
        let raw = params
            .iter()
            .find(|(name, _)| *name == "id")
            .map(|(_, value)| value)
            .ok_or(WebError::NotFound)?;
        let id = CaseId(path_id(raw)?);
        let grant = authority.grant(P::PERMISSION)?;
        let access = state.store.open_case(&grant, id).await?;
        Ok(CaseOf {
            access,
            _permit: PhantomData,
        })
    }
}
