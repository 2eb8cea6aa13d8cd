-- Issue 15, item 5 (M4): an evaluation records the obstacles, the supports, the success
-- indicators (a)–(c) judged met, partly met or not met, and (d) the lessons, not only a note.
-- Evaluations recorded before keep empty texts and no findings.
ALTER TABLE evaluations ADD COLUMN obstacles TEXT NOT NULL DEFAULT '';
ALTER TABLE evaluations ADD COLUMN supports TEXT NOT NULL DEFAULT '';
ALTER TABLE evaluations ADD COLUMN indicator_a TEXT;
ALTER TABLE evaluations ADD COLUMN indicator_b TEXT;
ALTER TABLE evaluations ADD COLUMN indicator_c TEXT;
ALTER TABLE evaluations ADD COLUMN lessons TEXT NOT NULL DEFAULT '';
