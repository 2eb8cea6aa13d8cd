//! Every route × every role × in scope / out of scope (ARCHITECTURE §5). The signed-in
//! user of each office role works in Bandung (`bdg`); "other" objects belong to Makassar.
//! Allowed → the page (200) or a redirect after a write (303); a role that may not act →
//! 403; an object outside the caller's scope → 404. Every 403 and 404 is audited.
//! Later routes join this table.

use karya_domain::Permission;
use karya_domain::Role;
use karya_store::{orgs, users};
use karya_testkit::{TestApp, TestDb, on_both_engines};
use karya_web::demo::cases::{Stage, case_at, serving_case};

/// One route with the roles that may use it and those for whom its object is out of scope.
struct Case {
    method: &'static str,
    path: &'static str,
    /// Form fields for a POST (the client adds the CSRF token).
    form: &'static [(&'static str, &'static str)],
    allowed: &'static [Role],
    success: u16,
    /// Roles that may use the route in general but not on this object: 404.
    out_of_scope: &'static [Role],
}

use Role::*;

const ALL: &[Role] = &Role::ALL;
const CASE_READERS: &[Role] = &[
    NationalManager,
    RegionalManager,
    IntakeOfficer,
    RegistryOfficer,
    Pk,
    HeadOfAdmin,
    HeadOfOffice,
    TppMember,
    SiteSupervisor,
    Client,
    Prosecutor,
];
/// Who reads a case's guidance record (B1–B4): its PK, the head and the TPP of the office.
const GUIDANCE_READERS: &[Role] = &[Pk, HeadOfOffice, TppMember];
const PARTNER_READERS: &[Role] = &[
    HeadOfOffice,
    HeadOfAdmin,
    Pk,
    RegistryOfficer,
    IntakeOfficer,
    TppMember,
];
/// Every case reader but the national manager: a Makassar case is outside their scope.
const NOT_NATIONAL: &[Role] = &[
    RegionalManager,
    IntakeOfficer,
    RegistryOfficer,
    Pk,
    HeadOfAdmin,
    HeadOfOffice,
    TppMember,
    SiteSupervisor,
    Client,
    Prosecutor,
];
/// Office staff who move a case through its lifecycle (the domain says which transition is
/// whose); managers, the prosecutor and the people at the work place do not.
const LIFECYCLE: &[Role] = &[
    HeadOfOffice,
    HeadOfAdmin,
    RegistryOfficer,
    IntakeOfficer,
    TppMember,
    Pk,
];
/// Bandung's own roles that reach a Bandung case that is neither assigned to pk.bdg, nor
/// placed at pj.bdg's partner, nor klien.bdg's: a neighbour's case.
const NOT_MINE: &[Role] = &[Pk, SiteSupervisor, Client];
/// The Bapas's staff and managers: the roles that may enrol a second factor.
const STAFF_AND_MANAGERS: &[Role] = &[
    Admin,
    IntakeOfficer,
    RegistryOfficer,
    Pk,
    HeadOfAdmin,
    HeadOfOffice,
    TppMember,
    RegionalManager,
    NationalManager,
    DataProtectionOfficer,
];
const OFFICE_FORM: &[(&str, &str)] = &[
    ("code", "bdg"),
    ("name", "Balai Pemasyarakatan Kelas I Bandung"),
    ("region_id", "{region}"),
    ("address", "Jalan Contoh Raya No. 1"),
    ("phone", "(022) 555-0101"),
    ("email", "bapas.bdg@contoh.go.id"),
    ("time_zone", "Asia/Jakarta"),
    ("version", "{version}"),
];

const CASES: &[Case] = &[
    Case {
        method: "GET",
        path: "/",
        form: &[],
        allowed: ALL,
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/profile",
        form: &[],
        allowed: ALL,
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/admin/offices",
        form: &[],
        allowed: &[Admin, NationalManager, RegionalManager],
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/admin/offices/new",
        form: &[],
        allowed: &[Admin],
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/admin/offices/{own_office}",
        form: &[],
        allowed: &[Admin],
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/admin/offices/{own_office}",
        form: OFFICE_FORM,
        allowed: &[Admin],
        success: 303,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/admin/staff",
        form: &[],
        allowed: &[Admin, HeadOfOffice],
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/admin/staff/new",
        form: &[],
        allowed: &[Admin, HeadOfOffice],
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/admin/staff/{own_staff}",
        form: &[],
        allowed: &[Admin, HeadOfOffice],
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/admin/staff/{other_staff}",
        form: &[],
        allowed: &[Admin, HeadOfOffice],
        success: 200,
        out_of_scope: &[HeadOfOffice],
    },
    Case {
        method: "POST",
        path: "/admin/staff/{own_staff}/status",
        form: &[("disabled", "0")],
        allowed: &[Admin, HeadOfOffice],
        success: 303,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/admin/staff/{other_staff}/status",
        form: &[("disabled", "0")],
        allowed: &[Admin, HeadOfOffice],
        success: 303,
        out_of_scope: &[HeadOfOffice],
    },
    // Only the administrator resets someone's second factor (issue 12, item 8).
    Case {
        method: "POST",
        path: "/admin/staff/{own_staff}/second-factor",
        form: &[],
        allowed: &[Admin],
        success: 303,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/admin/staff/{other_staff}/second-factor",
        form: &[],
        allowed: &[Admin],
        success: 303,
        out_of_scope: &[],
    },
    // The data protection officer's registers (UU PDP; issue 12, item 13): theirs alone.
    Case {
        method: "GET",
        path: "/privacy",
        form: &[],
        allowed: &[DataProtectionOfficer],
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/privacy/people",
        form: &[("query", "Budi")],
        allowed: &[DataProtectionOfficer],
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/privacy/people/{person}",
        form: &[],
        allowed: &[DataProtectionOfficer],
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/privacy/people/{person}/export.json",
        form: &[],
        allowed: &[DataProtectionOfficer],
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/privacy/people/{person}/export.pdf",
        form: &[],
        allowed: &[DataProtectionOfficer],
        success: 200,
        out_of_scope: &[],
    },
    // The notice of a breach that does not exist: only the officer learns that.
    Case {
        method: "GET",
        path: "/privacy/breaches/{missing}/notice.pdf?to=authority",
        form: &[],
        allowed: &[DataProtectionOfficer],
        success: 404,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/privacy/people/{person}/requests",
        form: &[],
        allowed: &[DataProtectionOfficer],
        success: 422,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/privacy/requests/{missing}",
        form: &[],
        allowed: &[DataProtectionOfficer],
        success: 422,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/privacy/breaches",
        form: &[],
        allowed: &[DataProtectionOfficer],
        success: 422,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/privacy/breaches/{missing}/notified",
        form: &[("to", "authority")],
        allowed: &[DataProtectionOfficer],
        success: 409,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/profile/two-factor",
        form: &[],
        allowed: ALL,
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/profile/two-factor",
        form: &[],
        allowed: STAFF_AND_MANAGERS,
        success: 303,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/profile/two-factor/confirm",
        form: &[("code", "000000")],
        allowed: STAFF_AND_MANAGERS,
        success: 422,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/audit",
        form: &[],
        allowed: &[Admin, NationalManager, HeadOfOffice],
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/api/v1/me",
        form: &[],
        allowed: ALL,
        success: 200,
        out_of_scope: &[],
    },
    // Cases: every role but the admin reads cases in its own scope. The own case is a
    // Bandung case placed at Bandung's partner, assigned to pk.bdg, prosecuted by Bandung's
    // prosecutors, of klien.bdg; the other case is Makassar's. Invalid forms sent after the
    // check answer 422 or 400, which shows the caller passed authorization.
    Case {
        method: "GET",
        path: "/cases",
        form: &[],
        allowed: CASE_READERS,
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/search",
        form: &[("q", "Pid")],
        allowed: CASE_READERS,
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/cases/{own_case}",
        form: &[],
        allowed: CASE_READERS,
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/cases/{other_case}",
        form: &[],
        allowed: CASE_READERS,
        success: 200,
        out_of_scope: NOT_NATIONAL,
    },
    Case {
        method: "GET",
        path: "/cases/new",
        form: &[],
        allowed: &[IntakeOfficer, HeadOfOffice],
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases",
        form: &[],
        allowed: &[IntakeOfficer, HeadOfOffice],
        success: 422,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{own_case}/attendance",
        form: &[],
        allowed: &[Client, SiteSupervisor, Pk, RegistryOfficer],
        success: 422,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{other_case}/attendance",
        form: &[],
        allowed: &[Client, SiteSupervisor, Pk, RegistryOfficer],
        success: 422,
        out_of_scope: &[Client, SiteSupervisor, Pk, RegistryOfficer],
    },
    Case {
        method: "POST",
        path: "/cases/{own_case}/attendance/{entry}/reject",
        form: &[("reason", "")],
        allowed: &[SiteSupervisor, Pk],
        success: 422,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{other_case}/attendance/{entry}/reject",
        form: &[("reason", "")],
        allowed: &[SiteSupervisor, Pk],
        success: 422,
        out_of_scope: &[SiteSupervisor, Pk],
    },
    Case {
        method: "POST",
        path: "/cases/{own_case}/transition",
        form: &[("transition", "none")],
        allowed: LIFECYCLE,
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{other_case}/transition",
        form: &[("transition", "none")],
        allowed: LIFECYCLE,
        success: 400,
        out_of_scope: LIFECYCLE,
    },
    Case {
        method: "POST",
        path: "/cases/{own_case}/evaluations",
        form: &[("basis", "none")],
        allowed: &[Pk, HeadOfOffice],
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/verifikasi",
        form: &[],
        allowed: &[SiteSupervisor, Pk],
        success: 200,
        out_of_scope: &[],
    },
    // The register: entering people is the registry's (only at `officer_assigned`, so the
    // serving case answers 400); the book is the office staff's.
    Case {
        method: "POST",
        path: "/cases/{own_case}/register",
        form: &[],
        allowed: &[RegistryOfficer],
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{other_case}/register",
        form: &[],
        allowed: &[RegistryOfficer],
        success: 400,
        out_of_scope: &[RegistryOfficer],
    },
    Case {
        method: "GET",
        path: "/register",
        form: &[],
        allowed: &[
            RegistryOfficer,
            HeadOfOffice,
            HeadOfAdmin,
            IntakeOfficer,
            TppMember,
            Pk,
        ],
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/register.csv",
        form: &[],
        allowed: &[
            RegistryOfficer,
            HeadOfOffice,
            HeadOfAdmin,
            IntakeOfficer,
            TppMember,
            Pk,
        ],
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/register.xlsx",
        form: &[],
        allowed: &[
            RegistryOfficer,
            HeadOfOffice,
            HeadOfAdmin,
            IntakeOfficer,
            TppMember,
            Pk,
        ],
        success: 200,
        out_of_scope: &[],
    },
    // A day at the work place: the supervisor's page of today's clients.
    Case {
        method: "GET",
        path: "/hari-ini",
        form: &[],
        allowed: &[SiteSupervisor],
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{own_case}/complaints",
        form: &[("complaint", "")],
        allowed: &[Client],
        success: 422,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{own_case}/termination",
        form: &[("step", "order")],
        allowed: &[HeadOfOffice],
        success: 422,
        out_of_scope: &[],
    },
    // Monitoring (M1–M3): Ditjenpas, the Kanwil and the head, each over their own reach.
    Case {
        method: "GET",
        path: "/monitoring",
        form: &[],
        allowed: &[NationalManager, RegionalManager, HeadOfOffice],
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/monitoring/visits",
        form: &[("v_office", "{own_office}"), ("v_on", "")],
        allowed: &[NationalManager, RegionalManager],
        success: 422,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/monitoring.xlsx",
        form: &[],
        allowed: &[NationalManager, RegionalManager, HeadOfOffice],
        success: 200,
        out_of_scope: &[],
    },
    // TPP sessions (S7): the head and the TPP read them; the head convenes (an empty form
    // is refused, 422); a member records against the agenda (an examination not on it is
    // 404); the chair signs once every case is decided (not yet: 422); no minutes yet: 404.
    // Another office's session is out of scope.
    Case {
        method: "GET",
        path: "/tpp",
        form: &[],
        allowed: &[HeadOfOffice, TppMember],
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/tpp",
        form: &[("t_held_on", "2026-11-20")],
        allowed: &[HeadOfOffice],
        success: 422,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/tpp/{own_session}",
        form: &[],
        allowed: &[HeadOfOffice, TppMember],
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/tpp/{other_session}",
        form: &[],
        allowed: &[HeadOfOffice, TppMember],
        success: 200,
        out_of_scope: &[HeadOfOffice, TppMember],
    },
    Case {
        method: "POST",
        path: "/tpp/{own_session}/recommendation",
        form: &[("exam", "999999"), ("s_recommendation", "good_conduct")],
        allowed: &[TppMember],
        success: 404,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/tpp/{own_session}/minutes",
        form: &[],
        allowed: &[TppMember],
        success: 422,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/tpp/{own_session}/minutes",
        form: &[],
        allowed: &[HeadOfOffice, TppMember],
        success: 404,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/api/v1/tpp-sessions",
        form: &[],
        allowed: &[HeadOfOffice, TppMember],
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/api/v1/tpp-sessions",
        form: &[],
        allowed: &[HeadOfOffice],
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/api/v1/tpp-sessions/{own_session}",
        form: &[],
        allowed: &[HeadOfOffice, TppMember],
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/api/v1/tpp-sessions/{other_session}",
        form: &[],
        allowed: &[HeadOfOffice, TppMember],
        success: 200,
        out_of_scope: &[HeadOfOffice, TppMember],
    },
    Case {
        method: "POST",
        path: "/api/v1/tpp-sessions/{own_session}/minutes",
        form: &[],
        allowed: &[TppMember],
        success: 422,
        out_of_scope: &[],
    },
    // Partners: the office's staff read them; PKs and the head map and profile them; the
    // head records agreements (an empty one is refused, 422).
    Case {
        method: "GET",
        path: "/partners",
        form: &[],
        allowed: PARTNER_READERS,
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/partners/new",
        form: &[],
        allowed: &[Pk, HeadOfOffice],
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/partners/{own_partner}",
        form: &[],
        allowed: PARTNER_READERS,
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/partners/{other_partner}",
        form: &[],
        allowed: PARTNER_READERS,
        success: 200,
        out_of_scope: PARTNER_READERS,
    },
    Case {
        method: "POST",
        path: "/partners/{own_partner}/agreements",
        form: &[("number", "")],
        allowed: &[HeadOfOffice],
        success: 422,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/partners/annex-v.xlsx",
        form: &[],
        allowed: PARTNER_READERS,
        success: 200,
        out_of_scope: &[],
    },
    // Assessment and placement: the case's PK writes; the head reads and approves.
    Case {
        method: "GET",
        path: "/cases/{own_case}/placement-profile",
        form: &[],
        allowed: &[Pk],
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/cases/{other_case}/placement-profile",
        form: &[],
        allowed: &[Pk],
        success: 200,
        out_of_scope: &[Pk],
    },
    Case {
        method: "GET",
        path: "/cases/{own_case}/litmas",
        form: &[],
        allowed: &[Pk, HeadOfOffice],
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/cases/{own_case}/placement",
        form: &[],
        allowed: &[Pk, HeadOfOffice],
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{own_case}/litmas/approve",
        form: &[],
        allowed: &[HeadOfOffice],
        success: 422,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{other_case}/placement",
        form: &[("candidate", "none")],
        allowed: &[Pk],
        success: 400,
        out_of_scope: &[Pk],
    },
    // The PK appointment: the head disposes and signs, the head of administration drafts
    // (the intake desk cannot appoint a PK). An unknown step is a bad request.
    Case {
        method: "POST",
        path: "/cases/{own_case}/appointment",
        form: &[("step", "none")],
        allowed: &[HeadOfOffice, HeadOfAdmin],
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{other_case}/appointment",
        form: &[("step", "none")],
        allowed: &[HeadOfOffice, HeadOfAdmin],
        success: 400,
        out_of_scope: &[HeadOfOffice, HeadOfAdmin],
    },
    // Letters: the head signs them, the head of administration drafts them for signature.
    Case {
        method: "POST",
        path: "/cases/{own_case}/letters",
        form: &[("kind", "none")],
        allowed: &[HeadOfOffice],
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{other_case}/letters",
        form: &[("kind", "none")],
        allowed: &[HeadOfOffice],
        success: 400,
        out_of_scope: &[HeadOfOffice],
    },
    // P3: the head approves a placement beyond the distance limit; the PK confirms the
    // accommodations (an unknown one is a bad request).
    Case {
        method: "POST",
        path: "/cases/{own_case}/placement/distance-approval",
        form: &[],
        allowed: &[HeadOfOffice],
        success: 409,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{other_case}/placement/distance-approval",
        form: &[],
        allowed: &[HeadOfOffice],
        success: 409,
        out_of_scope: &[HeadOfOffice],
    },
    Case {
        method: "POST",
        path: "/cases/{own_case}/accommodations",
        form: &[("accommodation", "none")],
        allowed: &[Pk],
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{other_case}/accommodations",
        form: &[("accommodation", "none")],
        allowed: &[Pk],
        success: 400,
        out_of_scope: &[Pk],
    },
    // SOP steps marked by hand: the PK and the head, each for the steps the SOP names.
    Case {
        method: "POST",
        path: "/cases/{own_case}/sop",
        form: &[("sop_step", "none")],
        allowed: &[Pk, HeadOfOffice],
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{other_case}/sop",
        form: &[("sop_step", "none")],
        allowed: &[Pk, HeadOfOffice],
        success: 400,
        out_of_scope: &[Pk, HeadOfOffice],
    },
    // Assistance (§2.3.1): the PK records; the client and the head acknowledge their steps.
    Case {
        method: "POST",
        path: "/cases/{own_case}/assistance",
        form: &[("assistance_step", "none")],
        allowed: &[Pk],
        success: 422,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{other_case}/assistance",
        form: &[("assistance_step", "none")],
        allowed: &[Pk],
        success: 422,
        out_of_scope: &[Pk],
    },
    Case {
        method: "POST",
        path: "/cases/{own_case}/assistance/acknowledge",
        form: &[("step", "none")],
        allowed: &[Client, HeadOfOffice],
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{other_case}/assistance/acknowledge",
        form: &[("step", "none")],
        allowed: &[Client, HeadOfOffice],
        success: 400,
        out_of_scope: &[Client, HeadOfOffice],
    },
    Case {
        method: "POST",
        path: "/cases/{own_case}/letters/drafts",
        form: &[("kind", "none")],
        allowed: &[HeadOfAdmin],
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{other_case}/letters/drafts",
        form: &[("kind", "none")],
        allowed: &[HeadOfAdmin],
        success: 400,
        out_of_scope: &[HeadOfAdmin],
    },
    // Intake: the document check is the desk's; summonses the head's and the registry's;
    // their outcomes the desk's, the registry's and the head's. Incomplete forms again.
    Case {
        method: "POST",
        path: "/cases/{own_case}/documents",
        form: &[],
        allowed: &[IntakeOfficer],
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{other_case}/documents",
        form: &[],
        allowed: &[IntakeOfficer],
        success: 400,
        out_of_scope: &[IntakeOfficer],
    },
    Case {
        method: "POST",
        path: "/cases/{own_case}/summonses",
        form: &[],
        allowed: &[HeadOfOffice, RegistryOfficer],
        success: 422,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{other_case}/summonses",
        form: &[],
        allowed: &[HeadOfOffice, RegistryOfficer],
        success: 422,
        out_of_scope: &[HeadOfOffice, RegistryOfficer],
    },
    Case {
        method: "POST",
        path: "/cases/{own_case}/summonses/outcome",
        form: &[("outcome", "none")],
        allowed: &[IntakeOfficer, RegistryOfficer, HeadOfOffice],
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/api/v1/cases",
        form: &[],
        allowed: CASE_READERS,
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/api/v1/cases/{own_case}/ledger",
        form: &[],
        allowed: CASE_READERS,
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/api/v1/cases/{other_case}/ledger",
        form: &[],
        allowed: CASE_READERS,
        success: 200,
        out_of_scope: NOT_NATIONAL,
    },
    Case {
        method: "GET",
        path: "/api/v1/offices",
        form: &[],
        allowed: &[Admin, NationalManager, RegionalManager],
        success: 200,
        out_of_scope: &[],
    },
    // Every route not yet above, so that the table covers the whole router (see
    // `every_route_of_the_router_is_in_the_matrix`).
    Case {
        method: "POST",
        path: "/profile/password",
        form: &[],
        allowed: ALL,
        success: 422,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/logout",
        form: &[],
        allowed: ALL,
        success: 303,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/bahasa",
        form: &[("lang", "en")],
        allowed: ALL,
        success: 303,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/admin/offices",
        form: &[],
        allowed: &[Admin],
        success: 422,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/admin/staff",
        form: &[],
        allowed: &[Admin, HeadOfOffice],
        success: 422,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/admin/staff/{other_staff}",
        form: &[],
        allowed: &[Admin, HeadOfOffice],
        success: 400,
        out_of_scope: &[HeadOfOffice],
    },
    // A neighbour's case in the same office: the office sees it; the PK it is not assigned
    // to, the supervisor of another work place and another client do not.
    Case {
        method: "GET",
        path: "/cases/{neighbour_case}",
        form: &[],
        allowed: CASE_READERS,
        success: 200,
        out_of_scope: NOT_MINE,
    },
    Case {
        method: "GET",
        path: "/api/v1/cases/{neighbour_case}/ledger",
        form: &[],
        allowed: CASE_READERS,
        success: 200,
        out_of_scope: NOT_MINE,
    },
    Case {
        method: "POST",
        path: "/cases/{neighbour_case}/attendance",
        form: &[],
        allowed: &[Client, SiteSupervisor, Pk, RegistryOfficer],
        success: 422,
        out_of_scope: NOT_MINE,
    },
    Case {
        method: "POST",
        path: "/cases/{own_case}/attendance/{entry}/verify",
        form: &[],
        allowed: &[SiteSupervisor, Pk],
        success: 404,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{other_case}/attendance/{entry}/verify",
        form: &[],
        allowed: &[SiteSupervisor, Pk],
        success: 404,
        out_of_scope: &[SiteSupervisor, Pk],
    },
    // Documents: each kind has its own read permission. A letter (summons) is read by the
    // office, the PK and the prosecutor; the Litmas only by the PK and the head.
    Case {
        method: "GET",
        path: "/cases/{own_case}/letters/{letter}",
        form: &[],
        allowed: &[
            NationalManager,
            RegionalManager,
            HeadOfOffice,
            HeadOfAdmin,
            RegistryOfficer,
            IntakeOfficer,
            TppMember,
            Pk,
            Prosecutor,
        ],
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/cases/{own_case}/letters/{litmas}",
        form: &[],
        allowed: &[Pk, HeadOfOffice],
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/cases/{other_case}/letters/{letter}",
        form: &[],
        allowed: &[NationalManager],
        success: 404,
        out_of_scope: NOT_NATIONAL,
    },
    Case {
        method: "POST",
        path: "/cases/{own_case}/forms",
        form: &[("kind", "none")],
        allowed: &[Pk, HeadOfOffice],
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{own_case}/visits",
        form: &[],
        allowed: &[Pk],
        success: 422,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{other_case}/visits",
        form: &[],
        allowed: &[Pk],
        success: 422,
        out_of_scope: &[Pk],
    },
    Case {
        method: "POST",
        path: "/cases/{own_case}/client-account",
        form: &[],
        allowed: &[RegistryOfficer],
        success: 409,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/complaints/{entry}/read",
        form: &[],
        allowed: &[HeadOfOffice],
        success: 404,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/hari-ini",
        form: &[],
        allowed: &[SiteSupervisor],
        success: 422,
        out_of_scope: &[],
    },
    // Files: the purpose decides who may upload and who may look.
    Case {
        method: "POST",
        path: "/cases/{own_case}/files",
        form: &[("purpose", "decision_copy")],
        allowed: &[IntakeOfficer, RegistryOfficer],
        success: 303,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{other_case}/files",
        form: &[("purpose", "decision_copy")],
        allowed: &[IntakeOfficer, RegistryOfficer],
        success: 303,
        // Another office's case is out of every reader's reach but the national manager's,
        // who may read it but not upload to it.
        out_of_scope: NOT_NATIONAL,
    },
    Case {
        method: "GET",
        path: "/cases/{own_case}/files/{file}",
        form: &[],
        allowed: &[
            IntakeOfficer,
            RegistryOfficer,
            HeadOfAdmin,
            HeadOfOffice,
            Pk,
        ],
        success: 200,
        out_of_scope: &[],
    },
    // The scan has no preview: whoever may see evidence gets past the check and finds none.
    Case {
        method: "GET",
        path: "/cases/{own_case}/files/{file}/thumb",
        form: &[],
        allowed: &[Client, SiteSupervisor, Pk, HeadOfOffice],
        success: 404,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{own_case}/files/{file}/insufficient",
        form: &[],
        allowed: &[Pk],
        success: 422,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{own_case}/placement-profile",
        form: &[("dependants", "many")],
        allowed: &[Pk],
        success: 422,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{own_case}/litmas",
        form: &[("action", "submit")],
        allowed: &[Pk],
        success: 422,
        out_of_scope: &[],
    },
    // Guidance (B1–B4): the PK records; the head and the TPP read; a TPP member or PK of
    // another office, and a PK of a neighbour's case, get 404.
    Case {
        method: "GET",
        path: "/cases/{own_case}/guidance",
        form: &[],
        allowed: GUIDANCE_READERS,
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/cases/{other_case}/guidance",
        form: &[],
        allowed: GUIDANCE_READERS,
        success: 200,
        out_of_scope: GUIDANCE_READERS,
    },
    Case {
        method: "GET",
        path: "/cases/{neighbour_case}/guidance",
        form: &[],
        allowed: GUIDANCE_READERS,
        success: 200,
        out_of_scope: &[Pk],
    },
    Case {
        method: "POST",
        path: "/cases/{own_case}/guidance/activities",
        form: &[("g_kind", "reflection")],
        allowed: &[Pk],
        success: 422,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{own_case}/guidance/behaviour",
        form: &[("b_kind", "blood_donation")],
        allowed: &[Pk],
        success: 422,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{other_case}/guidance/stage",
        form: &[("stage", "action")],
        allowed: &[Pk],
        success: 422,
        out_of_scope: &[Pk],
    },
    // Supervision (S5–S8): the PK advises, the head forms the team and decides, the team
    // examines, the TPP recommends; an unknown examination is a bad request or 404.
    Case {
        method: "POST",
        path: "/cases/{own_case}/supervision/advice",
        form: &[("s_ground", "suspected_violation")],
        allowed: &[Pk],
        success: 422,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{own_case}/supervision/team",
        form: &[("exam", "999999")],
        allowed: &[HeadOfOffice],
        success: 422,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{other_case}/supervision/step",
        form: &[
            ("exam", "999999"),
            ("s_method", "other"),
            ("s_step_on", "2026-01-01"),
        ],
        allowed: &[Pk, HeadOfOffice, TppMember],
        success: 404,
        out_of_scope: &[Pk, HeadOfOffice, TppMember],
    },
    Case {
        method: "POST",
        path: "/cases/{own_case}/supervision/findings",
        form: &[("exam", "999999")],
        allowed: &[Pk, HeadOfOffice, TppMember],
        success: 422,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{own_case}/supervision/recommendation",
        form: &[("exam", "999999"), ("s_recommendation", "good_conduct")],
        allowed: &[TppMember],
        success: 404,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{own_case}/letters/{letter}/receipt",
        form: &[],
        allowed: &[Prosecutor],
        success: 303,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{own_case}/conduct-reports",
        form: &[("c_kind", "non_compliance"), ("c_on", "2026-01-01")],
        allowed: &[RegistryOfficer, SiteSupervisor],
        success: 422,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{neighbour_case}/conduct-reports",
        form: &[("c_kind", "good_deed"), ("c_on", "2026-01-01")],
        allowed: &[RegistryOfficer, SiteSupervisor],
        success: 422,
        out_of_scope: &[SiteSupervisor],
    },
    Case {
        method: "POST",
        path: "/cases/{own_case}/supervision/reports",
        form: &[("report", "999999"), ("r_note", "Tindak lanjut")],
        allowed: &[Pk, HeadOfOffice],
        success: 404,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{own_case}/progress-reports",
        form: &[
            ("p_due", "2099-01-01"),
            ("p_progress", "Baik"),
            ("p_obstacles", "-"),
            ("p_next_steps", "Kunjungan"),
        ],
        allowed: &[Pk],
        success: 404,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{neighbour_case}/progress-reports/review",
        form: &[
            ("report", "999999"),
            ("p_approve", "no"),
            ("p_review_note", "Lengkapi"),
        ],
        allowed: &[HeadOfOffice],
        success: 404,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{own_case}/supervision/prosecutor",
        form: &[
            ("exam", "999999"),
            ("s_p_order", "repeat_work"),
            ("s_p_reference", "B-1"),
            ("s_p_on", "2026-01-01"),
        ],
        allowed: &[HeadOfOffice, Prosecutor],
        success: 404,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{own_case}/supervision/litmas",
        form: &[("exam", "999999")],
        allowed: &[HeadOfOffice],
        success: 404,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/cases/{neighbour_case}/supervision/decision",
        form: &[
            ("exam", "999999"),
            ("s_accept", "yes"),
            ("s_reasons", "Alasan"),
        ],
        allowed: &[HeadOfOffice],
        success: 404,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/api/v1/cases/{own_case}/guidance",
        form: &[],
        allowed: GUIDANCE_READERS,
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/api/v1/cases/{own_case}/supervision",
        form: &[],
        allowed: GUIDANCE_READERS,
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/api/v1/cases/{own_case}/supervision/advice",
        form: &[],
        allowed: &[Pk],
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/api/v1/cases/{own_case}/supervision/team",
        form: &[],
        allowed: &[HeadOfOffice],
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/api/v1/cases/{own_case}/supervision/steps",
        form: &[],
        allowed: &[Pk, HeadOfOffice, TppMember],
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/api/v1/cases/{own_case}/supervision/findings",
        form: &[],
        allowed: &[Pk, HeadOfOffice, TppMember],
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/api/v1/cases/{own_case}/supervision/recommendation",
        form: &[],
        allowed: &[TppMember],
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/api/v1/cases/{own_case}/supervision/decision",
        form: &[],
        allowed: &[HeadOfOffice],
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/api/v1/cases/{own_case}/conduct-reports",
        form: &[],
        allowed: &[RegistryOfficer, SiteSupervisor],
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/api/v1/cases/{own_case}/progress-reports",
        form: &[],
        allowed: &[Pk],
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/api/v1/cases/{own_case}/progress-reports/{missing}/review",
        form: &[],
        allowed: &[HeadOfOffice],
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/api/v1/cases/{own_case}/guidance/activities",
        form: &[],
        allowed: &[Pk],
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/api/v1/cases/{own_case}/guidance/behaviour",
        form: &[],
        allowed: &[Pk],
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/api/v1/cases/{other_case}/guidance/stage",
        form: &[],
        allowed: &[Pk],
        success: 400,
        out_of_scope: &[Pk],
    },
    Case {
        method: "POST",
        path: "/cases/{own_case}/litmas/interventions",
        form: &[],
        allowed: &[Pk],
        success: 422,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/cases/{own_case}/register",
        form: &[],
        allowed: &[RegistryOfficer],
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/partners",
        form: &[],
        allowed: &[Pk, HeadOfOffice],
        success: 422,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/partners/annex-v",
        form: &[],
        allowed: PARTNER_READERS,
        success: 303,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/partners/documents/{missing}",
        form: &[],
        allowed: PARTNER_READERS,
        success: 404,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/partners/{own_partner}",
        form: &[],
        allowed: &[Pk, HeadOfOffice],
        success: 422,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/partners/{other_partner}",
        form: &[],
        allowed: &[Pk, HeadOfOffice],
        success: 422,
        out_of_scope: &[Pk, HeadOfOffice],
    },
    Case {
        method: "POST",
        path: "/partners/{own_partner}/steps",
        form: &[],
        allowed: &[Pk, HeadOfOffice],
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/partners/{own_partner}/files",
        form: &[("purpose", "agreement_scan")],
        allowed: &[Pk, HeadOfOffice],
        success: 303,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/partners/{own_partner}/files/{missing}",
        form: &[],
        allowed: PARTNER_READERS,
        success: 404,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/partners/{own_partner}/supervisors",
        form: &[],
        allowed: &[HeadOfOffice],
        success: 422,
        out_of_scope: &[],
    },
    // The API: an empty JSON body is refused after the check (400 or 422).
    Case {
        method: "POST",
        path: "/api/v1/sentence-terms/validate",
        form: &[],
        allowed: ALL,
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/api/v1/cases",
        form: &[],
        allowed: &[IntakeOfficer, HeadOfOffice],
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/api/v1/cases/{own_case}/documents",
        form: &[],
        allowed: &[IntakeOfficer],
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/api/v1/cases/{own_case}/summonses",
        form: &[],
        allowed: &[HeadOfOffice, RegistryOfficer],
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/api/v1/cases/{other_case}/summonses/outcome",
        form: &[],
        allowed: &[IntakeOfficer, RegistryOfficer, HeadOfOffice],
        success: 400,
        out_of_scope: &[IntakeOfficer, RegistryOfficer, HeadOfOffice],
    },
    Case {
        method: "POST",
        path: "/api/v1/cases/{own_case}/register",
        form: &[],
        allowed: &[RegistryOfficer],
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/api/v1/cases/{own_case}/appointment",
        form: &[],
        allowed: &[HeadOfOffice, HeadOfAdmin],
        success: 400,
        out_of_scope: &[],
    },
    Case {
        method: "GET",
        path: "/api/v1/register",
        form: &[],
        allowed: &[
            RegistryOfficer,
            HeadOfOffice,
            HeadOfAdmin,
            IntakeOfficer,
            TppMember,
            Pk,
        ],
        success: 200,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/api/v1/cases/{neighbour_case}/attendance",
        form: &[],
        allowed: &[Client, SiteSupervisor, Pk, RegistryOfficer],
        success: 400,
        out_of_scope: NOT_MINE,
    },
    Case {
        method: "POST",
        path: "/api/v1/cases/{own_case}/attendance/{entry}/verify",
        form: &[],
        allowed: &[SiteSupervisor, Pk],
        success: 404,
        out_of_scope: &[],
    },
    Case {
        method: "POST",
        path: "/api/v1/cases/{other_case}/attendance/{entry}/reject",
        form: &[],
        allowed: &[SiteSupervisor, Pk],
        success: 400,
        out_of_scope: &[SiteSupervisor, Pk],
    },
];

/// Routes anyone may call, signed in or not: the login itself, the language switch before
/// login, operations endpoints, the public verification of an issued document, the static
/// assets and the API's description. Each answers anonymously in `anyone_reaches_the_public_routes`.
const PUBLIC: &[(&str, &str)] = &[
    ("GET", "/login"),
    ("POST", "/login"),
    ("GET", "/login/kode"),
    ("POST", "/login/kode"),
    ("GET", "/aktivasi"),
    ("POST", "/aktivasi"),
    ("GET", "/api/v1/openapi.json"),
    ("GET", "/v/{code}"),
    ("GET", "/healthz"),
    ("GET", "/readyz"),
    ("GET", "/metrics"),
    ("GET", "/assets/{file}"),
];

/// A path with every `{placeholder}` made alike, to compare the matrix with the router.
fn shape(path: &str) -> String {
    // A query string says which variant of a page is asked for, not which route serves it.
    let path = path.split('?').next().unwrap_or(path);
    path.split('/')
        .map(|segment| {
            if segment.starts_with('{') {
                "{}"
            } else {
                segment
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[test]
fn every_route_of_the_router_is_in_the_matrix() {
    let listed: Vec<(String, String)> = CASES
        .iter()
        .map(|c| (c.method.to_owned(), shape(c.path)))
        .chain(PUBLIC.iter().map(|(m, p)| ((*m).to_owned(), shape(p))))
        .collect();
    let missing: Vec<String> = karya_web::routes::TABLE
        .iter()
        .map(|(method, path)| (method.to_uppercase(), shape(path)))
        .filter(|route| !listed.contains(route))
        .map(|(method, path)| format!("{method} {path}"))
        .collect();
    assert!(
        missing.is_empty(),
        "routes missing from the authorization matrix: {missing:?}"
    );
    let served: Vec<(String, String)> = karya_web::routes::TABLE
        .iter()
        .map(|(method, path)| (method.to_uppercase(), shape(path)))
        .collect();
    let stale: Vec<&(String, String)> = listed.iter().filter(|r| !served.contains(r)).collect();
    assert!(
        stale.is_empty(),
        "the matrix lists routes the router does not serve: {stale:?}"
    );
}

/// The demo username that holds `role` in Bandung's scope.
fn username(role: Role) -> &'static str {
    match role {
        Admin => "admin",
        NationalManager => "ditjenpas",
        DataProtectionOfficer => "ppdp",
        RegionalManager => "kanwil.jabar",
        IntakeOfficer => "pendaftaran.bdg",
        RegistryOfficer => "registrasi.bdg",
        Pk => "pk.bdg",
        HeadOfAdmin => "katu.bdg",
        HeadOfOffice => "kabapas.bdg",
        TppMember => "tpp.bdg",
        SiteSupervisor => "pj.bdg",
        Client => "klien.bdg",
        Prosecutor => "jaksa.bdg",
    }
}

struct Ids {
    own_case: String,
    other_case: String,
    neighbour_case: String,
    letter: String,
    litmas: String,
    file: String,
    entry: String,
    own_office: String,
    region: String,
    own_staff: String,
    other_staff: String,
    own_partner: String,
    other_partner: String,
    person: String,
    own_session: String,
    other_session: String,
}

async fn ids(app: &TestApp) -> Ids {
    let store = &app.db.store;
    let bdg = orgs::office_by_code(store, "bdg").await.unwrap();
    let own_case = serving_case(store, "bdg", 80, 20, Some("klien.bdg"))
        .await
        .unwrap();
    let other_case = serving_case(store, "mks", 80, 20, Some("klien.mks"))
        .await
        .unwrap();
    let neighbour_case = case_at(store, "bdg", Stage::Received, 80, 5).await.unwrap();
    Ids {
        own_case: own_case.to_string(),
        other_case: other_case.to_string(),
        neighbour_case: neighbour_case.to_string(),
        letter: issued(
            store,
            "kabapas.bdg",
            Permission::IssueLetters,
            own_case,
            "summons",
        )
        .await,
        litmas: issued(store, "pk.bdg", Permission::IssueForms, own_case, "litmas").await,
        file: uploaded(store, own_case).await,
        // A report id: authorization and scope are checked before the report is looked up.
        entry: "1".into(),
        own_office: bdg.id.to_string(),
        region: bdg.region_id.to_string(),
        own_staff: users::user_by_username(store, "pk.bdg")
            .await
            .unwrap()
            .id
            .to_string(),
        other_staff: users::user_by_username(store, "pk.mks")
            .await
            .unwrap()
            .id
            .to_string(),
        own_partner: partner_of(store, "pj.bdg").await,
        other_partner: partner_of(store, "pj.mks").await,
        person: users::user_by_username(store, "klien.bdg")
            .await
            .unwrap()
            .binding
            .person
            .expect("the demo client is a person")
            .to_string(),
        own_session: session(store, "bdg").await,
        other_session: session(store, "mks").await,
    }
}

/// A TPP session the head of `office` convenes with a case's examinations that await the
/// TPP, chaired by the office's TPP member; its id.
async fn session(store: &karya_store::Store, office: &str) -> String {
    karya_web::demo::cases::awaiting_tpp(store, office)
        .await
        .unwrap();
    let head = format!("kabapas.{office}");
    let convener = karya_testkit::office_as(store, &head, Permission::ConveneTpp)
        .await
        .unwrap();
    let agenda = karya_store::tpp::candidates(store, &convener)
        .await
        .unwrap()
        .iter()
        .map(|c| c.examination)
        .collect();
    let tpp = users::user_by_username(store, &format!("tpp.{office}"))
        .await
        .unwrap()
        .id;
    let head = users::user_by_username(store, &head).await.unwrap().id;
    let new = karya_store::tpp::NewSession {
        held_on: "2026-11-20".parse().unwrap(),
        place: String::new(),
        chair: tpp,
        present: vec![tpp, head],
        agenda,
    };
    karya_store::tpp::convene(store, &convener, &new)
        .await
        .unwrap()
        .to_string()
}

/// A document of `kind` issued for `case` by `username`; its id.
async fn issued(
    store: &karya_store::Store,
    username: &str,
    permission: Permission,
    case: karya_store::ids::CaseId,
    kind: &str,
) -> String {
    let access = karya_testkit::open_as(store, username, permission, case)
        .await
        .unwrap();
    let office = orgs::office_by_code(store, "bdg").await.unwrap();
    let doc = karya_store::documents::ToIssue {
        office: office.id(),
        office_code: "bdg",
        case: Some(case),
        kind,
        number_format: "W.11-{office}-{seq}/{year}",
        issued_on: "2026-11-20".parse().unwrap(),
        by: access.user().id,
        fingerprint: karya_store::secret::random_hex(),
    };
    let read = karya_domain::access::to_read_document(kind);
    karya_store::documents::issue(store, &access, read, &doc, |_, _| Ok(PDF.to_vec()))
        .await
        .unwrap()
        .id
        .to_string()
}

const PDF: &[u8] = b"%PDF-1.4\n% a scan for the matrix\n";

/// A scan of the decision uploaded to `case` by the registry; its id.
async fn uploaded(store: &karya_store::Store, case: karya_store::ids::CaseId) -> String {
    let access = karya_testkit::open_as(store, "registrasi.bdg", Permission::UploadScans, case)
        .await
        .unwrap();
    karya_store::files::attach(
        store,
        &access,
        karya_store::files::Purpose::DecisionCopy,
        PDF,
    )
    .await
    .unwrap()
    .to_string()
}

/// The demo partner a supervisor is bound to.
async fn partner_of(store: &karya_store::Store, username: &str) -> String {
    users::user_by_username(store, username)
        .await
        .unwrap()
        .binding
        .partner
        .unwrap()
        .to_string()
}

async fn office_version(app: &TestApp) -> String {
    orgs::office_by_code(&app.db.store, "bdg")
        .await
        .unwrap()
        .version
        .to_string()
}

fn fill(template: &str, ids: &Ids, version: &str) -> String {
    template
        .replace("{own_case}", &ids.own_case)
        .replace("{other_case}", &ids.other_case)
        .replace("{neighbour_case}", &ids.neighbour_case)
        .replace("{letter}", &ids.letter)
        .replace("{litmas}", &ids.litmas)
        .replace("{file}", &ids.file)
        .replace("{missing}", "999999")
        .replace("{entry}", &ids.entry)
        .replace("{own_office}", &ids.own_office)
        .replace("{region}", &ids.region)
        .replace("{own_staff}", &ids.own_staff)
        .replace("{other_staff}", &ids.other_staff)
        .replace("{own_partner}", &ids.own_partner)
        .replace("{other_partner}", &ids.other_partner)
        .replace("{person}", &ids.person)
        .replace("{own_session}", &ids.own_session)
        .replace("{other_session}", &ids.other_session)
        .replace("{version}", version)
}

async fn denials_audited(app: &TestApp) -> i64 {
    let (count,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_events WHERE action IN ('access.forbidden', 'access.not_found')",
    )
    .fetch_one(app.db.store.pool())
    .await
    .unwrap();
    count
}

/// Sends `case`'s request to `path` as the demo user of `role`; the status it answers.
async fn send(app: &TestApp, ids: &Ids, role: Role, case: &Case, path: &str) -> u16 {
    let mut client = if path.starts_with("/api/") {
        app.api_as(username(role)).await
    } else {
        app.signed_in(username(role)).await
    };
    let response = if case.method == "GET" {
        client.get(path).await
    } else if path.starts_with("/api/") {
        client
            .post_raw(path, "application/json", b"{}".to_vec())
            .await
    } else if path.ends_with("/files") {
        client.post_multipart(path, case.form, ("file", PDF)).await
    } else {
        let version = office_version(app).await;
        let filled: Vec<(String, String)> = case
            .form
            .iter()
            .map(|(k, v)| (k.to_string(), fill(v, ids, &version)))
            .collect();
        let fields: Vec<(&str, &str)> = filled
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        client.post_form(path, &fields).await
    };
    response.status.as_u16()
}

/// Runs every route for every role, expecting what `expect` says; returns how many answers
/// were denials (403 or 404) after asserting each status.
async fn check_routes(
    app: &TestApp,
    ids: &Ids,
    routes: &[&Case],
    path_of: impl Fn(&Case) -> String,
    expect: impl Fn(&Case, Role) -> u16,
) -> i64 {
    let mut failures = Vec::new();
    let mut denials = 0;
    for role in Role::ALL {
        for case in routes {
            let path = path_of(case);
            let expected = expect(case, role);
            if expected == 403 || expected == 404 {
                denials += 1;
            }
            let status = send(app, ids, role, case, &path).await;
            if status != expected {
                failures.push(format!(
                    "{} {} as {}: expected {expected}, got {status}",
                    case.method,
                    path,
                    role.as_str(),
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "authorization matrix:\n{}",
        failures.join("\n")
    );
    denials
}

/// What the matrix row says a role gets.
fn expected(case: &Case, role: Role) -> u16 {
    if case.out_of_scope.contains(&role) {
        404
    } else if case.allowed.contains(&role) {
        case.success
    } else {
        403
    }
}

async fn run_matrix(db: TestDb) {
    let app = TestApp::with_demo(db).await;
    let ids = ids(&app).await;
    let routes: Vec<&Case> = CASES.iter().collect();
    let denials = check_routes(
        &app,
        &ids,
        &routes,
        |case| fill(case.path, &ids, ""),
        expected,
    )
    .await;
    assert_eq!(
        denials_audited(&app).await,
        denials,
        "every 403 and 404 is audited"
    );
}

/// The routes on another region's case, sent instead to a case of Bogor, Bandung's
/// neighbour in the same region: the Jawa Barat manager reaches it as the region's; every
/// Bandung role is refused as for any case outside its office.
async fn run_same_region_other_office(db: TestDb) {
    let app = TestApp::with_demo(db).await;
    let ids = ids(&app).await;
    let bogor = serving_case(&app.db.store, "bgr", 80, 20, Some("klien.bgr"))
        .await
        .unwrap()
        .to_string();
    let routes: Vec<&Case> = CASES
        .iter()
        // Routes naming a second object (a letter, a file) name one of Bandung's.
        .filter(|case| case.path.contains("{other_case}") && case.path.matches('{').count() == 1)
        .collect();
    assert!(routes.len() > 10, "the case routes are many");
    let denials = check_routes(
        &app,
        &ids,
        &routes,
        |case| fill(&case.path.replace("{other_case}", &bogor), &ids, ""),
        |case, role| {
            let in_region = role == RegionalManager;
            if case.out_of_scope.contains(&role) && !in_region {
                404
            } else if case.allowed.contains(&role) {
                case.success
            } else {
                403
            }
        },
    )
    .await;
    assert_eq!(
        denials_audited(&app).await,
        denials,
        "every 403 and 404 is audited"
    );
}

async fn anonymous_callers_are_sent_to_login_or_refused(db: TestDb) {
    let app = TestApp::with_demo(db).await;
    let ids = ids(&app).await;
    for case in CASES {
        let path = fill(case.path, &ids, "");
        let mut client = app.anonymous();
        let response = if case.method == "GET" {
            client.get(&path).await
        } else {
            client.post_form(&path, &[]).await
        };
        if path.starts_with("/api/") {
            assert_eq!(response.status, 401, "{path}");
            assert_eq!(response.headers["content-type"], "application/problem+json");
        } else if path == "/" || case.method == "GET" {
            assert_eq!(response.status, 303, "{path}");
            assert!(response.location().starts_with("/login?next="), "{path}");
        } else {
            // A POST without a session has no valid CSRF token: refused before anything runs.
            assert_eq!(response.status, 403, "{path}");
        }
    }
}

on_both_engines! {
    async fn every_route_answers_each_role_by_role_and_scope(db) {
        run_matrix(db).await;
    }

    async fn another_office_of_the_same_region_is_out_of_an_offices_scope(db) {
        run_same_region_other_office(db).await;
    }

    async fn anonymous_callers_never_reach_a_page(db) {
        anonymous_callers_are_sent_to_login_or_refused(db).await;
    }

    async fn a_regional_manager_sees_only_the_offices_of_their_region(db) {
        let app = TestApp::with_demo(db).await;
        let mut api = app.api_as("kanwil.jabar").await;
        let offices = api.get("/api/v1/offices").await.json();
        let codes: Vec<&str> = offices.as_array().unwrap().iter().map(|o| o["code"].as_str().unwrap()).collect();
        assert_eq!(codes, ["bdg", "bgr"]);
        let mut national = app.api_as("ditjenpas").await;
        assert_eq!(national.get("/api/v1/offices").await.json().as_array().unwrap().len(), 4);
    }

    async fn nobody_changes_their_own_roles_and_a_head_cannot_make_themself_the_pk(db) {
        let app = TestApp::with_demo(db).await;
        let me = users::user_by_username(&app.db.store, "kabapas.bdg").await.unwrap();
        let mut head = app.signed_in("kabapas.bdg").await;
        let path = format!("/admin/staff/{}", me.id);
        let version = me.version.to_string();
        let refused = head.post_form(&path, &[("display_name", me.display_name.as_str()), ("roles", "pk"), ("version", version.as_str())]).await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert!(refused.body.contains("tidak dapat mengubah peran Anda sendiri"));
        let after = users::user_by_username(&app.db.store, "kabapas.bdg").await.unwrap();
        assert_eq!(after.roles, me.roles, "the roles stay as they were");
        // The store refuses it too, whoever calls it.
        let grant = karya_store::Principal::new(std::sync::Arc::new(me.clone()), "test").grant(karya_domain::Permission::ManageStaff).unwrap();
        let mut more = me.roles.clone();
        more.push(Role::Pk);
        let changes = users::UserChanges { display_name: &me.display_name, nip: me.nip.as_deref(), roles: &more };
        let direct = users::update_user(&app.db.store, &grant.actor(), grant.scope(), me.id, me.version, &changes).await;
        assert!(matches!(direct, Err(karya_store::StoreError::Forbidden)), "{direct:?}");
    }

    async fn a_head_of_office_lists_only_their_own_staff(db) {
        let app = TestApp::with_demo(db).await;
        let mut head = app.signed_in("kabapas.bdg").await;
        let page = head.get("/admin/staff").await;
        assert!(page.body.contains("pk.bdg"));
        assert!(!page.body.contains("pk.mks"));
        let head_user = users::user_by_username(&app.db.store, "kabapas.bdg").await.unwrap();
        let grant = karya_store::Principal::new(std::sync::Arc::new(head_user), "test").grant(karya_domain::Permission::ManageStaff).unwrap();
        let in_store = users::list_users(&app.db.store, grant.scope()).await.unwrap();
        assert!(in_store.iter().all(|u| u.binding.office.is_some()));
    }
}

on_both_engines! {
    async fn anyone_reaches_the_public_routes(db) {
        let app = TestApp::with_demo(db).await;
        let mut anonymous = app.anonymous();
        for path in ["/login", "/aktivasi", "/healthz", "/readyz", "/api/v1/openapi.json"] {
            assert_eq!(anonymous.get(path).await.status, 200, "{path}");
        }
        assert_eq!(anonymous.get("/v/0123456789abcdef0123").await.status, 404, "an unknown code");
        assert_eq!(anonymous.get("/assets/no-such-file.css").await.status, 404);
        let metrics = anonymous.get("/metrics").await;
        assert!(metrics.status.is_success(), "{}", metrics.status);
        // The login form without its CSRF value is refused before any password is checked.
        assert_eq!(anonymous.post_form("/login", &[("username", "pk.bdg")]).await.status, 403);
        // The code page without a login waiting for it sends the browser back to the password.
        let code = anonymous.get("/login/kode").await;
        assert_eq!(code.status, 303);
        assert_eq!(code.location(), "/login?expired=1");
        for (method, path) in PUBLIC {
            assert!(karya_web::routes::TABLE.iter().any(|(m, p)| m.eq_ignore_ascii_case(method) && p == path), "{method} {path} is served");
        }
    }
}

on_both_engines! {
    async fn an_uploaded_pdf_is_downloaded_never_opened_in_the_sites_origin(db) {
        let app = TestApp::with_demo(db).await;
        let case = serving_case(&app.db.store, "bdg", 80, 20, None).await.unwrap();
        let file = uploaded(&app.db.store, case).await;
        let mut registry = app.signed_in("registrasi.bdg").await;
        let response = registry.get(&format!("/cases/{}/files/{file}", case.0)).await;
        assert_eq!(response.status, 200);
        let disposition = response.headers["content-disposition"].to_str().unwrap();
        assert!(disposition.starts_with("attachment;"), "{disposition}");
        assert_eq!(response.headers["content-type"], "application/pdf");
    }
}
