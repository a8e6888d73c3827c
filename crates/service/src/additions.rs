//! Adding time off and holidays, with their consequences shown first. An addition re-plans the
//! team's unlocked turns from the new record's first day (or today, when that is later) to where
//! the plan ends, with the planner's minimal-change rule: the away person's turns (or the holiday's) go to someone else
//! and little else moves. Locked turns (overrides, swaps) stay as they are; those the new days
//! now clash with are reported as conflicts. The preview is the addition itself in a rolled-back
//! transaction, so the turns it lists are the ones saving moves; [`TurnMoves`] says them per
//! turn ("Ana's Batman turn on Tue 8 Dec moves to Ben").
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use sprintshield_core::rotation::{validate, ConflictKind, Turn, TurnChanges};
use sprintshield_core::time::DateSpan;
use sprintshield_core::time_off::{Holiday, NewHoliday, NewTimeOff, TimeOff};
use sprintshield_core::Id;
use sprintshield_store::Store;
use ts_rs::TS;

use crate::corrections::{replan_from, today};
use crate::{Changes, Outcome, Record, Result, Sprintshield};

/// What an operation did (or would do) to a team's future turns, turn by turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TurnMoves {
    /// Future turns re-planned: given to another person, dropped, or new.
    pub count: usize,
    /// The people whose turns change, by name.
    pub affected: Vec<String>,
    /// One line per re-planned turn, by start: "Ana's Batman turn on Tue 8 Dec moves to Ben".
    pub lines: Vec<String>,
    /// Locked future turns the new days clash with: kept as they are, shown as conflicts (one
    /// sentence each, core's conflict message).
    pub conflicts: Vec<String>,
    /// All of it in one sentence: "2 turns move: …; …" or "No turn moves", and the conflicts.
    pub sentence: String,
}

/// "Tue 8 Dec" for the local day an instant falls on.
fn day(at: DateTime<Utc>, zone: Tz) -> String {
    at.with_timezone(&zone).format("%a %-d %b").to_string()
}

/// "on Tue 8 Dec" for a turn of one day or less, "from Mon 7 Dec" for a longer one.
fn when(t: &Turn, zone: Tz) -> String {
    let word = if t.end - t.start <= Duration::hours(25) {
        "on"
    } else {
        "from"
    };
    format!("{word} {}", day(t.start, zone))
}

/// What an operation's turn changes did, read by who holds each duty afterwards: the turns
/// before that another person covers now or nobody does (`moved`), the turns after that cover no
/// turn before's start (`added`), each with its start and one line, and the people concerned.
pub(crate) struct Moves {
    /// "Ana's Batman turn on Tue 8 Dec moves to Ben" / "… is dropped", by turn before.
    pub moved: Vec<(DateTime<Utc>, String)>,
    /// "Ben takes a new Batman turn on Tue 8 Dec", by new turn.
    pub added: Vec<(DateTime<Utc>, String)>,
    /// The people whose turns change, by full name, sorted.
    pub affected: Vec<String>,
}

/// Reads `turns` against the team's stored turns (after the operation). A turn the planner wrote
/// afresh under a new id for another person counts once, as a move, not as a drop and a new
/// turn; one rewritten for the same person is no move.
pub(crate) fn read_moves(s: &Store, team_id: Id, turns: &TurnChanges) -> sprintshield_store::Result<Moves> {
    let (ctx, stored) = crate::rotation::load(s, team_id)?;
    let zone = s.team(team_id)?.spec.zone;
    let members = s.members(team_id)?;
    let name = |id: Id| {
        members
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.spec.name.clone())
            .unwrap_or_else(|| format!("member {id}"))
    };
    let first = |id: Id| name(id).split_whitespace().next().unwrap_or_default().to_owned();
    let policy = |id: Id| {
        ctx.policies
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.spec.name.clone())
            .unwrap_or_default()
    };
    let mut moved: Vec<(DateTime<Utc>, String)> = Vec::new();
    let mut added: Vec<(DateTime<Utc>, String)> = Vec::new();
    let mut affected: Vec<String> = Vec::new();
    // Told by who holds each duty after: a turn before whose start another person covers now
    // "moves to" them (a turn the planner wrote afresh, or the one before stretched over a new
    // holiday); one nobody covers is dropped. A turn after that covers no turn before's start is
    // new, or takes over the rest of a running turn whose holder is away from today.
    let holder = |policy: Id, at: DateTime<Utc>| {
        stored
            .iter()
            .find(|t| t.policy_id == policy && t.start <= at && at < t.end)
            .map(|t| t.member_id)
    };
    let says = |b: &Turn, rest: String| {
        format!(
            "{}'s {} turn {} {rest}",
            first(b.member_id),
            policy(b.policy_id),
            when(b, zone)
        )
    };
    for b in &turns.before {
        let line = match holder(b.policy_id, b.start) {
            Some(m) if m == b.member_id => continue,
            Some(m) => {
                affected.push(name(m));
                says(b, format!("moves to {}", first(m)))
            }
            None => says(b, "is dropped".to_owned()),
        };
        affected.push(name(b.member_id));
        moved.push((b.start, line));
    }
    for a in &turns.after {
        let covers_one = turns
            .before
            .iter()
            .any(|b| b.policy_id == a.policy_id && a.start <= b.start && b.start < a.end);
        if covers_one {
            continue;
        }
        affected.push(name(a.member_id));
        // The rest of a running turn handed on from someone away today (see core's planner).
        let taken_over = turns
            .before
            .iter()
            .find(|b| b.policy_id == a.policy_id && b.start < a.start && a.start < b.end && b.member_id != a.member_id);
        let line = match taken_over {
            Some(b) => {
                affected.push(name(b.member_id));
                format!(
                    "{} takes over {}'s {} turn from {} {}",
                    first(a.member_id),
                    first(b.member_id),
                    policy(a.policy_id),
                    day(a.start, zone),
                    a.start.with_timezone(&zone).format("%H:%M")
                )
            }
            None => format!(
                "{} takes a new {} turn {}",
                first(a.member_id),
                policy(a.policy_id),
                when(a, zone)
            ),
        };
        added.push((a.start, line));
    }
    affected.sort();
    affected.dedup();
    Ok(Moves { moved, added, affected })
}

/// Describes `turns` (what an operation changed) for the team: which turns moved to whom, and
/// the locked future turns that now conflict with time off or a holiday within `days`.
pub(crate) fn describe(
    s: &Store,
    team_id: Id,
    turns: &TurnChanges,
    days: DateSpan,
    now: DateTime<Utc>,
) -> sprintshield_store::Result<TurnMoves> {
    let (ctx, stored) = crate::rotation::load(s, team_id)?;
    let Moves { moved, added, affected } = read_moves(s, team_id, turns)?;
    let mut lines: Vec<(DateTime<Utc>, String)> = moved.into_iter().chain(added).collect();
    lines.sort_by_key(|(at, _)| *at);
    let conflicts: Vec<String> = validate(&stored, &ctx, days)
        .into_iter()
        .filter(|c| matches!(c.kind, ConflictKind::TimeOff | ConflictKind::Holiday))
        .filter(|c| c.turns.iter().any(|&i| stored[i].locked && stored[i].end > now))
        .map(|c| c.message)
        .collect();
    let lines: Vec<String> = lines.into_iter().map(|(_, l)| l).collect();
    let mut sentence = match lines.len() {
        0 => "No turn moves".to_owned(),
        1 => format!("1 turn moves: {}", lines[0]),
        n => format!("{n} turns move: {}", lines.join("; ")),
    };
    match conflicts.len() {
        0 => {}
        1 => sentence += &format!("; 1 locked turn stays and is now a conflict: {}", conflicts[0]),
        n => {
            sentence += &format!(
                "; {n} locked turns stay and are now conflicts: {}",
                conflicts.join("; ")
            )
        }
    }
    Ok(TurnMoves {
        count: lines.len(),
        affected,
        lines,
        conflicts,
        sentence,
    })
}

/// The re-plan after adding a record over `days`: from their first day (or today) to where
/// the plan ends; nothing when `days` is all past.
fn replan_over(
    s: &mut Store,
    team_id: Id,
    days: DateSpan,
    now: DateTime<Utc>,
) -> sprintshield_store::Result<TurnChanges> {
    if days.last < today(s, team_id, now)? {
        return Ok(TurnChanges::default());
    }
    replan_from(s, team_id, days.first, now)
}

/// Adds time off inside the caller's transaction and re-plans from its first day (or today);
/// returns the team, the days, and the outcome.
fn add_time_off_in(
    s: &mut Store,
    new: NewTimeOff,
    now: DateTime<Utc>,
) -> sprintshield_store::Result<(Id, DateSpan, Outcome<TimeOff>)> {
    let added = s.add_time_off(new)?;
    let team_id = s.member(added.spec.member_id)?.team_id;
    let days = added.spec.days;
    let mut changes = Changes::created(Record::TimeOff(added.clone()));
    changes.turns = replan_over(s, team_id, days, now)?;
    Ok((team_id, days, Outcome::new(added, changes)))
}

/// Adds a holiday inside the caller's transaction and re-plans from its day (or today).
fn add_holiday_in(
    s: &mut Store,
    team_id: Id,
    new: NewHoliday,
    now: DateTime<Utc>,
) -> sprintshield_store::Result<(DateSpan, Outcome<Holiday>)> {
    let added = s.add_holiday(team_id, new)?;
    let days = DateSpan {
        first: added.date,
        last: added.date,
    };
    let mut changes = Changes::created(Record::Holiday(added.clone()));
    changes.turns = replan_over(s, team_id, days, now)?;
    Ok((days, Outcome::new(added, changes)))
}

impl Sprintshield {
    /// Records time off; the member is away, so the team's unlocked turns from its first day (or
    /// today) are re-planned around it (the change lists them). Locked turns stay.
    pub fn add_time_off(&mut self, new: NewTimeOff, now: DateTime<Utc>) -> Result<Outcome<TimeOff>> {
        Ok(self.write(|s| add_time_off_in(s, new, now))?.2)
    }

    /// What [`Sprintshield::add_time_off`] would do to future turns, turn by turn; nothing is
    /// written.
    pub fn preview_add_time_off(&mut self, new: NewTimeOff, now: DateTime<Utc>) -> Result<TurnMoves> {
        self.dry_run(|s| {
            let (team_id, days, out) = add_time_off_in(s, new, now)?;
            describe(s, team_id, &out.changes.turns, days, now)
        })
    }

    /// Adds a team holiday; nobody works that day, so the team's unlocked turns from it (or
    /// today) are re-planned around it (the change lists them). Locked turns stay.
    pub fn add_holiday(&mut self, team_id: Id, new: NewHoliday, now: DateTime<Utc>) -> Result<Outcome<Holiday>> {
        Ok(self.write(|s| add_holiday_in(s, team_id, new, now))?.1)
    }

    /// What [`Sprintshield::add_holiday`] would do to future turns; nothing is written.
    pub fn preview_add_holiday(&mut self, team_id: Id, new: NewHoliday, now: DateTime<Utc>) -> Result<TurnMoves> {
        self.dry_run(|s| {
            let (days, out) = add_holiday_in(s, team_id, new, now)?;
            describe(s, team_id, &out.changes.turns, days, now)
        })
    }

    /// Says, turn by turn, what an operation's `changes` did to the team's future turns, and
    /// which locked turns now conflict with time off or a holiday on the days of the time off or
    /// holidays it touched. Reads only.
    pub fn describe_turn_moves(&self, team_id: Id, changes: &Changes, now: DateTime<Utc>) -> Result<TurnMoves> {
        self.read(|s| {
            let zone = s.team(team_id)?.spec.zone;
            let days = days_of(changes, zone).unwrap_or_else(|| {
                let d = now.with_timezone(&zone).date_naive();
                DateSpan { first: d, last: d }
            });
            describe(s, team_id, &changes.turns, days, now)
        })
    }
}

/// The days the time off and holidays in `changes` cover, or else its turns; `None` when it
/// holds neither.
fn days_of(changes: &Changes, zone: Tz) -> Option<DateSpan> {
    let mut spans: Vec<DateSpan> = Vec::new();
    for r in changes.records.iter().flat_map(|c| c.before.iter().chain(&c.after)) {
        match r {
            Record::TimeOff(t) => spans.push(t.spec.days),
            Record::Holiday(h) => spans.push(DateSpan {
                first: h.date,
                last: h.date,
            }),
            _ => {}
        }
    }
    if spans.is_empty() {
        for t in changes.turns.before.iter().chain(&changes.turns.after) {
            spans.push(DateSpan {
                first: t.start.with_timezone(&zone).date_naive(),
                last: (t.end - Duration::seconds(1)).with_timezone(&zone).date_naive(),
            });
        }
    }
    let first = spans.iter().map(|d| d.first).min()?;
    let last = spans.iter().map(|d| d.last).max()?;
    Some(DateSpan { first, last })
}
