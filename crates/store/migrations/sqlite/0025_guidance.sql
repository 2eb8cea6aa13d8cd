-- Issue 14, items 1–2: guidance (B1, B2), the behaviour log (B3) and the Cycle of Change (B4).
CREATE TABLE guidance_activities (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL,
    held_on TEXT NOT NULL,
    from_time TEXT NOT NULL,
    to_time TEXT NOT NULL,
    setting TEXT NOT NULL,
    place TEXT NOT NULL,
    leader TEXT NOT NULL,
    leader_name TEXT NOT NULL DEFAULT '',
    clients_wish INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL,
    recorded_by INTEGER NOT NULL REFERENCES users(id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX guidance_activities_case ON guidance_activities (case_id, held_on);

CREATE TABLE behaviour_entries (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL,
    happened_on TEXT NOT NULL,
    source TEXT NOT NULL,
    description TEXT NOT NULL,
    recorded_by INTEGER NOT NULL REFERENCES users(id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX behaviour_entries_case ON behaviour_entries (case_id, happened_on);

CREATE TABLE change_stages (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    stage TEXT NOT NULL,
    movement TEXT NOT NULL,
    reason TEXT NOT NULL,
    set_by INTEGER NOT NULL REFERENCES users(id),
    set_at TEXT NOT NULL
);
CREATE INDEX change_stages_case ON change_stages (case_id, id);
