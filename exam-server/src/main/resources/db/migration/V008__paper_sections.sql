-- V008: paper sections (time limit, irreversible, kept order, expected marks), each paper item's section, and the
-- blueprint a rule-based paper was drawn from (null for fixed papers). A paper without section rows is one section.
CREATE TABLE paper_sections (
    paper_id TEXT NOT NULL REFERENCES papers (id),
    position INTEGER NOT NULL,
    id TEXT NOT NULL,
    title_zh TEXT NOT NULL,
    title_en TEXT NOT NULL,
    time_limit_minutes INTEGER,
    irreversible INTEGER NOT NULL DEFAULT 0 CHECK (irreversible IN (0, 1)),
    keep_order INTEGER NOT NULL DEFAULT 0 CHECK (keep_order IN (0, 1)),
    expected_marks REAL,
    PRIMARY KEY (paper_id, position),
    UNIQUE (paper_id, id)
);

ALTER TABLE paper_items ADD COLUMN section_id TEXT;

ALTER TABLE papers ADD COLUMN blueprint TEXT;
