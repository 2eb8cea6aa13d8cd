//! Intake in the browser, on both engines: a decision not yet final is refused (I1), the
//! document check moves the case (D1–D3), and summonses are limited to three, with the third
//! unanswered one recorded as a violation (I4).

use karya_domain::calendar::{add_days, local_date};
use karya_testkit::{TestApp, on_both_engines};

fn today() -> jiff::civil::Date {
    local_date(
        karya_testkit::test_now(),
        &karya_domain::OfficeZone::Wib.time_zone(),
    )
}

fn day(offset: i64) -> String {
    add_days(today(), offset).unwrap().to_string()
}

/// Records a new decision at the Bandung desk, `handed_over` or not, returning its page path.
async fn open_case(
    app: &TestApp,
    handed_over: bool,
    date_final: &str,
) -> karya_testkit::app::TestResponse {
    let mut desk = app.signed_in("pendaftaran.bdg").await;
    let mut fields = vec![
        ("client_name", "Rahmat Hidayat"),
        ("prosecutor_office_id", "1"),
        ("channel", "handover"),
        ("court", "Pengadilan Negeri Bandung"),
        ("decision_number", "88/Pid.B/2026/PN Bdg"),
        ("execution_letter_number", "PRINT-88/M.2.10/2026"),
        ("offence_articles", "Pasal 476"),
        ("max_threat_months", "48"),
        ("replaced_kind", "imprisonment"),
        ("replaced_months", "3"),
        ("hours", "60"),
        ("schedule_text", "Sabtu, 4 jam."),
        ("order_repeat", "1"),
    ];
    let decision_date = day(-20);
    let received = day(0);
    fields.extend([
        ("decision_date", decision_date.as_str()),
        ("date_final", date_final),
        ("received_on", received.as_str()),
    ]);
    if handed_over {
        fields.push(("handed_over", "1"));
    }
    desk.post_form("/cases", &fields).await
}

/// A round of the five checks on both documents, every one passed but the execution
/// letter's identity check, which has `identity` and `note` (D1).
fn checks(identity: &str, note: &str) -> Vec<(String, String)> {
    let mut fields = Vec::new();
    for document in ["decision_copy", "execution_letter"] {
        for kind in [
            "lawful_issuer",
            "identity_match",
            "barcode",
            "direct_confirmation",
            "other",
        ] {
            let tested = document == "execution_letter" && kind == "identity_match";
            let (outcome, text) = if tested {
                (identity, note)
            } else {
                ("passed", "")
            };
            fields.push((format!("{document}_{kind}_outcome"), outcome.to_owned()));
            fields.push((format!("{document}_{kind}_note"), text.to_owned()));
        }
    }
    fields
}

/// A new case at the Bandung desk, `handed_over` or not, whose documents passed every check
/// (D1); its page path.
async fn checked_case(app: &TestApp, handed_over: bool) -> String {
    let created = open_case(app, handed_over, &day(-1)).await;
    let path = created.location().split('?').next().unwrap().to_owned();
    let checked = post_checks(app, &path, &checks("passed", "")).await;
    assert_eq!(checked.status, 303, "{}", checked.body);
    path
}

async fn post_checks(
    app: &TestApp,
    path: &str,
    fields: &[(String, String)],
) -> karya_testkit::app::TestResponse {
    let mut desk = app.signed_in("pendaftaran.bdg").await;
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    desk.post_form(&format!("{path}/documents"), &fields).await
}

on_both_engines! {
    async fn intake_is_refused_before_the_decision_is_final_I1(db) {
        let app = TestApp::with_demo(db).await;
        let refused = open_case(&app, true, &day(3)).await;
        assert_eq!(refused.status, 422);
        assert!(refused.body.contains("I1"));
    }

    async fn a_failed_check_makes_the_case_wait_and_a_new_round_verifies_it_D1_D3(db) {
        let app = TestApp::with_demo(db).await;
        let created = open_case(&app, true, &day(-1)).await;
        assert_eq!(created.status, 303, "{}", created.body);
        let path = created.location().split('?').next().unwrap().to_owned();
        let (intake_steps,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM sop_steps WHERE sop = 'intake' AND step IN (1, 2, 3)").fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(intake_steps, 3, "the decision, the execution letter and the handover are intake SOP steps 1–3");
        let no_note = post_checks(&app, &path, &checks("failed", "")).await;
        assert_eq!(no_note.status, 422, "a failed check needs its note");
        assert!(no_note.body.contains("D1"));
        let incomplete = post_checks(&app, &path, &checks("failed", "Tanggal lahir pada surat eksekusi berbeda")).await;
        assert_eq!(incomplete.status, 303);
        let page = app.signed_in("kabapas.bdg").await.get(&path).await.body;
        assert!(page.contains("<span class=\"badge status\">Berkas belum lengkap</span>"), "the case waits (D3)");
        assert!(page.contains("Tanggal lahir pada surat eksekusi berbeda"), "the failed check keeps its note");
        // The head's letter to the prosecutor names the document and what is wrong with it.
        let mut head = app.signed_in("kabapas.bdg").await;
        assert_eq!(head.post_form(&format!("{path}/letters"), &[("kind", "missing_documents")]).await.status, 303);
        let id: i64 = path.trim_start_matches("/cases/").parse().unwrap();
        let (doc,): (i64,) = sqlx::query_as("SELECT id FROM issued_documents WHERE kind = 'missing_documents' AND case_id = $1").bind(id).fetch_one(app.db.store.pool()).await.unwrap();
        let letter = karya_testkit::pdf_text(&head.get_bytes(&format!("{path}/letters/{doc}")).await).split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(letter.contains("Surat eksekusi") && letter.contains("Tanggal lahir pada surat eksekusi berbeda"), "{letter}");
        assert!(!letter.contains("Nama, identitas, tanda tangan"), "the letter names documents, not checks");
        let valid = post_checks(&app, &path, &checks("passed", "")).await;
        assert_eq!(valid.status, 303);
        assert!(valid.location().ends_with("done=documents_valid"));
        let (rounds,): (i64,) = sqlx::query_as("SELECT COUNT(DISTINCT round) FROM document_checks").fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(rounds, 2, "every round is kept");
    }

    async fn three_summonses_then_a_violation_and_no_fourth_I3_I4(db) {
        let app = TestApp::with_demo(db).await;
        let path = checked_case(&app, false).await;
        let mut head = app.signed_in("kabapas.bdg").await;
        let mut desk = app.signed_in("pendaftaran.bdg").await;
        for n in 0..3 {
            // Summonses in the past, so that their deadlines have passed.
            let issued = day(-30 + n * 7);
            let deadline = day(-27 + n * 7);
            let issue = head.post_form(&format!("{path}/summonses"), &[("issued_on", &issued), ("deadline", &deadline), ("delivery", "Diantar petugas")]).await;
            assert_eq!(issue.status, 303, "summons {}: {}", n + 1, issue.body);
            let outcome = desk.post_form(&format!("{path}/summonses/outcome"), &[("outcome", "no_response")]).await;
            assert_eq!(outcome.status, 303);
            let expected = if n == 2 { "done=violation" } else { "done=summons_outcome" };
            assert!(outcome.location().ends_with(expected), "{}", outcome.location());
        }
        let fourth = head.post_form(&format!("{path}/summonses"), &[("issued_on", &day(0)), ("deadline", &day(3)), ("delivery", "Diantar")]).await;
        assert_eq!(fourth.status, 422);
        assert!(fourth.body.contains("I3"));
        let (violations,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM violations WHERE rule = 'I4'").fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(violations, 1);
    }

    async fn an_absence_with_a_lawful_reason_is_no_violation_and_the_head_signs_the_consideration_the_tu_drafted_I3_I4(db) {
        let app = TestApp::with_demo(db).await;
        let path = checked_case(&app, false).await;
        let mut head = app.signed_in("kabapas.bdg").await;
        let mut desk = app.signed_in("pendaftaran.bdg").await;
        for n in 0..3 {
            let issue = head.post_form(&format!("{path}/summonses"), &[("issued_on", &day(-30 + n * 7)), ("deadline", &day(-27 + n * 7)), ("delivery", "Diantar petugas")]).await;
            assert_eq!(issue.status, 303, "{}", issue.body);
            let outcome = if n == 1 {
                let no_reason = desk.post_form(&format!("{path}/summonses/outcome"), &[("outcome", "absent_with_reason"), ("absence_reason", "")]).await;
                assert_eq!(no_reason.status, 422, "the reason is written down");
                assert!(no_reason.body.contains("I4"));
                desk.post_form(&format!("{path}/summonses/outcome"), &[("outcome", "absent_with_reason"), ("absence_reason", "Dirawat di rumah sakit, surat dokter terlampir")]).await
            } else {
                desk.post_form(&format!("{path}/summonses/outcome"), &[("outcome", "no_response")]).await
            };
            assert_eq!(outcome.status, 303);
            assert!(outcome.location().ends_with("done=summons_outcome"), "no violation yet: {}", outcome.location());
        }
        let page = head.get(&path).await.body;
        assert!(page.contains("Tidak hadir dengan alasan: Dirawat di rumah sakit"), "the reason shows on the case");
        let (violations,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM violations").fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(violations, 0, "a lawful absence is no violation");
        let fourth = head.post_form(&format!("{path}/summonses"), &[("issued_on", &day(-5)), ("deadline", &day(-2)), ("delivery", "Diantar")]).await;
        assert_eq!(fourth.status, 303, "the excused summons used no place: a fourth may follow");
        let absent = desk.post_form(&format!("{path}/summonses/outcome"), &[("outcome", "no_response")]).await;
        assert!(absent.location().ends_with("done=violation"), "three unanswered summonses are the violation");
        let (note,): (String,) = sqlx::query_as("SELECT note FROM violations WHERE rule = 'I4'").fetch_one(app.db.store.pool()).await.unwrap();
        assert!(!note.contains("alasan yang sah"), "the record states what happened, not a finding: {note}");
        // §2.2.1–2.2.2: the Kepala TU drafts the consideration; only the head signs and issues it.
        let mut katu = app.signed_in("katu.bdg").await;
        assert_eq!(katu.post_form(&format!("{path}/letters"), &[("kind", "absence_consideration")]).await.status, 403, "the Kepala TU does not issue a letter the head signs");
        assert_eq!(katu.post_form(&format!("{path}/letters/drafts"), &[("kind", "absence_consideration")]).await.status, 303);
        assert_eq!(app.signed_in("pk.bdg").await.post_form(&format!("{path}/letters/drafts"), &[("kind", "absence_consideration")]).await.status, 403);
        let page = head.get(&path).await.body;
        assert!(page.contains("Konsep disiapkan oleh"), "the head sees the draft and who prepared it");
        assert_eq!(head.post_form(&format!("{path}/letters"), &[("kind", "absence_consideration")]).await.status, 303);
        assert!(!head.get(&path).await.body.contains("Konsep disiapkan oleh"), "the issued letter closes the draft");
        let (doc,): (i64,) = sqlx::query_as("SELECT id FROM issued_documents WHERE kind = 'absence_consideration'").fetch_one(app.db.store.pool()).await.unwrap();
        let letter = karya_testkit::pdf_text(&head.get_bytes(&format!("{path}/letters/{doc}")).await).split_whitespace().collect::<Vec<_>>().join(" ");
        let date_of = |offset| karya_domain::calendar::date_id(add_days(today(), offset).unwrap());
        assert!(letter.contains(&date_of(-30)) && letter.contains(&date_of(-16)) && letter.contains(&date_of(-5)), "the three unanswered summonses: {letter}");
        assert!(!letter.contains(&date_of(-23)), "the excused summons is not one of them: {letter}");
        assert!(!letter.contains("tanpa alasan yang sah"), "the letter asserts no finding (I4): {letter}");
        let (drafts,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_events WHERE action = 'letter.draft'").fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(drafts, 1, "the draft is audited");
    }

    async fn a_client_handed_over_is_never_summoned_I3(db) {
        let app = TestApp::with_demo(db).await;
        let path = checked_case(&app, true).await;
        let mut head = app.signed_in("kabapas.bdg").await;
        let refused = head.post_form(&format!("{path}/summonses"), &[("issued_on", &day(0)), ("deadline", &day(3)), ("delivery", "Diantar")]).await;
        assert_eq!(refused.status, 422, "the POST enforces what the page shows");
        assert!(refused.body.contains("diserahterimakan") && refused.body.contains("I3"), "{}", refused.body);
    }

    async fn an_appearance_ends_the_wait_and_absence_cannot_be_recorded_early_I3_I4(db) {
        let app = TestApp::with_demo(db).await;
        let path = checked_case(&app, false).await;
        let mut head = app.signed_in("kabapas.bdg").await;
        head.post_form(&format!("{path}/summonses"), &[("issued_on", &day(0)), ("deadline", &day(5)), ("delivery", "Diantar")]).await;
        let mut desk = app.signed_in("pendaftaran.bdg").await;
        let early = desk.post_form(&format!("{path}/summonses/outcome"), &[("outcome", "no_response")]).await;
        assert_eq!(early.status, 422);
        assert!(early.body.contains("I4"));
        let waiting = desk.get(&path).await.body;
        assert!(waiting.contains("sementara: mulai saat Klien hadir memenuhi panggilan"), "the start waits for the client (L6): {}", &waiting[waiting.find("facts").unwrap_or(0)..][..600]);
        // Three days later the client comes: the window starts that day (L6, I3).
        app.db.clock.set(karya_testkit::test_now() + jiff::SignedDuration::from_hours(72));
        let mut desk = app.signed_in("pendaftaran.bdg").await;
        let appeared = desk.post_form(&format!("{path}/summonses/outcome"), &[("outcome", "appeared")]).await;
        assert_eq!(appeared.status, 303);
        let case = app.api_as("kabapas.bdg").await.get("/api/v1/cases").await.json();
        let status = case.as_array().unwrap().iter().find(|c| c["decision_number"] == "88/Pid.B/2026/PN Bdg").unwrap()["status"].clone();
        assert_eq!(status, "documents_verified", "back to where the case was");
        let page = desk.get(&path).await.body;
        let start = karya_domain::calendar::date_id(add_days(today(), 3).unwrap());
        assert!(page.contains(&format!("{start} sampai")), "the window starts on the appearance: {start}");
        assert!(page.contains("mulai pada hari Klien hadir memenuhi panggilan, L6, I3"));
    }

    async fn days_waiting_for_missing_documents_do_not_count_against_the_window_L6_D3(db) {
        let app = TestApp::with_demo(db).await;
        let created = open_case(&app, true, &day(-1)).await;
        let path = created.location().split('?').next().unwrap().to_owned();
        let mut desk = app.signed_in("pendaftaran.bdg").await;
        let start = karya_domain::calendar::date_id(today());
        assert!(desk.get(&path).await.body.contains(&format!("{start} sampai")), "the handover starts the window");
        post_checks(&app, &path, &checks("failed", "Nama pada surat eksekusi berbeda.")).await;
        app.db.clock.set(karya_testkit::test_now() + jiff::SignedDuration::from_hours(24 * 7));
        post_checks(&app, &path, &checks("passed", "")).await;
        let mut desk = app.signed_in("pendaftaran.bdg").await;
        let page = desk.get(&path).await.body;
        let completed = karya_domain::calendar::date_id(add_days(today(), 7).unwrap());
        assert!(page.contains(&format!("{completed} sampai")), "the window starts when the documents arrived: {completed}");
        assert!(page.contains("hari menunggu berkas tidak dihitung"));
        let (moves,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_events WHERE action = 'case.window'").fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(moves, 1, "the move is audited");
    }

    async fn the_head_chooses_the_pk_the_head_of_administration_drafts_and_the_head_signs(db) {
        let app = TestApp::with_demo(db).await;
        let created = open_case(&app, true, &day(-1)).await;
        let path = created.location().split('?').next().unwrap().to_owned();
        let id: i64 = path.trim_start_matches("/cases/").parse().unwrap();
        post_checks(&app, &path, &checks("passed", "")).await;
        let pk = karya_store::users::user_by_username(&app.db.store, "pk.bdg").await.unwrap().id.to_string();
        let other_pk = karya_store::users::user_by_username(&app.db.store, "pk.mks").await.unwrap().id.to_string();
        let appointment = format!("{path}/appointment");
        let mut desk = app.signed_in("pendaftaran.bdg").await;
        let refused = desk.post_form(&appointment, &[("step", "dispose")]).await;
        assert_eq!(refused.status, 403, "the intake desk cannot appoint a PK");
        let direct = desk.post_form(&format!("{path}/transition"), &[("transition", "assign_officer"), ("pk_user_id", &pk)]).await;
        assert_eq!(direct.status, 400, "no shortcut around the three steps");
        let mut head = app.signed_in("kabapas.bdg").await;
        let unsigned = head.post_form(&appointment, &[("step", "sign")]).await;
        assert_eq!(unsigned.status, 422);
        assert!(unsigned.body.contains("menandatangani surat perintah yang sudah disiapkan"));
        assert!(head.get(&path).await.body.contains("perkara aktif)"), "the head sees each PK's caseload");
        let wrong_office = head.post_form(&appointment, &[("step", "dispose"), ("pk_user_id", &other_pk)]).await;
        assert_eq!(wrong_office.status, 422, "only a PK of the office");
        assert!(wrong_office.body.contains("Pilih PK dari kantor ini."));
        let no_pk = head.post_form(&appointment, &[("step", "dispose")]).await;
        assert_eq!(no_pk.status, 422, "the head names the PK (§2.2.3 a)");
        assert_eq!(head.post_form(&appointment, &[("step", "dispose"), ("pk_user_id", &pk), ("note", "Segera siapkan.")]).await.status, 303);
        let mut tu = app.signed_in("katu.bdg").await;
        let page = tu.get(&path).await.body;
        assert!(page.contains("Siapkan surat perintah"), "the head of administration drafts");
        assert!(page.contains("menunjuk PK Pembimbing Kemasyarakatan (PK) Bandung"), "for the PK the head chose: {page}");
        assert!(page.contains("Segera siapkan."), "the disposition's note is shown");
        assert!(!page.contains("id=\"pk_user_id\""), "the head of administration does not choose the PK");
        assert_eq!(tu.post_form(&appointment, &[("step", "draft"), ("pk_user_id", &other_pk)]).await.status, 303, "a PK sent with the draft is ignored");
        let tu_signs = tu.post_form(&appointment, &[("step", "sign")]).await;
        assert_eq!(tu_signs.status, 422, "the head signs, not the head of administration");
        assert!(tu_signs.body.contains("Langkah ini dilakukan oleh pejabat lain"));
        assert_eq!(app.signed_in("pk.bdg").await.get(&path).await.status, 404, "not the PK's case before the signature");
        assert_eq!(head.post_form(&appointment, &[("step", "sign")]).await.status, 303);
        let (appointed,): (Option<i64>,) = sqlx::query_as("SELECT pk_user_id FROM cases WHERE id = $1").bind(id).fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(appointed.map(|u| u.to_string()), Some(pk.clone()), "the head's choice is appointed");
        let mut pk_client = app.signed_in("pk.bdg").await;
        assert_eq!(pk_client.get(&path).await.status, 200, "the PK sees the new case");
        assert_eq!(app.signed_in("pk.mks").await.get(&path).await.status, 404, "a PK of another office does not");
        let (steps,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM sop_steps WHERE case_id = $1 AND sop = 'pk_appointment'").bind(id).fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(steps, 4, "SOP steps 1 to 4 are stamped by the three actions");
        // Replacing the PK later runs the same steps and keeps the first appointment.
        assert_eq!(head.post_form(&appointment, &[("step", "dispose"), ("pk_user_id", &pk)]).await.status, 303);
        assert_eq!(tu.post_form(&appointment, &[("step", "draft")]).await.status, 303);
        assert_eq!(head.post_form(&appointment, &[("step", "sign")]).await.status, 303);
        let (signed,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM appointments WHERE case_id = $1 AND signed_at IS NOT NULL").bind(id).fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(signed, 2);
        let page = head.get(&path).await.body;
        assert!(page.contains("Riwayat penunjukan") && page.contains("Penggantian PK"));
    }

    async fn each_sop_step_is_stamped_and_a_late_one_reaches_the_heads_start_page(db) {
        let app = TestApp::with_demo(db).await;
        let created = open_case(&app, true, &day(-1)).await;
        let path = created.location().split('?').next().unwrap().to_owned();
        let id: i64 = path.trim_start_matches("/cases/").parse().unwrap();
        // The case was opened three hours before the documents were checked.
        let earlier = karya_store::clock::text(karya_testkit::test_now() - jiff::SignedDuration::from_hours(3));
        sqlx::query("UPDATE cases SET created_at = $1 WHERE id = $2").bind(&earlier).bind(id).execute(app.db.store.pool()).await.unwrap();
        sqlx::query("UPDATE sop_steps SET done_at = $1 WHERE case_id = $2").bind(&earlier).bind(id).execute(app.db.store.pool()).await.unwrap();
        post_checks(&app, &path, &checks("passed", "")).await;
        let (stamps,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM sop_steps WHERE case_id = $1").bind(id).fetch_one(app.db.store.pool()).await.unwrap();
        assert_eq!(stamps, 7, "intake 1, 2, 3 (the case is opened with the client handed over), validity 1, 2, 3 and register 1");
        let mut head = app.signed_in("kabapas.bdg").await;
        let page = head.get(&path).await.body;
        assert!(page.contains("SOP Pemeriksaan Keabsahan Dokumen"));
        assert!(page.contains("Lewat 2 jam 55 menit") || page.contains("Lewat 2 jam 54 menit"), "step 2 took about 3 hours against 5 minutes");
        let home = head.get("/").await.body;
        assert!(home.contains("Langkah melewati standar waktu") && home.contains("Rahmat Hidayat"), "the head sees the late step");
        let mut pk = app.signed_in("pk.bdg").await;
        assert!(!pk.get("/").await.body.contains("Langkah melewati standar waktu"), "only the head's start page lists them");
    }
}
