CREATE VIEW project_summary AS SELECT 0::bigint AS open_tasks;
CREATE VIEW open_tasks AS
    SELECT t.id, t.title, p.number FROM tasks t JOIN projects p ON p.id = t.project_id WHERE NOT t.done;
CREATE VIEW open_task_count WITH (security_barrier = true) AS SELECT count(*) AS n FROM open_tasks;
-- an older view now reads a newer one, so creation order is not dependency order
CREATE OR REPLACE VIEW project_summary AS SELECT n AS open_tasks FROM open_task_count;
CREATE VIEW active_projects AS SELECT * FROM projects WHERE status = 'open' WITH LOCAL CHECK OPTION;
COMMENT ON VIEW open_tasks IS 'Tasks still to do';
