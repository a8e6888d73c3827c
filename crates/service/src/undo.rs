//! Undo of any operation from its [`Changes`]: every record goes back to how it was (edited ones
//! rewritten, created ones removed, removed ones stored again under their ids) and the turns are
//! replaced by the ones before — in one transaction, and only while everything it touched is
//! still as the operation left it; otherwise nothing is undone and the error says so. The
//! outcome's changes are the reverse, so redo is the undo of an undo.
//!
//! Order: records that come back (rewritten or stored again) first, newest change first, so a
//! removed team is back before its members and a member before their time off; then the turns,
//! which name policies and members; then the records the operation created are removed, after
//! the turns that named them. References are checked when everything is back, so two policies
//! that escalate to each other come back in any order.
use std::collections::HashSet;

use chrono::SubsecRound;
use sprintshield_core::rotation::{same_duty, Turn, TurnChanges};
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

/// A handoff note is only ever edited (its turn stays); no operation creates or removes one.
fn note_is_only_edited() -> sprintshield_store::StoreError {
    AppError::conflict(
        "changes",
        "a handoff note can only be changed back, not added or removed",
    )
    .into()
}

/// A record that cannot come back because another one took its place (a new team with its
/// name): the store's sentence, and that nothing was undone.
fn in_the_way(e: sprintshield_store::StoreError) -> sprintshield_store::StoreError {
    match e {
        sprintshield_store::StoreError::App(mut a) if a.kind == sprintshield_core::ErrorKind::Conflict => {
            a.message = format!("{}; nothing was undone — rename or remove that one first", a.message);
            a.into()
        }
        other => other,
    }
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
        Record::CalendarTarget(x) => return Ok(s.calendar_target(x.team_id)?.map(Record::CalendarTarget)),
        Record::ChatTarget(x) => return Ok(s.get_chat_target(x.team_id)?.map(Record::ChatTarget)),
        Record::Published { team_id, resource } => {
            return Ok(s
                .published_resources(*team_id)?
                .into_iter()
                .find(|p| p.collection == resource.collection && p.uid == resource.uid)
                .map(|p| Record::Published {
                    team_id: *team_id,
                    resource: p.into(),
                }));
        }
        Record::ChatLine { team_id, id, .. } => {
            return Ok(s
                .chat_lines(*team_id)?
                .into_iter()
                .find(|l| l.id == *id)
                .map(|l| Record::ChatLine {
                    team_id: *team_id,
                    id: l.id,
                    line: l.line,
                    published_at: l.published_at,
                }));
        }
        Record::HandoffNote { turn_id, .. } => s.turn_note(*turn_id).map(|note| Record::HandoffNote {
            turn_id: *turn_id,
            note,
        }),
        Record::ImportMapping { team_id, source, .. } => {
            return Ok(s
                .import_mapping(*team_id, *source)?
                .map(|mapping| Record::ImportMapping {
                    team_id: *team_id,
                    source: *source,
                    mapping,
                }));
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
        Record::HandoffNote { turn_id, note } => s.set_turn_note(*turn_id, note),
        Record::CalendarTarget(_) | Record::ChatTarget(_) | Record::Published { .. } | Record::ImportMapping { .. } => {
            put_back(s, before)
        }
        Record::ChatLine { id, .. } => {
            s.delete_chat_line(*id)?;
            put_back(s, before)
        }
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
        Record::CalendarTarget(t) => s.delete_calendar_target(t.team_id),
        Record::ChatTarget(t) => s.delete_chat_target(t.team_id),
        Record::Published { team_id, resource } => s.forget_published(*team_id, &resource.collection, &resource.uid),
        Record::ImportMapping { team_id, source, .. } => s.delete_import_mapping(*team_id, *source),
        Record::ChatLine { id, .. } => s.delete_chat_line(*id),
        Record::HandoffNote { .. } => Err(note_is_only_edited()),
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
        Record::Team(t) => s.restore_team(t),
        Record::Policy(p) => s.restore_policy(p),
        Record::ReleaseTrain(t) => s.restore_release_train(t),
        Record::Freeze(f) => s.restore_freeze(f),
        Record::CalendarTarget(t) => s.restore_calendar_target(t),
        Record::ChatTarget(t) => s.restore_chat_target(t),
        Record::Published { team_id, resource } => s.record_published(*team_id, &resource.clone().into()),
        Record::ImportMapping {
            team_id,
            source,
            mapping,
        } => s.save_import_mapping(*team_id, *source, mapping),
        Record::ChatLine {
            team_id,
            id,
            line,
            published_at,
        } => s.restore_chat_line(
            *team_id,
            &sprintshield_store::ChatLine {
                id: *id,
                line: line.clone(),
                published_at: *published_at,
            },
        ),
        Record::HandoffNote { .. } => Err(note_is_only_edited()),
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
        Record::CalendarTarget(_) => "the team's calendar for publishing",
        Record::ChatTarget(_) => "the team's chat for publishing",
        Record::Published { .. } => "an event published to the team's calendar",
        Record::ImportMapping { .. } => "the team's import columns",
        Record::ChatLine { .. } => "a line waiting for the team's chat",
        Record::HandoffNote { .. } => "the handoff note",
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

/// `t` with its start and end cut to whole seconds, as the store writes them.
fn as_stored(t: &Turn) -> Turn {
    Turn {
        start: t.start.trunc_subsecs(0),
        end: t.end.trunc_subsecs(0),
        ..t.clone()
    }
}

fn undo_in(s: &mut Store, changes: &Changes) -> sprintshield_store::Result<Changes> {
    let puts_back = changes.records.iter().any(|c| c.before.is_some() && c.after.is_none());
    if puts_back {
        s.defer_references()?;
    }
    // Records that come back, newest change first (the module doc says why).
    for c in changes.records.iter().rev() {
        match (&c.before, &c.after) {
            (Some(before), Some(after)) => {
                if current(s, after)?.as_ref() != Some(after) {
                    return Err(changed_since(what(after)));
                }
                rewrite(s, before)?;
            }
            (Some(before), None) => {
                if current(s, before)?.is_some() {
                    return Err(changed_since(what(before)));
                }
                put_back(s, before).map_err(in_the_way)?;
            }
            _ => {}
        }
    }
    // Turns as the store holds them: instants in whole seconds. A re-plan from `now` cuts the
    // running turn at a finer instant than it stores, and the stored turn is still that turn.
    let turns = TurnChanges {
        before: changes.turns.before.iter().map(as_stored).collect(),
        after: changes.turns.after.iter().map(as_stored).collect(),
    };
    if !turns.is_empty() {
        let mut stored = Vec::new();
        for team in turn_teams(s, &turns)? {
            stored.extend(s.all_turns(team)?);
        }
        if turns.after.iter().any(|t| !stored.iter().any(|x| same_duty(x, t))) {
            return Err(changed_since("the rotation"));
        }
        // A turn coming back under its id finds the id free (no later turn took it).
        let staying: HashSet<Id> = turns.after.iter().filter_map(|t| t.id).collect();
        let returning: Vec<Id> = turns
            .before
            .iter()
            .filter_map(|t| t.id)
            .filter(|id| !staying.contains(id))
            .collect();
        if !s.stored_turn_ids(&returning)?.is_empty() {
            return Err(changed_since("the rotation"));
        }
        s.replace_turns(&turns.after, &turns.before)?;
    }
    // Records the operation created go, after the turns that named them.
    for c in changes.records.iter().rev() {
        if let (None, Some(after)) = (&c.before, &c.after) {
            if current(s, after)?.as_ref() != Some(after) {
                return Err(changed_since(what(after)));
            }
            remove(s, after)?;
        }
    }
    if puts_back && !s.references_hold()? {
        return Err(changed_since("a record it refers to"));
    }
    Ok(Changes {
        turns: TurnChanges {
            before: turns.after,
            after: turns.before,
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
