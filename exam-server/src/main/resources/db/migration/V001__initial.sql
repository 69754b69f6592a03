-- V001: staff, bank, papers, sessions, candidates, answers, scores, marking queue, reports, audit log.
CREATE TABLE staff (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'proctor', 'marker')),
    password_hash TEXT NOT NULL
);

CREATE TABLE assets (
    sha256 TEXT PRIMARY KEY,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL
);

CREATE TABLE items (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    body TEXT NOT NULL
);

CREATE TABLE papers (
    id TEXT PRIMARY KEY,
    title_zh TEXT NOT NULL,
    title_en TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL
);

CREATE TABLE paper_items (
    paper_id TEXT NOT NULL REFERENCES papers (id),
    position INTEGER NOT NULL,
    item_id TEXT NOT NULL REFERENCES items (id),
    PRIMARY KEY (paper_id, position)
);

CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    paper_id TEXT NOT NULL REFERENCES papers (id),
    title_zh TEXT NOT NULL,
    title_en TEXT NOT NULL,
    room TEXT NOT NULL,
    status TEXT NOT NULL
);

CREATE TABLE candidates (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions (id),
    candidate_number TEXT NOT NULL,
    name TEXT NOT NULL,
    admission_code_hash TEXT NOT NULL,
    seat TEXT NOT NULL,
    seed INTEGER NOT NULL,
    status TEXT NOT NULL,
    started_at INTEGER,
    deadline INTEGER,
    submitted_at INTEGER,
    last_seen INTEGER,
    UNIQUE (session_id, candidate_number)
);

CREATE TABLE answers (
    candidate_id INTEGER NOT NULL REFERENCES candidates (id),
    sequence INTEGER NOT NULL,
    item_id TEXT NOT NULL,
    choices TEXT NOT NULL,
    text TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    PRIMARY KEY (candidate_id, sequence)
);

CREATE TABLE item_scores (
    candidate_id INTEGER NOT NULL REFERENCES candidates (id),
    item_id TEXT NOT NULL,
    awarded REAL NOT NULL,
    max REAL NOT NULL,
    status TEXT NOT NULL,
    PRIMARY KEY (candidate_id, item_id)
);

CREATE TABLE marking_queue (
    id INTEGER PRIMARY KEY,
    candidate_id INTEGER NOT NULL REFERENCES candidates (id),
    item_id TEXT NOT NULL,
    script_number TEXT NOT NULL,
    answer_text TEXT NOT NULL,
    queued_at INTEGER NOT NULL,
    UNIQUE (candidate_id, item_id)
);

CREATE TABLE reports (
    candidate_id INTEGER PRIMARY KEY REFERENCES candidates (id),
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL
);

-- The audit log is append-only: the database refuses edits and deletes.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
