-- Issue 14, item 4 (S3): reports of non-compliance or of a good deed from the work-place
-- supervisor or, through the office, the community (whose name and contact are kept
-- confidential), followed up and closed with their outcome.
CREATE TABLE conduct_reports (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL,
    reporter TEXT NOT NULL,
    reporter_name TEXT NOT NULL DEFAULT '',
    reporter_contact TEXT NOT NULL DEFAULT '',
    happened_on TEXT NOT NULL,
    description TEXT NOT NULL,
    state TEXT NOT NULL,
    follow_up TEXT,
    outcome TEXT,
    received_by INTEGER NOT NULL REFERENCES users(id),
    received_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES users(id),
    updated_at TEXT
);
CREATE INDEX conduct_reports_case ON conduct_reports (case_id, id);
