//! Nothing a user types is silently lost (issue 13, item 2), on both engines. Every POST form
//! of the pages each role works from is read from the page itself (so a renamed field is
//! caught without anyone updating a list), every free-text field is filled with a marker of
//! its own, and the form is sent: the marker must then be on the page the user lands on,
//! whether the act was recorded (and its text shown) or refused (and the form shown again
//! with what was typed).

use karya_domain::calendar::{add_days, local_date};
use karya_testkit::html_forms::{Form, post_forms};
use karya_testkit::{TestApp, on_both_engines};
use karya_web::demo::cases::{Stage, assigned_case, case_at, serving_case};

/// Forms with no free text or whose text is not the user's record: leaving, switching the
/// language, marking a complaint read.
fn skipped(action: &str) -> bool {
    ["/logout", "/lang", "/complaints/"]
        .iter()
        .any(|p| action.starts_with(p))
}

fn yesterday() -> String {
    let zone = karya_domain::OfficeZone::Wib.time_zone();
    add_days(local_date(karya_testkit::test_now(), &zone), -1)
        .unwrap()
        .to_string()
}

/// (field name, value) pairs.
type Pairs = Vec<(String, String)>;

/// The values a browser would send for `form`, with a marker in each free-text field:
/// (field, value) pairs and the markers typed.
fn fill(form: &Form, serial: usize) -> (Pairs, Pairs) {
    let mut pairs = Vec::new();
    let mut typed = Vec::new();
    let mut times = ["08:00", "12:00"].into_iter();
    for field in &form.fields {
        // A browser sends one radio button of a group.
        if field.kind == "radio" && pairs.iter().any(|(name, _)| *name == field.name) {
            continue;
        }
        let value = match field.kind.as_str() {
            "text" | "textarea" | "search" => {
                let marker = format!("Isian{serial}{}", field.name.replace(['_', '-'], ""));
                typed.push((field.name.clone(), marker.clone()));
                marker
            }
            "date" => yesterday(),
            "time" => times.next().unwrap_or("13:00").to_owned(),
            "number" => "1".to_owned(),
            "checkbox" | "radio" if field.value.is_empty() => "1".to_owned(),
            "file" | "submit" | "button" => continue,
            _ => field.value.clone(),
        };
        if field.name == "_csrf" {
            continue;
        }
        pairs.push((field.name.clone(), value));
    }
    (pairs, typed)
}

/// Sends every form of `path` as `username` would; returns the fields whose text was lost:
/// "action field".
async fn lost_on(app: &TestApp, username: &str, path: &str) -> Vec<String> {
    let mut client = app.signed_in(username).await;
    let count = post_forms(&client.get(path).await.body).len();
    let mut lost = Vec::new();
    for index in 0..count {
        // A fresh page for each form: its one-time tokens are new.
        let forms = post_forms(&client.get(path).await.body);
        let Some(form) = forms.get(index) else { break };
        if skipped(&form.action) {
            continue;
        }
        let (pairs, typed) = fill(form, index);
        if typed.is_empty() {
            continue;
        }
        let fields: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let sent = if form.multipart {
            client
                .post_multipart(
                    &form.action,
                    &fields,
                    ("file", &karya_testkit::images::tiny_png()),
                )
                .await
        } else {
            client.post_form(&form.action, &fields).await
        };
        let landed = if sent.status == 303 {
            client.get(sent.location()).await.body
        } else {
            sent.body.clone()
        };
        for (field, marker) in typed {
            if !landed.contains(&marker) {
                lost.push(format!(
                    "{username} {} {field} (answer {})",
                    form.action, sent.status
                ));
            }
        }
    }
    lost
}

on_both_engines! {
    async fn every_field_a_case_form_sends_is_stored_and_shown_or_kept(db) {
        let app = TestApp::with_demo(db).await;
        let serving = serving_case(&app.db.store, "bdg", 80, 20, Some("klien.bdg")).await.unwrap();
        let registered = case_at(&app.db.store, "bdg", Stage::Registered, 60, 11).await.unwrap();
        let mut lost = Vec::new();
        for (user, path) in [
            ("pk.bdg", format!("/cases/{}", serving.0)),
            ("kabapas.bdg", format!("/cases/{}", serving.0)),
            ("klien.bdg", format!("/cases/{}", serving.0)),
            ("registrasi.bdg", format!("/cases/{}", serving.0)),
            ("pk.bdg", format!("/cases/{}/litmas", registered.0)),
            ("pk.bdg", format!("/cases/{}/placement-profile", registered.0)),
        ] {
            lost.extend(lost_on(&app, user, &path).await);
        }
        assert!(lost.is_empty(), "typed text lost:\n{}", lost.join("\n"));
    }
}

on_both_engines! {
    async fn every_field_of_the_office_forms_is_stored_and_shown_or_kept(db) {
        let app = TestApp::with_demo(db).await;
        let assigned = assigned_case(&app.db.store, "bdg", 8).await.unwrap();
        let mut lost = Vec::new();
        for (user, path) in [
            ("pendaftaran.bdg", "/cases/new".to_owned()),
            ("registrasi.bdg", format!("/cases/{}/register", assigned.0)),
            ("kabapas.bdg", "/partners/new".to_owned()),
            ("admin", "/admin/staff/new".to_owned()),
            ("admin", "/admin/offices/new".to_owned()),
            ("ppdp", "/privacy".to_owned()),
        ] {
            lost.extend(lost_on(&app, user, &path).await);
        }
        assert!(lost.is_empty(), "typed text lost:\n{}", lost.join("\n"));
    }
}
