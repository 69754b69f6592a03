-- V009: when each candidate entered each timed section, in exam time used (ms since the start, less time paused), so
-- the server can close a section when its own time limit is over. The paper's first section is entered at 0 and has
-- no row.
CREATE TABLE section_entries (
    candidate_id INTEGER NOT NULL REFERENCES candidates (id),
    section_id TEXT NOT NULL,
    used_ms INTEGER NOT NULL,
    entered_at INTEGER NOT NULL,
    PRIMARY KEY (candidate_id, section_id)
);
