//! The register (§2.2.4): the registry records the person (G1, G2) after seeing who may
//! already be in the system (G3), and the office keeps its register book, searchable and
//! exportable as CSV that spreadsheets cannot execute.

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use jiff::civil::Date;
use karya_domain::register::{self, RegisterData};
use karya_domain::{CaseStatus, Sex};
use karya_store::cases::{Case, CaseError};
use karya_store::ids::PersonId;
use karya_store::register::{self as book_store, BookEntry};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::{Authority, CaseOf, can};
use crate::error::WebError;
use crate::export::{Cell, Table};
use crate::forms::FormErrors;
use crate::i18n::{Catalog, fill};
use crate::page::{Page, Ui, render, url_encode};
use crate::routes::cases::today_in;
use crate::views;
use karya_domain::Permission;
use karya_store::access::CaseAccess;

#[derive(Default, Clone)]
pub struct RegisterForm {
    values: Vec<(String, String)>,
}

impl RegisterForm {
    pub fn get(&self, name: &str) -> &str {
        self.values
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

#[derive(Template)]
#[template(path = "register_form.html")]
struct RegisterPage {
    page: Page,
    case_id: i64,
    form: RegisterForm,
    errors: FormErrors,
    warnings: Vec<String>,
    candidates: Vec<(String, String)>,
    fields: Vec<(&'static str, &'static str, &'static str, &'static str)>,
    features: Vec<(&'static str, &'static str)>,
}

fn fields(t: &Catalog) -> Vec<(&'static str, &'static str, &'static str, &'static str)> {
    vec![
        ("full_name", t.full_name, "", "text"),
        ("aliases", t.aliases, "", "text"),
        ("nik", t.nik_label, t.nik_hint, "text"),
        ("birth_place", t.birth_place, "", "text"),
        ("birth_date", t.birth_date, "", "date"),
        ("address", t.address, "", "text"),
        ("district_code", t.district_code, t.district_hint, "text"),
        ("occupation", t.occupation, "", "text"),
        ("father_name", t.father_name, "", "text"),
        ("mother_name", t.mother_name, "", "text"),
        ("contact", t.contact, "", "text"),
    ]
}

fn features(t: &Catalog) -> Vec<(&'static str, &'static str)> {
    vec![
        ("tattoos", t.tattoos),
        ("piercings", t.piercings),
        ("limbs", t.limbs),
        ("illnesses", t.illnesses),
        ("other_features", t.other_features),
    ]
}

/// The register form is for a case whose PK was appointed and that is not registered yet.
fn registrable(access: &CaseAccess) -> Result<&Case, WebError> {
    let case = access.case();
    if case.status != CaseStatus::OfficerAssigned {
        return Err(WebError::BadRequest);
    }
    Ok(case)
}

fn page(
    ui: &Ui,
    case: &Case,
    form: RegisterForm,
    errors: FormErrors,
    warnings: Vec<String>,
    candidates: Vec<(String, String)>,
) -> Result<Response, WebError> {
    let t = ui.t();
    let invalid = !errors.is_empty() || !candidates.is_empty();
    let mut response = render(&RegisterPage {
        page: ui.page(t.register_title),
        case_id: case.id.0,
        form,
        errors,
        warnings,
        candidates,
        fields: fields(t),
        features: features(t),
    })?;
    if invalid {
        *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

pub async fn form(
    State(_state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::RegisterPeople>,
) -> Result<Response, WebError> {
    let case = registrable(&access)?;
    let form = RegisterForm {
        values: vec![("full_name".into(), case.client_name.clone())],
    };
    page(
        &ui,
        case,
        form,
        FormErrors::default(),
        Vec::new(),
        Vec::new(),
    )
}

fn data_of(form: &RegisterForm, t: &Catalog, errors: &mut FormErrors) -> RegisterData {
    let mut text =
        |name: &'static str| crate::forms::text(errors, t, name, form.get(name), 300, false);
    let data = RegisterData {
        full_name: text("full_name"),
        aliases: text("aliases"),
        nik: text("nik"),
        birth_place: text("birth_place"),
        birth_date: None,
        sex: None,
        address: text("address"),
        district_code: text("district_code"),
        occupation: text("occupation"),
        father_name: text("father_name"),
        mother_name: text("mother_name"),
        contact: text("contact"),
        tattoos: text("tattoos"),
        piercings: text("piercings"),
        limbs: text("limbs"),
        illnesses: text("illnesses"),
        other_features: text("other_features"),
    };
    let birth = form.get("birth_date").trim();
    let birth_date = if birth.is_empty() {
        None
    } else {
        birth
            .parse::<Date>()
            .map_err(|_| errors.add("birth_date", t.date_invalid))
            .ok()
    };
    if !data.district_code.is_empty()
        && karya_store::areas::district_name(&data.district_code).is_none()
    {
        errors.add("district_code", t.district_invalid);
    }
    let sex = match form.get("sex") {
        "male" => Some(Sex::Male),
        "female" => Some(Sex::Female),
        _ => None,
    };
    RegisterData {
        birth_date,
        sex,
        ..data
    }
}

pub async fn submit(
    State(state): State<AppState>,
    ui: Ui,
    access: CaseOf<can::RegisterPeople>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let case = registrable(&access)?;
    let t = ui.t();
    let form = RegisterForm { values: pairs };
    let mut errors = FormErrors::default();
    let data = data_of(&form, t, &mut errors);
    let checked = register::check(&data);
    if let Err(violations) = &checked {
        for violation in &violations.0 {
            errors.add(
                violation.field,
                views::violation_message(ui.lang, violation),
            );
        }
    }
    let Ok(checked) = checked
        .map_err(|_| ())
        .and_then(|c| if errors.is_empty() { Ok(c) } else { Err(()) })
    else {
        return page(&ui, case, form, errors, Vec::new(), Vec::new());
    };
    let warnings: Vec<String> = checked.warnings.iter().map(|w| ui.lang.say(&w)).collect();
    let nik = checked.nik.as_ref().map(|n| n.as_str().to_owned());
    let candidates = book_store::candidates(
        &state.store,
        &access,
        nik.as_deref(),
        &data.full_name,
        data.birth_date,
    )
    .await?;
    let merge_into = match form.get("person_choice") {
        "" if !candidates.is_empty() => {
            // G3: show who may be the same person and let the registry decide.
            let choices = candidates
                .iter()
                .map(|c| {
                    let born = c
                        .birth_date
                        .as_deref()
                        .and_then(|d| d.parse().ok())
                        .map(|d| views::date(ui.lang, d))
                        .unwrap_or_default();
                    (
                        c.id.to_string(),
                        fill(
                            t.candidate_use,
                            &[
                                ("name", &c.full_name),
                                ("born", &born),
                                ("cases", &c.cases.to_string()),
                            ],
                        ),
                    )
                })
                .collect();
            return page(&ui, case, form, errors, warnings, choices);
        }
        "" | "new" => None,
        chosen => {
            let id = chosen.parse::<i64>().map_err(|_| WebError::BadRequest)?;
            let found = candidates
                .iter()
                .find(|c| c.id == id)
                .ok_or(WebError::BadRequest)?;
            Some(PersonId(found.id))
        }
    };
    match book_store::register(
        &state.store,
        &access,
        &data,
        nik.as_deref(),
        merge_into,
        today_in(&state, case),
    )
    .await
    {
        Ok((year, number)) => Ok(Redirect::to(&format!(
            "/cases/{}?done=registered&number={number}&year={year}",
            case.id.0
        ))
        .into_response()),
        Err(CaseError::Rule(violation)) => {
            errors.add(
                violation.field,
                views::violation_message(ui.lang, &violation),
            );
            page(&ui, case, form, errors, warnings, Vec::new())
        }
        Err(error) => {
            crate::forms::add_refusal(&mut errors, ui.lang, t, "full_name", error)?;
            page(&ui, case, form, errors, warnings, Vec::new())
        }
    }
}

#[derive(Deserialize, Default)]
pub struct BookQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    year: Option<String>,
}

#[derive(Template)]
#[template(path = "register_book.html")]
struct BookPage {
    page: Page,
    entries: Vec<BookEntry>,
    query: String,
    query_encoded: String,
    year: i64,
    years: Vec<i64>,
}

fn year_of(query: &BookQuery) -> i64 {
    query
        .year
        .as_deref()
        .and_then(|y| y.parse().ok())
        .filter(|y| (0..=9999).contains(y))
        .unwrap_or(0)
}

pub async fn book(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
    Query(query): Query<BookQuery>,
) -> Result<Response, WebError> {
    let office = authority.office(Permission::ReadRegister)?;
    let year = year_of(&query);
    let mut entries: Vec<_> = book_store::book(&state.store, &office, year, &query.q)
        .await?
        .into_iter()
        .map(book_store::BookEntry::listed)
        .collect();
    // People read the status in words; the CSV and XLSX keep the codes.
    for e in &mut entries {
        if let Some(status) = CaseStatus::parse(&e.status, e.termination_reason.as_deref()) {
            e.status = views::status(ui.lang, status).to_owned();
        }
    }
    let this_year = i64::from(
        karya_domain::calendar::local_date(
            state.store.now(),
            &karya_domain::OfficeZone::Wib.time_zone(),
        )
        .year(),
    );
    render(&BookPage {
        page: ui.page(ui.t().nav_register),
        entries,
        query_encoded: url_encode(&query.q),
        query: query.q,
        year,
        years: (this_year - 4..=this_year).rev().collect(),
    })
}

#[derive(Clone, Copy)]
enum Format {
    Csv,
    Xlsx,
}

impl Format {
    fn as_str(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }
}

pub async fn export_csv(
    state: State<AppState>,
    authority: Authority,
    query: Query<BookQuery>,
) -> Result<Response, WebError> {
    export(state, authority, query, Format::Csv).await
}

pub async fn export_xlsx(
    state: State<AppState>,
    authority: Authority,
    query: Query<BookQuery>,
) -> Result<Response, WebError> {
    export(state, authority, query, Format::Xlsx).await
}

/// The book as filtered on screen, as a spreadsheet; every export is audited.
async fn export(
    State(state): State<AppState>,
    authority: Authority,
    Query(query): Query<BookQuery>,
    format: Format,
) -> Result<Response, WebError> {
    let office = authority.office(Permission::ReadRegister)?;
    let entries: Vec<_> = book_store::book(&state.store, &office, year_of(&query), &query.q)
        .await?
        .into_iter()
        .map(book_store::BookEntry::listed)
        .collect();
    let rows = entries
        .iter()
        .map(|e| {
            let status =
                karya_domain::CaseStatus::parse(&e.status, e.termination_reason.as_deref())
                    .map_or_else(|| e.status.clone(), |s| s.label_id().to_owned());
            vec![
                Cell::Number(e.number),
                Cell::Number(e.year),
                e.full_name.clone().into(),
                e.nik.clone().unwrap_or_default().into(),
                e.birth_place.clone().into(),
                Cell::date_text(e.birth_date.as_deref()),
                e.address.clone().into(),
                e.occupation.clone().into(),
                e.father_name.clone().into(),
                e.mother_name.clone().into(),
                e.offence().into(),
                e.decision_number.clone().into(),
                status.into(),
                Cell::date_text(Some(&e.registered_on)),
                Cell::date_text(e.terminated_on.as_deref()),
            ]
        })
        .collect();
    // Indonesian headings in the register's words (G1); the status says how a case ended.
    let table = Table {
        sheet: "Buku Register",
        headers: vec![
            "No. Register",
            "Tahun",
            "Nama",
            "NIK",
            "Tempat lahir",
            "Tanggal lahir",
            "Alamat",
            "Pekerjaan",
            "Nama ayah",
            "Nama ibu",
            "Tindak pidana",
            "Nomor putusan",
            "Status",
            "Tanggal register",
            "Tanggal pengakhiran",
        ],
        wrapped: vec![6, 10],
        rows,
    };
    let actor = office.actor();
    let event = karya_store::audit::Event::new(
        "register.export",
        "office",
        office.office(),
        serde_json::json!({"rows": entries.len(), "format": format.as_str()}),
    );
    state.store.audit_alone(actor, event).await?;
    let (content_type, body) = match format {
        Format::Csv => ("text/csv; charset=utf-8", table.csv().into_bytes()),
        Format::Xlsx => (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            table.xlsx()?,
        ),
    };
    let disposition = format!("attachment; filename=\"buku-register.{}\"", format.as_str());
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response())
}
