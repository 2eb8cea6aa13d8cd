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

macro_rules! catalog {
    ($($key:ident: $id:literal, $en:literal;)*) => {
        /// One language's texts; fields are the catalogue keys.
        #[derive(Debug)]
        pub struct Catalog { $(pub $key: &'static str,)* }
        pub static ID: Catalog = Catalog { $($key: $id,)* };
        pub static EN: Catalog = Catalog { $($key: $en,)* };
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
    already_submitted: "Formulir ini sudah dikirim.", "This form was already submitted.";
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
    bad_request_body: "Data yang dikirim tidak lengkap atau rusak. Kembali dan coba lagi.", "The data sent was incomplete or damaged. Go back and try again.";
    csrf_body: "Formulir ini kedaluwarsa. Muat ulang halaman lalu kirim lagi.", "This form has expired. Reload the page and send it again.";
    too_large_body: "Data yang dikirim terlalu besar.", "The data sent is too large.";
    internal_body: "Kesalahan ini sudah dicatat. Coba lagi sebentar lagi; bila terus terjadi, hubungi admin dengan kode ini:", "The error was logged. Try again shortly; if it persists, contact the admin with this code:";
    back_home: "Kembali ke beranda", "Back to home";
    footer_data_credit: "Data wilayah: idn-area-data, ODbL 1.0.", "Area data: idn-area-data, ODbL 1.0.";
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
