-- V010: a change the paper's rules refuse (a locked case step, a section left or out of time, a step opened early) is
-- still stored, so the answer chain carries on, but marked with the refusal's code and never counted: scoring, the
-- sitting and the roster read only rows where not_counted is null.
ALTER TABLE answers ADD COLUMN not_counted TEXT;
