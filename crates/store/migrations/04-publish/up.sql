-- Publishing: where each team's plan goes (a CalDAV calendar, a chat webhook) and what each
-- calendar resource last received. Secrets are never stored: only the NAME of the environment
-- variable that holds the password or the webhook URL.

CREATE TABLE publish_target (
    team_id           INTEGER PRIMARY KEY REFERENCES team (id) ON DELETE CASCADE,
    collection_url    TEXT    NOT NULL,
    user_name         TEXT    NOT NULL,
    password_env      TEXT    NOT NULL,
    per_member        INTEGER NOT NULL DEFAULT 0 CHECK (per_member IN (0, 1)),
    -- What is published, as export kind names joined by ',' (turns, sprints, releases).
    what              TEXT    NOT NULL DEFAULT 'turns',
    last_published_at TEXT
) STRICT;

CREATE TABLE chat_target (
    team_id        INTEGER PRIMARY KEY REFERENCES team (id) ON DELETE CASCADE,
    webhook_env    TEXT    NOT NULL,
    format         TEXT    NOT NULL CHECK (format IN ('slack', 'teams')),
    last_posted_at TEXT
) STRICT;

-- One row per event resource written to a collection; written as soon as its write succeeded, so
-- a publish that stopped halfway resumes with exactly the rest.
CREATE TABLE published_resource (
    team_id      INTEGER NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    collection   TEXT    NOT NULL,
    uid          TEXT    NOT NULL,
    href         TEXT    NOT NULL,
    etag         TEXT,
    hash         TEXT    NOT NULL,
    sequence     INTEGER NOT NULL CHECK (sequence >= 0),
    -- The event as written (CalendarEvent JSON) and who held it (Holder JSON, turns only).
    event        TEXT    NOT NULL,
    holder       TEXT,
    published_at TEXT    NOT NULL,
    PRIMARY KEY (team_id, collection, uid)
) STRICT;
