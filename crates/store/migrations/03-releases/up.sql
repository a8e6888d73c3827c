-- Release trains (a dev team's sprints deployed by an ops team a lag later), their freeze windows,
-- releases moved by hand, and the bookkeeping of calendar exports.

CREATE TABLE release_train (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL COLLATE NOCASE UNIQUE,
    dev_team_id INTEGER NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    ops_team_id INTEGER NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    lag_weeks   INTEGER NOT NULL CHECK (lag_weeks BETWEEN 1 AND 12),
    -- RoutineEvents as JSON (weekday, local times, day counts).
    routine     TEXT    NOT NULL,
    CHECK (dev_team_id <> ops_team_id)
) STRICT;

-- A freeze belongs to a team (the ops team of the trains it blocks). One-off: first_day/last_day
-- as ISO dates; yearly: from_md/to_md as 'MM-DD' (to before from wraps into the next year).
CREATE TABLE freeze_window (
    id        INTEGER PRIMARY KEY,
    team_id   INTEGER NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    name      TEXT    NOT NULL COLLATE NOCASE,
    kind      TEXT    NOT NULL CHECK (kind IN ('once', 'yearly')),
    first_day TEXT,
    last_day  TEXT,
    from_md   TEXT,
    to_md     TEXT,
    UNIQUE (team_id, name),
    CHECK ((kind = 'once' AND first_day IS NOT NULL AND last_day IS NOT NULL AND last_day >= first_day)
        OR (kind = 'yearly' AND from_md IS NOT NULL AND to_md IS NOT NULL))
) STRICT;

CREATE TABLE release_pin (
    train_id       INTEGER NOT NULL REFERENCES release_train (id) ON DELETE CASCADE,
    sprint_id      INTEGER NOT NULL REFERENCES sprint (id) ON DELETE CASCADE,
    production_day TEXT    NOT NULL,
    PRIMARY KEY (train_id, sprint_id)
) STRICT;

-- One row per UID ever exported for a scope (what was exported: team, member, policy, kinds), so a
-- re-export keeps UIDs, raises SEQUENCE when the content changed, and cancels removed events once.
CREATE TABLE export_event (
    scope     TEXT    NOT NULL,
    uid       TEXT    NOT NULL,
    hash      TEXT    NOT NULL,
    sequence  INTEGER NOT NULL CHECK (sequence >= 0),
    -- The event as last exported (CalendarEvent JSON), to write it again as cancelled.
    event     TEXT    NOT NULL,
    -- The event's first local day (ISO date), to tell which removed events an export range covers.
    first_day TEXT    NOT NULL,
    cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
    PRIMARY KEY (scope, uid)
) STRICT;
