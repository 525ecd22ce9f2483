CREATE VIEW customer_totals AS
    SELECT c.name, sum(i.total) AS total FROM customers c JOIN invoices i ON i.customer_id = c.id GROUP BY c.name;
