-- B5 (seed §2.3.2 l): the client signs their daily report. How they signed it: from their own
-- account ('own_account'), or with their own password on the work-place supervisor's device
-- ('supervisor_device', with the supervisor as witness). NULL: recorded by staff on the
-- client's behalf, unsigned by the client.
ALTER TABLE attendance ADD COLUMN attested_via TEXT;
ALTER TABLE attendance ADD COLUMN attested_at TEXT;
ALTER TABLE attendance ADD COLUMN attest_witness_id INTEGER REFERENCES users(id);
