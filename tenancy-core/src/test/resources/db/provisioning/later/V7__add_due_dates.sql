ALTER TABLE tasks ADD COLUMN due date;
