-- Assistance (seed §2.3.1 a–e) and the initial report on the start of guidance (SOP Analisis
-- Rekam Intervensi, step 6). Each record is one step done on a day, in the PK's words; the
-- client acknowledges the explanation of their rights and obligations, the head of office
-- the initial report.
CREATE TABLE assistance_records (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    step TEXT NOT NULL CHECK (step IN ('coordination', 'programme', 'rights', 'accompaniment', 'needs', 'initial_report')),
    done_on TEXT NOT NULL,
    note TEXT NOT NULL,
    recorded_by INTEGER NOT NULL REFERENCES users(id),
    recorded_at TEXT NOT NULL,
    acknowledged_by INTEGER REFERENCES users(id),
    acknowledged_at TEXT
);
CREATE INDEX assistance_records_case ON assistance_records (case_id);
