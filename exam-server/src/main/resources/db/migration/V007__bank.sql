-- V007: the item bank's index. One row per item of `items`, with what rule-based assembly and the admin's bank list
-- filter on (type, topic levels, difficulty, marks), kept in step with `items` by a trigger whoever writes the item
-- (a bank import or a paper), plus where an imported item came from. `items (id, type, body)` stays the record.
CREATE TABLE bank_items (
    item_id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    organ_system TEXT,
    subspecialty TEXT,
    diagnosis TEXT,
    topic TEXT,
    difficulty TEXT,
    marks REAL NOT NULL,
    questions INTEGER NOT NULL,
    source TEXT,
    imported_at INTEGER
);

CREATE INDEX bank_items_by_rule ON bank_items (type, organ_system, subspecialty, diagnosis, difficulty);

CREATE INDEX bank_items_by_topic ON bank_items (topic);

-- Groups (case_cluster, matching) are worth their questions' marks; the others carry their own.
CREATE VIEW bank_item_facts AS
SELECT
    i.id AS item_id,
    json_extract(i.body, '$.type') AS type,
    json_extract(i.body, '$.info.topic.organSystem') AS organ_system,
    json_extract(i.body, '$.info.topic.subspecialty') AS subspecialty,
    json_extract(i.body, '$.info.topic.diagnosis') AS diagnosis,
    json_extract(i.body, '$.info.difficulty') AS difficulty,
    CASE WHEN json_type(i.body, '$.questions') = 'array'
        THEN (SELECT total(json_extract(q.value, '$.marks')) FROM json_each(i.body, '$.questions') q)
        ELSE json_extract(i.body, '$.marks') END AS marks,
    CASE WHEN json_type(i.body, '$.questions') = 'array' THEN json_array_length(i.body, '$.questions') ELSE 1 END
        AS questions
FROM items i;

INSERT INTO bank_items (item_id, type, organ_system, subspecialty, diagnosis, topic, difficulty, marks, questions)
SELECT item_id, type, organ_system, subspecialty, diagnosis,
    organ_system || COALESCE('/' || subspecialty, '') || COALESCE('/' || diagnosis, ''), difficulty, marks, questions
FROM bank_item_facts;

-- INSERT OR REPLACE on items (papers do that) fires this too; the import's source and time are kept.
CREATE TRIGGER bank_items_follow_items AFTER INSERT ON items BEGIN INSERT INTO bank_items (item_id, type, organ_system, subspecialty, diagnosis, topic, difficulty, marks, questions) SELECT item_id, type, organ_system, subspecialty, diagnosis, organ_system || COALESCE('/' || subspecialty, '') || COALESCE('/' || diagnosis, ''), difficulty, marks, questions FROM bank_item_facts WHERE item_id = NEW.id ON CONFLICT (item_id) DO UPDATE SET type = excluded.type, organ_system = excluded.organ_system, subspecialty = excluded.subspecialty, diagnosis = excluded.diagnosis, topic = excluded.topic, difficulty = excluded.difficulty, marks = excluded.marks, questions = excluded.questions; END;

CREATE TRIGGER bank_items_leave_with_items AFTER DELETE ON items BEGIN DELETE FROM bank_items WHERE item_id = OLD.id; END;
