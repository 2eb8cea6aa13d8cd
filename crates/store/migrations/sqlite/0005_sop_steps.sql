-- When each step of the service SOPs was done for a case (DOMAIN §11), stamped by the action
-- that performs it; the first time counts.
CREATE TABLE sop_steps (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    sop TEXT NOT NULL,
    step INTEGER NOT NULL,
    done_at TEXT NOT NULL,
    done_by INTEGER NOT NULL REFERENCES users(id),
    PRIMARY KEY (case_id, sop, step)
);
