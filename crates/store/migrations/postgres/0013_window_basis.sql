-- L6, I3, D3 (decision 0002): why the service window starts on its day. A client not handed
-- over starts provisionally and moves to the appearance; missing documents that arrive after
-- the client move the start to that day; a start set by the decision never moves.
ALTER TABLE cases ADD COLUMN window_basis TEXT NOT NULL DEFAULT 'handover';
