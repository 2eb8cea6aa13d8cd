-- Issue 15, item 3 (M2): the Kanwil's monitoring visits to its offices: when, what the visit
-- found, and what the office is to do about it.
CREATE TABLE monitoring_visits (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES offices(id),
    visited_on TEXT NOT NULL,
    findings TEXT NOT NULL,
    follow_up TEXT NOT NULL,
    recorded_by INTEGER NOT NULL REFERENCES users(id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX monitoring_visits_office ON monitoring_visits (office_id, visited_on);
