-- A team's import mapping is remembered for its sprint-history imports too, not only for the
-- four interrupt sources: the source may also be 'sprint_history' (the columns chosen for name,
-- start, end, committed and completed). SQLite cannot change a CHECK, so the table is rebuilt
-- and its rows copied over; nothing refers to it, so dropping the old one cascades nowhere.
CREATE TABLE import_mapping_new (
    team_id INTEGER NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    source  TEXT    NOT NULL CHECK (source IN ('pagerduty', 'opsgenie', 'jira', 'generic', 'sprint_history')),
    mapping TEXT    NOT NULL,
    PRIMARY KEY (team_id, source)
) STRICT;
INSERT INTO import_mapping_new (team_id, source, mapping)
    SELECT team_id, source, mapping FROM import_mapping;
DROP TABLE import_mapping;
ALTER TABLE import_mapping_new RENAME TO import_mapping;
