-- Ids are never handed out twice. Without AUTOINCREMENT SQLite gives a new row max(id) + 1, so
-- after a removal took the rows with the highest ids, the next insert (another team's member, a
-- re-plan's turn) took a freed id and the removal's undo, which restores every record under its
-- id, was refused. Each table whose id SQLite assigns is rebuilt with AUTOINCREMENT and its rows
-- copied over unchanged. Foreign keys are off while migrations run (Store::open checks them
-- with foreign_key_check before switching them back on), so dropping a parent cascades nowhere;
-- the indexes dropped with their tables are created again at the end.

CREATE TABLE team_new (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    name               TEXT    NOT NULL COLLATE NOCASE UNIQUE,
    kind               TEXT    NOT NULL CHECK (kind IN ('dev', 'ops', 'mixed')),
    zone               TEXT    NOT NULL,
    working_days       INTEGER NOT NULL DEFAULT 31 CHECK (working_days BETWEEN 1 AND 127),
    sprint_length_days INTEGER NOT NULL DEFAULT 14 CHECK (sprint_length_days BETWEEN 1 AND 60)
) STRICT;
INSERT INTO team_new (id, name, kind, zone, working_days, sprint_length_days)
    SELECT id, name, kind, zone, working_days, sprint_length_days FROM team;
DROP TABLE team;
ALTER TABLE team_new RENAME TO team;

CREATE TABLE member_new (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO member_new (id, team_id, name, email, capacity_percent, skills, active_from, active_until, can_take_duty, colour)
    SELECT id, team_id, name, email, capacity_percent, skills, active_from, active_until, can_take_duty, colour FROM member;
DROP TABLE member;
ALTER TABLE member_new RENAME TO member;

CREATE TABLE time_off_new (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    first_day TEXT    NOT NULL,
    last_day  TEXT    NOT NULL,
    kind      TEXT    NOT NULL CHECK (kind IN ('vacation', 'sick', 'training', 'other')),
    note      TEXT    NOT NULL DEFAULT '',
    CHECK (last_day >= first_day)
) STRICT;
INSERT INTO time_off_new (id, member_id, first_day, last_day, kind, note)
    SELECT id, member_id, first_day, last_day, kind, note FROM time_off;
DROP TABLE time_off;
ALTER TABLE time_off_new RENAME TO time_off;

CREATE TABLE holiday_new (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    team_id INTEGER NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    date    TEXT    NOT NULL,
    name    TEXT    NOT NULL,
    UNIQUE (team_id, date)
) STRICT;
INSERT INTO holiday_new (id, team_id, date, name)
    SELECT id, team_id, date, name FROM holiday;
DROP TABLE holiday;
ALTER TABLE holiday_new RENAME TO holiday;

CREATE TABLE sprint_new (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO sprint_new (id, team_id, name, start_date, end_date, goal, committed_points, completed_points)
    SELECT id, team_id, name, start_date, end_date, goal, committed_points, completed_points FROM sprint;
DROP TABLE sprint;
ALTER TABLE sprint_new RENAME TO sprint;

CREATE TABLE interrupt_new (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO interrupt_new (id, team_id, arrived_at, title, category, severity, handled_by, minutes, pulled_off_focus, could_have_waited, root_cause)
    SELECT id, team_id, arrived_at, title, category, severity, handled_by, minutes, pulled_off_focus, could_have_waited, root_cause FROM interrupt;
DROP TABLE interrupt;
ALTER TABLE interrupt_new RENAME TO interrupt;

CREATE TABLE duty_policy_new (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    team_id             INTEGER NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    name                TEXT    NOT NULL COLLATE NOCASE,
    kind                TEXT    NOT NULL CHECK (kind IN ('daily', 'weekly', 'sprint', 'standing')),
    handoff_weekday     TEXT    NOT NULL,
    handoff_time        TEXT    NOT NULL,
    pool                TEXT    NOT NULL DEFAULT '[]',
    focus_share_percent INTEGER NOT NULL CHECK (focus_share_percent BETWEEN 0 AND 100),
    checklist           TEXT    NOT NULL DEFAULT '[]',
    escalates_to        INTEGER REFERENCES duty_policy (id) ON DELETE SET NULL,
    shadow_pool         TEXT    NOT NULL DEFAULT '[]',
    min_gap_turns       INTEGER NOT NULL DEFAULT 1 CHECK (min_gap_turns BETWEEN 0 AND 20),
    weights             TEXT    NOT NULL,
    standing_member_id  INTEGER REFERENCES member (id),
    stand_in_id         INTEGER REFERENCES member (id),
    UNIQUE (team_id, name)
) STRICT;
INSERT INTO duty_policy_new (id, team_id, name, kind, handoff_weekday, handoff_time, pool, focus_share_percent, checklist, escalates_to, shadow_pool, min_gap_turns, weights, standing_member_id, stand_in_id)
    SELECT id, team_id, name, kind, handoff_weekday, handoff_time, pool, focus_share_percent, checklist, escalates_to, shadow_pool, min_gap_turns, weights, standing_member_id, stand_in_id FROM duty_policy;
DROP TABLE duty_policy;
ALTER TABLE duty_policy_new RENAME TO duty_policy;

CREATE TABLE turn_new (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    policy_id          INTEGER NOT NULL REFERENCES duty_policy (id) ON DELETE CASCADE,
    member_id          INTEGER NOT NULL REFERENCES member (id),
    start_at           TEXT    NOT NULL,
    end_at             TEXT    NOT NULL,
    source             TEXT    NOT NULL CHECK (source IN ('generated', 'override', 'swap')),
    locked             INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
    note               TEXT    NOT NULL DEFAULT '',
    shadow_member_id   INTEGER REFERENCES member (id),
    replaced_member_id INTEGER REFERENCES member (id),
    CHECK (end_at > start_at),
    UNIQUE (policy_id, start_at)
) STRICT;
INSERT INTO turn_new (id, policy_id, member_id, start_at, end_at, source, locked, note, shadow_member_id, replaced_member_id)
    SELECT id, policy_id, member_id, start_at, end_at, source, locked, note, shadow_member_id, replaced_member_id FROM turn;
DROP TABLE turn;
ALTER TABLE turn_new RENAME TO turn;

CREATE TABLE release_train_new (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT    NOT NULL COLLATE NOCASE UNIQUE,
    dev_team_id INTEGER NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    ops_team_id INTEGER NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    lag_weeks   INTEGER NOT NULL CHECK (lag_weeks BETWEEN 1 AND 12),
    -- RoutineEvents as JSON (weekday, local times, day counts).
    routine     TEXT    NOT NULL,
    CHECK (dev_team_id <> ops_team_id)
) STRICT;
INSERT INTO release_train_new (id, name, dev_team_id, ops_team_id, lag_weeks, routine)
    SELECT id, name, dev_team_id, ops_team_id, lag_weeks, routine FROM release_train;
DROP TABLE release_train;
ALTER TABLE release_train_new RENAME TO release_train;

CREATE TABLE freeze_window_new (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO freeze_window_new (id, team_id, name, kind, first_day, last_day, from_md, to_md)
    SELECT id, team_id, name, kind, first_day, last_day, from_md, to_md FROM freeze_window;
DROP TABLE freeze_window;
ALTER TABLE freeze_window_new RENAME TO freeze_window;

CREATE TABLE chat_pending_new (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    team_id      INTEGER NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    line         TEXT    NOT NULL,
    published_at TEXT    NOT NULL
) STRICT;
INSERT INTO chat_pending_new (id, team_id, line, published_at)
    SELECT id, team_id, line, published_at FROM chat_pending;
DROP TABLE chat_pending;
ALTER TABLE chat_pending_new RENAME TO chat_pending;

CREATE INDEX time_off_member ON time_off (member_id, first_day);
CREATE INDEX sprint_team_start ON sprint (team_id, start_date);
CREATE INDEX interrupt_team_time ON interrupt (team_id, arrived_at);
CREATE INDEX turn_policy_start ON turn (policy_id, start_at);
CREATE INDEX chat_pending_team ON chat_pending (team_id, id);
