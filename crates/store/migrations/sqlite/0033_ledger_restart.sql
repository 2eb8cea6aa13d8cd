-- Issue 14, item 7 (L8, S8): when the prosecutor orders the work repeated, the hours count
-- again from the start of the order's day (an instant, as attendance.start_at is written);
-- earlier reports stay stored and audited, outside the new ledger. NULL: from the start.
ALTER TABLE cases ADD COLUMN ledger_from TEXT;
