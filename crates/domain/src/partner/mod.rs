//! Partners (mitra, §2.1.2, Annex V): the identification pipeline from a mapped institution
//! to an active partner under a cooperation agreement (PKS), and the agreement's state on a
//! given day. A partner must be non-commercial (L3).

mod agreement;
mod stage;

pub use agreement::{AgreementState, DEFAULT_EXPIRY_WARNING_DAYS, agreement_state};
pub use stage::{Kind, Stage, check_advance, check_agreement, check_agreement_dates};
