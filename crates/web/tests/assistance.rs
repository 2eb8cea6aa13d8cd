//! Assistance on both engines (seed §2.3.1 a–e): the PK records each step with its day and
//! what was done; the client acknowledges the explanation of their rights and obligations
//! from their own account; the initial report on the start of guidance follows coordination,
//! the programme and the rights, and the head of office acknowledges receiving it. The
//! intake SOP's step 4 and the intervention-record SOP's step 6 are stamped by these acts.
//! The SOP steps no other act performs are marked done by the official the SOP names.

use karya_testkit::{TestApp, on_both_engines};
use karya_web::demo::cases::serving_case;

fn today() -> String {
    karya_domain::calendar::local_date(
        karya_testkit::test_now(),
        &karya_domain::OfficeZone::Wib.time_zone(),
    )
    .to_string()
}

on_both_engines! {
    async fn the_pk_records_assistance_the_client_and_the_head_acknowledge_their_steps(db) {
        let app = TestApp::with_demo(db).await;
        let case = serving_case(&app.db.store, "bdg", 80, 20, Some("klien.bdg")).await.unwrap();
        let path = format!("/cases/{}", case.0);
        let action = format!("{path}/assistance");
        let day = today();
        let mut pk = app.signed_in("pk.bdg").await;
        let page = pk.get(&path).await.body;
        assert!(page.contains("Pendampingan") && page.contains("Belum dicatat:"), "the PK sees the steps still to do");
        // Bad input is refused with the typed values kept.
        let empty = pk.post_form(&action, &[("assistance_step", "programme"), ("assistance_on", &day), ("assistance_note", " ")]).await;
        assert_eq!(empty.status, 422);
        assert!(empty.body.contains("Tuliskan apa yang dilakukan"), "{}", empty.body);
        assert!(empty.body.contains("value=\"programme\" selected"), "the chosen step is kept");
        let early = pk.post_form(&action, &[("assistance_step", "initial_report"), ("assistance_on", &day), ("assistance_note", "Laporan awal")]).await;
        assert_eq!(early.status, 422, "the initial report waits for coordination, programme and rights");
        assert!(early.body.contains("a. Koordinasi dengan aparat penegak hukum"), "{}", early.body);
        assert!(early.body.contains("Laporan awal"), "the typed note is kept");
        for (step, note) in [("coordination", "Koordinasi dengan Kejari Bandung"), ("programme", "Program pembimbingan dijelaskan"), ("rights", "Hak dan kewajiban dijelaskan, termasuk hak mengadu")] {
            let done = pk.post_form(&action, &[("assistance_step", step), ("assistance_on", &day), ("assistance_note", note)]).await;
            assert_eq!(done.status, 303, "{step}: {}", done.body);
        }
        assert_eq!(app.count("SELECT COUNT(*) FROM sop_steps WHERE sop = 'intake' AND step = 4").await, 1, "explaining rights is intake SOP step 4");
        // The PK cannot acknowledge for the client; the client does, once.
        assert_eq!(pk.post_form(&format!("{action}/acknowledge"), &[("step", "rights")]).await.status, 403);
        let mut client = app.signed_in("klien.bdg").await;
        let client_page = client.get(&path).await.body;
        assert!(client_page.contains("Saya sudah menerima penjelasan hak dan kewajiban saya"));
        assert_eq!(client.post_form(&format!("{action}/acknowledge"), &[("step", "rights")]).await.status, 303);
        let twice = client.post_form(&format!("{action}/acknowledge"), &[("step", "rights")]).await;
        assert_eq!(twice.status, 422);
        assert!(twice.body.contains("sudah dikonfirmasi"));
        let refused_report = client.post_form(&format!("{action}/acknowledge"), &[("step", "initial_report")]).await;
        assert_eq!(refused_report.status, 422, "the initial report is the head's to acknowledge");
        // The initial report, then the head's receipt.
        let report = pk.post_form(&action, &[("assistance_step", "initial_report"), ("assistance_on", &day), ("assistance_note", "Klien hadir, memahami program; penempatan di panti sosial.")]).await;
        assert_eq!(report.status, 303, "{}", report.body);
        let mut head = app.signed_in("kabapas.bdg").await;
        assert!(head.get(&path).await.body.contains("Tandai laporan awal sudah diterima"));
        assert_eq!(head.post_form(&format!("{action}/acknowledge"), &[("step", "initial_report")]).await.status, 303);
        assert_eq!(app.count("SELECT COUNT(*) FROM sop_steps WHERE sop = 'intervention_analysis' AND step = 6").await, 1, "the head receiving the report is SOP step 6");
        let page = pk.get(&path).await.body;
        assert!(page.contains("dikonfirmasi oleh") && page.contains("SOP Penerimaan Klien Pidana Kerja Sosial"), "the acknowledgements and the SOP times show");
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action IN ('assistance.record', 'assistance.acknowledge')").await, 6, "every act is audited");
        let future = pk.post_form(&action, &[("assistance_step", "needs"), ("assistance_on", "2099-01-01"), ("assistance_note", "x")]).await;
        assert_eq!(future.status, 422);
        assert_eq!(app.count("SELECT COUNT(*) FROM assistance_records").await, 4, "nothing half-written");
    }

    async fn the_pk_and_the_head_mark_the_sop_steps_no_other_act_performs(db) {
        let app = TestApp::with_demo(db).await;
        let case = serving_case(&app.db.store, "bdg", 80, 20, None).await.unwrap();
        let path = format!("/cases/{}", case.0);
        let mut pk = app.signed_in("pk.bdg").await;
        let page = pk.get(&path).await.body;
        assert!(page.contains("value=\"intervention_analysis:1\""), "the PK is offered their steps");
        assert!(!page.contains("value=\"monitoring_evaluation:6\""), "not the head's");
        assert_eq!(pk.post_form(&format!("{path}/sop"), &[("sop_step", "intervention_analysis:1")]).await.status, 303);
        let again = pk.post_form(&format!("{path}/sop"), &[("sop_step", "intervention_analysis:1")]).await;
        assert_eq!(again.status, 422);
        assert!(again.body.contains("sudah tercatat selesai"));
        let stamped_elsewhere = pk.post_form(&format!("{path}/sop"), &[("sop_step", "register:3")]).await;
        assert_eq!(stamped_elsewhere.status, 422, "a step stamped by its own act is not marked by hand");
        let mut head = app.signed_in("kabapas.bdg").await;
        let not_theirs = head.post_form(&format!("{path}/sop"), &[("sop_step", "intervention_analysis:2")]).await;
        assert_eq!(not_theirs.status, 422);
        assert!(not_theirs.body.contains("pejabat lain"));
        assert_eq!(head.post_form(&format!("{path}/sop"), &[("sop_step", "monitoring_evaluation:6")]).await.status, 303);
        assert_eq!(app.count("SELECT COUNT(*) FROM sop_steps WHERE sop IN ('intervention_analysis', 'monitoring_evaluation')").await, 2);
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'sop.mark'").await, 2);
        let page = pk.get(&path).await.body;
        assert!(page.contains("SOP Analisis Rekam Intervensi") && page.contains("SOP Monitoring dan Evaluasi"), "both are timed on the case page");
    }
}
