-- V002: paper packages. The content key stays on the server until it is released to admitted kiosks at the start.
CREATE TABLE packages (
    package_id TEXT PRIMARY KEY,
    paper_id TEXT NOT NULL REFERENCES papers (id),
    file TEXT NOT NULL,
    content_key BLOB NOT NULL,
    size INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);
