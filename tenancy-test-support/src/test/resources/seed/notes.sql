INSERT INTO notes (body, category_id) VALUES ('seeded note', (SELECT id FROM categories WHERE name = 'urgent'));
