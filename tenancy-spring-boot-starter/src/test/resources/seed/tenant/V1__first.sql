INSERT INTO notes (body) VALUES ('first seeded note');
