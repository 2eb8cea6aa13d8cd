-- §2.2.1–2.2.2 (issue 11, item 3): the Kepala TU drafts the letters the head signs (summons
-- I3, missing documents D3, absence consideration I4); only the head issues them. A draft is
-- open until a letter of its kind is issued for the case after it.
CREATE TABLE letter_drafts (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL CHECK (kind IN ('summons', 'missing_documents', 'absence_consideration')),
    drafted_by INTEGER NOT NULL REFERENCES users(id),
    drafted_at TEXT NOT NULL
);
CREATE INDEX letter_drafts_case ON letter_drafts (case_id);
