-- Partners (§2.1.2, Annex V): profile, identification steps and agreements (PKS); the
-- client's profile for placement; the Litmas and case plan (§2.2.5-2.2.6); the placement's
-- work form, description, equipment, schedule and any override of the ranking (P1-P10).
ALTER TABLE partners ADD COLUMN kind TEXT NOT NULL DEFAULT 'government';
ALTER TABLE partners ADD COLUMN field TEXT NOT NULL DEFAULT 'local_government';
ALTER TABLE partners ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE partners ADD COLUMN district_code TEXT NOT NULL DEFAULT '';
ALTER TABLE partners ADD COLUMN latitude REAL;
ALTER TABLE partners ADD COLUMN longitude REAL;
ALTER TABLE partners ADD COLUMN contact_name TEXT NOT NULL DEFAULT '';
ALTER TABLE partners ADD COLUMN contact_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE partners ADD COLUMN contact_email TEXT NOT NULL DEFAULT '';
ALTER TABLE partners ADD COLUMN non_commercial INTEGER NOT NULL DEFAULT 0;
ALTER TABLE partners ADD COLUMN capacity_clients INTEGER NOT NULL DEFAULT 0;
ALTER TABLE partners ADD COLUMN hours_per_day INTEGER NOT NULL DEFAULT 8;
ALTER TABLE partners ADD COLUMN opening_days TEXT NOT NULL DEFAULT 'mon,tue,wed,thu,fri';
ALTER TABLE partners ADD COLUMN opening_from TEXT NOT NULL DEFAULT '08:00';
ALTER TABLE partners ADD COLUMN opening_to TEXT NOT NULL DEFAULT '16:00';
ALTER TABLE partners ADD COLUMN accommodations TEXT NOT NULL DEFAULT '';
ALTER TABLE partners ADD COLUMN work_forms TEXT NOT NULL DEFAULT '';
ALTER TABLE partners ADD COLUMN stage TEXT NOT NULL DEFAULT 'mapped';
ALTER TABLE partners ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

CREATE TABLE partner_steps (
    id INTEGER PRIMARY KEY,
    partner_id INTEGER NOT NULL REFERENCES partners(id),
    stage TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    done_on TEXT NOT NULL,
    done_by INTEGER NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL
);
CREATE INDEX partner_steps_partner ON partner_steps(partner_id);

CREATE TABLE agreements (
    id INTEGER PRIMARY KEY,
    partner_id INTEGER NOT NULL REFERENCES partners(id),
    number TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    created_by INTEGER NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL
);
CREATE INDEX agreements_partner ON agreements(partner_id, ends_on);

CREATE TABLE placement_profiles (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id),
    profession TEXT NOT NULL DEFAULT '',
    skill_fields TEXT NOT NULL DEFAULT '',
    offence_field TEXT NOT NULL DEFAULT '',
    trauma_fields TEXT NOT NULL DEFAULT '',
    victim_partner_ids TEXT NOT NULL DEFAULT '',
    victim_note TEXT NOT NULL DEFAULT '',
    victim_latitude REAL,
    victim_longitude REAL,
    home_latitude REAL,
    home_longitude REAL,
    dependants INTEGER NOT NULL DEFAULT 0,
    special_needs TEXT NOT NULL DEFAULT '',
    safety_skill INTEGER NOT NULL DEFAULT 0,
    infectious_disease INTEGER NOT NULL DEFAULT 0,
    medical_clearance INTEGER NOT NULL DEFAULT 0,
    monitoring_required INTEGER NOT NULL DEFAULT 0,
    livelihood_from TEXT NOT NULL DEFAULT '',
    livelihood_to TEXT NOT NULL DEFAULT '',
    updated_by INTEGER NOT NULL REFERENCES users(id),
    updated_at TEXT NOT NULL
);

CREATE TABLE interventions (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL,
    happened_on TEXT NOT NULL DEFAULT '',
    result TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    recorded_by INTEGER NOT NULL REFERENCES users(id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX interventions_case ON interventions(case_id);

CREATE TABLE litmas (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id),
    sections TEXT NOT NULL,
    written_by INTEGER NOT NULL REFERENCES users(id),
    written_at TEXT NOT NULL,
    approved_by INTEGER REFERENCES users(id),
    approved_at TEXT,
    version INTEGER NOT NULL DEFAULT 1
);

ALTER TABLE placements ADD COLUMN work_form TEXT NOT NULL DEFAULT '';
ALTER TABLE placements ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE placements ADD COLUMN protective_equipment TEXT NOT NULL DEFAULT '';
ALTER TABLE placements ADD COLUMN schedule TEXT NOT NULL DEFAULT '';
ALTER TABLE placements ADD COLUMN override_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE placements ADD COLUMN placed_by INTEGER REFERENCES users(id);
