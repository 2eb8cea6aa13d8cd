//! The client's profile for placement (§2.3.1, DOMAIN §4): profession and skills, the
//! offence's field (P1), the victim (P2), home and dependants (P3), special needs, skills
//! for risky work (P7), infectious disease and clearance (P9), monitoring (P10) and the
//! hours the client works for a living (L6). Written by the case's PK.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use karya_domain::placement::{Field, Fields, SpecialNeed, SpecialNeeds};
use karya_domain::schedule::parse_time;
use karya_store::placement_profile::{self, PlacementProfile};

use crate::app::AppState;
use crate::auth::{CaseOf, can};
use crate::error::WebError;
use crate::forms::{self, FormErrors, Pairs};
use crate::i18n::Lang;
use crate::page::{Page, Ui, render};
use crate::routes::partners::form::Choice;
use karya_store::access::CaseAccess;

#[derive(Template)]
#[template(path = "placement_profile.html")]
struct ProfilePage {
    page: Page,
    id: i64,
    errors: FormErrors,
    form: Pairs,
    skill_fields: Vec<Choice>,
    offence_fields: Vec<Choice>,
    trauma_fields: Vec<Choice>,
    needs: Vec<Choice>,
    /// The office's partners, for "the victim lives or works here" (P2): (id, name, checked).
    partners: Vec<(String, String, bool)>,
}

fn label(lang: Lang, id: &'static str, en: &'static str) -> &'static str {
    lang.pick(id, en)
}

fn pairs_of(p: &PlacementProfile) -> Pairs {
    let point = |p: Option<(f64, f64)>, i: usize| {
        p.map(|l| if i == 0 { l.0 } else { l.1 }.to_string())
            .unwrap_or_default()
    };
    let mut pairs = vec![
        ("profession", p.profession.clone()),
        (
            "offence_field",
            p.offence_field
                .map(|f| f.as_str().to_owned())
                .unwrap_or_default(),
        ),
        ("victim_note", p.victim_note.clone()),
        ("victim_latitude", point(p.victim_location, 0)),
        ("victim_longitude", point(p.victim_location, 1)),
        ("home_latitude", point(p.home, 0)),
        ("home_longitude", point(p.home, 1)),
        ("dependants", p.dependants.to_string()),
        (
            "livelihood_from",
            p.livelihood
                .map(|l| l.0.strftime("%H:%M").to_string())
                .unwrap_or_default(),
        ),
        (
            "livelihood_to",
            p.livelihood
                .map(|l| l.1.strftime("%H:%M").to_string())
                .unwrap_or_default(),
        ),
    ];
    for (flag, on) in [
        ("safety_skill", p.safety_skill),
        ("infectious_disease", p.infectious_disease),
        ("medical_clearance", p.medical_clearance),
        ("monitoring_required", p.monitoring_required),
    ] {
        if on {
            pairs.push((flag, "1".into()));
        }
    }
    pairs.extend(
        p.skill_fields
            .iter()
            .map(|f| ("skill_fields", f.as_str().to_owned())),
    );
    pairs.extend(
        p.trauma_fields
            .iter()
            .map(|f| ("trauma_fields", f.as_str().to_owned())),
    );
    pairs.extend(
        p.special_needs
            .iter()
            .map(|n| ("special_needs", n.as_str().to_owned())),
    );
    pairs.extend(
        p.victim_partners
            .iter()
            .map(|id| ("victim_partners", id.to_string())),
    );
    Pairs(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

fn profile_of(form: &Pairs, t: &crate::i18n::Catalog, errors: &mut FormErrors) -> PlacementProfile {
    let fields = |name| {
        Fields::of(
            &form
                .all(name)
                .into_iter()
                .filter_map(Field::parse)
                .collect::<Vec<_>>(),
        )
    };
    let point = |errors: &mut FormErrors, lat: &'static str, lon: &'static str| {
        let a = forms::decimal(errors, t, lat, form.get(lat), -90.0..=90.0);
        let b = forms::decimal(errors, t, lon, form.get(lon), -180.0..=180.0);
        a.zip(b)
    };
    let livelihood_from = form.get("livelihood_from");
    let livelihood_to = form.get("livelihood_to");
    let livelihood = match (parse_time(livelihood_from), parse_time(livelihood_to)) {
        (Some(a), Some(b)) if a < b => Some((a, b)),
        (None, None) if livelihood_from.is_empty() && livelihood_to.is_empty() => None,
        _ => {
            errors.add("livelihood_from", t.livelihood_invalid);
            None
        }
    };
    PlacementProfile {
        profession: forms::text(errors, t, "profession", form.get("profession"), 200, false),
        skill_fields: fields("skill_fields"),
        offence_field: Field::parse(form.get("offence_field")),
        trauma_fields: fields("trauma_fields"),
        victim_partners: form
            .all("victim_partners")
            .into_iter()
            .filter_map(|v| v.parse().ok())
            .collect(),
        victim_note: forms::text(
            errors,
            t,
            "victim_note",
            form.get("victim_note"),
            500,
            false,
        ),
        victim_location: point(errors, "victim_latitude", "victim_longitude"),
        home: point(errors, "home_latitude", "home_longitude"),
        dependants: if form.get("dependants").trim().is_empty() {
            0
        } else {
            forms::whole(errors, t, "dependants", form.get("dependants"), 0..=30)
        },
        special_needs: SpecialNeeds::of(
            &form
                .all("special_needs")
                .into_iter()
                .filter_map(SpecialNeed::parse)
                .collect::<Vec<_>>(),
        ),
        safety_skill: form.has("safety_skill"),
        infectious_disease: form.has("infectious_disease"),
        medical_clearance: form.has("medical_clearance"),
        monitoring_required: form.has("monitoring_required"),
        livelihood,
    }
}

async fn page(
    state: &AppState,
    ui: &Ui,
    access: &CaseAccess,
    form: Pairs,
    errors: FormErrors,
) -> Result<ProfilePage, WebError> {
    let case = access.case();
    let lang = ui.lang;
    let checked = |name: &str, v: &str| form.all(name).contains(&v);
    let choices = |name: &str| -> Vec<Choice> {
        Field::ALL
            .iter()
            .map(|f| {
                (
                    f.as_str(),
                    label(lang, f.label_id(), f.label_en()),
                    checked(name, f.as_str()),
                )
            })
            .collect()
    };
    let partners = karya_store::partners::list_for_case(&state.store, access)
        .await?
        .into_iter()
        .map(|p| {
            let id = p.id.0.to_string();
            let on = checked("victim_partners", &id);
            (id, p.fields.name, on)
        })
        .collect();
    Ok(ProfilePage {
        page: ui.page(&format!(
            "{} · {}",
            ui.t().placement_profile_title,
            case.client_name
        )),
        id: case.id.0,
        skill_fields: choices("skill_fields"),
        offence_fields: choices("offence_field_unused")
            .into_iter()
            .map(|(v, l, _)| (v, l, form.get("offence_field") == v))
            .collect(),
        trauma_fields: choices("trauma_fields"),
        needs: SpecialNeed::ALL
            .iter()
            .map(|n| {
                (
                    n.as_str(),
                    label(lang, n.label_id(), n.label_en()),
                    checked("special_needs", n.as_str()),
                )
            })
            .collect(),
        partners,
        errors,
        form,
    })
}

pub async fn show(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::AssessCases>,
) -> Result<Response, WebError> {
    let _case = access.case();
    let stored = placement_profile::get(&state.store, &access).await?;
    let form = stored.as_ref().map(pairs_of).unwrap_or_default();
    render(&page(&state, &ui, &access, form, FormErrors::default()).await?)
}

pub async fn save(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::AssessCases>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let case = access.case();
    let mut errors = FormErrors::default();
    let profile = profile_of(&form, ui.t(), &mut errors);
    if errors.is_empty() {
        placement_profile::save(&state.store, &access, &profile).await?;
        return Ok(
            Redirect::to(&format!("/cases/{}?done=profile#assessment", case.id.0)).into_response(),
        );
    }
    let mut response = render(&page(&state, &ui, &access, form, errors).await?)?;
    *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}
