-- D1–D3: the five checks are recorded for each document received (the decision copy and the
-- execution letter); earlier rounds were about the decision copy. SQLite cannot change a
-- table's UNIQUE constraint, so the table is rebuilt with its rows.
CREATE TABLE document_checks_new (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    round INTEGER NOT NULL,
    kind TEXT NOT NULL,
    outcome TEXT NOT NULL,
    note TEXT NOT NULL,
    checked_by INTEGER NOT NULL REFERENCES users(id),
    checked_at TEXT NOT NULL,
    document TEXT NOT NULL DEFAULT 'decision_copy',
    UNIQUE (case_id, round, document, kind)
);
INSERT INTO document_checks_new (id, case_id, round, kind, outcome, note, checked_by, checked_at)
    SELECT id, case_id, round, kind, outcome, note, checked_by, checked_at FROM document_checks;
DROP TABLE document_checks;
ALTER TABLE document_checks_new RENAME TO document_checks;
