-- Issue 12, item 7: a password someone else set (a client's login, a new staff member's or a
-- supervisor's first password) is temporary: it must be changed at the first login and stops
-- working 72 hours after it was set. NULL: the user chose their own password.
ALTER TABLE users ADD COLUMN password_temporary_until TEXT;
