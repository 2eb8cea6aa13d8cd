-- P3 (issue 11, item 7): a work place beyond the office's distance limit (15 km, 10 km with
-- dependants) needs the PK's justification and the head's approval; distance_m is set (in
-- whole metres) only then. The accommodations the client needs are confirmed in place by
-- the PK before the first report is credited.
ALTER TABLE placements ADD COLUMN distance_justification TEXT NOT NULL DEFAULT '';
ALTER TABLE placements ADD COLUMN distance_m BIGINT;
ALTER TABLE placements ADD COLUMN distance_approved_by BIGINT REFERENCES users(id);
ALTER TABLE placements ADD COLUMN distance_approved_at TEXT;
CREATE TABLE accommodation_confirmations (
    case_id BIGINT NOT NULL REFERENCES cases(id),
    accommodation TEXT NOT NULL,
    confirmed_by BIGINT NOT NULL REFERENCES users(id),
    confirmed_at TEXT NOT NULL,
    PRIMARY KEY (case_id, accommodation)
);
