-- Duty policies and their turns. Handoffs are local wall-clock times (weekday + HH:MM) read in the
-- team's zone; turn boundaries are RFC 3339 UTC instants.

CREATE TABLE duty_policy (
    id                  INTEGER PRIMARY KEY,
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

CREATE TABLE turn (
    id                 INTEGER PRIMARY KEY,
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
CREATE INDEX turn_policy_start ON turn (policy_id, start_at);
