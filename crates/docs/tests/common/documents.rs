//! Realistic forms, reports and letters of the Bandung office for the `Document` kinds.

use jiff::civil::{Weekday, date, time};
use karya_docs::{
    ActivityLine, AgendaCase, Answer, Approval, Assessment, AttendanceList, AttendancePeriod,
    AttendanceRow, AttitudeAssessment, BehaviourLine, CasePlan, ClientIdentity, Document,
    ExaminationStep, ExaminationTeam, Figures, ForProsecutor, GuidancePlan, HeadDecision,
    ImplementationReport, InstitutionKind, Intervention, Litmas, Officer, PartnerList, PartnerRow,
    Photo, PlacementForm, ProgressReport, ScheduleSlot, TerminationGround, TerminationLetter,
    TppMinutes, TppSession, Verdict,
};
use karya_domain::Minutes;

use super::{decision, head_of_office};

/// A 90×120 px PNG of a head and shoulders.
pub const PHOTO_PNG: &[u8] = include_bytes!("../fixtures/pas_foto.png");

pub const PK_NAME: &str = "Andi Pratama, S.Sos.";
pub const PJ_NAME: &str = "Siti Rahmawati, S.Pd.";
pub const WORK_PLACE: &str = "SD Negeri 045 Cibaduyut";

pub fn photo() -> Photo {
    Photo::from_bytes(PHOTO_PNG.to_vec()).expect("the fixture is a PNG")
}

pub fn pk() -> Officer {
    Officer {
        name: PK_NAME.to_owned(),
        nip: Some("199003172015031002".to_owned()),
    }
}

pub fn pj() -> Officer {
    Officer {
        name: PJ_NAME.to_owned(),
        nip: None,
    }
}

pub fn schedule() -> Vec<ScheduleSlot> {
    vec![
        ScheduleSlot {
            weekday: Weekday::Saturday,
            from: time(8, 0, 0, 0),
            to: time(12, 0, 0, 0),
        },
        ScheduleSlot {
            weekday: Weekday::Sunday,
            from: time(8, 0, 0, 0),
            to: time(11, 30, 0, 0),
        },
    ]
}

pub fn client(name: &str) -> ClientIdentity {
    ClientIdentity {
        name: name.to_owned(),
        nik: Some("3273011705900003".to_owned()),
        birth_place: "Bandung".to_owned(),
        birth_date: Some(date(1990, 5, 17)),
        address: "Jalan Cibaduyut Lama Gang Mawar Nomor 5, RT 02/RW 07, Kota Bandung".to_owned(),
        offence: "Pencurian ringan (Pasal 478 KUHP)".to_owned(),
    }
}

pub fn placement(client_name: &str) -> PlacementForm {
    PlacementForm {
        place: "Bandung".to_owned(),
        date: date(2026, 12, 2),
        client_name: client_name.to_owned(),
        decision: decision(),
        work_place: WORK_PLACE.to_owned(),
        institution: InstitutionKind::Government,
        location: "Jalan Cibaduyut Raya Nomor 45, Kecamatan Bojongloa Kidul, Kota Bandung"
            .to_owned(),
        work_description: "Membersihkan toilet pria di lantai 1 dan 2;\n\
            membersihkan lapangan sekolah;\n\
            merapikan buku di perpustakaan."
            .to_owned(),
        protective_equipment: vec![
            "Sarung tangan karet".to_owned(),
            "Masker".to_owned(),
            "Sepatu bot".to_owned(),
        ],
        schedule: schedule(),
        supervisor: pj(),
        officer: pk(),
        signer: head_of_office(),
    }
}

pub fn implementation_report(client_name: &str, photo: Option<Photo>) -> ImplementationReport {
    ImplementationReport {
        place: "Bandung".to_owned(),
        date: date(2027, 1, 15),
        client_name: client_name.to_owned(),
        photo,
        work_place: WORK_PLACE.to_owned(),
        work_form: "Membersihkan ruang kelas, toilet dan halaman sekolah".to_owned(),
        officer: pk(),
        offence: "Pencurian ringan (Pasal 478 KUHP)".to_owned(),
        hours_ordered: Minutes::from_hours(120),
        hours_served: Minutes::from_hours_and_minutes(37, 30),
        narrative: "Klien hadir tepat waktu pada setiap jadwal dan menyelesaikan pekerjaannya.\n\
            Penanggung jawab menyampaikan bahwa Klien bersikap sopan dan tidak pernah \
            meninggalkan tempat tanpa izin."
            .to_owned(),
    }
}

pub fn attendance_row(day: u8) -> AttendanceRow {
    let date = date(2026, 12, 5)
        .checked_add(jiff::Span::new().days(i64::from(day)))
        .expect("a date in 2026");
    AttendanceRow {
        date,
        time_in: time(8, 0, 0, 0),
        time_out: Some(time(12, 0, 0, 0)),
        activity: format!("Membersihkan ruang kelas {day}"),
        verified_by: day.is_multiple_of(2).then(|| PJ_NAME.to_owned()),
    }
}

pub fn attendance(client_name: &str, rows: Vec<AttendanceRow>) -> AttendanceList {
    AttendanceList {
        date: date(2027, 1, 2),
        client_name: client_name.to_owned(),
        work_place: WORK_PLACE.to_owned(),
        period: AttendancePeriod::Month {
            year: 2026,
            month: 12,
        },
        total: rows.iter().map(|_| Minutes::from_hours(4)).sum(),
        pending: Minutes::ZERO,
        rows,
    }
}

pub fn attitude(client_name: &str) -> AttitudeAssessment {
    let mut answers: [Answer; 10] = std::array::from_fn(|_| Answer::yes());
    answers[2] = Answer::no("Istirahat 20 menit lebih lama dari jadwal");
    answers[0].note = "Hadir pukul 07.55".to_owned();
    AttitudeAssessment {
        place: "Bandung".to_owned(),
        visit_date: date(2026, 12, 19),
        client_name: client_name.to_owned(),
        photo: Some(photo()),
        work_place: WORK_PLACE.to_owned(),
        work_form: "Membersihkan ruang kelas dan halaman sekolah".to_owned(),
        officer: pk(),
        supervisor: pj(),
        offence: "Pencurian ringan (Pasal 478 KUHP)".to_owned(),
        hours_ordered: Minutes::from_hours(120),
        answers,
        note: "Klien menyatakan ingin mengikuti pelatihan perbengkelan di Griya Abhipraya."
            .to_owned(),
    }
}

pub fn partner_row(i: usize) -> PartnerRow {
    PartnerRow {
        name: format!("Mitra nomor {i}"),
        address: format!("Jalan Contoh Nomor {i}, Kota Bandung"),
        contact: format!("Bapak Contoh {i}\n(022) 555-{i:04}"),
        scope: "Membersihkan ruang kelas, toilet, kantin dan halaman".to_owned(),
        agreement_number: Some(format!("PKS.{i}/BAPAS-BDG/XII/2026")),
        start: Some(date(2026, 1, 5)),
        // The second partner's agreement ended before the list's date.
        end: match i {
            2 => Some(date(2026, 6, 30)),
            i if i.is_multiple_of(3) => None,
            _ => Some(date(2028, 1, 4)),
        },
        expired: i == 2,
    }
}

pub fn partners(rows: usize) -> PartnerList {
    PartnerList {
        office: "Balai Pemasyarakatan Kelas I Bandung".to_owned(),
        place: "Bandung".to_owned(),
        as_of: date(2026, 12, 1),
        partners: (1..=rows).map(partner_row).collect(),
        signer: Some(head_of_office()),
    }
}

pub fn case_plan() -> CasePlan {
    CasePlan {
        work_place: WORK_PLACE.to_owned(),
        institution: Some(InstitutionKind::Government),
        total_hours: Minutes::from_hours(120),
        schedule: schedule(),
        supervisor_name: PJ_NAME.to_owned(),
        work_description: "Membersihkan ruang kelas dan halaman sekolah".to_owned(),
        visit_plan: "Kunjungan ke tempat kerja sosial setiap dua minggu; kunjungan rumah sekali \
            sebulan"
            .to_owned(),
        counselling_plan: "Konseling pengendalian diri setiap bulan bersama Griya Abhipraya"
            .to_owned(),
        evaluation_plan: "Evaluasi pada 1/4, 1/2 dan 3/4 masa pidana kerja sosial".to_owned(),
        special_needs: String::new(),
        written: Vec::new(),
    }
}

pub fn litmas(client_name: &str, approved: bool) -> Litmas {
    Litmas {
        number: Some("W.11.PAS.PAS.14-PK.01.05-0501/2026".to_owned()),
        place: "Bandung".to_owned(),
        date: date(2026, 12, 3),
        client: client(client_name),
        decision: decision(),
        verdict: Verdict {
            legal_basis: "Pasal 85 Undang-Undang Nomor 1 Tahun 2023 tentang Kitab Undang-Undang \
                Hukum Pidana"
                .to_owned(),
            hours: Minutes::from_hours(120),
            terms: "Paling lama 8 jam sehari dalam jangka waktu 6 bulan.\nApabila tidak \
                dilaksanakan tanpa alasan sah, Terpidana wajib menjalani pidana penjara 2 bulan."
                .to_owned(),
        },
        interventions: vec![Intervention {
            kind: "Litmas untuk kepentingan sidang".to_owned(),
            date: Some(date(2026, 9, 14)),
            result: "Direkomendasikan pidana kerja sosial".to_owned(),
            source: "Berkas Bapas".to_owned(),
        }],
        guidance_plan: GuidancePlan {
            assistance: "Mendampingi Klien ke tempat kerja sosial pada hari pertama.".to_owned(),
            guidance: "Konseling individu setiap bulan di luar jam kerja sosial.".to_owned(),
            supervision: "Memeriksa laporan harian setiap minggu.".to_owned(),
        },
        assessment: Assessment {
            risk: "Rendah".to_owned(),
            reoffending_risk: "Sedang".to_owned(),
            needs: vec![
                "Pengendalian diri".to_owned(),
                "Keterampilan kerja".to_owned(),
            ],
        },
        analysis: "Klien menyesali perbuatannya dan didukung keluarga.".to_owned(),
        special_needs: "Klien mengidap asma ringan; pekerjaan berdebu dibatasi.".to_owned(),
        case_plan: case_plan(),
        author: pk(),
        approval: approved.then(|| Approval {
            head: head_of_office(),
            date: date(2026, 12, 4),
        }),
        for_prosecutor: None,
    }
}

/// The Litmas the head sends the prosecutor after accepting the TPP's recommendation (S8).
pub fn litmas_for_prosecutor(client_name: &str) -> Litmas {
    Litmas {
        for_prosecutor: Some(ForProsecutor {
            addressee: "Kepala Kejaksaan Negeri Bandung".to_owned(),
            ground: "Dugaan pelanggaran syarat umum: tiga kali tidak hadir tanpa pemberitahuan."
                .to_owned(),
            team: ExaminationTeam {
                chair: "Anggota TPP Bandung".to_owned(),
                members: vec!["Kepala Bapas Bandung".to_owned()],
                formed_on: date(2026, 11, 20),
            },
            steps: vec![ExaminationStep {
                on: date(2026, 11, 21),
                method: "Wawancara dengan Klien".to_owned(),
                record: "berita acara".to_owned(),
            }],
            findings: "Klien tidak melaksanakan pidana kerja sosial tanpa alasan yang sah."
                .to_owned(),
            session: TppSession {
                on: date(2026, 11, 25),
                present: vec![
                    "Anggota TPP Bandung".to_owned(),
                    "Kepala Bapas Bandung".to_owned(),
                ],
            },
            deliberation: "Tiga kali tidak hadir tanpa alasan sah.".to_owned(),
            recommendation: "Menjalani pidana penjara yang diganti: 3 bulan.".to_owned(),
            decision: HeadDecision {
                on: date(2026, 11, 27),
                reasons: "sesuai rekomendasi TPP.".to_owned(),
            },
        }),
        ..litmas(client_name, true)
    }
}

pub fn termination(client_name: &str, ground: TerminationGround) -> TerminationLetter {
    TerminationLetter {
        number: "W.11.PAS.PAS.14-PK.01.05-0120/2027".to_owned(),
        date: date(2027, 5, 29),
        place: "Bandung".to_owned(),
        regional_head: "Kepala Kantor Wilayah Direktorat Jenderal Pemasyarakatan Jawa Barat"
            .to_owned(),
        prosecutor: "Kepala Kejaksaan Negeri Bandung".to_owned(),
        court_head: "Ketua Pengadilan Negeri Bandung".to_owned(),
        client: client(client_name),
        decision: decision(),
        hours_ordered: Minutes::from_hours(120),
        ground,
        signer: head_of_office(),
    }
}

/// The monthly progress report for December, approved and sent (S4, B8).
pub fn progress_report(client_name: &str) -> ProgressReport {
    ProgressReport {
        number: "W.11.PAS.PAS.14-PK.01.05-0131/2027".to_owned(),
        date: date(2027, 1, 4),
        place: "Bandung".to_owned(),
        addressee: "Kepala Kejaksaan Negeri Bandung".to_owned(),
        copy_to: "Ketua Pengadilan Negeri Bandung".to_owned(),
        client: client(client_name),
        decision: decision(),
        hours_ordered: Minutes::from_hours(120),
        from: date(2026, 12, 1),
        to: date(2026, 12, 31),
        evaluation_quarter: None,
        figures: Figures {
            credited: Minutes::from_hours(8),
            credited_in_period: Minutes::from_hours(8),
            planned: Minutes::new(1240),
            remaining: Minutes::from_hours(112),
            on_plan: false,
            behind: Minutes::new(760),
            days_worked: 2,
            reports_rejected: 1,
        },
        attitude_scores: vec![6, 9],
        attitude_trend: Some(karya_domain::progress_report::Trend::Better),
        activities: vec![
            ActivityLine {
                kind: "Konseling mental".to_owned(),
                count: 2,
            },
            ActivityLine {
                kind: "Refleksi perilaku dan tanggung jawab".to_owned(),
                count: 1,
            },
        ],
        behaviour: vec![BehaviourLine {
            on: date(2026, 12, 20),
            kind: "Donor darah".to_owned(),
            description: "Donor darah di PMI".to_owned(),
        }],
        stage: Some("Persiapan (preparation)".to_owned()),
        relapses: 0,
        good_conduct: vec!["Menolong korban banjir di desa tempat kerja.".to_owned()],
        progress: "Klien mulai hadir teratur sejak pertengahan Desember.".to_owned(),
        obstacles: "Jarak rumah ke tempat kerja 12 km.".to_owned(),
        next_steps: "Kunjungan rumah dan konseling lanjutan.".to_owned(),
        author: pk(),
        signer: head_of_office(),
    }
}

/// A TPP session's minutes with both outcomes: good conduct and a default order (S7).
pub fn tpp_minutes(client_name: &str) -> TppMinutes {
    let case = |client: &str, ground: &str, findings: &str, recommendation: &str| AgendaCase {
        client: client.to_owned(),
        decision: decision(),
        pk: Some(PK_NAME.to_owned()),
        ground: ground.to_owned(),
        what_happened: "Sebagaimana nota PK kepada Kepala Bapas.".to_owned(),
        findings: findings.to_owned(),
        deliberation: "Sidang menimbang hasil pemeriksaan tim dan keterangan PK.".to_owned(),
        recommendation: recommendation.to_owned(),
    };
    TppMinutes {
        number: "W.11.PAS.PAS.14-PK.01.05-0140/2027".to_owned(),
        held_on: date(2027, 1, 8),
        place: "Bandung".to_owned(),
        venue: "Ruang Sidang TPP Bapas Bandung".to_owned(),
        office: "Balai Pemasyarakatan Kelas I Bandung".to_owned(),
        present: vec![
            "Anggota TPP Bandung".to_owned(),
            "Kepala Bapas Bandung".to_owned(),
            PK_NAME.to_owned(),
        ],
        cases: vec![
            case(
                client_name,
                "Perbuatan baik",
                "Klien menolong korban kecelakaan; dibenarkan saksi.",
                "Perilaku baik, dicatat dalam laporan perkembangan berikutnya",
            ),
            case(
                "Dedi Kurniawan bin Asep",
                "Dugaan pelanggaran",
                "Tiga kali tidak hadir tanpa alasan yang sah.",
                "Mengulang pidana kerja sosial",
            ),
        ],
        chair: Officer {
            name: "Anggota TPP Bandung".to_owned(),
            nip: Some("198001012005011001".to_owned()),
        },
    }
}

pub fn completed() -> TerminationGround {
    TerminationGround::Completed {
        hours_served: Minutes::from_hours(120),
    }
}

/// One document of each kind for the client `name`.
pub fn one_document_of_each(name: &str) -> Vec<(&'static str, Document)> {
    vec![
        ("placement", Document::Placement(placement(name))),
        (
            "implementation_report",
            Document::ImplementationReport(implementation_report(name, Some(photo()))),
        ),
        (
            "attendance",
            Document::Attendance(attendance(name, (1..=6).map(attendance_row).collect())),
        ),
        ("attitude", Document::Attitude(attitude(name))),
        ("partners", Document::Partners(partners(3))),
        ("litmas", Document::Litmas(litmas(name, true))),
        (
            "progress_report",
            Document::ProgressReport(progress_report(name)),
        ),
        (
            "termination",
            Document::Termination(termination(name, completed())),
        ),
        ("tpp_minutes", Document::TppMinutes(tpp_minutes(name))),
    ]
}
