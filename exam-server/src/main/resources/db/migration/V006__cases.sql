-- V006: the imaging case library filled by `readroom cases import`. Only de-identified values are stored: new UIDs,
-- the patient pseudonym and shifted dates; never an original identifier or the source path.
CREATE TABLE case_imports (
    id TEXT PRIMARY KEY,
    imported_at INTEGER NOT NULL,
    files INTEGER NOT NULL,
    images INTEGER NOT NULL,
    skipped INTEGER NOT NULL
);

CREATE TABLE case_studies (
    id INTEGER PRIMARY KEY,
    import_id TEXT NOT NULL REFERENCES case_imports (id),
    study_uid TEXT NOT NULL UNIQUE,
    patient_pseudonym TEXT NOT NULL,
    study_date TEXT NOT NULL,
    modalities TEXT NOT NULL
);

CREATE TABLE case_series (
    id INTEGER PRIMARY KEY,
    study_id INTEGER NOT NULL REFERENCES case_studies (id),
    series_uid TEXT NOT NULL UNIQUE,
    modality TEXT NOT NULL,
    body_part TEXT NOT NULL,
    series_number INTEGER NOT NULL,
    image_rows INTEGER NOT NULL,
    image_columns INTEGER NOT NULL,
    images INTEGER NOT NULL,
    frames INTEGER NOT NULL,
    thumbnail_sha256 TEXT NOT NULL REFERENCES assets (sha256)
);

CREATE TABLE case_images (
    series_id INTEGER NOT NULL REFERENCES case_series (id),
    position INTEGER NOT NULL,
    sop_instance_uid TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL REFERENCES assets (sha256),
    frames INTEGER NOT NULL,
    PRIMARY KEY (series_id, position)
);

CREATE INDEX case_series_by_study ON case_series (study_id);
