//! Ranking: every work form of every partner, excluded or scored, best first.

use std::cmp::Ordering;

use super::assess::{self, Client};
use super::policy::Policy;
use super::profile::{ClientProfile, PartnerOffer};
use super::verdict::Candidate;

/// Ranks every (partner, work form) for the client under [`Policy::STANDARD`].
///
/// Eligible candidates come first, by score (highest first), then excluded ones; ties are
/// broken by partner id, then work-form code, so the result never depends on the order of
/// `partners`. A work form a partner lists twice is ranked once. Expects one offer per
/// partner.
pub fn rank(client: &ClientProfile, partners: &[PartnerOffer]) -> Vec<Candidate> {
    rank_with(&Policy::STANDARD, client, partners)
}

/// [`rank`] under another policy.
pub fn rank_with(
    policy: &Policy,
    client: &ClientProfile,
    partners: &[PartnerOffer],
) -> Vec<Candidate> {
    let client = Client::new(policy, client);
    let mut candidates =
        Vec::with_capacity(partners.iter().map(|p| p.work_forms.len()).sum::<usize>());
    for partner in partners {
        let site = assess::site(policy, &client, partner);
        for (i, &work_form) in partner.work_forms.iter().enumerate() {
            if partner.work_forms[..i].contains(&work_form) {
                continue;
            }
            candidates.push(Candidate {
                partner: partner.partner,
                work_form,
                verdict: assess::verdict(policy, &client, partner, &site, work_form.form()),
            });
        }
    }
    candidates.sort_unstable_by(best_first);
    candidates
}

/// Eligible before excluded; within the distance limit before beyond it (P3: a far work
/// place is not a normal choice); higher score first; then partner id, then work-form code.
pub fn best_first(a: &Candidate, b: &Candidate) -> Ordering {
    let far = |c: &Candidate| c.beyond_limit().is_some();
    let by_verdict = match (a.score(), b.score()) {
        (Some(_), Some(_)) if far(a) != far(b) => far(a).cmp(&far(b)),
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    by_verdict
        .then(a.partner.cmp(&b.partner))
        .then_with(|| a.work_form.code().cmp(b.work_form.code()))
}
