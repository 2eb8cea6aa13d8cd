-- Uploaded files (scans of the decision and execution letter, the client's photograph and
-- fingerprint). The bytes are content-addressed files named by sha256; this records whose
-- they are and why they are kept.
CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES offices(id),
    case_id INTEGER NOT NULL REFERENCES cases(id),
    person_id INTEGER NOT NULL REFERENCES persons(id),
    purpose TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    uploaded_by INTEGER REFERENCES users(id),
    uploaded_at TEXT NOT NULL
);
CREATE INDEX attachments_case ON attachments(case_id);
CREATE INDEX attachments_person ON attachments(person_id);
