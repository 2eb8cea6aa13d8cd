-- Intake (I1-I4, D1-D3): how the case arrived, the document checks in rounds, summonses,
-- violations, and the letters the office issues (numbered per office and year, stored with
-- their hash and a verification code).

ALTER TABLE cases ADD COLUMN channel TEXT;
ALTER TABLE cases ADD COLUMN handed_over INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN execution_letter_number TEXT;
ALTER TABLE cases ADD COLUMN execution_letter_date TEXT;
ALTER TABLE cases ADD COLUMN execution_letter_issuer TEXT;

CREATE TABLE document_checks (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    round INTEGER NOT NULL,
    kind TEXT NOT NULL,
    outcome TEXT NOT NULL,
    note TEXT NOT NULL,
    checked_by INTEGER NOT NULL REFERENCES users(id),
    checked_at TEXT NOT NULL,
    UNIQUE (case_id, round, kind)
);

CREATE TABLE summonses (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    number INTEGER NOT NULL,
    issued_on TEXT NOT NULL,
    delivery TEXT NOT NULL,
    deadline TEXT NOT NULL,
    outcome TEXT NOT NULL,
    issued_by INTEGER NOT NULL REFERENCES users(id),
    outcome_at TEXT,
    UNIQUE (case_id, number)
);

CREATE TABLE violations (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    rule TEXT NOT NULL,
    note TEXT NOT NULL,
    recorded_by INTEGER NOT NULL REFERENCES users(id),
    recorded_at TEXT NOT NULL
);

CREATE TABLE letter_sequences (
    office_id INTEGER NOT NULL REFERENCES offices(id),
    year INTEGER NOT NULL,
    last_number INTEGER NOT NULL,
    PRIMARY KEY (office_id, year)
);

-- Issued documents are immutable: issuing again makes a new version (a new row).
CREATE TABLE issued_documents (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    office_id INTEGER NOT NULL REFERENCES offices(id),
    case_id INTEGER REFERENCES cases(id),
    kind TEXT NOT NULL,
    number TEXT NOT NULL,
    version INTEGER NOT NULL,
    issued_on TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    issued_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL
);
CREATE INDEX issued_documents_case ON issued_documents(case_id, kind, version);

CREATE TRIGGER issued_documents_no_update BEFORE UPDATE ON issued_documents
BEGIN SELECT RAISE(ABORT, 'issued_documents are immutable'); END;
