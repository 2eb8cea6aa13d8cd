-- The register (G1-G3): the person's identity and physical features, and the register book,
-- numbered per office and year.

ALTER TABLE persons ADD COLUMN nik TEXT;
ALTER TABLE persons ADD COLUMN aliases TEXT NOT NULL DEFAULT '';
ALTER TABLE persons ADD COLUMN birth_place TEXT NOT NULL DEFAULT '';
ALTER TABLE persons ADD COLUMN birth_date TEXT;
ALTER TABLE persons ADD COLUMN sex TEXT;
ALTER TABLE persons ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE persons ADD COLUMN district_code TEXT NOT NULL DEFAULT '';
ALTER TABLE persons ADD COLUMN occupation TEXT NOT NULL DEFAULT '';
ALTER TABLE persons ADD COLUMN father_name TEXT NOT NULL DEFAULT '';
ALTER TABLE persons ADD COLUMN mother_name TEXT NOT NULL DEFAULT '';
ALTER TABLE persons ADD COLUMN contact TEXT NOT NULL DEFAULT '';
ALTER TABLE persons ADD COLUMN tattoos TEXT NOT NULL DEFAULT '';
ALTER TABLE persons ADD COLUMN piercings TEXT NOT NULL DEFAULT '';
ALTER TABLE persons ADD COLUMN limbs TEXT NOT NULL DEFAULT '';
ALTER TABLE persons ADD COLUMN illnesses TEXT NOT NULL DEFAULT '';
ALTER TABLE persons ADD COLUMN other_features TEXT NOT NULL DEFAULT '';
ALTER TABLE persons ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
CREATE INDEX persons_nik ON persons(nik);
CREATE INDEX persons_name_birth ON persons(name_key, birth_date);

CREATE TABLE register_entries (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES offices(id),
    year INTEGER NOT NULL,
    number INTEGER NOT NULL,
    case_id INTEGER NOT NULL UNIQUE REFERENCES cases(id),
    registered_on TEXT NOT NULL,
    registered_by INTEGER NOT NULL REFERENCES users(id),
    UNIQUE (office_id, year, number)
);
