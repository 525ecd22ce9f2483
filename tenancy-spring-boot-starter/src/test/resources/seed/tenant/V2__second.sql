INSERT INTO notes (body) VALUES ('second seeded note');
