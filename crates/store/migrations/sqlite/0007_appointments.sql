-- Appointing the PK (§2.2.3): the head's disposition, the head of administration's draft
-- naming the PK, the head's signature. Signed rows stay as the case's appointment history.
CREATE TABLE appointments (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    note TEXT NOT NULL DEFAULT '',
    disposed_by INTEGER NOT NULL REFERENCES users(id),
    disposed_at TEXT NOT NULL,
    pk_user_id INTEGER REFERENCES users(id),
    drafted_by INTEGER REFERENCES users(id),
    drafted_at TEXT,
    signed_by INTEGER REFERENCES users(id),
    signed_at TEXT
);
CREATE INDEX appointments_case ON appointments(case_id);
