//! Removing time off and holidays, with their consequences shown first. A removal re-plans the
//! team's unlocked turns from the removed record's first day (or today, when that is later): a
//! person back from a cancelled vacation can take duty again, a working day that was a holiday
//! gets its turns. The preview is the removal itself in a rolled-back transaction, so the people
//! it names are the ones whose turns saving moves.
use chrono::{DateTime, Utc};
use sprintshield_core::Id;
use sprintshield_store::Store;

use crate::corrections::{effect, replan_from, today};
use crate::{Changes, EditEffect, Outcome, Record, Result, Sprintshield};

/// Removes time off inside the caller's transaction and re-plans from its first day; returns
/// the team and what changed.
fn remove_time_off_in(s: &mut Store, id: Id, now: DateTime<Utc>) -> sprintshield_store::Result<(Id, Changes)> {
    let removed = s.delete_time_off(id)?;
    let team_id = s.member(removed.spec.member_id)?.team_id;
    let from = removed.spec.days.first.max(today(s, team_id, now)?);
    let mut changes = Changes::removed(Record::TimeOff(removed));
    changes.turns = replan_from(s, team_id, from, now)?.turns;
    Ok((team_id, changes))
}

/// Removes a holiday inside the caller's transaction and re-plans from its day.
fn remove_holiday_in(s: &mut Store, id: Id, now: DateTime<Utc>) -> sprintshield_store::Result<(Id, Changes)> {
    let removed = s.delete_holiday(id)?;
    let team_id = removed.team_id;
    let from = removed.date.max(today(s, team_id, now)?);
    let mut changes = Changes::removed(Record::Holiday(removed));
    changes.turns = replan_from(s, team_id, from, now)?.turns;
    Ok((team_id, changes))
}

impl Sprintshield {
    /// Deletes one stretch of time off; the member's days become free again, so the team's
    /// unlocked turns from its first day (or today) are re-planned (the change lists them).
    pub fn delete_time_off(&mut self, id: Id, now: DateTime<Utc>) -> Result<Outcome<()>> {
        let (_, changes) = self.write(|s| remove_time_off_in(s, id, now))?;
        Ok(Outcome::new((), changes))
    }

    /// What [`Sprintshield::delete_time_off`] would do to future turns, e.g. "Removing it
    /// re-plans 2 future turns (Ana, Ben)"; nothing is written.
    pub fn preview_delete_time_off(&mut self, id: Id, now: DateTime<Utc>) -> Result<EditEffect> {
        self.dry_run(|s| {
            let (team_id, changes) = remove_time_off_in(s, id, now)?;
            effect(s, team_id, &changes, now, "Removing it")
        })
    }

    /// Deletes a team holiday; the day becomes a working day, so the team's unlocked turns from
    /// it (or today) are re-planned (the change lists them).
    pub fn delete_holiday(&mut self, id: Id, now: DateTime<Utc>) -> Result<Outcome<()>> {
        let (_, changes) = self.write(|s| remove_holiday_in(s, id, now))?;
        Ok(Outcome::new((), changes))
    }

    /// What [`Sprintshield::delete_holiday`] would do to future turns; nothing is written.
    pub fn preview_delete_holiday(&mut self, id: Id, now: DateTime<Utc>) -> Result<EditEffect> {
        self.dry_run(|s| {
            let (team_id, changes) = remove_holiday_in(s, id, now)?;
            effect(s, team_id, &changes, now, "Removing it")
        })
    }
}
