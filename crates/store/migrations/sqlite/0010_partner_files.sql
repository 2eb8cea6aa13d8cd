-- A partner's files (§2.1.2): photos of the site visit and the scan of the signed agreement
-- (PKS). The bytes are content-addressed like every upload.
CREATE TABLE partner_files (
    id INTEGER PRIMARY KEY,
    partner_id INTEGER NOT NULL REFERENCES partners(id),
    purpose TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    uploaded_by INTEGER NOT NULL REFERENCES users(id),
    uploaded_at TEXT NOT NULL
);
CREATE INDEX partner_files_partner ON partner_files(partner_id);
