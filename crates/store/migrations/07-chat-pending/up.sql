-- The change lines a publish sent to the calendar that the team's chat has not been told about
-- yet: kept until a stand-up message carrying them is delivered, so a chat that refused or did
-- not answer hears about them with the next post. Only lines of teams with a chat target.
CREATE TABLE chat_pending (
    id           INTEGER PRIMARY KEY,
    team_id      INTEGER NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    line         TEXT    NOT NULL,
    published_at TEXT    NOT NULL
) STRICT;

CREATE INDEX chat_pending_team ON chat_pending (team_id, id);
