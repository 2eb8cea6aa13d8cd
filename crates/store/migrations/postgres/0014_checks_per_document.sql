-- D1–D3: the five checks are recorded for each document received (the decision copy and the
-- execution letter); earlier rounds were about the decision copy.
ALTER TABLE document_checks ADD COLUMN document TEXT NOT NULL DEFAULT 'decision_copy';
ALTER TABLE document_checks DROP CONSTRAINT document_checks_case_id_round_kind_key;
ALTER TABLE document_checks ADD CONSTRAINT document_checks_case_id_round_document_kind_key
    UNIQUE (case_id, round, document, kind);
