-- Foundation schema: teams, members, time off, holidays, sprints, interrupts.
-- Dates are ISO 'YYYY-MM-DD' text; instants are RFC 3339 UTC text ('…Z'); zones are IANA names.

CREATE TABLE team (
    id                 INTEGER PRIMARY KEY,
    name               TEXT    NOT NULL COLLATE NOCASE UNIQUE,
    kind               TEXT    NOT NULL CHECK (kind IN ('dev', 'ops', 'mixed')),
    zone               TEXT    NOT NULL,
    working_days       INTEGER NOT NULL DEFAULT 31 CHECK (working_days BETWEEN 1 AND 127),
    sprint_length_days INTEGER NOT NULL DEFAULT 14 CHECK (sprint_length_days BETWEEN 1 AND 60)
) STRICT;

CREATE TABLE member (
    id               INTEGER PRIMARY KEY,
    team_id          INTEGER NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    name             TEXT    NOT NULL COLLATE NOCASE,
    email            TEXT,
    capacity_percent INTEGER NOT NULL DEFAULT 100 CHECK (capacity_percent BETWEEN 1 AND 100),
    skills           TEXT    NOT NULL DEFAULT '[]',
    active_from      TEXT,
    active_until     TEXT,
    can_take_duty    INTEGER NOT NULL DEFAULT 1 CHECK (can_take_duty IN (0, 1)),
    colour           TEXT    NOT NULL,
    UNIQUE (team_id, name),
    CHECK (active_until IS NULL OR active_from IS NULL OR active_until >= active_from)
) STRICT;

CREATE TABLE time_off (
    id        INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    first_day TEXT    NOT NULL,
    last_day  TEXT    NOT NULL,
    kind      TEXT    NOT NULL CHECK (kind IN ('vacation', 'sick', 'training', 'other')),
    note      TEXT    NOT NULL DEFAULT '',
    CHECK (last_day >= first_day)
) STRICT;
CREATE INDEX time_off_member ON time_off (member_id, first_day);

CREATE TABLE holiday (
    id      INTEGER PRIMARY KEY,
    team_id INTEGER NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    date    TEXT    NOT NULL,
    name    TEXT    NOT NULL,
    UNIQUE (team_id, date)
) STRICT;

CREATE TABLE sprint (
    id               INTEGER PRIMARY KEY,
    team_id          INTEGER NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    name             TEXT    NOT NULL COLLATE NOCASE,
    start_date       TEXT    NOT NULL,
    end_date         TEXT    NOT NULL,
    goal             TEXT    NOT NULL DEFAULT '',
    committed_points REAL,
    completed_points REAL,
    UNIQUE (team_id, name),
    CHECK (end_date >= start_date)
) STRICT;
CREATE INDEX sprint_team_start ON sprint (team_id, start_date);

CREATE TABLE interrupt (
    id                INTEGER PRIMARY KEY,
    team_id           INTEGER NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    arrived_at        TEXT    NOT NULL,
    title             TEXT    NOT NULL,
    category          TEXT    NOT NULL CHECK (category IN ('production_bug', 'operational_problem', 'user_question',
                                                           'security_patch', 'release_rollback', 'other')),
    severity          TEXT    NOT NULL CHECK (severity IN ('critical', 'high', 'normal', 'low')),
    handled_by        INTEGER REFERENCES member (id) ON DELETE SET NULL,
    minutes           INTEGER NOT NULL CHECK (minutes > 0),
    pulled_off_focus  INTEGER NOT NULL DEFAULT 0 CHECK (pulled_off_focus IN (0, 1)),
    could_have_waited INTEGER NOT NULL DEFAULT 0 CHECK (could_have_waited IN (0, 1)),
    root_cause        TEXT    NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX interrupt_team_time ON interrupt (team_id, arrived_at);
