-- Issue 14, item 3 (S1, S2, S4, B8): the guidance-progress report. The office sets its
-- period in months (default monthly); each report keeps the facts the domain drafted for its
-- period (JSON, as the domain serialises them) with the PK's narrative, goes to the head (S4)
-- and, approved, is issued to the prosecutor and the court (B8).
ALTER TABLE offices ADD COLUMN progress_report_months INTEGER NOT NULL DEFAULT 1;

CREATE TABLE progress_reports (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    due_on TEXT NOT NULL,
    facts TEXT NOT NULL,
    progress TEXT NOT NULL,
    obstacles TEXT NOT NULL,
    next_steps TEXT NOT NULL,
    stage TEXT NOT NULL,
    written_by INTEGER NOT NULL REFERENCES users(id),
    written_at TEXT NOT NULL,
    review_note TEXT,
    reviewed_by INTEGER REFERENCES users(id),
    reviewed_at TEXT,
    document_id INTEGER REFERENCES issued_documents(id),
    UNIQUE (case_id, due_on)
);
