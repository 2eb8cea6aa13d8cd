-- Issue 14, items 5–7: from the PK's advice to the head (S5), through the team's seven days
-- (S6) and the TPP's recommendation (S7, L8), to the head's decision (S8). One row per
-- advice; each step fills its columns.
CREATE TABLE examinations (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    ground TEXT NOT NULL,
    condition_text TEXT NOT NULL DEFAULT '',
    what_happened TEXT NOT NULL,
    evidence TEXT NOT NULL DEFAULT '',
    advised_by INTEGER NOT NULL REFERENCES users(id),
    advised_at TEXT NOT NULL,
    formed_on TEXT,
    chair_id INTEGER REFERENCES users(id),
    members TEXT NOT NULL DEFAULT '',
    formed_by INTEGER REFERENCES users(id),
    findings TEXT,
    findings_on TEXT,
    findings_late INTEGER NOT NULL DEFAULT 0,
    findings_by INTEGER REFERENCES users(id),
    tpp_on TEXT,
    tpp_present TEXT NOT NULL DEFAULT '',
    deliberation TEXT,
    recommendation TEXT,
    recommended_by INTEGER REFERENCES users(id),
    accepted INTEGER,
    decision_reasons TEXT,
    decided_on TEXT,
    decided_by INTEGER REFERENCES users(id)
);
CREATE INDEX examinations_case ON examinations (case_id, id);

CREATE TABLE examination_steps (
    id INTEGER PRIMARY KEY,
    examination_id INTEGER NOT NULL REFERENCES examinations(id),
    method TEXT NOT NULL,
    done_on TEXT NOT NULL,
    record TEXT NOT NULL,
    recorded_by INTEGER NOT NULL REFERENCES users(id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX examination_steps_examination ON examination_steps (examination_id, id);
