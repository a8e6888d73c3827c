//! Undo of any operation from its [`Changes`]: every record goes back to how it was (edited ones
//! rewritten, created ones removed, removed ones stored again under their ids) and the turns are
//! replaced by the ones before — in one transaction, and only while everything it touched is
//! still as the operation left it; otherwise nothing is undone and the error says so. The
//! outcome's changes are the reverse, so redo is the undo of an undo.
use sprintshield_core::rotation::{same_duty, TurnChanges};
use sprintshield_core::{AppError, Id};
use sprintshield_store::Store;

use crate::{Changes, Outcome, Record, RecordChange, Result, Sprintshield};

fn changed_since(what: &str) -> sprintshield_store::StoreError {
    AppError::conflict(
        "changes",
        format!("{what} has changed since; nothing was undone — reload and look again"),
    )
    .into()
}

fn cannot(what: &str) -> sprintshield_store::StoreError {
    AppError::conflict(
        "changes",
        format!("{what} cannot be brought back by undo; add it again"),
    )
    .into()
}

/// The record as it is stored now (`None` when it is gone).
fn current(s: &Store, r: &Record) -> sprintshield_store::Result<Option<Record>> {
    let found = match r {
        Record::Team(x) => s.team(x.id).map(Record::Team),
        Record::Member(x) => s.member(x.id).map(Record::Member),
        Record::TimeOff(x) => s.time_off_entry(x.id).map(Record::TimeOff),
        Record::Holiday(x) => s.holiday(x.id).map(Record::Holiday),
        Record::Sprint(x) => s.sprint(x.id).map(Record::Sprint),
        Record::Interrupt(x) => s.interrupt(x.id).map(Record::Interrupt),
        Record::Policy(x) => s.policy(x.id).map(Record::Policy),
        Record::ReleaseTrain(x) => s.release_train(x.train.id).map(Record::ReleaseTrain),
        Record::ReleasePin { train_id, pin } => {
            let stored = s
                .release_pins(*train_id)?
                .into_iter()
                .find(|p| p.sprint_id == pin.sprint_id);
            return Ok(stored.map(|pin| Record::ReleasePin {
                train_id: *train_id,
                pin,
            }));
        }
        Record::Freeze(x) => {
            return Ok(s
                .freezes(Some(x.team_id))?
                .into_iter()
                .find(|f| f.id == x.id)
                .map(Record::Freeze));
        }
    };
    match found {
        Ok(r) => Ok(Some(r)),
        Err(sprintshield_store::StoreError::App(e)) if e.kind == sprintshield_core::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Writes `before` over the stored `after` (both the same record).
fn rewrite(s: &mut Store, before: &Record) -> sprintshield_store::Result<()> {
    match before {
        Record::Team(t) => s.update_team(t.id, &t.spec).map(drop),
        Record::Member(m) => s.save_member(m.id, &m.spec).map(drop),
        Record::TimeOff(t) => s.replace_time_off(t.id, &t.spec).map(drop),
        Record::Holiday(h) => s.replace_holiday(h.id, h.date, &h.name).map(drop),
        Record::Sprint(x) => {
            s.update_sprint(x.id, &x.spec)?;
            s.set_completed(x.id, x.completed_points).map(drop)
        }
        Record::Interrupt(i) => s.update_interrupt(i.id, &i.spec).map(drop),
        Record::Policy(p) => s.update_policy(p.id, &p.spec).map(drop),
        Record::ReleaseTrain(t) => s
            .update_release_train(
                t.train.id,
                Some(i64::from(t.train.spec.lag_weeks)),
                t.train.spec.routine.clone(),
            )
            .map(drop),
        Record::ReleasePin { train_id, pin } => s.pin_release(*train_id, pin.sprint_id, pin.production_day).map(drop),
        Record::Freeze(f) => s.replace_freeze(f.id, &f.window).map(drop),
    }
}

/// Removes a record an operation created.
fn remove(s: &mut Store, created: &Record) -> sprintshield_store::Result<()> {
    match created {
        Record::Team(t) => s.delete_team(t.id).map(drop),
        Record::Member(m) => s.delete_member(m.id).map(drop),
        Record::TimeOff(t) => s.delete_time_off(t.id).map(drop),
        Record::Holiday(h) => s.delete_holiday(h.id).map(drop),
        Record::Sprint(x) => s.delete_sprint(x.id).map(drop),
        Record::Interrupt(i) => s.delete_interrupt(i.id).map(drop),
        Record::Policy(p) => s.delete_policy(p.id).map(drop),
        Record::ReleaseTrain(t) => s.delete_release_train(t.train.id).map(drop),
        Record::ReleasePin { train_id, pin } => s.unpin_release(*train_id, pin.sprint_id),
        Record::Freeze(f) => s.delete_freeze(f.id).map(drop),
    }
}

/// Stores again a record an operation removed, under its id.
fn put_back(s: &mut Store, removed: &Record) -> sprintshield_store::Result<()> {
    match removed {
        Record::Member(m) => s.restore_member(m),
        Record::TimeOff(t) => s.restore_time_off(t),
        Record::Holiday(h) => s.restore_holiday(h),
        Record::Sprint(x) => s.restore_sprint(x),
        Record::Interrupt(i) => s.restore_interrupt(i),
        Record::ReleasePin { train_id, pin } => s.pin_release(*train_id, pin.sprint_id, pin.production_day).map(drop),
        Record::Team(_) => Err(cannot("a removed team")),
        Record::Policy(_) => Err(cannot("a removed duty policy")),
        Record::ReleaseTrain(_) => Err(cannot("a removed release train")),
        Record::Freeze(f) => s.restore_freeze(f),
    }
}

fn what(r: &Record) -> &'static str {
    match r {
        Record::Team(_) => "the team",
        Record::Member(_) => "the member",
        Record::TimeOff(_) => "the time off",
        Record::Holiday(_) => "the holiday",
        Record::Sprint(_) => "the sprint",
        Record::Interrupt(_) => "the interrupt",
        Record::Policy(_) => "the duty policy",
        Record::ReleaseTrain(_) => "the release train",
        Record::ReleasePin { .. } => "the release placement",
        Record::Freeze(_) => "the freeze window",
    }
}

/// The teams whose turns `turns` touches.
fn turn_teams(s: &Store, turns: &TurnChanges) -> sprintshield_store::Result<Vec<Id>> {
    let mut teams = Vec::new();
    for t in turns.before.iter().chain(&turns.after) {
        if let Ok(p) = s.policy(t.policy_id) {
            if !teams.contains(&p.team_id) {
                teams.push(p.team_id);
            }
        }
    }
    Ok(teams)
}

fn undo_in(s: &mut Store, changes: &Changes) -> sprintshield_store::Result<Changes> {
    // Records first (a member must be back before turns name them again), newest change first.
    for c in changes.records.iter().rev() {
        let stored = match (&c.before, &c.after) {
            (_, Some(after)) => current(s, after)?,
            (Some(before), None) => current(s, before)?,
            (None, None) => continue,
        };
        match (&c.before, &c.after) {
            (Some(before), Some(after)) => {
                if stored.as_ref() != Some(after) {
                    return Err(changed_since(what(after)));
                }
                rewrite(s, before)?;
            }
            (None, Some(after)) => {
                if stored.as_ref() != Some(after) {
                    return Err(changed_since(what(after)));
                }
                remove(s, after)?;
            }
            (Some(before), None) => {
                if stored.is_some() {
                    return Err(changed_since(what(before)));
                }
                put_back(s, before)?;
            }
            (None, None) => {}
        }
    }
    if !changes.turns.is_empty() {
        let mut stored = Vec::new();
        for team in turn_teams(s, &changes.turns)? {
            stored.extend(s.all_turns(team)?);
        }
        if changes
            .turns
            .after
            .iter()
            .any(|t| !stored.iter().any(|x| same_duty(x, t)))
        {
            return Err(changed_since("the rotation"));
        }
        s.replace_turns(&changes.turns.after, &changes.turns.before)?;
    }
    Ok(Changes {
        turns: TurnChanges {
            before: changes.turns.after.clone(),
            after: changes.turns.before.clone(),
        },
        records: changes
            .records
            .iter()
            .rev()
            .map(|c| RecordChange {
                before: c.after.clone(),
                after: c.before.clone(),
            })
            .collect(),
    })
}

impl Sprintshield {
    /// Undoes an operation from what it changed (see the module doc); the outcome's changes undo
    /// the undo (redo).
    pub fn undo(&mut self, changes: &Changes) -> Result<Outcome<()>> {
        let reverse = self.write(|s| undo_in(s, changes))?;
        Ok(Outcome::new((), reverse))
    }
}
