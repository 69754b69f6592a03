-- V004: the exam runtime. Candidate clocks (duration, extra time, pauses), sittings moved between kiosks, the answer
-- hash chain, proctor decisions on interruptions, irregularity reports; the session and candidate states renamed
-- to the state machines in shared/core (ANSWERING is now SITTING; a session not yet started is OPEN).
ALTER TABLE candidates ADD COLUMN duration_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE candidates ADD COLUMN extra_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE candidates ADD COLUMN paused_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE candidates ADD COLUMN paused_since INTEGER NOT NULL DEFAULT 0;
ALTER TABLE candidates ADD COLUMN paused_by_room INTEGER NOT NULL DEFAULT 0;
ALTER TABLE candidates ADD COLUMN sitting_epoch INTEGER NOT NULL DEFAULT 0;
ALTER TABLE candidates ADD COLUMN chain_head TEXT;
ALTER TABLE candidates ADD COLUMN closed_by TEXT;
ALTER TABLE candidates ADD COLUMN void_reason TEXT;
UPDATE candidates SET status = 'SITTING', duration_ms = deadline - started_at WHERE status = 'ANSWERING';
UPDATE candidates SET duration_ms = deadline - started_at WHERE status = 'SUBMITTED' AND started_at IS NOT NULL;
UPDATE sessions SET status = 'OPEN' WHERE status = 'RUNNING' AND started_at IS NULL;
CREATE INDEX candidates_by_deadline ON candidates (status, deadline);

ALTER TABLE answers ADD COLUMN hash TEXT;

CREATE TABLE interruptions (
    id INTEGER PRIMARY KEY,
    candidate_id INTEGER NOT NULL REFERENCES candidates (id),
    from_ms INTEGER NOT NULL,
    to_ms INTEGER NOT NULL,
    credit_ms INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('SUGGESTED', 'ACCEPTED', 'DECLINED')),
    decided_by TEXT,
    decided_at INTEGER
);

CREATE TABLE irregularities (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions (id),
    candidate_id INTEGER REFERENCES candidates (id),
    category TEXT NOT NULL CHECK (category IN ('ENVIRONMENT', 'CANDIDATE', 'STAFF', 'TECHNICAL')),
    description TEXT NOT NULL,
    reported_by TEXT NOT NULL,
    reported_at INTEGER NOT NULL
);
