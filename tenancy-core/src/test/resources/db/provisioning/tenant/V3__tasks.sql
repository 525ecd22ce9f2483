CREATE TABLE tasks (
    id serial PRIMARY KEY,
    project_id integer NOT NULL,
    title text COLLATE "C" NOT NULL,
    done boolean NOT NULL DEFAULT false,
    CONSTRAINT tasks_project FOREIGN KEY (project_id) REFERENCES projects (id),
    CONSTRAINT tasks_unique_title UNIQUE (project_id, title) WITH (fillfactor = 70)
);
ALTER TABLE tasks ADD CONSTRAINT tasks_title_length CHECK (length(title) > 0) NOT VALID;
CREATE INDEX tasks_open ON tasks (project_id) INCLUDE (title) WHERE NOT done;
COMMENT ON INDEX tasks_open IS 'Open tasks by project';
