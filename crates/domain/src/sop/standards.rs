//! The six annexed SOPs of the guideline as data: steps, actors, standard times (*mutu baku:
//! waktu*) and outputs, in the seed's words (spelling lightly corrected: "mengumpulkan",
//! "mengidentifikasi", "memasukkan"), and the total each SOP states.

use super::{Sop, SopKind, SopStep, StandardTime};
use crate::role::Role;

const fn step(
    number: u8,
    description_id: &'static str,
    actors: &'static [Role],
    standard: StandardTime,
    output_id: &'static str,
) -> SopStep {
    SopStep {
        number,
        description_id,
        actors,
        standard,
        output_id,
    }
}

use StandardTime::{Conditional as Cond, Minutes as Min};

const PK: &[Role] = &[Role::Pk];
const DESK: &[Role] = &[Role::IntakeOfficer];
const HEAD: &[Role] = &[Role::HeadOfOffice];
const TU: &[Role] = &[Role::HeadOfAdmin];
const REGISTRY: &[Role] = &[Role::RegistryOfficer];

pub(super) static ALL: [Sop; 6] = [
    Sop {
        kind: SopKind::Intake,
        name_id: "SOP Penerimaan Klien Pidana Kerja Sosial",
        steps: &[
            step(
                1,
                "PK menerima informasi putusan pidana kerja sosial dari Jaksa/Hakim",
                PK,
                Cond,
                "Informasi Klien",
            ),
            step(
                2,
                "PK menerima eksekusi putusan dan putusan Klien pidana kerja sosial",
                PK,
                Cond,
                "Perintah eksekusi",
            ),
            step(
                3,
                "PK melakukan serah terima dengan Jaksa",
                PK,
                Min(15),
                "Klien diserahkan",
            ),
            step(
                4,
                "PK menjelaskan hak dan kewajiban kepada Klien",
                PK,
                Min(15),
                "Informasi tersampaikan",
            ),
            step(
                5,
                "PK menyerahkan surat eksekusi dan salinan putusan kepada Petugas pendaftaran pada Bapas",
                PK,
                Min(1),
                "Dokumen didaftarkan",
            ),
        ],
        stated_total_minutes: 31,
        stated_conditional: true,
    },
    Sop {
        kind: SopKind::DocumentValidity,
        name_id: "SOP Pemeriksaan Keabsahan Dokumen",
        steps: &[
            step(
                1,
                "Petugas pendaftaran menerima surat eksekusi dan salinan putusan pidana kerja sosial",
                DESK,
                Min(1),
                "Berkas diterima",
            ),
            step(
                2,
                "Petugas pendaftaran memeriksa keaslian dokumen",
                DESK,
                Min(5),
                "Berkas divalidasi",
            ),
            step(
                3,
                "Petugas menyerahkan berkas dan menghadapkan Klien kepada petugas registrasi",
                DESK,
                Cond,
                "Berkas diserahkan",
            ),
            step(
                4,
                "Petugas pendaftaran menyampaikan laporan kepada Kepala Bapas",
                DESK,
                Min(15),
                "Laporan",
            ),
            step(
                5,
                "Kepala Bapas menindaklanjuti laporan petugas",
                HEAD,
                Min(5),
                "Dokumen didaftarkan",
            ),
        ],
        stated_total_minutes: 26,
        stated_conditional: true,
    },
    Sop {
        kind: SopKind::PkAppointment,
        name_id: "SOP Penunjukan Pembimbing Kemasyarakatan",
        steps: &[
            step(
                1,
                "Kepala Bapas menerima laporan penerimaan Klien",
                HEAD,
                Min(1),
                "Informasi Klien baru",
            ),
            step(
                2,
                "Kepala Bapas memberikan disposisi kepada Kepala Tata Usaha tentang penunjukan PK",
                HEAD,
                Min(1),
                "Disposisi",
            ),
            step(
                3,
                "Kepala Tata Usaha menyiapkan surat perintah penunjukan PK",
                TU,
                Min(15),
                "Draf surat perintah",
            ),
            step(
                4,
                "Kepala Bapas menandatangani surat perintah penunjukan PK",
                HEAD,
                Min(5),
                "Surat perintah",
            ),
            step(
                5,
                "Kepala Bapas menyerahkan surat perintah kepada PK melalui Kepala Tata Usaha",
                &[Role::HeadOfOffice, Role::HeadOfAdmin],
                Min(1),
                "Surat perintah diserahkan",
            ),
        ],
        // The seed says "23 Menit dan Kondisional" although no step is conditional.
        stated_total_minutes: 23,
        stated_conditional: true,
    },
    Sop {
        kind: SopKind::Register,
        name_id: "SOP Pencatatan dalam Buku Register",
        steps: &[
            step(
                1,
                "Petugas registrasi menerima berkas yang telah diverifikasi dan divalidasi",
                REGISTRY,
                Min(1),
                "Berkas diterima",
            ),
            step(
                2,
                "Petugas registrasi melakukan penginputan data ke dalam database",
                REGISTRY,
                Min(15),
                "Data terekam",
            ),
            step(
                3,
                "Petugas registrasi memanggil Klien yang belum diserahterimakan oleh Jaksa",
                REGISTRY,
                Cond,
                "Klien dihadirkan",
            ),
            step(
                4,
                "Petugas registrasi memasukkan ciri-ciri fisik Klien",
                REGISTRY,
                Min(15),
                "Ciri-ciri terekam",
            ),
            step(
                5,
                "Petugas registrasi melaporkan kepada Kepala Bapas Klien yang tidak hadir",
                REGISTRY,
                Min(5),
                "Laporan",
            ),
            step(
                6,
                "Kepala Bapas menyampaikan pertimbangan kepada Jaksa tentang ketidakhadiran Klien sebagai \
                 bentuk pelanggaran Klien",
                HEAD,
                Cond,
                "Pertimbangan ke Jaksa",
            ),
        ],
        stated_total_minutes: 36,
        stated_conditional: true,
    },
    Sop {
        kind: SopKind::InterventionAnalysis,
        name_id: "SOP Analisis Rekam Intervensi",
        steps: &[
            step(1, "PK mempelajari berkas", PK, Min(30), "Informasi Klien"),
            step(
                2,
                "PK mempelajari hasil Litmas yang pernah disusun",
                PK,
                Min(30),
                "Informasi intervensi",
            ),
            step(
                3,
                "PK mempelajari keadaan dan perilaku Klien melalui sumber data dari penegak hukum atau online",
                PK,
                Cond,
                "Informasi perilaku",
            ),
            step(
                4,
                "PK mempelajari seluruh rekam intervensi",
                PK,
                Min(30),
                "Informasi intervensi",
            ),
            step(5, "PK mendatangi Klien", PK, Cond, "Informasi Klien"),
            step(
                6,
                "Kepala Bapas mendapatkan laporan awal dimulainya Pembimbingan Kemasyarakatan",
                HEAD,
                Min(5),
                "Laporan",
            ),
        ],
        stated_total_minutes: 95,
        stated_conditional: true,
    },
    Sop {
        kind: SopKind::MonitoringEvaluation,
        name_id: "SOP Monitoring dan Evaluasi",
        steps: &[
            step(
                1,
                "PK mempelajari berkas Klien yang menjalani Pembimbingan Kemasyarakatan",
                PK,
                Min(15),
                "Informasi Klien",
            ),
            step(
                2,
                "PK membuat instrumen monitoring dan evaluasi",
                PK,
                Min(30),
                "Informasi intervensi",
            ),
            step(
                3,
                "PK mengumpulkan data dan informasi kebutuhan monitoring evaluasi",
                PK,
                Cond,
                "Informasi perilaku",
            ),
            step(
                4,
                "PK mengidentifikasi capaian Pembimbingan Kemasyarakatan",
                PK,
                Min(30),
                "Informasi intervensi",
            ),
            step(
                5,
                "PK menilai perubahan perilaku Klien",
                PK,
                Cond,
                "Informasi Klien",
            ),
            step(
                6,
                "Dirjenpas, Kepala Kanwil atau Kepala Bapas mendapatkan laporan",
                &[
                    Role::NationalManager,
                    Role::RegionalManager,
                    Role::HeadOfOffice,
                ],
                Min(5),
                "Laporan",
            ),
        ],
        // The seed states 50 minutes; its steps add up to 15 + 30 + 30 + 5 = 80. See the
        // module doc of `sop`: the steps are the standard, 80 minutes is the total used.
        stated_total_minutes: 50,
        stated_conditional: true,
    },
];
