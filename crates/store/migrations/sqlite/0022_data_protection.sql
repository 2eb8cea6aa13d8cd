-- Issue 12, item 13: the data protection officer's registers (UU PDP 27/2022).
-- A data subject's request for access and a copy (Art. 32) or for correction (Art. 30),
-- answered within 3 x 24 hours of its receipt.
CREATE TABLE subject_requests (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES persons(id),
    kind TEXT NOT NULL CHECK (kind IN ('access', 'correction')),
    received_at TEXT NOT NULL,
    channel TEXT NOT NULL,
    details TEXT NOT NULL,
    recorded_by INTEGER NOT NULL REFERENCES users(id),
    answered_at TEXT,
    outcome TEXT CHECK (outcome IS NULL OR outcome IN ('granted', 'refused')),
    answer TEXT,
    answered_by INTEGER REFERENCES users(id)
);
CREATE INDEX subject_requests_person ON subject_requests (person_id);

-- A personal-data breach: written notice to the data subjects and the supervisory body
-- within 3 x 24 hours of its discovery, saying what was exposed, when and how, and the
-- handling (Art. 46).
CREATE TABLE breaches (
    id INTEGER PRIMARY KEY,
    discovered_at TEXT NOT NULL,
    occurred_on TEXT,
    data_exposed TEXT NOT NULL,
    how TEXT NOT NULL,
    handling TEXT NOT NULL,
    subjects_affected INTEGER NOT NULL CHECK (subjects_affected >= 0),
    recorded_by INTEGER NOT NULL REFERENCES users(id),
    recorded_at TEXT NOT NULL,
    authority_notified_at TEXT,
    subjects_notified_at TEXT,
    closed_at TEXT
);
