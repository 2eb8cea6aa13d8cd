//! The partner profile form (§2.1.2 b, Table 2 and 3 work forms, the accommodations of
//! §2.3.1): new and edit, re-rendered with the typed values and Indonesian messages when
//! something is wrong. The edit page also carries the identification steps and agreements.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use karya_domain::partner::{Kind, Stage};
use karya_domain::placement::{Accommodation, Accommodations, Field, WorkFormId};
use karya_domain::schedule::{WEEK, parse_time, weekday_en, weekday_id};
use karya_store::StoreError;
use karya_store::ids::PartnerId;
use karya_store::partners::{self, Partner, PartnerFields, days_code};

use super::{agreement_text, office_today, stage_label};
use crate::app::AppState;
use crate::auth::Authority;
use crate::error::WebError;
use crate::forms::{self, FormErrors, Pairs};
use crate::i18n::{Catalog, Lang};
use crate::page::{Page, Ui, render};
use crate::routes::cases::Notice;
use crate::routes::path_id;
use crate::views;
use karya_domain::Permission;

/// A choice in a group: (value, label, checked).
pub type Choice = (&'static str, &'static str, bool);

#[derive(Template)]
#[template(path = "partner_form.html")]
pub struct PartnerPage {
    pub page: Page,
    pub errors: FormErrors,
    pub action: String,
    pub form: Pairs,
    pub kinds: Vec<Choice>,
    pub fields: Vec<Choice>,
    pub days: Vec<Choice>,
    pub accommodations: Vec<Choice>,
    /// Work forms by field: (field label, choices).
    pub work_forms: Vec<(&'static str, Vec<Choice>)>,
    pub can_manage: bool,
    /// The edit page's pipeline, when the partner exists.
    pub pipeline: Option<Pipeline>,
}

pub struct Pipeline {
    pub id: i64,
    pub stage: &'static str,
    pub next: Option<(&'static str, &'static str)>,
    pub can_end: bool,
    pub steps: Vec<(String, &'static str, String, String)>,
    pub agreement: String,
    pub agreement_class: &'static str,
    pub can_sign: bool,
    pub supervisors: Vec<String>,
    /// Site photos and the agreement's scan: (label, meta, view link).
    pub files: Vec<(&'static str, String, String)>,
    pub can_upload: bool,
}

fn label(lang: Lang, id: &'static str, en: &'static str) -> &'static str {
    lang.pick(id, en)
}

/// The typed values of an existing partner, as the form posts them.
pub fn pairs_of_partner(p: &Partner) -> Pairs {
    let f = &p.fields;
    let mut pairs = vec![
        ("name", f.name.clone()),
        ("kind", f.kind.as_str().to_owned()),
        ("field", f.field.as_str().to_owned()),
        ("address", f.address.clone()),
        ("district_code", f.district_code.clone()),
        (
            "latitude",
            f.location.map(|l| l.0.to_string()).unwrap_or_default(),
        ),
        (
            "longitude",
            f.location.map(|l| l.1.to_string()).unwrap_or_default(),
        ),
        ("contact_name", f.contact_name.clone()),
        ("contact_phone", f.contact_phone.clone()),
        ("contact_email", f.contact_email.clone()),
        ("capacity_clients", f.capacity_clients.to_string()),
        ("hours_per_day", f.hours_per_day.to_string()),
        ("opening_from", f.opening_from.strftime("%H:%M").to_string()),
        ("opening_to", f.opening_to.strftime("%H:%M").to_string()),
        ("version", p.version.to_string()),
    ];
    if f.non_commercial {
        pairs.push(("non_commercial", "1".into()));
    }
    for day in days_code(&f.opening_days).split(',') {
        pairs.push(("opening_days", day.to_owned()));
    }
    pairs.extend(
        f.accommodations
            .iter()
            .map(|a| ("accommodations", a.as_str().to_owned())),
    );
    pairs.extend(
        f.work_forms
            .iter()
            .map(|w| ("work_forms", w.code().to_owned())),
    );
    Pairs(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

/// Checks the typed values; every problem is reported at once, beside its field.
fn fields_of(form: &Pairs, t: &Catalog, errors: &mut FormErrors) -> PartnerFields {
    let text = |errors: &mut FormErrors, name: &'static str, max, required| {
        forms::text(errors, t, name, form.get(name), max, required)
    };
    let name = text(errors, "name", 200, true);
    let kind = Kind::parse(form.get("kind"));
    if kind.is_none() {
        errors.add("kind", t.field_required);
    }
    let field = Field::parse(form.get("field"));
    if field.is_none() {
        errors.add("field", t.field_required);
    }
    let address = text(errors, "address", 300, true);
    let district_code = text(errors, "district_code", 20, false);
    let latitude = forms::decimal(errors, t, "latitude", form.get("latitude"), -90.0..=90.0);
    let longitude = forms::decimal(
        errors,
        t,
        "longitude",
        form.get("longitude"),
        -180.0..=180.0,
    );
    let contact_name = text(errors, "contact_name", 120, true);
    let contact_phone = text(errors, "contact_phone", 40, false);
    let contact_email = text(errors, "contact_email", 120, false);
    if !contact_email.is_empty() && !forms::is_email(&contact_email) {
        errors.add("contact_email", t.email_invalid);
    }
    let capacity_clients = forms::whole(
        errors,
        t,
        "capacity_clients",
        form.get("capacity_clients"),
        0..=500,
    );
    let hours_per_day = forms::whole(errors, t, "hours_per_day", form.get("hours_per_day"), 1..=8);
    let opening_from = parse_time(form.get("opening_from"));
    let opening_to = parse_time(form.get("opening_to"));
    match (opening_from, opening_to) {
        (Some(from), Some(to)) if from < to => {}
        (Some(_), Some(_)) => errors.add("opening_to", t.time_order),
        (None, _) => errors.add("opening_from", t.time_invalid),
        (_, None) => errors.add("opening_to", t.time_invalid),
    }
    let opening_days = partners::parse_days(&form.all("opening_days").join(","));
    if opening_days.is_empty() {
        errors.add("opening_days", t.choose_one);
    }
    let work_forms: Vec<WorkFormId> = form
        .all("work_forms")
        .into_iter()
        .filter_map(WorkFormId::parse)
        .collect();
    PartnerFields {
        name,
        kind: kind.unwrap_or(Kind::Government),
        field: field.unwrap_or(Field::LocalGovernment),
        address,
        district_code,
        location: latitude.zip(longitude),
        contact_name,
        contact_phone,
        contact_email,
        non_commercial: form.has("non_commercial"),
        capacity_clients,
        hours_per_day,
        opening_days,
        opening_from: opening_from.unwrap_or(jiff::civil::Time::midnight()),
        opening_to: opening_to.unwrap_or(jiff::civil::Time::midnight()),
        accommodations: form
            .all("accommodations")
            .into_iter()
            .filter_map(Accommodation::parse)
            .fold(Accommodations::default(), |set, a| set.with(a)),
        work_forms,
    }
}

pub fn page(
    ui: &Ui,
    title: &str,
    action: String,
    form: Pairs,
    errors: FormErrors,
    can_manage: bool,
    pipeline: Option<Pipeline>,
) -> PartnerPage {
    let lang = ui.lang;
    let checked = |name: &str, value: &str| form.all(name).contains(&value);
    let kinds = Kind::ALL
        .iter()
        .map(|k| {
            (
                k.as_str(),
                label(lang, k.label_id(), k.label_en()),
                form.get("kind") == k.as_str(),
            )
        })
        .collect();
    let fields = Field::ALL
        .iter()
        .map(|f| {
            (
                f.as_str(),
                label(lang, f.label_id(), f.label_en()),
                form.get("field") == f.as_str(),
            )
        })
        .collect();
    let days = WEEK
        .iter()
        .map(|d| {
            let code: &'static str = match weekday_en(*d) {
                "Monday" => "mon",
                "Tuesday" => "tue",
                "Wednesday" => "wed",
                "Thursday" => "thu",
                "Friday" => "fri",
                "Saturday" => "sat",
                _ => "sun",
            };
            (
                code,
                label(lang, weekday_id(*d), weekday_en(*d)),
                checked("opening_days", code),
            )
        })
        .collect();
    let accommodations = Accommodation::ALL
        .iter()
        .map(|a| {
            (
                a.as_str(),
                label(lang, a.label_id(), a.label_en()),
                checked("accommodations", a.as_str()),
            )
        })
        .collect();
    let work_forms = Field::ALL
        .iter()
        .map(|f| {
            let forms: Vec<Choice> = WorkFormId::all()
                .filter(|w| w.form().field == *f)
                .map(|w| {
                    let form_def = w.form();
                    (
                        w.code(),
                        label(lang, form_def.label_id, form_def.label_en),
                        checked("work_forms", w.code()),
                    )
                })
                .collect();
            (label(lang, f.label_id(), f.label_en()), forms)
        })
        .filter(|(_, forms)| !forms.is_empty())
        .collect();
    PartnerPage {
        page: ui.page(title),
        errors,
        action,
        form,
        kinds,
        fields,
        days,
        accommodations,
        work_forms,
        can_manage,
        pipeline,
    }
}

pub async fn new(ui: Ui, authority: Authority) -> Result<Response, WebError> {
    authority.grant(Permission::ManagePartners)?;
    let defaults = Pairs(
        [
            ("opening_from", "08:00"),
            ("opening_to", "16:00"),
            ("hours_per_day", "8"),
            ("capacity_clients", "2"),
            ("opening_days", "mon"),
            ("opening_days", "tue"),
            ("opening_days", "wed"),
            ("opening_days", "thu"),
            ("opening_days", "fri"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect(),
    );
    render(&page(
        &ui,
        ui.t().partner_new,
        "/partners".into(),
        defaults,
        FormErrors::default(),
        true,
        None,
    ))
}

pub async fn create(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let office = authority.office(Permission::ManagePartners)?;
    let mut errors = FormErrors::default();
    let fields = fields_of(&form, ui.t(), &mut errors);
    if errors.is_empty() {
        let id = partners::create(&state.store, &office, &fields).await?;
        return Ok(Redirect::to(&format!("/partners/{}?done=partner", id.0)).into_response());
    }
    invalid(page(
        &ui,
        ui.t().partner_new,
        "/partners".into(),
        form,
        errors,
        true,
        None,
    ))
}

fn invalid(page: PartnerPage) -> Result<Response, WebError> {
    let mut response = render(&page)?;
    *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

/// The identification steps and agreements of a partner, for its page.
pub async fn pipeline(
    state: &AppState,
    ui: &Ui,
    authority: &Authority,
    partner: &Partner,
) -> Result<Pipeline, WebError> {
    let t = ui.t();
    let steps = partners::steps(
        &state.store,
        &authority.office(Permission::ReadPartners)?,
        partner.id,
    )
    .await?
    .into_iter()
    .map(|s| {
        let day = s
            .done_on
            .parse()
            .map(|d| views::date(ui.lang, d))
            .unwrap_or(s.done_on);
        let stage = Stage::parse(&s.stage).map_or("", |st| stage_label(ui.lang, st));
        (day, stage, s.note, s.done_by_name)
    })
    .collect();
    let (agreement, agreement_class, _) = agreement_text(
        t,
        ui.lang,
        partner,
        office_today(state),
        state.config.agreement_warning_days,
    );
    let manage = authority.may(Permission::ManagePartners);
    Ok(Pipeline {
        id: partner.id.0,
        stage: stage_label(ui.lang, partner.stage),
        next: partner
            .stage
            .next_step()
            .filter(|_| manage)
            .map(|s| (s.as_str(), stage_label(ui.lang, s))),
        can_end: manage && partner.stage == Stage::Active,
        steps,
        agreement,
        agreement_class,
        can_sign: authority.may(Permission::SignAgreements)
            && matches!(partner.stage, Stage::Reported | Stage::Active),
        supervisors: partner
            .supervisors
            .iter()
            .map(|(_, name)| name.clone())
            .collect(),
        files: karya_store::partners::files::list(
            &state.store,
            &authority.office(Permission::ReadPartners)?,
            partner.id,
        )
        .await?
        .into_iter()
        .map(|f| {
            let label = if f.purpose == "site_photo" {
                t.partner_site_photo
            } else {
                t.partner_agreement_scan
            };
            let day: String = f.uploaded_at.chars().take(10).collect();
            let meta = format!("{} KB · {day}", (f.size_bytes + 1023) / 1024);
            (
                label,
                meta,
                format!("/partners/{}/files/{}", partner.id.0, f.id),
            )
        })
        .collect(),
        can_upload: manage,
    })
}

pub async fn show(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Path(id): Path<String>,
    Query(notice): Query<Notice>,
) -> Result<Response, WebError> {
    let office = authority.office(Permission::ReadPartners)?;
    let partner = partners::get(&state.store, &office, PartnerId(path_id(&id)?)).await?;
    let pipeline = pipeline(&state, &ui, &authority, &partner).await?;
    let mut page = page(
        &ui,
        &partner.fields.name,
        format!("/partners/{}", partner.id.0),
        pairs_of_partner(&partner),
        FormErrors::default(),
        authority.may(Permission::ManagePartners),
        Some(pipeline),
    );
    page.page = page.page.with_notice(notice.message(ui.t()));
    render(&page)
}

pub async fn update(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Path(id): Path<String>,
    Form(form): Form<Pairs>,
) -> Result<Response, WebError> {
    let office = authority.office(Permission::ManagePartners)?;
    let partner = partners::get(&state.store, &office, PartnerId(path_id(&id)?)).await?;
    let t = ui.t();
    let mut errors = FormErrors::default();
    let fields = fields_of(&form, t, &mut errors);
    let version = form.get("version").parse::<i64>().unwrap_or(-1);
    if errors.is_empty() {
        match partners::update(&state.store, &office, partner.id, version, &fields).await {
            Ok(()) => {
                return Ok(
                    Redirect::to(&format!("/partners/{}?done=partner", partner.id.0))
                        .into_response(),
                );
            }
            Err(StoreError::Conflict) => errors.add("name", t.conflict),
            Err(other) => return Err(other.into()),
        }
    }
    let latest = partners::get(&state.store, &office, partner.id).await?;
    let mut typed = form;
    // A stale edit keeps what was typed but carries the latest version, so saving again works.
    typed.0.retain(|(k, _)| k != "version");
    typed.0.push(("version".into(), latest.version.to_string()));
    let pipeline = pipeline(&state, &ui, &authority, &latest).await?;
    invalid(page(
        &ui,
        &latest.fields.name,
        format!("/partners/{}", latest.id.0),
        typed,
        errors,
        true,
        Some(pipeline),
    ))
}
