//! Uploaded files on both engines: the type comes from the bytes and the size is limited
//! per purpose; the photograph and fingerprint belong to a registered person and lose their
//! metadata before storage; who may upload and view depends on the purpose; every view is
//! audited; a file of another office is out of scope.

use karya_testkit::images::jpeg_with_location;
use karya_testkit::{TestApp, on_both_engines};
use karya_web::demo::cases::serving_case;

on_both_engines! {
    async fn uploads_are_checked_by_content_and_size_and_images_lose_their_metadata(db) {
        let app = TestApp::with_demo(db).await;
        let case = serving_case(&app.db.store, "bdg", 80, 20, Some("klien.bdg")).await.unwrap();
        let path = format!("/cases/{case}/files");
        // The demo registered the client with a photograph and a fingerprint (G1).
        let on_file = app.count("SELECT COUNT(*) FROM attachments").await;
        let uploads_before = app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'file.attach'").await;
        let mut desk = app.signed_in("pendaftaran.bdg").await;
        // The CSRF token travels in the form, never in the URL: in the query alone it is refused.
        let token = desk.csrf.take().unwrap();
        let in_the_url = desk.post_multipart(&format!("{path}?_csrf={token}"), &[("purpose", "decision_copy")], ("file", b"%PDF-1.7\n%%EOF")).await;
        assert_eq!(in_the_url.status, 403, "a token in the query string is not read");
        desk.csrf = Some(token);
        let html = desk.post_multipart(&path, &[("purpose", "decision_copy")], ("file", b"<html><script>")).await;
        assert_eq!(html.status, 422);
        assert!(html.body.contains("Jenis berkas ini tidak diterima di sini. Gunakan: PDF, JPG, PNG."), "{}", html.body);
        assert!(html.body.contains("aria-describedby=\"file-hint file-error\""), "the error is linked to the field");
        let empty = desk.post_multipart(&path, &[("purpose", "decision_copy")], ("file", b"")).await;
        assert!(empty.body.contains("Pilih berkas yang akan diunggah."));
        let mut big = b"%PDF-1.7\n".to_vec();
        big.resize(10 * 1024 * 1024 + 1, b' ');
        let too_large = desk.post_multipart(&path, &[("purpose", "execution_letter")], ("file", &big)).await;
        assert_eq!(too_large.status, 422);
        assert!(too_large.body.contains("Berkas terlalu besar (paling besar 10 MB)."));
        big.resize(21 * 1024 * 1024, b' ');
        let over_limit = desk.post_multipart(&path, &[("purpose", "execution_letter")], ("file", &big)).await;
        assert_eq!(over_limit.status, 413, "a body over the upload limit is cut off");
        assert_eq!(app.count("SELECT COUNT(*) FROM attachments").await, on_file, "nothing refused was recorded");
        let scan = desk.post_multipart(&path, &[("purpose", "decision_copy")], ("file", b"%PDF-1.7\n1 0 obj\n%%EOF")).await;
        assert_eq!(scan.status, 303, "{}", scan.body);
        let photo_by_desk = desk.post_multipart(&path, &[("purpose", "photo")], ("file", &jpeg_with_location())).await;
        assert_eq!(photo_by_desk.status, 403, "the photograph is the registry's");
        let mut registry = app.signed_in("registrasi.bdg").await;
        let photo = registry.post_multipart(&path, &[("purpose", "photo")], ("file", &jpeg_with_location())).await;
        assert_eq!(photo.status, 303, "{}", photo.body);
        let (sha, size): (String, i64) = sqlx::query_as("SELECT sha256, size_bytes FROM attachments WHERE purpose = 'photo' ORDER BY id DESC")
            .fetch_one(app.db.store.pool()).await.unwrap();
        let stored = std::fs::read(app.db.dir.join("files").join(&sha[..2]).join(&sha[2..4]).join(&sha)).unwrap();
        assert_eq!(stored.len() as i64, size);
        assert!(!stored.windows(3).any(|w| w == b"GPS"), "the location was removed before storage");
        assert!(stored.starts_with(&[0xFF, 0xD8, 0xFF, 0xE0]), "the image itself is kept");
        let uploads = app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'file.attach'").await;
        assert_eq!(uploads - uploads_before, 2, "every upload is audited");
    }

    async fn the_photograph_waits_for_the_register_and_views_are_limited_and_audited(db) {
        let app = TestApp::with_demo(db).await;
        let unregistered = karya_web::demo::cases::assigned_case(&app.db.store, "bdg", 3).await.unwrap();
        let mut registry = app.signed_in("registrasi.bdg").await;
        let early = registry.post_multipart(&format!("/cases/{unregistered}/files"), &[("purpose", "fingerprint")], ("file", &jpeg_with_location())).await;
        assert_eq!(early.status, 422);
        assert!(early.body.contains("setelah klien terdaftar di buku register (G1)"));
        let case = serving_case(&app.db.store, "bdg", 80, 20, Some("klien.bdg")).await.unwrap();
        let path = format!("/cases/{case}/files");
        assert_eq!(registry.post_multipart(&path, &[("purpose", "photo")], ("file", &jpeg_with_location())).await.status, 303);
        let mut desk = app.signed_in("pendaftaran.bdg").await;
        assert_eq!(desk.post_multipart(&path, &[("purpose", "execution_letter")], ("file", b"%PDF-1.4\n%%EOF")).await.status, 303);
        let ids: Vec<(i64, String)> = sqlx::query_as("SELECT id, purpose FROM attachments ORDER BY id DESC").fetch_all(app.db.store.pool()).await.unwrap();
        let photo = format!("/cases/{case}/files/{}", ids[1].0);
        let scan = format!("/cases/{case}/files/{}", ids[0].0);
        let mut pk = app.signed_in("pk.bdg").await;
        let seen = pk.get(&photo).await;
        assert_eq!(seen.status, 200);
        assert_eq!(seen.headers["content-type"], "image/jpeg");
        assert_eq!(seen.headers["cache-control"], "no-store");
        assert_eq!(pk.get(&scan).await.status, 200);
        assert_eq!(desk.get(&photo).await.status, 403, "the desk does not see the face");
        assert_eq!(desk.get(&scan).await.status, 200, "but sees the scans it works with");
        assert_eq!(app.signed_in("pj.bdg").await.get(&scan).await.status, 403);
        assert_eq!(app.signed_in("klien.bdg").await.get(&photo).await.status, 403);
        assert_eq!(app.signed_in("registrasi.mks").await.get(&photo).await.status, 404, "another office's file is out of scope");
        assert_eq!(pk.get(&format!("/cases/{case}/files/999999")).await.status, 404);
        let views = app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'file.view'").await;
        assert_eq!(views, 3, "the PK's two views and the desk's one");
        let page = pk.get(&format!("/cases/{case}")).await.body;
        assert!(page.contains("Foto klien") && page.contains(&photo), "the case page lists the files with links");
    }
}
