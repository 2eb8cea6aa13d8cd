//! The text catalogue. Every user-visible string lives here, Indonesian first, English
//! second; a template asks for `t.key`, so a missing key is a compile error, not a blank.

use karya_domain::Role;
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "id" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn catalog(self) -> &'static Catalog {
        match self {
            Lang::Id => &ID,
            Lang::En => &EN,
        }
    }

    /// The other language, offered by the switch in the header.
    pub fn other(self) -> Lang {
        match self {
            Lang::Id => Lang::En,
            Lang::En => Lang::Id,
        }
    }
}

/// A value of the domain that carries its own words in both languages (the label of a
/// status, a transition or a stage; the message of a refusal). [`Lang::say`] shows it in the
/// reader's language, so that no handler branches on the language itself.
pub trait Bilingual {
    /// `&'static str` for labels, `String` for messages with values in them.
    type Text;
    fn indonesian(&self) -> Self::Text;
    fn english(&self) -> Self::Text;
}

impl<T: Bilingual + ?Sized> Bilingual for &T {
    type Text = T::Text;
    fn indonesian(&self) -> T::Text {
        (**self).indonesian()
    }
    fn english(&self) -> T::Text {
        (**self).english()
    }
}

impl Lang {
    /// Of two values given in Indonesian and in English, the one in this language.
    pub fn pick<T>(self, indonesian: T, english: T) -> T {
        match self {
            Lang::Id => indonesian,
            Lang::En => english,
        }
    }

    /// `words` in this language.
    pub fn say<T: Bilingual + ?Sized>(self, words: &T) -> T::Text {
        match self {
            Lang::Id => words.indonesian(),
            Lang::En => words.english(),
        }
    }
}

/// Implements [`Bilingual`] for domain types through their pair of methods.
macro_rules! bilingual {
    ($($ty:ty => $id:ident, $en:ident -> $text:ty;)*) => {$(
        impl Bilingual for $ty {
            type Text = $text;
            fn indonesian(&self) -> $text {
                self.$id()
            }
            fn english(&self) -> $text {
                self.$en()
            }
        }
    )*};
}

bilingual! {
    karya_domain::Transition => label_id, label_en -> &'static str;
    karya_domain::CaseStatus => label_id, label_en -> &'static str;
    karya_domain::TransitionError => message_id, message_en -> String;
    karya_domain::NikWarning => message_id, message_en -> String;
    karya_domain::intake::Channel => label_id, label_en -> &'static str;
    karya_domain::intake::CheckKind => label_id, label_en -> &'static str;
    karya_domain::partner::Stage => label_id, label_en -> &'static str;
    karya_domain::placement::Field => label_id, label_en -> &'static str;
    karya_domain::appointment::Refusal => message_id, message_en -> &'static str;
    karya_domain::termination::Refusal => message_id, message_en -> &'static str;
}

macro_rules! catalog {
    ($($key:ident: $id:literal, $en:literal;)*) => {
        /// One language's texts; fields are the catalogue keys.
        #[derive(Debug)]
        pub struct Catalog { $(pub $key: &'static str,)* }
        pub static ID: Catalog = Catalog { $($key: $id,)* };
        pub static EN: Catalog = Catalog { $($key: $en,)* };
        /// Every key with its two texts, for the catalogue's own tests.
        pub const ENTRIES: &[(&str, &str, &str)] = &[$((stringify!($key), $id, $en),)*];
    };
}

catalog! {
    lang_name: "Bahasa Indonesia", "English";
    switch_to: "English", "Bahasa Indonesia";
    switch_label: "Ganti bahasa ke English", "Switch language to Bahasa Indonesia";
    app_tagline: "Pidana kerja sosial", "Community service sentences";
    skip_to_content: "Langsung ke isi", "Skip to content";
    nav_label: "Navigasi utama", "Main navigation";
    nav_home: "Beranda", "Home";
    nav_offices: "Kantor Bapas", "Offices";
    nav_staff: "Pegawai", "Staff";
    nav_audit: "Jejak audit", "Audit trail";
    nav_profile: "Profil", "Profile";
    logout: "Keluar", "Log out";
    login_title: "Masuk", "Log in";
    login_intro: "Masuk dengan akun yang diberikan kantor Anda.", "Log in with the account your office gave you.";
    username: "Nama pengguna", "Username";
    password: "Kata sandi", "Password";
    login_button: "Masuk", "Log in";
    login_failed: "Nama pengguna atau kata sandi salah.", "The username or password is wrong.";
    login_locked: "Terlalu banyak percobaan gagal. Coba lagi dalam {minutes} menit.", "Too many failed attempts. Try again in {minutes} minutes.";
    logged_out: "Anda telah keluar.", "You have logged out.";
    session_expired: "Sesi Anda berakhir. Silakan masuk lagi.", "Your session ended. Please log in again.";
    error_summary_title: "Ada yang perlu diperbaiki", "There is a problem";
    field_required: "Wajib diisi.", "This field is required.";
    field_too_long: "Terlalu panjang (paling banyak {max} karakter).", "Too long (at most {max} characters).";
    saved: "Perubahan tersimpan.", "Changes saved.";
    save: "Simpan", "Save";
    cancel: "Batal", "Cancel";
    edit: "Ubah", "Edit";
    create: "Tambah", "Add";
    actions: "Tindakan", "Actions";
    yes: "Ya", "Yes";
    no: "Tidak", "No";
    conflict: "Data ini telah diubah orang lain sejak Anda membukanya. Periksa nilai terbaru lalu simpan lagi.", "Someone else changed this record since you opened it. Check the latest values and save again.";
    already_submitted: "Formulir ini sudah dikirim atau kedaluwarsa. Periksa daftar sebelum mengirim lagi.", "This form was already sent or has expired. Check the list before sending it again.";
    termination_reason_completed: "Selesai menjalani seluruh jam (T1a)", "All hours served (T1a)";
    termination_reason_died: "Klien meninggal dunia (T1b)", "The client died (T1b)";
    termination_reason_sanctioned: "Sanksi atas pelanggaran (T1c)", "Sanction for a violation (T1c)";
    roles_own: "Anda tidak dapat mengubah peran Anda sendiri; mintalah administrator atau kepala kantor lain.", "You cannot change your own roles; ask the administrator or another head of office.";
    file_too_many_pixels: "Foto terlalu besar (lebih dari {megapixels} megapiksel). Kirim foto dengan ukuran lebih kecil.", "The photo is too large (over {megapixels} megapixels). Send a smaller photo.";
    conflict_duplicate: "Nilai ini sudah dipakai oleh data lain. Periksa lalu simpan dengan nilai lain.", "This value is already used by another record. Check it and save with another value.";
    home_title: "Beranda", "Home";
    home_welcome: "Selamat datang, {name}.", "Welcome, {name}.";
    home_scope: "Cakupan akses Anda", "Your access scope";
    home_roles: "Peran Anda", "Your roles";
    home_next_admin: "Kelola kantor Bapas dan pegawai.", "Manage offices and staff.";
    home_next_head: "Kelola pegawai kantor Anda dan pantau jejak audit.", "Manage your office's staff and follow the audit trail.";
    home_next_staff: "Daftar kasus kantor Anda akan tampil di sini.", "Your office's cases will appear here.";
    home_next_supervisor: "Klien yang ditempatkan di tempat kerja Anda akan tampil di sini.", "Clients placed at your work place will appear here.";
    home_next_client: "Jadwal dan jam kerja sosial Anda akan tampil di sini.", "Your schedule and service hours will appear here.";
    home_next_prosecutor: "Kasus dan surat untuk kejaksaan Anda akan tampil di sini.", "Cases and letters for your prosecutor's office will appear here.";
    home_next_manager: "Ringkasan kantor di wilayah Anda akan tampil di sini.", "A summary of the offices in your area will appear here.";
    stat_offices: "Kantor", "Offices";
    stat_users: "Pengguna", "Users";
    stat_audit_events: "Peristiwa audit", "Audit events";
    scope_national: "Nasional", "National";
    scope_region: "Kanwil: {name}", "Region: {name}";
    scope_office: "Bapas: {name}", "Office: {name}";
    scope_partner: "Mitra: {name}", "Partner: {name}";
    scope_person: "Diri sendiri", "Yourself";
    scope_prosecutor: "Kejaksaan: {name}", "Prosecutor's office: {name}";
    profile_title: "Profil", "Profile";
    display_name: "Nama lengkap", "Full name";
    nip: "NIP", "Civil servant number (NIP)";
    nip_hint: "18 digit, tanpa spasi. Kosongkan bila bukan ASN.", "18 digits, no spaces. Leave empty if not a civil servant.";
    nip_invalid: "NIP terdiri dari 18 digit angka.", "A NIP has 18 digits.";
    change_password: "Ganti kata sandi", "Change password";
    current_password: "Kata sandi saat ini", "Current password";
    new_password: "Kata sandi baru", "New password";
    new_password_hint: "Paling sedikit 10 karakter. Gunakan kalimat yang mudah Anda ingat.", "At least 10 characters. A sentence you remember works well.";
    confirm_password: "Ulangi kata sandi baru", "Repeat the new password";
    password_too_short: "Kata sandi paling sedikit 10 karakter.", "The password needs at least 10 characters.";
    password_mismatch: "Kedua kata sandi tidak sama.", "The two passwords differ.";
    password_wrong: "Kata sandi saat ini salah.", "The current password is wrong.";
    password_is_username: "Kata sandi tidak boleh sama dengan nama pengguna.", "The password may not be the username.";
    password_changed: "Kata sandi diganti. Sesi lain telah diakhiri.", "Password changed. Your other sessions were ended.";
    offices_title: "Kantor Bapas", "Offices";
    office_new: "Tambah kantor", "Add an office";
    office_edit: "Ubah kantor", "Edit office";
    office_code: "Kode kantor", "Office code";
    office_code_hint: "Huruf kecil, angka atau tanda hubung; 2–20 karakter. Contoh: bdg", "Lower-case letters, digits or hyphens; 2–20 characters. Example: bdg";
    office_code_invalid: "Gunakan 2–20 huruf kecil, angka atau tanda hubung.", "Use 2–20 lower-case letters, digits or hyphens.";
    office_name: "Nama kantor", "Office name";
    office_name_hint: "Seperti pada kop surat, mis. BALAI PEMASYARAKATAN KELAS I BANDUNG", "As on the letterhead, e.g. BALAI PEMASYARAKATAN KELAS I BANDUNG";
    region: "Kantor Wilayah", "Regional office";
    region_invalid: "Pilih Kantor Wilayah.", "Choose a regional office.";
    address: "Alamat", "Address";
    phone: "Telepon", "Phone";
    email: "E-mail", "E-mail";
    email_invalid: "Alamat e-mail tidak valid.", "The e-mail address is not valid.";
    time_zone: "Zona waktu", "Time zone";
    time_zone_invalid: "Pilih WIB, WITA atau WIT.", "Choose WIB, WITA or WIT.";
    duplicate_code: "Kode ini sudah dipakai.", "This code is already in use.";
    duplicate_username: "Nama pengguna ini sudah dipakai.", "This username is already in use.";
    staff_title: "Pegawai", "Staff";
    staff_new: "Tambah pegawai", "Add a staff member";
    staff_edit: "Ubah pegawai", "Edit staff member";
    office: "Kantor", "Office";
    office_invalid: "Pilih kantor.", "Choose an office.";
    roles: "Peran", "Roles";
    roles_invalid: "Pilih paling sedikit satu peran pegawai Bapas.", "Choose at least one office staff role.";
    username_hint: "Huruf kecil, angka, titik, tanda hubung atau garis bawah; 3–40 karakter.", "Lower-case letters, digits, dots, hyphens or underscores; 3–40 characters.";
    username_invalid: "Gunakan 3–40 huruf kecil, angka, titik, tanda hubung atau garis bawah.", "Use 3–40 lower-case letters, digits, dots, hyphens or underscores.";
    initial_password: "Kata sandi awal", "Initial password";
    initial_password_hint: "Serahkan secara langsung; minta pegawai menggantinya setelah masuk.", "Hand it over in person; ask the staff member to change it after logging in.";
    status: "Status", "Status";
    active: "Aktif", "Active";
    disabled: "Nonaktif", "Disabled";
    disable: "Nonaktifkan", "Disable";
    enable: "Aktifkan", "Enable";
    user_disabled: "Akun dinonaktifkan dan semua sesinya diakhiri.", "The account was disabled and all its sessions ended.";
    user_enabled: "Akun diaktifkan kembali.", "The account was enabled again.";
    cannot_disable_self: "Anda tidak dapat menonaktifkan akun Anda sendiri.", "You cannot disable your own account.";
    audit_title: "Jejak audit", "Audit trail";
    audit_intro: "Peristiwa terbaru, paling baru di atas. Setiap peristiwa terkait dengan sebelumnya melalui hash berantai.", "Latest events, newest first. Each event is linked to the one before by a hash chain.";
    audit_when: "Waktu (UTC)", "Time (UTC)";
    audit_who: "Pelaku", "Actor";
    audit_action: "Tindakan", "Action";
    audit_object: "Objek", "Object";
    none_yet: "Belum ada data.", "Nothing yet.";
    error_title: "Terjadi kesalahan", "Something went wrong";
    not_found_title: "Halaman tidak ditemukan", "Page not found";
    not_found_body: "Halaman ini tidak ada atau Anda tidak memiliki akses ke sana.", "This page does not exist or you have no access to it.";
    forbidden_title: "Akses ditolak", "Access denied";
    forbidden_body: "Peran Anda tidak mengizinkan tindakan ini.", "Your role does not allow this action.";
    bad_request_title: "Permintaan tidak dapat diproses", "The request could not be processed";
    rule_violation_title: "Melanggar ketentuan pedoman", "A rule of the guideline is broken";
    bad_request_body: "Data yang dikirim tidak lengkap atau rusak. Kembali dan coba lagi.", "The data sent was incomplete or damaged. Go back and try again.";
    csrf_body: "Formulir ini kedaluwarsa. Muat ulang halaman lalu kirim lagi.", "This form has expired. Reload the page and send it again.";
    too_large_body: "Data yang dikirim terlalu besar.", "The data sent is too large.";
    internal_body: "Kesalahan ini sudah dicatat. Coba lagi sebentar lagi; bila terus terjadi, hubungi admin dengan kode ini:", "The error was logged. Try again shortly; if it persists, contact the admin with this code:";
    back_home: "Kembali ke beranda", "Back to home";
    footer_data_credit: "Data wilayah: idn-area-data, ODbL 1.0.", "Area data: idn-area-data, ODbL 1.0.";
    nav_cases: "Perkara", "Cases";
    partner: "Tempat kerja (mitra)", "Work place (partner)";
    channel: "Jalur penerimaan (I2)", "How the case arrived (I2)";
    handed_over: "Klien diserahkan bersama berkas", "The client was handed over with the documents";
    handover_fact: "Penyerahan Klien", "Handover of the client";
    not_handed_over: "Klien tidak diserahkan; perlu dipanggil (I3)", "The client was not handed over; to be summoned (I3)";
    execution_letter: "Surat eksekusi (P-48)", "Execution letter";
    execution_letter_number: "Nomor surat eksekusi", "Execution letter number";
    execution_letter_date: "Tanggal surat eksekusi", "Execution letter date";
    execution_letter_issuer: "Penerbit surat eksekusi", "Execution letter issuer";
    channel_invalid: "Pilih jalur penerimaan.", "Choose how the case arrived.";
    checks_title: "Pemeriksaan keabsahan dokumen (D1)", "Document validity check (D1)";
    checks_intro: "Periksa salinan/petikan putusan dan surat eksekusi. Dokumen yang tidak sesuai membuat perkara menunggu kelengkapan dari Kejaksaan (D3).", "Check the decision copy and the execution letter. A failed check makes the case wait for the prosecutor's office (D3).";
    check_passed: "Sesuai", "Passed";
    check_failed: "Tidak sesuai", "Failed";
    check_na: "Tidak berlaku", "Not applicable";
    check_note: "Catatan", "Note";
    checks_button: "Simpan hasil pemeriksaan", "Save the check";
    checks_saved_valid: "Dokumen sah; berkas diserahkan ke registrasi (D2).", "The documents are valid; the file goes to the registry (D2).";
    checks_saved_incomplete: "Dokumen belum lengkap atau tidak sah; perkara menunggu kelengkapan (D3).", "The documents are incomplete or invalid; the case waits for them (D3).";
    checks_last: "Pemeriksaan terakhir", "Latest check";
    summons_title: "Panggilan Klien (I3)", "Summonses (I3)";
    summons_number: "Panggilan ke-{n}", "Summons {n}";
    summons_issued_on: "Tanggal panggilan", "Summons date";
    summons_deadline: "Batas waktu hadir", "Appear by";
    summons_delivery: "Cara penyampaian", "Delivery";
    summons_delivery_hint: "Mis. diantar petugas ke alamat Klien; melalui kepala desa.", "E.g. delivered by an officer to the client's address; through the village head.";
    summons_issue: "Terbitkan panggilan", "Issue a summons";
    summons_outcome_pending: "Menunggu", "Pending";
    summons_outcome_appeared: "Klien hadir", "The client appeared";
    summons_outcome_no_response: "Tidak hadir", "No response";
    summons_record_appeared: "Catat: Klien hadir", "Record: the client appeared";
    summons_record_absent: "Catat: tidak hadir", "Record: no response";
    summons_outcome_excused: "Tidak hadir dengan alasan: {reason}", "Absent with a reason: {reason}";
    summons_record_excused: "Catat: tidak hadir dengan alasan yang sah", "Record: absent with a lawful reason";
    absence_reason: "Alasan ketidakhadiran yang disampaikan", "The reason given for the absence";
    summons_issued: "Panggilan diterbitkan.", "The summons was issued.";
    summons_recorded: "Hasil panggilan dicatat.", "The outcome was recorded.";
    violation_recorded: "Ketidakhadiran dicatat sebagai pelanggaran (I4); sampaikan pertimbangan kepada Jaksa.", "The absence was recorded as a violation (I4); send the prosecutor a consideration.";
    violations_title: "Pelanggaran", "Violations";
    verify_title: "Verifikasi dokumen", "Document verification";
    verify_intact: "Dokumen ini diterbitkan oleh kantor di bawah dan isinya tidak berubah sejak diterbitkan.", "This document was issued by the office below and has not changed since it was issued.";
    verify_broken: "PERINGATAN: isi dokumen yang tersimpan tidak cocok dengan sidik digitalnya. Hubungi kantor penerbit.", "WARNING: the stored document does not match its digital fingerprint. Contact the issuing office.";
    verify_unknown: "Kode verifikasi ini tidak dikenal. Dokumen mungkin palsu; hubungi kantor yang disebut dalam dokumen.", "This verification code is unknown. The document may be forged; contact the office named in it.";
    verify_kind: "Jenis", "Kind";
    verify_number: "Nomor", "Number";
    verify_date: "Tanggal", "Date";
    verify_office: "Diterbitkan oleh", "Issued by";
    verify_version: "Versi", "Version";
    verify_fingerprint: "Sidik digital (SHA-256)", "Digital fingerprint (SHA-256)";
    kind_summons: "Surat panggilan Klien", "Summons to the client";
    kind_missing_documents: "Surat permintaan kelengkapan dokumen", "Letter requesting missing documents";
    kind_absence_consideration: "Pertimbangan atas ketidakhadiran Klien", "Consideration on the client's absence";
    kind_assignment: "Surat perintah melaksanakan tugas (PK)", "Assignment letter (PK)";
    letters_title: "Surat", "Letters";
    sop_title: "Standar layanan (SOP)", "Service standards (SOP)";
    sop_step: "Langkah", "Step";
    sop_done_at: "Selesai", "Done";
    sop_elapsed: "Waktu", "Time taken";
    sop_standard: "Standar", "Standard";
    sop_conditional: "Kondisional", "Conditional";
    sop_not_judged: "Tidak dinilai (kondisional)", "Not judged (conditional)";
    sop_within: "Sesuai standar", "Within the standard";
    sop_over: "Lewat {by}", "Over by {by}";
    sop_over_title: "Langkah melewati standar waktu", "Steps over their standard time";
    nav_register: "Buku register", "Register book";
    register_title: "Catat di buku register (G1–G3)", "Enter in the register (G1–G3)";
    register_link: "Catat di buku register", "Enter in the register";
    nav_partners: "Mitra", "Partners";
    partners_intro: "Mitra tempat pelaksanaan pidana kerja sosial: profil, tahapan identifikasi dan perjanjian kerja sama (PKS).", "Partners where community service is served: profile, identification steps and cooperation agreements (PKS).";
    partners_none: "Belum ada mitra.", "No partners yet.";
    partner_new: "Tambah mitra", "Add a partner";
    partner_name: "Nama mitra", "Partner name";
    partner_field: "Bidang", "Field";
    partner_kind: "Jenis lembaga", "Kind of institution";
    partner_stage: "Tahap", "Stage";
    partner_agreement: "PKS", "Agreement";
    partner_capacity: "Kapasitas", "Capacity";
    partner_capacity_used: "{placed} dari {capacity} Klien", "{placed} of {capacity} clients";
    partner_no_agreement: "Belum ada PKS", "No agreement";
    agreement_not_started: "belum berlaku", "not yet in force";
    agreement_in_force: "berlaku", "in force";
    agreement_expiring: "berakhir dalam {days} hari", "ends in {days} days";
    agreement_expired: "berakhir", "expired";
    agreement_warning: "PKS dengan {name} berakhir dalam {days} hari.", "The agreement with {name} ends in {days} days.";
    agreement_warnings_title: "PKS yang segera berakhir", "Agreements ending soon";
    agreement_saved: "PKS dicatat; mitra aktif.", "Agreement recorded; the partner is active.";
    annex_v_pdf: "Terbitkan Daftar Mitra (Lampiran V, PDF)", "Issue the partner list (Annex V, PDF)";
    annex_v_xlsx: "Daftar Mitra (XLSX)", "Partner list (XLSX)";
    partner_pipeline: "Tahapan identifikasi dan PKS", "Identification steps and agreement";
    partner_supervisors: "Penanggung jawab (PJ)", "Supervisors (PJ)";
    partner_no_supervisor: "Belum ada PJ; Kepala Bapas menambahkan akun PJ di bawah ini.", "No supervisor yet; the head of office adds a PJ login below.";
    supervisor_add: "Tambah akun PJ", "Add a supervisor login";
    partner_files: "Foto kunjungan lokasi dan pindaian PKS", "Site-visit photos and the agreement scan";
    partner_site_photo: "Foto kunjungan lokasi", "Site-visit photo";
    partner_agreement_scan: "Pindaian PKS yang ditandatangani", "Scan of the signed agreement";
    supervisor_name: "Nama PJ", "Supervisor's name";
    supervisor_created: "Akun PJ dibuat. Nama pengguna: {username} · kata sandi sementara: {password}. Serahkan kepada PJ; kata sandi ini tidak akan ditampilkan lagi.", "The supervisor's login was created. Username: {username} · temporary password: {password}. Hand it over; it will not be shown again.";
    partner_next_step: "Langkah berikutnya", "Next step";
    partner_step_date: "Tanggal", "Date";
    partner_step_note: "Catatan (hasil pemetaan, profil, audiensi dan kunjungan lokasi, atau laporan)", "Notes (mapping, profile, audience and site visit, or report)";
    partner_record_step: "Catat langkah", "Record the step";
    partner_record_agreement: "Catat PKS yang ditandatangani", "Record the signed agreement";
    agreement_number: "Nomor PKS", "Agreement number";
    agreement_start: "Tanggal mulai", "Start date";
    agreement_end: "Tanggal berakhir", "End date";
    partner_end: "Akhiri kerja sama", "End the cooperation";
    partner_profile: "Profil mitra", "Partner profile";
    partner_district: "Kode kecamatan", "District code";
    partner_district_hint: "Contoh: 32.73.01", "For example: 32.73.01";
    latitude: "Lintang", "Latitude";
    longitude: "Bujur", "Longitude";
    coordinates_hint: "Koordinat desimal, contoh -6.914744 dan 107.609810; untuk menghitung jarak dari rumah Klien (P3).", "Decimal coordinates, e.g. -6.914744 and 107.609810; used for the distance from the client's home (P3).";
    partner_contact_name: "Narahubung", "Contact person";
    partner_non_commercial: "Mitra menyatakan pekerjaan sosial tidak dikomersialkan (L3)", "The partner declares the social work is not commercialised (L3)";
    partner_capacity_clients: "Kapasitas (Klien sekaligus)", "Capacity (clients at once)";
    partner_hours_per_day: "Jam kerja per hari", "Hours a day";
    partner_hours_hint: "Paling banyak 8 jam sehari (L5).", "At most 8 hours a day (L5).";
    partner_opening_days: "Hari buka", "Opening days";
    partner_opening_from: "Jam buka", "Opens at";
    partner_opening_to: "Jam tutup", "Closes at";
    partner_accommodations: "Akomodasi yang tersedia", "Accommodations offered";
    partner_work_forms: "Bentuk pekerjaan yang ditawarkan", "Work forms offered";
    partner_work_forms_hint: "Dari Tabel 2 dan 3 pedoman; risiko tiap bentuk pekerjaan dinilai otomatis saat penempatan (P4–P9).", "From Tables 2 and 3 of the guideline; each form's risks are judged at placement (P4–P9).";
    decimal_invalid: "Isi dengan angka desimal yang benar.", "Enter a valid decimal number.";
    time_order: "Jam tutup harus setelah jam buka.", "The closing time must be after the opening time.";
    choose_one: "Pilih paling sedikit satu.", "Choose at least one.";
    litmas_submitted_notice: "Litmas diserahkan kepada Kepala Bapas.", "The Litmas was submitted to the head of office.";
    litmas_approved_notice: "Litmas dan case plan disetujui; perkara siap ditempatkan.", "The Litmas and case plan are approved; the case is ready for placement.";
    placement_saved: "Penempatan dikonfirmasi.", "The placement is confirmed.";
    back_to_case: "Kembali ke perkara", "Back to the case";
    register_terminated: "Pengakhiran", "Terminated";
    kind_annex_iii: "Lampiran III: Daftar Hadir", "Annex III: attendance list";
    kind_annex_iv: "Lampiran IV: Laporan Penilaian Sikap", "Annex IV: attitude assessment";
    issue_annex_iii: "Terbitkan Daftar Hadir seluruh masa (Lampiran III)", "Issue the attendance list for the whole period (Annex III)";
    issue_annex_iii_month: "Terbitkan Daftar Hadir bulan ini (Lampiran III)", "Issue this month's attendance list (Annex III)";
    issue_annex_iv: "Terbitkan Penilaian Sikap terakhir (Lampiran IV)", "Issue the latest attitude assessment (Annex IV)";
    kind_annex_ii: "Lampiran II: Laporan Pelaksanaan Pidana Kerja Sosial", "Annex II: implementation report";
    kind_termination: "Surat pengakhiran pelaksanaan pidana kerja sosial", "Termination letter";
    termination_title: "Pengakhiran", "Termination";
    termination_start: "Ajukan pengakhiran kepada Kepala Bapas", "Propose the termination to the head of office";
    termination_order: "Perintahkan pengakhiran", "Order the termination";
    termination_report: "Serahkan laporan hasil pembimbingan (Lampiran II)", "Submit the guidance results report (Annex II)";
    termination_draft: "Siapkan draf surat pengakhiran", "Draft the termination letter";
    termination_issue: "Terbitkan surat pengakhiran", "Issue the termination letter";
    termination_reason: "Alasan pengakhiran (T1)", "Reason for termination (T1)";
    termination_evidence: "Nomor surat keterangan kematian atau surat sanksi", "Death certificate or sanction letter reference";
    termination_evidence_hint: "Wajib untuk meninggal dunia atau sanksi; unggah pindaiannya di bagian Berkas.", "Required for death or sanction; upload its scan under Files.";
    termination_evidence_required: "Isi nomor surat buktinya (T1b, T1c).", "Enter the reference of its document (T1b, T1c).";
    termination_died_on: "Tanggal meninggal dunia (bila meninggal)", "Date of death (if the client died)";
    termination_narrative: "Uraian hasil pelaksanaan dan pembimbingan", "Narrative of the implementation and guidance";
    termination_started_line: "Diajukan oleh {name}: {reason} {evidence}", "Proposed by {name}: {reason} {evidence}";
    termination_saved: "Langkah pengakhiran tersimpan.", "The termination step was saved.";
    kind_annex_i: "Lampiran I: Tempat Kerja Sosial Klien", "Annex I: the client's work place";
    kind_litmas: "Litmas untuk pembimbingan", "Litmas for guidance";
    kind_annex_v: "Lampiran V: Daftar Mitra", "Annex V: partner list";
    issue_litmas_pdf: "Terbitkan Litmas (PDF)", "Issue the Litmas (PDF)";
    client_address: "Alamat Klien (boleh kosong)", "Client's address (optional)";
    client_address_hint: "Sebagaimana tercantum dalam putusan atau surat eksekusi; dipakai untuk surat panggilan.", "As the decision or the execution letter gives it; used for summons letters.";
    placement_current: "berjalan", "current";
    annex_i_pdf: "Terbitkan Lampiran I: Tempat Kerja Sosial Klien (PDF)", "Issue Annex I: the client's work place (PDF)";
    placement_profile_title: "Profil penempatan", "Placement profile";
    placement_profile_intro: "Data untuk penempatan yang aman dan dapat dijalani (P1–P10). Data kesehatan hanya dipakai untuk penempatan.", "What placement needs to be safe and attendable (P1–P10). Health data are used for placement only.";
    profile_work: "Pekerjaan dan keterampilan", "Profession and skills";
    profile_profession: "Pekerjaan", "Profession";
    profile_skills_hint: "Bidang yang sesuai dengan pekerjaan atau keahlian Klien (diutamakan, tidak wajib).", "Fields that fit the client's profession or skills (preferred, not mandatory).";
    profile_safety_skill: "Klien memiliki keterampilan untuk pekerjaan berisiko keselamatan tinggi (P7)", "The client has the skills for high-safety-risk work (P7)";
    profile_offence: "Tindak pidana dan trauma (P1)", "Offence and trauma (P1)";
    profile_offence_field: "Bidang profesi tempat tindak pidana dilakukan", "Field of the profession through which the offence was committed";
    profile_offence_none: "Tidak melalui profesi", "Not through a profession";
    profile_trauma_hint: "Bidang tempat Klien menjadi korban atau yang dapat menimbulkan trauma.", "Fields where the client was a victim or that may cause trauma.";
    profile_victim: "Korban (P2)", "Victim (P2)";
    profile_victim_partners: "Mitra tempat korban tinggal atau bekerja:", "Partners where the victim lives or works:";
    profile_victim_note: "Keterangan tentang korban", "Notes on the victim";
    profile_victim_latitude: "Lintang tempat tinggal/kerja korban", "Latitude of the victim's home or work";
    profile_victim_longitude: "Bujur tempat tinggal/kerja korban", "Longitude of the victim's home or work";
    profile_home: "Tempat tinggal dan nafkah (P3, L6)", "Home and livelihood (P3, L6)";
    profile_home_latitude: "Lintang rumah Klien", "Latitude of the client's home";
    profile_home_longitude: "Bujur rumah Klien", "Longitude of the client's home";
    profile_dependants: "Jumlah tanggungan", "Dependants";
    profile_livelihood_from: "Jam mencari nafkah, mulai", "Livelihood hours, from";
    profile_livelihood_to: "Jam mencari nafkah, sampai", "Livelihood hours, to";
    profile_livelihood_hint: "Jadwal kerja sosial tidak boleh bertabrakan dengan jam ini (L6).", "The schedule must not clash with these hours (L6).";
    livelihood_invalid: "Isi jam mulai dan selesai (JJ:MM), jam selesai setelah jam mulai.", "Enter a start and end time (HH:MM), the end after the start.";
    profile_needs: "Kebutuhan khusus dan kesehatan (P3, P9, P10)", "Special needs and health (P3, P9, P10)";
    profile_infectious: "Klien mengidap penyakit menular (P9)", "The client has an infectious disease (P9)";
    profile_clearance: "Ada surat keterangan dokter bahwa Klien aman bekerja (P9)", "A medical statement says the client is safe to work (P9)";
    profile_monitoring: "Putusan mewajibkan teknologi pemantauan kehadiran (P10)", "The decision requires attendance monitoring technology (P10)";
    placement_title: "Penempatan", "Placement";
    placement_intro: "Setiap mitra dan bentuk pekerjaan dinilai menurut aturan P1–P10: yang dikecualikan beserta alasannya, yang memenuhi syarat beserta skornya.", "Every partner and work form is judged under P1–P10: the excluded ones with why, the eligible ones with their score.";
    placement_needs_profile: "Isi profil penempatan Klien terlebih dahulu.", "Record the client's placement profile first.";
    placement_eligible: "Memenuhi syarat, urut rekomendasi", "Eligible, in recommended order";
    placement_excluded: "Dikecualikan", "Excluded";
    placement_excluded_show: "Tampilkan yang dikecualikan dan alasannya", "Show the excluded ones and why";
    placement_none_eligible: "Tidak ada mitra yang memenuhi syarat.", "No partner is eligible.";
    placement_choose: "Pilih", "Choose";
    placement_confirm_title: "Konfirmasi penempatan", "Confirm the placement";
    placement_supervisor: "Penanggung jawab (PJ)", "Supervisor (PJ)";
    placement_supervisor_required: "Pilih PJ dari mitra ini (P10).", "Choose a supervisor of this partner (P10).";
    placement_description: "Uraian pekerjaan (Lampiran I)", "Description of the work (Annex I)";
    placement_ppe: "Alat pelindung diri (P9)", "Protective equipment (P9)";
    placement_schedule: "Jadwal yang direkomendasikan", "Recommended schedule";
    placement_schedule_hint: "Diusulkan sistem; paling banyak 8 jam sehari (L5), selesai sebelum batas waktu (L6), di luar jam mencari nafkah.", "Proposed by the system; at most 8 hours a day (L5), finished before the deadline (L6), outside livelihood hours.";
    placement_opening: "Jam buka mitra", "Partner's opening hours";
    placement_day_times: "{day}: isi jam mulai dan selesai.", "{day}: enter the start and end times.";
    placement_starts_on: "Mulai tanggal", "Starts on";
    placement_override_reason: "Alasan memilih di luar urutan rekomendasi (dicatat di jejak audit)", "Reason for choosing outside the recommended order (audited)";
    placement_confirm: "Konfirmasi penempatan", "Confirm the placement";
    candidate_excluded: "Dikecualikan", "Excluded";
    candidate_score: "skor {score}", "score {score}";
    litmas_none: "Litmas belum ditulis.", "No Litmas yet.";
    litmas_status_draft: "Draf oleh {name}.", "Draft by {name}.";
    litmas_status_submitted: "Diserahkan oleh {name}; menunggu persetujuan Kepala Bapas.", "Submitted by {name}; awaiting the head's approval.";
    litmas_status_approved: "Disetujui oleh {name}.", "Approved by {name}.";
    interventions_title: "Catatan intervensi sebelumnya", "Earlier interventions";
    interventions_none: "Belum ada catatan intervensi.", "No interventions recorded.";
    intervention_kind: "Jenis intervensi", "Kind of intervention";
    intervention_kind_hint: "Contoh: Litmas sebelumnya, case plan, program pembinaan.", "E.g. an earlier Litmas, case plan, programme.";
    intervention_date: "Waktu", "When";
    intervention_result: "Hasil", "Result";
    intervention_source: "Sumber", "Source";
    intervention_add: "Tambah catatan", "Add";
    litmas_sections: "Litmas", "Litmas";
    litmas_a: "(a) Amar putusan: dasar hukum, jumlah jam, ketentuan dari hakim", "(a) The decision: legal basis, hours, terms";
    litmas_c: "(c) Rencana pendampingan, pembimbingan dan pengawasan", "(c) Assistance, guidance and supervision plan";
    litmas_d_risk: "(d) Hasil asesmen risiko", "(d) Risk assessment result";
    litmas_d_needs: "(d) Kebutuhan", "(d) Needs";
    litmas_e: "(e) Analisis, termasuk kebutuhan khusus yang ditemukan setelah persidangan", "(e) Analysis, including special needs found after the trial";
    litmas_f: "(f) Rencana program: case plan kerja sosial", "(f) Programme plan: community-service case plan";
    litmas_save_draft: "Simpan draf", "Save the draft";
    litmas_submit: "Serahkan ke Kepala Bapas", "Submit to the head of office";
    litmas_approve: "Setujui Litmas dan case plan", "Approve the Litmas and case plan";
    litmas_required: "Wajib diisi sebelum Litmas diserahkan.", "Required before the Litmas is submitted.";
    litmas_not_submitted: "Belum ada Litmas yang diserahkan.", "No Litmas has been submitted.";
    assessment_title: "Asesmen dan penempatan", "Assessment and placement";
    appointment_title: "Penunjukan PK", "Appointing the PK";
    appointment_title_reassign: "Penggantian PK", "Replacing the PK";
    appointment_in_progress: "Sedang berjalan:", "In progress:";
    appointment_disposed: "Disposisi oleh {name}, {when}", "Disposition by {name}, {when}";
    appointment_drafted: "surat perintah disiapkan oleh {name}, {when}, untuk PK {pk}", "letter drafted by {name}, {when}, for PK {pk}";
    appointment_signed: "ditandatangani {name}, {when}", "signed by {name}, {when}";
    appointment_note: "Catatan disposisi (boleh kosong)", "Disposition note (optional)";
    appointment_note_hint: "Disposisi kepada Kepala Tata Usaha untuk menyiapkan surat perintah penunjukan PK.", "The disposition to the head of administration to draft the PK assignment letter.";
    appointment_dispose: "Beri disposisi ke Kepala TU", "Give the disposition to the head of administration";
    appointment_draft: "Siapkan surat perintah", "Draft the assignment letter";
    appointment_sign: "Tandatangani surat perintah", "Sign the assignment letter";
    appointment_caseload: "{name} ({n} perkara aktif)", "{name} ({n} open cases)";
    appointment_caseload_hint: "Jumlah perkara aktif tiap PK ditampilkan agar beban kerja merata.", "Each PK's open cases are shown so that the work is shared fairly.";
    appointment_history: "Riwayat penunjukan", "Appointment history";
    appointment_saved: "Langkah penunjukan PK tersimpan.", "The appointment step was saved.";
    files_title: "Berkas pindaian dan foto", "Scans and images";
    files_none: "Belum ada berkas.", "No files yet.";
    files_view: "Lihat", "View";
    files_purpose: "Jenis berkas", "Kind of file";
    files_choose: "Berkas", "File";
    files_hint: "PDF, JPEG atau PNG. Pindaian paling besar 10 MB, foto 5 MB, sidik jari 2 MB. Data lokasi dan metadata lain pada gambar dihapus. Setiap kali berkas dilihat, dicatat di jejak audit.", "PDF, JPEG or PNG. Scans up to 10 MB, photos 5 MB, fingerprints 2 MB. Location and other metadata in images are removed. Every view of a file is recorded in the audit trail.";
    files_upload: "Unggah", "Upload";
    file_saved: "Berkas tersimpan.", "File saved.";
    file_missing: "Pilih berkas yang akan diunggah.", "Choose a file to upload.";
    file_too_large: "Berkas terlalu besar (paling besar {mb} MB).", "The file is too large (at most {mb} MB).";
    file_wrong_type: "Jenis berkas ini tidak diterima di sini. Gunakan: {types}.", "This type of file is not accepted here. Use: {types}.";
    file_damaged: "Gambar rusak atau tidak lengkap.", "The image is damaged or incomplete.";
    file_needs_register: "Foto dan sidik jari dicatat setelah klien terdaftar di buku register (G1).", "The photograph and fingerprint are recorded once the client is in the register (G1).";
    file_decision_copy: "Petikan/salinan putusan", "Decision excerpt or copy";
    file_execution_letter: "Surat perintah pelaksanaan putusan (jaksa)", "Prosecutor's execution letter";
    file_photo: "Foto klien", "Client's photograph";
    file_fingerprint: "Sidik jari klien", "Client's fingerprint";
    file_evidence: "Foto atau video bukti kehadiran (B7)", "Attendance photo or video (B7)";
    file_termination_evidence: "Bukti pengakhiran (surat keterangan kematian atau surat sanksi)", "Termination evidence (death certificate or sanction letter)";
    register_intro: "Data wajib menurut G1; ciri fisik menurut G2. Bila orang yang sama sudah tercatat, perbarui datanya, jangan membuat data ganda (G3).", "G1 data are required; G2 physical features. If the same person is already recorded, update them instead of adding a duplicate (G3).";
    full_name: "Nama lengkap", "Full name";
    aliases: "Nama alias", "Aliases";
    nik_label: "NIK", "NIK";
    nik_hint: "16 digit sesuai KTP.", "16 digits, as on the identity card.";
    birth_place: "Tempat lahir", "Place of birth";
    birth_date: "Tanggal lahir", "Date of birth";
    sex: "Jenis kelamin", "Sex";
    sex_male: "Laki-laki", "Male";
    sex_female: "Perempuan", "Female";
    district_code: "Kode kecamatan alamat", "District code of the address";
    district_hint: "Mis. 32.73.01 (Data wilayah: idn-area-data, ODbL 1.0).", "E.g. 32.73.01 (area data: idn-area-data, ODbL 1.0).";
    district_invalid: "Kode kecamatan tidak dikenal.", "Unknown district code.";
    occupation: "Pekerjaan", "Occupation";
    father_name: "Nama ayah", "Father's name";
    mother_name: "Nama ibu", "Mother's name";
    contact: "Kontak", "Contact";
    features_title: "Ciri fisik (G2)", "Physical features (G2)";
    tattoos: "Tato", "Tattoos";
    piercings: "Tindik", "Piercings";
    limbs: "Anggota tubuh", "Limbs";
    illnesses: "Penyakit", "Illnesses";
    other_features: "Ciri lain", "Other features";
    nik_warnings: "Periksa kembali: NIK tidak sesuai dengan data yang dicatat.", "Check again: the NIK disagrees with the recorded data.";
    candidates_title: "Orang yang mungkin sama sudah tercatat (G3)", "A person who may be the same is already recorded (G3)";
    candidate_use: "Perbarui data orang ini: {name} (lahir {born}, {cases} perkara)", "Update this person: {name} (born {born}, {cases} cases)";
    candidate_new: "Bukan orang yang sama; catat sebagai orang baru", "Not the same person; record as a new person";
    candidate_choose: "Pilih salah satu sebelum menyimpan.", "Choose one before saving.";
    register_saved: "Dicatat di buku register nomor {number}/{year}.", "Entered in the register as number {number}/{year}.";
    register_search: "Cari nama, NIK, nomor putusan atau nomor register", "Search by name, NIK, decision number or register number";
    register_year: "Tahun", "Year";
    register_all_years: "Semua tahun", "All years";
    register_export: "Unduh CSV", "Download CSV";
    register_export_xlsx: "Unduh XLSX", "Download XLSX";
    register_number: "No. register", "Register no.";
    search: "Cari", "Search";
    register_done: "Dicatat di buku register.", "Entered in the register.";
    letter_issue: "Terbitkan: {kind}", "Issue: {kind}";
    letter_issued: "Surat diterbitkan dan disimpan; unduh PDF-nya di bawah.", "The letter was issued and stored; download its PDF below.";
    letter_download: "Unduh PDF", "Download PDF";
    letter_verify: "Halaman verifikasi", "Verification page";
    letter_version: "versi {n}", "version {n}";
    pk_invalid: "Pilih PK dari kantor ini.", "Choose a PK of this office.";
    pk_choice: "PK yang ditunjuk", "PK to appoint";
    nav_queue: "Verifikasi", "Verification";
    cases_title: "Perkara", "Cases";
    case_new: "Catat putusan baru", "Record a new decision";
    case_client: "Klien", "Client";
    case_status: "Status", "Status";
    case_hours: "Jam kerja sosial", "Service hours";
    case_deadline: "Batas akhir", "Deadline";
    case_pk: "PK", "PK";
    case_office: "Bapas", "Office";
    case_none: "Tidak ada perkara dalam cakupan Anda.", "There are no cases in your scope.";
    terms_title: "Putusan pengadilan", "Court decision";
    court: "Pengadilan", "Court";
    decision_number: "Nomor putusan", "Decision number";
    decision_date: "Tanggal putusan", "Decision date";
    date_final: "Tanggal berkekuatan hukum tetap", "Date the decision became final";
    received_on: "Tanggal Klien diterima Bapas", "Date the office received the client";
    received_on_hint: "Awal jangka waktu 6 bulan (L6).", "The start of the 6-month window (L6).";
    offence_articles: "Pasal tindak pidana", "Offence (articles)";
    max_threat_months: "Ancaman pidana penjara maksimum (bulan)", "Maximum threatened imprisonment (months)";
    max_threat_hint: "Harus kurang dari 5 tahun, yaitu paling lama 59 bulan (L1).", "Must be under 5 years, i.e. at most 59 months (L1).";
    replaced: "Pidana yang diganti", "Penalty replaced";
    replaced_imprisonment: "Pidana penjara", "Imprisonment";
    replaced_fine: "Pidana denda", "Fine";
    replaced_months: "Lama pidana penjara (bulan)", "Prison term (months)";
    replaced_days: "Lama pidana penjara (hari)", "Prison term (days)";
    order_prison_months: "Penjara bila tidak dijalankan (bulan)", "Prison if not served (months)";
    order_prison_days: "Penjara bila tidak dijalankan (hari)", "Prison if not served (days)";
    fine_amount: "Jumlah denda (Rp)", "Fine amount (Rp)";
    order_fine_amount: "Denda bila tidak dijalankan (Rp)", "Fine if not served (Rp)";
    hours_ordered: "Jam kerja sosial yang diputus", "Hours ordered";
    hours_ordered_hint: "8 sampai 240 jam (L4).", "8 to 240 hours (L4).";
    hours: "Jam", "Hours";
    minutes: "Menit", "Minutes";
    schedule_text: "Ketentuan pelaksanaan dalam putusan", "Schedule terms in the decision";
    schedule_hint: "Kutip ketentuan hari, jam dan angsuran dari amar putusan (L7).", "Quote the days, hours and instalments from the decision (L7).";
    instalment_months: "Jangka waktu angsuran (bulan)", "Instalment span (months)";
    instalment_hint: "Kosongkan bila putusan tidak menetapkan; paling lama 6 bulan (L6).", "Leave empty if the decision sets none; at most 6 months (L6).";
    default_orders: "Perintah bila tidak dijalankan (L8)", "Order if not served (L8)";
    default_repeat: "Mengulangi seluruh atau sebagian pidana kerja sosial", "Repeat all or part of the community service";
    default_prison: "Menjalani seluruh atau sebagian pidana penjara yang diganti", "Serve all or part of the prison term replaced";
    default_fine: "Membayar seluruh atau sebagian pidana denda yang diganti", "Pay all or part of the fine replaced";
    considerations: "Pertimbangan hakim (L2)", "The judge's considerations (L2)";
    consideration_admission: "Pengakuan terdakwa", "The defendant's admission";
    consideration_ability: "Kemampuan bekerja", "Ability to work";
    consideration_consent: "Persetujuan terdakwa", "The defendant's consent";
    consideration_history: "Riwayat sosial", "Social history";
    consideration_safety: "Pelindungan keselamatan kerja", "Work-safety protection";
    consideration_religion: "Agama, kepercayaan dan keyakinan politik", "Religion, belief and political conviction";
    consideration_fine: "Kemampuan membayar denda", "Ability to pay a fine";
    finding_unknown: "Tidak disebut", "Not stated";
    prosecutor_office: "Kejaksaan", "Prosecutor's office";
    number_invalid: "Isi dengan bilangan bulat.", "Enter a whole number.";
    date_invalid: "Isi tanggal dengan benar.", "Enter a valid date.";
    time_invalid: "Isi jam dengan format JJ:MM.", "Enter a time as HH:MM.";
    window_title: "Jangka waktu pelaksanaan (L6)", "Service window (L6)";
    window_range: "{start} sampai {end}", "{start} to {end}";
    days_left: "Sisa {days} hari", "{days} days left";
    ledger_title: "Jam kerja sosial", "Service hours";
    ledger_chart_label: "Diakui {credited}, menunggu verifikasi {pending}, sisa {remaining} dari {ordered}", "Credited {credited}, awaiting verification {pending}, remaining {remaining} of {ordered}";
    credited: "Diakui", "Credited";
    pending: "Menunggu verifikasi", "Awaiting verification";
    remaining: "Sisa", "Remaining";
    ordered: "Diputus", "Ordered";
    rejected: "Ditolak", "Rejected";
    progress_on_track: "Sesuai jadwal", "On track";
    progress_at_risk: "Berisiko terlambat", "At risk";
    progress_overdue: "Lewat batas waktu", "Overdue";
    progress_completed: "Selesai", "Completed";
    pace: "Laju 28 hari terakhir: {pace} per hari", "Pace over the last 28 days: {pace} a day";
    projected: "Perkiraan selesai: {date}", "Projected completion: {date}";
    projected_none: "Belum ada laju untuk memperkirakan tanggal selesai.", "No pace yet to project a completion date.";
    milestones_title: "Evaluasi berkala (M4)", "Periodic evaluations (M4)";
    milestone_basis_hours: "¼ ½ ¾ jam", "¼ ½ ¾ of the hours";
    milestone_hours: "{q} jam kerja", "{q} of the hours";
    milestone_window: "{q} jangka waktu", "{q} of the window";
    milestone_upcoming: "Akan datang", "Upcoming";
    milestone_due: "Jatuh tempo", "Due";
    milestone_done: "Selesai", "Done";
    milestone_late: "Terlambat", "Late";
    milestone_mark: "Catat evaluasi", "Record evaluation";
    milestone_note: "Catatan evaluasi", "Evaluation note";
    entries_title: "Laporan harian (B5)", "Daily reports (B5)";
    entry_date: "Tanggal", "Date";
    entry_time: "Jam", "Time";
    entry_activity: "Kegiatan", "Activity";
    entry_state: "Status", "Status";
    entry_reported: "Dilaporkan", "Reported";
    entry_supervisor_verified: "Diverifikasi PJ", "Verified by the supervisor";
    entry_credited: "Diakui PK", "Credited by the PK";
    entry_rejected: "Ditolak: {reason}", "Rejected: {reason}";
    entry_by: "oleh {name}", "by {name}";
    record_title: "Catat laporan harian", "Record a daily report";
    record_intro: "Dicatat atas nama tempat kerja. Jam dalam {zone}. Bila jam pulang lebih awal dari jam hadir, kerja dihitung sampai hari berikutnya.", "Recorded on behalf of the work place. Times in {zone}. If the time out is earlier than the time in, the work runs into the next day.";
    time_in: "Jam hadir", "Time in";
    time_out: "Jam pulang", "Time out";
    record_button: "Catat", "Record";
    client_account_title: "Akun Klien", "Client's login";
    client_account_exists: "Akun Klien:", "Client's login:";
    client_account_hint: "Buat akun agar Klien dapat melihat jadwal dan jamnya serta mengisi laporan harian dari ponsel. Kata sandi sementara hanya ditampilkan sekali.", "Create a login so the client can see the schedule and hours and fill the daily report from a phone. The temporary password is shown once.";
    client_account_create: "Buat akun Klien", "Create the client's login";
    client_account_created: "Akun Klien dibuat. Nama pengguna: {username} · kata sandi sementara: {password}. Serahkan kepada Klien saat menjelaskan hak dan kewajibannya; kata sandi ini tidak akan ditampilkan lagi.", "The client's login was created. Username: {username} · temporary password: {password}. Hand it over when explaining the client's rights and obligations; it will not be shown again.";
    visits_title: "Kunjungan dan penilaian sikap (B6)", "Visits and attitude assessments (B6)";
    visits_chart_label: "Indikator sikap yang terpenuhi per kunjungan: {scores}", "Attitude indicators met per visit: {scores}";
    visit_home: "Kunjungan rumah", "Home visit";
    visit_work_place: "Kunjungan tempat kerja", "Work-place visit";
    visit_kind: "Jenis kunjungan", "Kind of visit";
    visit_date: "Tanggal kunjungan", "Date of the visit";
    visit_attitude: "Penilaian sikap (wajib pada kunjungan tempat kerja)", "Attitude assessment (required at a work-place visit)";
    visit_answers_required: "Jawab kesepuluh indikator pada kunjungan tempat kerja (B6).", "Answer all ten indicators at a work-place visit (B6).";
    visit_note: "Catatan kunjungan", "Notes of the visit";
    visit_record: "Catat kunjungan", "Record the visit";
    visit_score: "indikator terpenuhi", "indicators met";
    visit_saved: "Kunjungan tercatat.", "The visit is recorded.";
    today_title: "Hari ini", "Today";
    today_none: "Tidak ada Klien yang dijadwalkan hari ini di tempat kerja Anda.", "No client is scheduled at your work place today.";
    today_clients: "Klien yang bekerja pada sesi ini", "Clients who worked this session";
    today_reported: "sudah ada laporan hari ini", "already reported today";
    today_activity_hint: "Satu catatan untuk semua Klien yang dipilih; PK akan memverifikasinya (B5).", "One record for every chosen client; the PK verifies it (B5).";
    today_record: "Catat kehadiran", "Record attendance";
    today_choose_clients: "Pilih paling sedikit satu Klien.", "Choose at least one client.";
    today_refused: "Perkara {case}: {reason} Tidak ada yang dicatat.", "Case {case}: {reason} Nothing was recorded.";
    today_queue_link: "Laporan harian yang menunggu verifikasi Anda", "Daily reports awaiting your verification";
    complaint_title: "Pengaduan", "Complaints";
    complaint_intro: "Pengaduan Anda diterima langsung oleh Kepala Bapas, bukan hanya PK Anda.", "Your complaint goes to the head of office, not only to your PK.";
    complaint_body: "Isi pengaduan", "Your complaint";
    complaint_send: "Kirim pengaduan", "Send the complaint";
    complaint_saved: "Pengaduan terkirim kepada Kepala Bapas.", "The complaint was sent to the head of office.";
    complaint_read: "sudah dibaca Kepala Bapas", "read by the head of office";
    complaint_unread: "belum dibaca", "not yet read";
    complaints_open: "Pengaduan Klien yang belum dibaca", "Client complaints not yet read";
    complaint_mark_read: "Tandai sudah dibaca", "Mark read";
    evidence_view: "Lihat bukti", "View the evidence";
    evidence_insufficient: "Bukti tidak cukup", "Insufficient evidence";
    evidence_insufficient_reason: "Alasan bukti tidak cukup", "Why the evidence is insufficient";
    evidence_mark_insufficient: "Tandai tidak cukup", "Mark insufficient";
    evidence_reason_required: "Tuliskan alasan bukti tidak cukup.", "Write why the evidence is insufficient.";
    report_photo: "Foto atau video pendek bukti kehadiran (boleh kosong)", "Attendance photo or short video (optional)";
    report_photo_hint: "Klien di tempat kerja, menunjukkan tanggal dan waktu, misalnya memegang koran hari ini atau menunjuk jam (B7). Foto JPEG atau PNG paling besar 5 MB (diperkecil di ponsel sebelum dikirim), atau video MP4 paling besar 20 MB.", "The client at work showing the date and time, e.g. holding today's newspaper or pointing at a clock (B7). A JPEG or PNG photo up to 5 MB (shrunk on the phone before it is sent), or an MP4 video up to 20 MB.";
    report_location_consent: "Saya setuju lokasi saya dicatat bersama foto (wajib bila putusan mewajibkan pemantauan, P10)", "I agree that my location is recorded with the photo (required when the decision orders monitoring, P10)";
    report_sending: "Mengirim…", "Sending…";
    report_offline: "Gagal mengirim: sambungan terputus. Isian Anda tetap di sini; tekan Catat lagi, laporan tidak akan tercatat dua kali.", "Sending failed: the connection dropped. What you typed is still here; press Record again, the report will not be recorded twice.";
    recorded: "Laporan harian tercatat dan menunggu verifikasi.", "The daily report is recorded and awaits verification.";
    verify: "Verifikasi", "Verify";
    verify_as_supervisor: "Verifikasi sebagai PJ", "Verify as supervisor";
    verify_as_pk: "Verifikasi sebagai PK", "Verify as PK";
    reject: "Tolak", "Reject";
    reject_reason: "Alasan penolakan", "Reason for rejecting";
    verified: "Laporan diverifikasi.", "The report was verified.";
    rejected_notice: "Laporan ditolak dengan alasan yang dicatat.", "The report was rejected with its reason recorded.";
    transitions_title: "Tahap perkara", "Case stage";
    transition_done: "Status perkara diubah.", "The case status was changed.";
    death_certificate_ref: "Nomor akta kematian", "Death certificate number";
    sanction_letter_ref: "Nomor surat sanksi", "Sanction letter number";
    history_title: "Riwayat", "History";
    history_created: "Putusan dicatat, perkara dibuka", "Decision recorded, case opened";
    history_facts: "Data tahapan dicatat (register, Litmas, case plan)", "Stage facts recorded (register, Litmas, case plan)";
    history_evaluation: "Evaluasi berkala dicatat", "Periodic evaluation recorded";
    queue_title: "Laporan menunggu verifikasi", "Reports awaiting verification";
    queue_intro_supervisor: "Laporan harian Klien di tempat kerja Anda yang menunggu verifikasi PJ.", "Daily reports of clients at your work place awaiting the supervisor's verification.";
    queue_intro_pk: "Laporan harian Klien Anda yang sudah diverifikasi PJ dan menunggu verifikasi PK.", "Daily reports of your clients verified by the supervisor and awaiting the PK.";
    queue_empty: "Tidak ada laporan yang menunggu.", "No reports are waiting.";
    rule_label: "Aturan {rule}", "Rule {rule}";
    case_saved: "Perkara dicatat.", "The case was recorded.";
    client_name_hint: "Sesuai putusan.", "As in the decision.";
    yes_no_unknown: "Ya / Tidak / Tidak disebut", "Yes / No / Not stated";
    role_admin: "Admin nasional", "National admin";
    role_intake_officer: "Petugas Pendaftaran", "Intake officer";
    role_registry_officer: "Petugas Registrasi", "Registry officer";
    role_pk: "Pembimbing Kemasyarakatan (PK)", "Probation officer (PK)";
    role_head_of_admin: "Kepala Tata Usaha", "Head of administration";
    role_head_of_office: "Kepala Bapas", "Head of office";
    role_tpp_member: "Anggota TPP", "TPP member";
    role_site_supervisor: "Penanggung Jawab (PJ) tempat kerja", "Work-place supervisor (PJ)";
    role_client: "Klien", "Client";
    role_prosecutor: "Jaksa", "Prosecutor";
    role_regional_manager: "Pimpinan Kanwil", "Regional manager";
    role_national_manager: "Pimpinan Ditjenpas", "National manager";
}

impl Catalog {
    pub fn role(&self, role: Role) -> &'static str {
        match role {
            Role::Admin => self.role_admin,
            Role::IntakeOfficer => self.role_intake_officer,
            Role::RegistryOfficer => self.role_registry_officer,
            Role::Pk => self.role_pk,
            Role::HeadOfAdmin => self.role_head_of_admin,
            Role::HeadOfOffice => self.role_head_of_office,
            Role::TppMember => self.role_tpp_member,
            Role::SiteSupervisor => self.role_site_supervisor,
            Role::Client => self.role_client,
            Role::Prosecutor => self.role_prosecutor,
            Role::RegionalManager => self.role_regional_manager,
            Role::NationalManager => self.role_national_manager,
        }
    }
}

/// Fills `{name}`-style placeholders of a catalogue text.
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(text.to_owned(), |out, (name, value)| {
        out.replace(&format!("{{{name}}}"), value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indonesian_is_the_default_language() {
        assert_eq!(Lang::default(), Lang::Id);
        assert_eq!(Lang::default().catalog().login_button, "Masuk");
    }

    #[test]
    fn placeholders_are_filled_in_both_languages() {
        assert_eq!(
            fill(ID.home_welcome, &[("name", "Sari")]),
            "Selamat datang, Sari."
        );
        assert_eq!(
            fill(EN.login_locked, &[("minutes", "15")]),
            "Too many failed attempts. Try again in 15 minutes."
        );
    }
}

#[cfg(test)]
mod catalogue_tests {
    use super::*;

    /// The `{name}` placeholders of a text, sorted.
    fn placeholders(text: &str) -> Vec<&str> {
        let mut found: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn both_languages_have_the_same_placeholders_for_every_key() {
        let mismatched: Vec<&str> = ENTRIES
            .iter()
            .filter(|(_, id, en)| placeholders(id) != placeholders(en))
            .map(|(key, _, _)| *key)
            .collect();
        assert!(ENTRIES.len() > 300, "the catalogue is read whole");
        assert!(
            mismatched.is_empty(),
            "placeholders differ in: {mismatched:?}"
        );
    }

    #[test]
    fn no_text_is_empty_and_domain_words_come_in_the_readers_language() {
        for (key, id, en) in ENTRIES {
            assert!(
                !id.trim().is_empty() && !en.trim().is_empty(),
                "{key} is empty"
            );
        }
        assert_eq!(Lang::Id.pick("ya", "yes"), "ya");
        let serving = karya_domain::CaseStatus::Serving;
        assert_eq!(Lang::En.say(&serving), serving.label_en());
        assert_eq!(Lang::Id.say(&serving), serving.label_id());
    }
}
