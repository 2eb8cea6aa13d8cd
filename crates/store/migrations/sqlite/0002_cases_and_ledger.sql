-- Cases with their sentence terms, the minimal placement that binds a work-place supervisor
-- to a case (the placement capability extends it), the attendance ledger and evaluations.

CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES offices(id),
    person_id INTEGER NOT NULL REFERENCES persons(id),
    prosecutor_office_id INTEGER REFERENCES prosecutor_offices(id),
    pk_user_id INTEGER REFERENCES users(id),
    status TEXT NOT NULL,
    termination_reason TEXT,
    court TEXT NOT NULL,
    decision_number TEXT NOT NULL,
    date_final TEXT NOT NULL,
    hours_ordered_minutes INTEGER NOT NULL,
    -- The validated sentence terms (L1-L8) as JSON; the columns above repeat what lists need.
    terms TEXT NOT NULL,
    -- The service window (L6): from the day the Bapas received the client (decision 0002).
    received_on TEXT NOT NULL,
    window_end TEXT NOT NULL,
    -- Facts the lifecycle guards read; later capabilities set them through their own flows.
    summonses_sent INTEGER NOT NULL DEFAULT 0,
    identity_recorded INTEGER NOT NULL DEFAULT 0,
    litmas_submitted INTEGER NOT NULL DEFAULT 0,
    case_plan_approved INTEGER NOT NULL DEFAULT 0,
    death_certificate_ref TEXT,
    sanction_letter_ref TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);
CREATE INDEX cases_office ON cases(office_id, status);
CREATE INDEX cases_pk ON cases(pk_user_id);
CREATE INDEX cases_person ON cases(person_id);
CREATE INDEX cases_prosecutor ON cases(prosecutor_office_id);

CREATE TABLE placements (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    partner_id INTEGER NOT NULL REFERENCES partners(id),
    supervisor_user_id INTEGER REFERENCES users(id),
    started_on TEXT NOT NULL,
    ended_on TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX placements_case ON placements(case_id);
CREATE INDEX placements_partner ON placements(partner_id, ended_on);

-- One attendance (a daily report, B5): whole minutes between two UTC instants.
CREATE TABLE attendance (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    start_at TEXT NOT NULL,
    end_at TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    activity TEXT NOT NULL,
    state TEXT NOT NULL,
    reported_by INTEGER NOT NULL REFERENCES users(id),
    reported_at TEXT NOT NULL,
    supervisor_id INTEGER REFERENCES users(id),
    supervisor_at TEXT,
    pk_id INTEGER REFERENCES users(id),
    pk_at TEXT,
    rejected_by INTEGER REFERENCES users(id),
    rejected_reason TEXT,
    rejected_at TEXT
);
CREATE INDEX attendance_case ON attendance(case_id, start_at);
CREATE INDEX attendance_state ON attendance(state, case_id);

-- Evaluations done at the milestones of M4 (a quarter of the hours or of the window).
CREATE TABLE evaluations (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    basis TEXT NOT NULL,
    quarter INTEGER NOT NULL,
    done_on TEXT NOT NULL,
    done_by INTEGER NOT NULL REFERENCES users(id),
    note TEXT NOT NULL,
    PRIMARY KEY (case_id, basis, quarter)
);
