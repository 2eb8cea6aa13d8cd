-- Issue 14, item 6 (S7): the head convenes a TPP session (its day, the members present, its
-- chair, the cases on its agenda); each case's recommendation is recorded against it, and the
-- chair signs the minutes, an issued document of the office.
CREATE TABLE tpp_sessions (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES offices(id),
    held_on TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    chair_id INTEGER NOT NULL REFERENCES users(id),
    present TEXT NOT NULL,
    convened_by INTEGER NOT NULL REFERENCES users(id),
    convened_at TEXT NOT NULL,
    minutes_document_id INTEGER REFERENCES issued_documents(id),
    signed_on TEXT
);
CREATE INDEX tpp_sessions_office ON tpp_sessions (office_id, held_on);

ALTER TABLE examinations ADD COLUMN tpp_session_id INTEGER REFERENCES tpp_sessions(id);
CREATE INDEX examinations_tpp_session ON examinations (tpp_session_id);
