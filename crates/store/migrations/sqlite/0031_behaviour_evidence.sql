-- Issue 14, item 2 (B3): a behaviour entry may carry its evidence, an attachment of purpose
-- behaviour_evidence stored with the entry in one transaction.
ALTER TABLE behaviour_entries ADD COLUMN evidence_file_id INTEGER REFERENCES attachments(id);
