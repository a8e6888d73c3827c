-- PENDING: move this folder to crates/store/migrations/ as the number after the last one (05 is
-- reserved for another change that has not landed yet; migration numbers must be consecutive).
-- Where an interrupt came from when it was imported from another tool's CSV export: the source
-- (pagerduty, opsgenie, jira, generic) and the id that tool gave it, so a re-import skips it.
-- One row per imported interrupt; removing the interrupt removes it (an edit, which rewrites the
-- row, drops it too: dedupe then falls back on arrival minute and title).
CREATE TABLE interrupt_source (
    interrupt_id INTEGER PRIMARY KEY REFERENCES interrupt (id) ON DELETE CASCADE,
    source       TEXT    NOT NULL CHECK (source IN ('pagerduty', 'opsgenie', 'jira', 'generic')),
    external_id  TEXT    NOT NULL CHECK (length(external_id) BETWEEN 1 AND 200)
) STRICT;
CREATE INDEX interrupt_source_id ON interrupt_source (source, external_id);

-- The column and value mapping a team last used for a source, offered again next time.
CREATE TABLE import_mapping (
    team_id INTEGER NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    source  TEXT    NOT NULL CHECK (source IN ('pagerduty', 'opsgenie', 'jira', 'generic')),
    mapping TEXT    NOT NULL,
    PRIMARY KEY (team_id, source)
) STRICT;
