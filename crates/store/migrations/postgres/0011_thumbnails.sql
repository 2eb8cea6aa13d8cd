-- The preview of an uploaded photo of attendance evidence (B7), for the verification queue.
ALTER TABLE attachments ADD COLUMN thumb_sha256 TEXT;
