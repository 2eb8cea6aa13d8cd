//! Recording a new court decision: the sentence terms are checked by the domain (L1–L8,
//! I1) and every broken rule is shown beside its field with its ID. The intake capability
//! adds the channel, the documents and the summons to this same form.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use jiff::civil::Date;
use karya_domain::intake::Channel;
use karya_domain::{
    Consideration, DefaultOrder, FineCategories, JudgeConsiderations, Minutes, ReplacedPenalty,
    ScheduleTerms, SentenceTerms, ServiceWindow, Violation,
};
use karya_store::StoreError;
use karya_store::cases::{self, Intake, NewCase};
use karya_store::ids::ProsecutorOfficeId;

use crate::app::AppState;
use crate::auth::{Authority, Granted, can};
use crate::error::WebError;
use crate::forms::{self, FormErrors};
use crate::i18n::Catalog;
use crate::page::{Page, Ui, render};
use crate::views;
use karya_domain::Permission;

/// The considerations of L2 in form order: (field, label).
fn consideration_fields(t: &Catalog) -> [(&'static str, &'static str); 7] {
    [
        ("c_admission", t.consideration_admission),
        ("c_ability", t.consideration_ability),
        ("c_consent", t.consideration_consent),
        ("c_history", t.consideration_history),
        ("c_safety", t.consideration_safety),
        ("c_religion", t.consideration_religion),
        ("c_fine", t.consideration_fine),
    ]
}

/// The form as typed: every value is text, read from pairs because checkboxes repeat.
#[derive(Debug, Clone, Default)]
pub struct CaseForm {
    values: Vec<(String, String)>,
}

impl CaseForm {
    pub fn get(&self, name: &str) -> &str {
        self.values
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    pub fn checked(&self, name: &str) -> bool {
        !self.get(name).is_empty()
    }

    fn number(
        &self,
        errors: &mut FormErrors,
        t: &Catalog,
        name: &'static str,
        required: bool,
    ) -> Option<i64> {
        let text = self.get(name).trim().replace(['.', ' '], "");
        if text.is_empty() {
            if required {
                errors.add(name, t.field_required);
            }
            return None;
        }
        match text.parse::<i64>() {
            Ok(n) if n >= 0 => Some(n),
            _ => {
                errors.add(name, t.number_invalid);
                None
            }
        }
    }

    fn date(&self, errors: &mut FormErrors, t: &Catalog, name: &'static str) -> Option<Date> {
        let text = self.get(name).trim();
        if text.is_empty() {
            errors.add(name, t.field_required);
            return None;
        }
        text.parse::<Date>()
            .map_err(|_| errors.add(name, t.date_invalid))
            .ok()
    }

    /// A date the form may leave empty.
    fn optional_date(
        &self,
        errors: &mut FormErrors,
        t: &Catalog,
        name: &'static str,
    ) -> Option<Date> {
        let text = self.get(name).trim();
        if text.is_empty() {
            return None;
        }
        text.parse::<Date>()
            .map_err(|_| errors.add(name, t.date_invalid))
            .ok()
    }

    fn consideration(
        &self,
        t: &Catalog,
        errors: &mut FormErrors,
        name: &'static str,
    ) -> Consideration {
        let finding = match self.get(name) {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        };
        let note_field = consideration_note(name);
        let note = forms::text(errors, t, note_field, self.get(note_field), 500, false);
        Consideration { finding, note }
    }

    /// The typed values: terms, the day the office received the client, the client's name
    /// and the prosecutor's office. Field errors here are about form, not law.
    /// How the case arrived (I2) and its execution letter.
    fn intake(&self, t: &Catalog, errors: &mut FormErrors) -> Intake {
        let channel = Channel::parse(self.get("channel"));
        if channel.is_none() {
            errors.add("channel", t.channel_invalid);
        }
        let number = forms::text(
            errors,
            t,
            "execution_letter_number",
            self.get("execution_letter_number"),
            100,
            false,
        );
        let issuer = forms::text(
            errors,
            t,
            "execution_letter_issuer",
            self.get("execution_letter_issuer"),
            200,
            false,
        );
        let date_text = self.get("execution_letter_date").trim();
        let date = if date_text.is_empty() {
            None
        } else {
            date_text
                .parse::<Date>()
                .map_err(|_| errors.add("execution_letter_date", t.date_invalid))
                .ok()
        };
        Intake {
            channel,
            handed_over: self.checked("handed_over"),
            execution_letter_number: (!number.is_empty()).then_some(number),
            execution_letter_date: date,
            execution_letter_issuer: (!issuer.is_empty()).then_some(issuer),
        }
    }

    fn parse(&self, t: &Catalog) -> Result<(SentenceTerms, Date, String, Option<i64>), FormErrors> {
        let mut errors = FormErrors::default();
        let client = forms::text(
            &mut errors,
            t,
            "client_name",
            self.get("client_name"),
            200,
            true,
        );
        let prosecutor = self.get("prosecutor_office_id").trim().parse::<i64>().ok();
        let court = forms::text(&mut errors, t, "court", self.get("court"), 200, true);
        let decision_number = forms::text(
            &mut errors,
            t,
            "decision_number",
            self.get("decision_number"),
            100,
            true,
        );
        let decision_date = self.date(&mut errors, t, "decision_date");
        let date_final = self.date(&mut errors, t, "date_final");
        let received_on = self.date(&mut errors, t, "received_on");
        let offence_articles = forms::text(
            &mut errors,
            t,
            "offence_articles",
            self.get("offence_articles"),
            300,
            true,
        );
        let max_threat = self.number(&mut errors, t, "max_threat_months", true);
        let replaced = match self.get("replaced_kind") {
            "fine" => self
                .number(&mut errors, t, "fine_amount", true)
                .map(|amount_rupiah| ReplacedPenalty::Fine { amount_rupiah }),
            _ => {
                let months = self
                    .number(&mut errors, t, "replaced_months", false)
                    .unwrap_or(0);
                let days = self
                    .number(&mut errors, t, "replaced_days", false)
                    .unwrap_or(0);
                Some(ReplacedPenalty::Imprisonment {
                    months: months.try_into().unwrap_or(u32::MAX),
                    days: days.try_into().unwrap_or(u32::MAX),
                })
            }
        };
        let hours = self.number(&mut errors, t, "hours", true);
        let extra_minutes = self.number(&mut errors, t, "minutes", false).unwrap_or(0);
        let schedule_text = forms::text(
            &mut errors,
            t,
            "schedule_text",
            self.get("schedule_text"),
            2000,
            false,
        );
        let instalment = self.number(&mut errors, t, "instalment_months", false);
        let starts_on = self.optional_date(&mut errors, t, "starts_on");
        let mut default_orders = Vec::new();
        if self.checked("order_repeat") {
            default_orders.push(DefaultOrder::RepeatWork);
        }
        if self.checked("order_prison") {
            let months = self
                .number(&mut errors, t, "order_prison_months", false)
                .unwrap_or(0);
            let days = self
                .number(&mut errors, t, "order_prison_days", false)
                .unwrap_or(0);
            default_orders.push(DefaultOrder::ServeImprisonment {
                months: months.try_into().unwrap_or(u32::MAX),
                days: days.try_into().unwrap_or(u32::MAX),
            });
        }
        if self.checked("order_fine") {
            let amount = self
                .number(&mut errors, t, "order_fine_amount", true)
                .unwrap_or(0);
            default_orders.push(DefaultOrder::PayFine {
                amount_rupiah: amount,
                imprisonment_in_lieu: None,
            });
        }
        let considerations = JudgeConsiderations {
            admission: self.consideration(t, &mut errors, "c_admission"),
            ability_to_work: self.consideration(t, &mut errors, "c_ability"),
            consent: self.consideration(t, &mut errors, "c_consent"),
            social_history: self.consideration(t, &mut errors, "c_history"),
            work_safety: self.consideration(t, &mut errors, "c_safety"),
            religion_belief_politics: self.consideration(t, &mut errors, "c_religion"),
            ability_to_pay_fine: self.consideration(t, &mut errors, "c_fine"),
        };
        let (
            Some(decision_date),
            Some(date_final),
            Some(received_on),
            Some(max_threat),
            Some(replaced),
            Some(hours),
        ) = (
            decision_date,
            date_final,
            received_on,
            max_threat,
            replaced,
            hours,
        )
        else {
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let terms = SentenceTerms {
            court,
            decision_number,
            decision_date,
            date_final,
            offence_articles,
            max_threat_months: max_threat.try_into().unwrap_or(u32::MAX),
            replaced,
            hours_ordered: Minutes::new(hours.saturating_mul(60).saturating_add(extra_minutes)),
            schedule: ScheduleTerms {
                text: schedule_text,
                instalment_months: instalment.map(|m| m.try_into().unwrap_or(u8::MAX)),
                starts_on,
            },
            default_orders,
            considerations,
        };
        Ok((terms, received_on, client, prosecutor))
    }
}

fn consideration_note(field: &'static str) -> &'static str {
    match field {
        "c_admission" => "c_admission_note",
        "c_ability" => "c_ability_note",
        "c_consent" => "c_consent_note",
        "c_history" => "c_history_note",
        "c_safety" => "c_safety_note",
        "c_religion" => "c_religion_note",
        _ => "c_fine_note",
    }
}

/// The form field a domain violation belongs beside.
fn form_field(violation: &Violation) -> &'static str {
    match violation.field {
        "hours_ordered" => "hours",
        "replaced" => "replaced_kind",
        "default_orders" => "orders",
        "schedule" | "schedule.text" => "schedule_text",
        "schedule.instalment_months" => "instalment_months",
        "schedule.starts_on" => "starts_on",
        "considerations.consent" => "c_consent",
        "max_threat_months" => "max_threat_months",
        "received_on" => "received_on",
        "date_final" => "date_final",
        "decision_number" => "decision_number",
        "court" => "court",
        "offence_articles" => "offence_articles",
        "prosecutor_office_id" => "prosecutor_office_id",
        _ => "court",
    }
}

pub struct ConsiderationRow {
    pub field: &'static str,
    pub note_field: &'static str,
    pub label: &'static str,
    pub value: String,
    pub note: String,
}

#[derive(Template)]
#[template(path = "case_new.html")]
struct NewCasePage {
    page: Page,
    form: CaseForm,
    errors: FormErrors,
    prosecutors: Vec<(i64, String)>,
    considerations: Vec<ConsiderationRow>,
    channels: Vec<(&'static str, &'static str)>,
    once: String,
}

async fn form_page(
    state: &AppState,
    ui: &Ui,
    form: CaseForm,
    errors: FormErrors,
) -> Result<Response, WebError> {
    let t = ui.t();
    let prosecutors = karya_store::orgs::list_prosecutor_offices(&state.store).await?;
    let considerations = consideration_fields(t)
        .into_iter()
        .map(|(field, label)| ConsiderationRow {
            field,
            note_field: consideration_note(field),
            label,
            value: form.get(field).to_owned(),
            note: form.get(consideration_note(field)).to_owned(),
        })
        .collect();
    let invalid = !errors.is_empty();
    let mut response = render(&NewCasePage {
        page: ui.page(t.case_new),
        once: form.get("_once").to_owned(),
        form,
        errors,
        prosecutors,
        considerations,
        channels: Channel::ALL
            .iter()
            .map(|c| (c.as_str(), ui.lang.say(c)))
            .collect(),
    })?;
    if invalid {
        *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

pub async fn new_form(
    State(state): State<AppState>,
    ui: Ui,
    authority: Authority,
) -> Result<Response, WebError> {
    authority.grant(Permission::OpenCases)?;
    let once =
        karya_store::form_tokens::issue(&state.store, authority.user().id, state.store.now_ms())
            .await?;
    let form = CaseForm {
        values: vec![("_once".into(), once), ("order_repeat".into(), "1".into())],
    };
    form_page(&state, &ui, form, FormErrors::default()).await
}

pub async fn create(
    State(state): State<AppState>,
    ui: Ui,
    granted: Granted<can::OpenCases>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let office = granted.grant().office()?;
    let t = ui.t();
    let form = CaseForm { values: pairs };
    let mut intake_errors = FormErrors::default();
    let intake = form.intake(t, &mut intake_errors);
    let (terms, received_on, client_name, prosecutor) = match form.parse(t) {
        Ok(parsed) => parsed,
        Err(mut errors) => {
            errors.extend(intake_errors);
            return form_page(&state, &ui, form, errors).await;
        }
    };

    // Every broken rule at once: the terms (L1–L8), a decision not yet final and a
    // reception before it (I1).
    let zone = karya_store::orgs::office_of(&state.store, &office).await?;
    let zone =
        karya_domain::OfficeZone::parse(&zone.time_zone).unwrap_or(karya_domain::OfficeZone::Wib);
    let today = karya_domain::calendar::local_date(state.store.now(), &zone.time_zone());
    let reception = karya_domain::intake::check_final(terms.date_final, today)
        .err()
        .or_else(|| karya_domain::window::check_reception(terms.date_final, received_on).err());
    let prosecutor_missing = karya_domain::intake::check_prosecutor(prosecutor.is_some()).err();
    let refused_intake: Vec<_> = reception.into_iter().chain(prosecutor_missing).collect();
    let checked = match terms.validate(&FineCategories::default()) {
        Ok(valid) if refused_intake.is_empty() => {
            ServiceWindow::for_new_case(&valid, received_on, intake.handed_over)
                .map(|window| (valid, window))
                .map_err(|violation| vec![violation])
        }
        Ok(_) => Err(refused_intake),
        Err(violations) => Err(violations.0.into_iter().chain(refused_intake).collect()),
    };
    // The form's own errors and every broken rule, shown together.
    let mut errors = intake_errors;
    let (valid, (window, window_basis)) = match checked {
        Ok(checked) if errors.is_empty() => checked,
        Ok(_) => return form_page(&state, &ui, form, errors).await,
        Err(violations) => {
            for violation in &violations {
                errors.add(
                    form_field(violation),
                    views::violation_message(ui.lang, violation),
                );
            }
            return form_page(&state, &ui, form, errors).await;
        }
    };
    let mut address_errors = FormErrors::default();
    let client_address = forms::text(
        &mut address_errors,
        t,
        "client_address",
        form.get("client_address"),
        300,
        false,
    );
    if !address_errors.is_empty() {
        return form_page(&state, &ui, form, address_errors).await;
    }
    let new_case = NewCase {
        client_name,
        client_address,
        prosecutor_office: prosecutor.map(ProsecutorOfficeId),
        terms: valid,
        window,
        window_basis,
        pk: None,
        existing_person: None,
        intake,
    };
    let once = crate::forms::once(granted.grant().user().id, form.get("_once"));
    match cases::create(&state.store, &office, &new_case, once).await {
        Ok(id) => Ok(Redirect::to(&format!("/cases/{}?done=case", id.0)).into_response()),
        Err(StoreError::Repeated(Some(object))) => {
            let id = object.trim_start_matches("case:");
            Ok(Redirect::to(&format!("/cases/{id}")).into_response())
        }
        Err(StoreError::Repeated(None)) => {
            let mut errors = FormErrors::default();
            errors.add("client_name", t.already_submitted);
            form_page(&state, &ui, form, errors).await
        }
        Err(other) => Err(other.into()),
    }
}
