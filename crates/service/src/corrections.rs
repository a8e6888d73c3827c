//! Correcting and retiring records: edit or remove time off, holidays, sprints, interrupts,
//! policies and trains; close, correct and reopen sprints by their rules; retire a member (their
//! history stays, their future unlocked turns are re-planned, their future locked turns stay and
//! show as conflicts); unlock a turn back to the plan. Removing what history depends on is
//! refused with the way out (core's `lifecycle`); removing teams, policies and trains, with
//! everything they take along, is in `removals`.
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use sprintshield_core::interrupt::{Interrupt, NewInterrupt};
use sprintshield_core::lifecycle::{check_close, check_remove_member, check_remove_sprint, check_reopen, retire};
use sprintshield_core::member::{Member, NewMember};
use sprintshield_core::release::{FreezeWindow, StoredFreeze};
use sprintshield_core::rotation::{find_turn, DutyPolicy, NewPolicy, PolicySpec, Turn, TurnChanges, TurnSource};
use sprintshield_core::sprint::{NewSprint, Sprint};
use sprintshield_core::team::{NewTeam, Team, TeamSpec};
use sprintshield_core::time::{resolve_local, DateSpan};
use sprintshield_core::time_off::{Holiday, NewHoliday, NewTimeOff, TimeOff};
use sprintshield_core::{AppError, Id, Invalid};
use sprintshield_store::Store;

use crate::additions::read_moves;
use crate::rotation::plan_and_save;
use crate::{Changes, Outcome, Record, Result, Sprintshield};

/// The team's local day at `now`.
pub(crate) fn today(s: &Store, team_id: Id, now: DateTime<Utc>) -> sprintshield_store::Result<NaiveDate> {
    Ok(now.with_timezone(&s.team(team_id)?.spec.zone).date_naive())
}

/// Re-plans the team's unlocked turns from `first` (or today, when that is later) to the day the
/// last stored turn starts, so the plan ends where it ended (a re-plan up to the last turn's
/// final day would plan one more turn after it). A turn running into the first day (Friday's over
/// the weekend) may stretch over a new holiday or pass to someone else, so the re-plan starts on
/// the day it started (never before today). No change when the team has no policy or no stored
/// turn starts on or after that day. The one re-plan behind every edit, addition, removal and
/// retirement.
pub(crate) fn replan_from(
    s: &mut Store,
    team_id: Id,
    first: NaiveDate,
    now: DateTime<Utc>,
) -> sprintshield_store::Result<TurnChanges> {
    let today = today(s, team_id, now)?;
    let from = first.max(today);
    if s.policies(team_id)?.is_empty() {
        return Ok(TurnChanges::default());
    }
    let zone = s.team(team_id)?.spec.zone;
    let stored = s.all_turns(team_id)?;
    let midnight = resolve_local(zone, from.and_time(NaiveTime::MIN));
    let first = stored
        .iter()
        .filter(|t| t.start < midnight && t.end > midnight)
        .map(|t| t.start.with_timezone(&zone).date_naive())
        .min()
        .map_or(from, |d| d.max(today).min(from));
    let last = stored.iter().map(|t| t.start.with_timezone(&zone).date_naive()).max();
    match last.filter(|l| *l >= first) {
        Some(last) => Ok(plan_and_save(s, team_id, DateSpan { first, last }, now)?.changes.turns),
        None => Ok(TurnChanges::default()),
    }
}

impl Sprintshield {
    /// Closes a sprint with its completed points: only on its last day or after it (the team's
    /// local day at `now`); a closed sprint needs `correct` to get new points, and the change
    /// then shows the points replaced.
    pub fn close_sprint(
        &mut self,
        sprint_id: Id,
        completed: f64,
        correct: bool,
        now: DateTime<Utc>,
    ) -> Result<Outcome<Sprint>> {
        let (before, after) = self.write(|s| {
            let before = s.sprint(sprint_id)?;
            let points = check_close(&before, completed, today(s, before.team_id, now)?, correct)?;
            Ok((before, s.set_completed(sprint_id, Some(points))?))
        })?;
        Ok(Outcome::new(
            after.clone(),
            Changes::edited(Record::Sprint(before), Record::Sprint(after)),
        ))
    }

    /// Reopens a closed sprint (its points are cleared; it no longer counts as history).
    pub fn reopen_sprint(&mut self, sprint_id: Id) -> Result<Outcome<Sprint>> {
        let (before, after) = self.write(|s| {
            let before = s.sprint(sprint_id)?;
            check_reopen(&before)?;
            Ok((before, s.set_completed(sprint_id, None)?))
        })?;
        Ok(Outcome::new(
            after.clone(),
            Changes::edited(Record::Sprint(before), Record::Sprint(after)),
        ))
    }

    /// Replaces a sprint's name, days, goal and commitment (no overlap with the team's others).
    pub fn edit_sprint(&mut self, sprint_id: Id, new: NewSprint) -> Result<Outcome<Sprint>> {
        let spec = new.validate()?;
        let (before, after) = self.write(|s| Ok((s.sprint(sprint_id)?, s.update_sprint(sprint_id, &spec)?)))?;
        Ok(Outcome::new(
            after.clone(),
            Changes::edited(Record::Sprint(before), Record::Sprint(after)),
        ))
    }

    /// Removes a sprint that is not closed history.
    pub fn remove_sprint(&mut self, sprint_id: Id) -> Result<Outcome<()>> {
        let before = self.write(|s| {
            check_remove_sprint(&s.sprint(sprint_id)?)?;
            s.delete_sprint(sprint_id)
        })?;
        Ok(Outcome::new((), Changes::removed(Record::Sprint(before))))
    }

    /// Replaces every field of member `id`; when their active days or duty change, the team's
    /// future unlocked turns are re-planned (from today) and the change lists them.
    pub fn edit_member(&mut self, id: Id, new: NewMember, now: DateTime<Utc>) -> Result<Outcome<Member>> {
        let spec = new.validate()?;
        self.write(|s| {
            let before = s.member(id)?;
            let after = s.save_member(id, &spec)?;
            let mut changes = Changes::edited(Record::Member(before.clone()), Record::Member(after.clone()));
            let moves = before.spec.active_from != after.spec.active_from
                || before.spec.active_until != after.spec.active_until
                || before.spec.can_take_duty != after.spec.can_take_duty;
            if moves {
                changes.turns = replan_from(s, after.team_id, today(s, after.team_id, now)?, now)?;
            }
            Ok(Outcome::new(after, changes))
        })
    }

    /// Gives a member a last day: their past turns, interrupts and fairness stay; their future
    /// unlocked turns (after the last day) go to others; their future locked turns stay and show
    /// as conflicts to resolve.
    pub fn retire_member(&mut self, id: Id, last_day: NaiveDate, now: DateTime<Utc>) -> Result<Outcome<Member>> {
        self.write(|s| {
            let before = s.member(id)?;
            let after = s.save_member(id, &retire(&before, last_day)?)?;
            let from = (last_day + Duration::days(1)).max(today(s, after.team_id, now)?);
            let mut changes = Changes::edited(Record::Member(before), Record::Member(after.clone()));
            changes.turns = replan_from(s, after.team_id, from, now)?;
            Ok(Outcome::new(after, changes))
        })
    }

    /// Removes a member nothing refers to (someone added by mistake); one with history is
    /// refused with the advice to retire them.
    pub fn remove_member(&mut self, id: Id) -> Result<Outcome<()>> {
        let before = self.write(|s| {
            let member = s.member(id)?;
            check_remove_member(&member, s.member_history(id)?)?;
            if let Some(p) = s
                .policies(member.team_id)?
                .into_iter()
                .find(|p| p.spec.standing.is_some_and(|c| c.member_id == id))
            {
                return Err(Invalid::new(
                    "member",
                    format!(
                        "{} is the standing cover of {}; change that policy first",
                        member.spec.name, p.spec.name
                    ),
                )
                .into());
            }
            s.delete_member(id)
        })?;
        Ok(Outcome::new((), Changes::removed(Record::Member(before))))
    }

    /// Replaces a stretch of time off; the team's future unlocked turns are re-planned around the
    /// new days.
    pub fn edit_time_off(&mut self, id: Id, new: NewTimeOff, now: DateTime<Utc>) -> Result<Outcome<TimeOff>> {
        let spec = new.validate()?;
        self.write(|s| {
            let before = s.time_off_entry(id)?;
            let after = s.replace_time_off(id, &spec)?;
            let team_id = s.member(after.spec.member_id)?.team_id;
            let mut changes = Changes::edited(Record::TimeOff(before), Record::TimeOff(after.clone()));
            changes.turns = replan_from(s, team_id, today(s, team_id, now)?, now)?;
            Ok(Outcome::new(after, changes))
        })
    }

    /// Replaces a team holiday's day and name; when the day moves, the team's unlocked turns
    /// from the earlier of the two days (or today) are re-planned around it.
    pub fn edit_holiday(&mut self, id: Id, new: NewHoliday, now: DateTime<Utc>) -> Result<Outcome<Holiday>> {
        let (date, name) = new.validate()?;
        self.write(|s| {
            let before = s.holiday(id)?;
            let after = s.replace_holiday(id, date, &name)?;
            let mut changes = Changes::edited(Record::Holiday(before.clone()), Record::Holiday(after.clone()));
            if before.date != after.date {
                let from = before.date.min(after.date).max(today(s, after.team_id, now)?);
                changes.turns = replan_from(s, after.team_id, from, now)?;
            }
            Ok(Outcome::new(after, changes))
        })
    }

    /// Replaces a freeze window's name and days (validated as a new one).
    pub fn edit_freeze(&mut self, id: Id, window: FreezeWindow) -> Result<Outcome<StoredFreeze>> {
        let (before, after) = self.write(|s| {
            let before = s
                .freezes(None)?
                .into_iter()
                .find(|f| f.id == id)
                .ok_or_else(|| AppError::not_found(format!("there is no freeze window with id {id}")))?;
            Ok((before, s.replace_freeze(id, &window)?))
        })?;
        Ok(Outcome::new(
            after.clone(),
            Changes::edited(Record::Freeze(before), Record::Freeze(after)),
        ))
    }

    /// Replaces an interrupt's fields.
    pub fn edit_interrupt(&mut self, id: Id, new: NewInterrupt, now: DateTime<Utc>) -> Result<Outcome<Interrupt>> {
        let (before, after) = self.write(|s| {
            let before = s.interrupt(id)?;
            let zone = s.team(before.team_id)?.spec.zone;
            let spec = new.validate(zone, now)?;
            Ok((before, s.update_interrupt(id, &spec)?))
        })?;
        Ok(Outcome::new(
            after.clone(),
            Changes::edited(Record::Interrupt(before), Record::Interrupt(after)),
        ))
    }

    /// Removes an interrupt (logged twice, or by mistake).
    pub fn remove_interrupt(&mut self, id: Id) -> Result<Outcome<()>> {
        let before = self.write(|s| s.delete_interrupt(id))?;
        Ok(Outcome::new((), Changes::removed(Record::Interrupt(before))))
    }

    /// The interrupt with `id`.
    pub fn interrupt(&self, id: Id) -> Result<Interrupt> {
        self.read(|s| s.interrupt(id))
    }

    /// Unlocks the turn of `policy_id` covering `at` (an override or swap) and gives it back to
    /// the plan: the turn's days are planned again, as auto-plan would.
    pub fn unlock_turn(
        &mut self,
        team_id: Id,
        policy_id: Id,
        at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<Outcome<Vec<Turn>>> {
        self.write(|s| {
            let zone = s.team(team_id)?.spec.zone;
            let turns: Vec<Turn> = s
                .all_turns(team_id)?
                .into_iter()
                .filter(|t| t.policy_id == policy_id)
                .collect();
            let turn = find_turn(&turns, policy_id, at)
                .map(|i| turns[i].clone())
                .ok_or_else(|| Invalid::new("at", format!("no turn of this policy covers {at}")))?;
            if !turn.locked {
                return Err(AppError::conflict("at", "that turn follows the plan already; nothing to unlock").into());
            }
            let free = Turn {
                locked: false,
                source: TurnSource::Generated,
                ..turn.clone()
            };
            s.update_turns(std::slice::from_ref(&free))?;
            let days = DateSpan {
                first: turn.start.with_timezone(&zone).date_naive(),
                last: (turn.end - Duration::seconds(1)).with_timezone(&zone).date_naive(),
            };
            let mut changes = plan_and_save(s, team_id, days, now)?.changes;
            // The unlock itself is part of the change, so undo puts the locked turn back.
            if !changes.turns.before.iter().any(|t| t.id == turn.id) {
                changes.turns.before.push(turn.clone());
                let stored = s.all_turns(team_id)?.into_iter().find(|t| t.id == turn.id);
                changes.turns.after.extend(stored);
            } else if let Some(b) = changes.turns.before.iter_mut().find(|t| t.id == turn.id) {
                *b = turn.clone();
            }
            let after = changes.turns.after.clone();
            Ok(Outcome::new(after, changes))
        })
    }
}

/// What saving a team or policy change would do to future turns, found by making the change and
/// rolling it back.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct EditEffect {
    /// Future turns that get another person (or disappear).
    pub moved: usize,
    /// Future turns that are new (a day that was a holiday gets its own turn).
    pub added: usize,
    /// Future locked turns kept as they are.
    pub kept_locked: usize,
    /// The people whose duties change, by name.
    pub affected: Vec<String>,
    /// One sentence, e.g. "Saving re-plans 9 future turns (Ana, Ben); 2 locked turns are kept"
    /// (the turns counted are `moved` plus `added`).
    pub sentence: String,
}

/// What `changes` did to the team's future turns, in one sentence that starts with `lead`
/// ("Saving", "Removing it").
pub(crate) fn effect(
    s: &Store,
    team_id: Id,
    changes: &Changes,
    now: DateTime<Utc>,
    lead: &str,
) -> sprintshield_store::Result<EditEffect> {
    // Counted as the user sees them move (who holds each duty afterwards), so a turn the
    // planner rewrote under a new id for someone else is one move, and the number equals the
    // lines `describe_turn_moves` gives for the same change.
    let moves = read_moves(s, team_id, &changes.turns)?;
    let kept_locked = s
        .all_turns(team_id)?
        .iter()
        .filter(|t| t.locked && t.start >= now)
        .count();
    let mut affected = moves.affected;
    if affected.is_empty() {
        // Only hours changed: the people whose turns they are.
        let members = s.members(team_id)?;
        affected = members
            .iter()
            .filter(|m| changes.turns.before.iter().any(|t| t.member_id == m.id))
            .map(|m| m.spec.name.clone())
            .collect();
        affected.sort();
    }
    let (moved, added) = (moves.moved.len(), moves.added.len());
    let turns = |n: usize| format!("{n} future turn{}", if n == 1 { "" } else { "s" });
    // Turns given to someone else or gone, and new ones (a freed day gets its own turn).
    let replanned = moved + added;
    let sentence = if replanned > 0 {
        format!("{lead} re-plans {} ({})", turns(replanned), affected.join(", "))
    } else if !changes.turns.is_empty() {
        format!(
            "{lead} changes the hours of {} ({})",
            turns(changes.turns.before.len()),
            affected.join(", ")
        )
    } else {
        format!("{lead} moves no future turn")
    } + &match kept_locked {
        0 => String::new(),
        1 => "; 1 locked turn is kept".to_owned(),
        k => format!("; {k} locked turns are kept"),
    };
    Ok(EditEffect {
        moved,
        added,
        kept_locked,
        affected,
        sentence,
    })
}

/// Edits a team inside the caller's transaction and re-plans its future when the zone or the
/// working days changed.
fn edit_team_in(
    s: &mut Store,
    id: Id,
    spec: &TeamSpec,
    now: DateTime<Utc>,
) -> sprintshield_store::Result<Outcome<Team>> {
    let before = s.team(id)?;
    let after = s.update_team(id, spec)?;
    let mut changes = Changes::edited(Record::Team(before.clone()), Record::Team(after.clone()));
    if before.spec.zone != after.spec.zone || before.spec.working_days != after.spec.working_days {
        changes.turns = replan_from(s, id, today(s, id, now)?, now)?;
    }
    Ok(Outcome::new(after, changes))
}

/// Edits a policy inside the caller's transaction and re-plans the team's future.
fn edit_policy_in(
    s: &mut Store,
    id: Id,
    spec: &PolicySpec,
    now: DateTime<Utc>,
) -> sprintshield_store::Result<Outcome<DutyPolicy>> {
    let before = s.policy(id)?;
    let after = s.update_policy(id, spec)?;
    let mut changes = Changes::edited(Record::Policy(before), Record::Policy(after.clone()));
    changes.turns = replan_from(s, after.team_id, today(s, after.team_id, now)?, now)?;
    Ok(Outcome::new(after, changes))
}

impl Sprintshield {
    /// Changes a team's name, kind, zone, working days or sprint length; a new zone or new
    /// working days re-plan its unlocked future turns (the change lists them).
    pub fn edit_team(&mut self, id: Id, new: NewTeam, now: DateTime<Utc>) -> Result<Outcome<Team>> {
        let spec = new.validate()?;
        self.write(|s| edit_team_in(s, id, &spec, now))
    }

    /// What [`Sprintshield::edit_team`] would do to future turns; nothing is written.
    pub fn preview_team_edit(&mut self, id: Id, new: NewTeam, now: DateTime<Utc>) -> Result<EditEffect> {
        let spec = new.validate()?;
        self.dry_run(|s| {
            let done = edit_team_in(s, id, &spec, now)?;
            effect(s, id, &done.changes, now, "Saving")
        })
    }

    /// Changes a duty policy (pool, handoff, focus share, checklist, escalation, gap, stand-in)
    /// and re-plans the team's unlocked future turns; locked turns stay.
    pub fn edit_policy(&mut self, id: Id, new: NewPolicy, now: DateTime<Utc>) -> Result<Outcome<DutyPolicy>> {
        let spec = new.validate()?;
        self.write(|s| edit_policy_in(s, id, &spec, now))
    }

    /// What [`Sprintshield::edit_policy`] would do to future turns, e.g. "Saving re-plans 9
    /// future turns (Ana, Omar); 2 locked turns are kept"; nothing is written.
    pub fn preview_policy_edit(&mut self, id: Id, new: NewPolicy, now: DateTime<Utc>) -> Result<EditEffect> {
        let spec = new.validate()?;
        self.dry_run(|s| {
            let done = edit_policy_in(s, id, &spec, now)?;
            effect(s, done.value.team_id, &done.changes, now, "Saving")
        })
    }
}
