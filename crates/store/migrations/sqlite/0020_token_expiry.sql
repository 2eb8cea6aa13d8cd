-- Issue 12, item 12: an API token works until a set day (90 days unless chosen, at most a
-- year). Tokens made before this migration keep working until revoked; disabling a user now
-- revokes their tokens, so re-enabling the user does not revive them.
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
