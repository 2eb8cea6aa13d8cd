-- Serving the hours: evidence of attendance (B7) attached to a daily report, with its capture
-- time and, with consent or when required (P10), its location; the PK's visits and attitude
-- assessments (B6); complaints to the head of office (§1.6); the termination procedure (T2)
-- and its record in the register book (T3).
ALTER TABLE attachments ADD COLUMN entry_id INTEGER REFERENCES attendance(id);
ALTER TABLE attachments ADD COLUMN captured_at TEXT;
ALTER TABLE attachments ADD COLUMN latitude REAL;
ALTER TABLE attachments ADD COLUMN longitude REAL;
ALTER TABLE attachments ADD COLUMN insufficient_note TEXT;
CREATE INDEX attachments_entry ON attachments(entry_id);

CREATE TABLE visits (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL,
    visited_on TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    answers TEXT,
    answer_notes TEXT NOT NULL DEFAULT '',
    visited_by INTEGER NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL
);
CREATE INDEX visits_case ON visits(case_id);

CREATE TABLE complaints (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    office_id INTEGER NOT NULL REFERENCES offices(id),
    body TEXT NOT NULL,
    filed_by INTEGER NOT NULL REFERENCES users(id),
    filed_at TEXT NOT NULL,
    read_by INTEGER REFERENCES users(id),
    read_at TEXT
);
CREATE INDEX complaints_office ON complaints(office_id, read_at);

CREATE TABLE terminations (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id),
    reason TEXT NOT NULL,
    evidence_ref TEXT NOT NULL DEFAULT '',
    died_on TEXT,
    stage TEXT NOT NULL,
    narrative TEXT NOT NULL DEFAULT '',
    started_by INTEGER NOT NULL REFERENCES users(id),
    started_at TEXT NOT NULL,
    ordered_at TEXT,
    reported_at TEXT,
    drafted_at TEXT,
    issued_at TEXT
);

ALTER TABLE register_entries ADD COLUMN terminated_on TEXT;
ALTER TABLE register_entries ADD COLUMN termination_reason TEXT;
