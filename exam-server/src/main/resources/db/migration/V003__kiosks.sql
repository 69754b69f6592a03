-- V003: enrolled kiosks, their package downloads, admission to sessions, and the session start time.
CREATE TABLE kiosks (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    agreement_key BLOB NOT NULL,
    signing_key BLOB NOT NULL,
    pairing_code TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REVOKED')),
    enrolled_at INTEGER NOT NULL,
    decided_at INTEGER,
    decided_by TEXT
);

CREATE TABLE kiosk_packages (
    kiosk_id TEXT NOT NULL REFERENCES kiosks (id),
    package_id TEXT NOT NULL REFERENCES packages (package_id),
    bytes_received INTEGER NOT NULL,
    verified INTEGER NOT NULL,
    reported_at INTEGER NOT NULL,
    PRIMARY KEY (kiosk_id, package_id)
);

CREATE TABLE session_kiosks (
    session_id INTEGER NOT NULL REFERENCES sessions (id),
    kiosk_id TEXT NOT NULL REFERENCES kiosks (id),
    admitted_at INTEGER NOT NULL,
    admitted_by TEXT NOT NULL,
    PRIMARY KEY (session_id, kiosk_id)
);

ALTER TABLE sessions ADD COLUMN started_at INTEGER;
