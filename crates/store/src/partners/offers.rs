//! What the placement ranking reads of the office's partners on a given day: each partner's
//! offer (field, location, agreement in force, places left, accommodations, work forms,
//! supervisor) in the domain's terms.

use jiff::civil::Date;
use karya_domain::partner::{AgreementState, Stage, agreement_state};
use karya_domain::placement::{Coordinates, PartnerId as DomainPartnerId, PartnerOffer};

use super::registry::Partner;
use crate::access::OfficeAccess;
use crate::db::Store;
use crate::error::Result;
use crate::ids::OfficeId;

/// A partner with its offer and its agreement's state on the day.
pub struct OfferRow {
    pub partner: Partner,
    pub agreement: Option<AgreementState>,
    pub offer: PartnerOffer,
}

pub async fn offers(
    store: &Store,
    office: &OfficeAccess,
    today: Date,
    warn_days: i64,
) -> Result<Vec<OfferRow>> {
    offers_in(store, office.office(), today, warn_days).await
}

pub(crate) async fn offers_in(
    store: &Store,
    office: OfficeId,
    today: Date,
    warn_days: i64,
) -> Result<Vec<OfferRow>> {
    let partners = super::registry::list_in(store, office).await?;
    let supervised: Vec<(i64,)> = sqlx::query_as(
        "SELECT DISTINCT u.partner_id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'site_supervisor'
         JOIN partners p ON p.id = u.partner_id
         WHERE p.office_id = $1 AND u.disabled = 0",
    )
    .bind(office.0)
    .fetch_all(store.pool())
    .await?;
    Ok(partners
        .into_iter()
        .map(|partner| {
            let agreement = partner
                .agreement
                .as_ref()
                .map(|(_, start, end)| agreement_state(*start, *end, today, warn_days));
            let active = partner.stage == Stage::Active;
            let offer = PartnerOffer {
                partner: DomainPartnerId(partner.id.0),
                field: partner.fields.field,
                location: partner
                    .fields
                    .location
                    .and_then(|(lat, lon)| Coordinates::new(lat, lon)),
                has_active_agreement: active && agreement.is_some_and(AgreementState::in_force),
                capacity_remaining: u32::try_from(
                    (partner.fields.capacity_clients - partner.placed).max(0),
                )
                .unwrap_or(0),
                accommodations: partner.fields.accommodations,
                work_forms: partner.fields.work_forms.clone(),
                supervisor_bound: supervised.iter().any(|(id,)| *id == partner.id.0),
            };
            OfferRow {
                partner,
                agreement,
                offer,
            }
        })
        .collect())
}
