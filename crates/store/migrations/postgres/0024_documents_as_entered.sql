-- Issue 13, item 8: documents print what was entered.
-- The official office code as written on real letters (e.g. PAS.14); empty means the
-- office's own code in capitals.
ALTER TABLE offices ADD COLUMN letter_code TEXT NOT NULL DEFAULT '';
-- What a document said, apart from its number and code: re-issuing the same content on the
-- same day returns the document already issued instead of taking a new number.
ALTER TABLE issued_documents ADD COLUMN fingerprint TEXT NOT NULL DEFAULT '';
-- Every approved version of a Litmas, never changed: an approved Litmas is locked, and
-- editing it starts a new version that needs its own approval.
CREATE TABLE litmas_approved (
    case_id BIGINT NOT NULL REFERENCES cases(id),
    version BIGINT NOT NULL,
    sections TEXT NOT NULL,
    written_by BIGINT NOT NULL REFERENCES users(id),
    written_at TEXT NOT NULL,
    approved_by BIGINT NOT NULL REFERENCES users(id),
    approved_at TEXT NOT NULL,
    PRIMARY KEY (case_id, version)
);
INSERT INTO litmas_approved (case_id, version, sections, written_by, written_at, approved_by, approved_at)
    SELECT case_id, version, sections, written_by, written_at, approved_by, approved_at
    FROM litmas WHERE approved_at IS NOT NULL AND approved_by IS NOT NULL;
