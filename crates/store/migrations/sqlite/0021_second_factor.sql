-- Issue 12, item 8: a second factor (TOTP, RFC 6238) for staff, required for the head of
-- office, the regional and national managers and the administrator. The secret is kept
-- until an administrator resets it; `totp_confirmed_at` is NULL while enrolment waits for
-- the first code, and `totp_last_step` refuses a code used once from being used again.
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_confirmed_at TEXT;
ALTER TABLE users ADD COLUMN totp_last_step INTEGER;

-- Ten single-use recovery codes per enrolment, stored as digests only.
CREATE TABLE recovery_codes (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    code_digest TEXT NOT NULL UNIQUE,
    used_at TEXT
);
CREATE INDEX recovery_codes_user ON recovery_codes (user_id);

-- A login between its password and its second factor: no session exists yet. The browser
-- holds the id (as a cookie); only its digest is stored, and it lasts five minutes.
CREATE TABLE login_challenges (
    id_digest TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    next_path TEXT NOT NULL,
    created_ms INTEGER NOT NULL
);
