-- Issue 14, item 7 (S8): what the prosecutor decided on the Litmas: the default order, the
-- letter's reference (the sanction letter of T1c when the case ends), its day, and who
-- recorded it (the prosecutor, or the head from the prosecutor's letter).
ALTER TABLE examinations ADD COLUMN prosecutor_order TEXT;
ALTER TABLE examinations ADD COLUMN prosecutor_reference TEXT;
ALTER TABLE examinations ADD COLUMN prosecutor_decided_on TEXT;
ALTER TABLE examinations ADD COLUMN prosecutor_recorded_by INTEGER REFERENCES users(id);
ALTER TABLE examinations ADD COLUMN prosecutor_recorded_at TEXT;
