-- I3, I4: a summons may end with the client absent for a lawful reason, which is recorded.
ALTER TABLE summonses ADD COLUMN absence_reason TEXT;
