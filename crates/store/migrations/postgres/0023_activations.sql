-- Issue 12, item 12: a client's login is activated once with a code rather than handed over
-- with a password someone else knows. Only the code's digest is stored; it works once, for
-- 72 hours, and the client chooses their own password with it.
CREATE TABLE activations (
    code_digest TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id),
    expires_at TEXT NOT NULL,
    used_at TEXT
);
CREATE INDEX activations_user ON activations (user_id);
