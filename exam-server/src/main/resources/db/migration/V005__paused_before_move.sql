-- A candidate the proctor had paused stays paused when moved to a spare kiosk: the move remembers it.
ALTER TABLE candidates ADD COLUMN paused_before_move INTEGER NOT NULL DEFAULT 0;
