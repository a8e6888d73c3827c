//! Removals. Time off and holidays, with their consequences shown first: a removal re-plans the
//! team's unlocked turns from the removed record's first day (or today, when that is later): a
//! person back from a cancelled vacation can take duty again, a working day that was a holiday
//! gets its turns. The preview is the removal itself in a rolled-back transaction, so the people
//! it names are the ones whose turns saving moves.
//!
//! Teams, duty policies and release trains, with everything that goes with them: the change
//! lists every record the removal takes (a team's members, their time off, holidays, sprints,
//! policies and their turns, trains and their hand placements, freeze windows, publish and chat
//! targets, what was published, chat lines not yet posted, import columns) and every policy elsewhere that stops escalating
//! to a removed one, so undo puts all of it back under the same ids. What history depends on is
//! still refused (a team with history, a policy with past turns): retire or keep it instead.
use chrono::{DateTime, Utc};
use sprintshield_core::lifecycle::check_remove_policy;
use sprintshield_core::rotation::{DutyPolicy, Turn};
use sprintshield_core::{Id, Invalid};
use sprintshield_store::Store;

use crate::corrections::{effect, replan_from, today};
use crate::{Changes, EditEffect, Outcome, Record, RecordChange, Result, Sprintshield};

/// Removes time off inside the caller's transaction and re-plans from its first day; returns
/// the team and what changed.
fn remove_time_off_in(s: &mut Store, id: Id, now: DateTime<Utc>) -> sprintshield_store::Result<(Id, Changes)> {
    let removed = s.delete_time_off(id)?;
    let team_id = s.member(removed.spec.member_id)?.team_id;
    let from = removed.spec.days.first.max(today(s, team_id, now)?);
    let mut changes = Changes::removed(Record::TimeOff(removed));
    changes.turns = replan_from(s, team_id, from, now)?;
    Ok((team_id, changes))
}

/// Removes a holiday inside the caller's transaction and re-plans from its day.
fn remove_holiday_in(s: &mut Store, id: Id, now: DateTime<Utc>) -> sprintshield_store::Result<(Id, Changes)> {
    let removed = s.delete_holiday(id)?;
    let team_id = removed.team_id;
    let from = removed.date.max(today(s, team_id, now)?);
    let mut changes = Changes::removed(Record::Holiday(removed));
    changes.turns = replan_from(s, team_id, from, now)?;
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

/// The policies outside `leaving_team` that escalate to one of `policies`; removing those
/// clears their escalation (the schema's ON DELETE SET NULL).
fn escalating_to(s: &Store, policies: &[Id], leaving_team: Option<Id>) -> sprintshield_store::Result<Vec<DutyPolicy>> {
    let mut found = Vec::new();
    for team in s.teams()? {
        if Some(team.id) == leaving_team {
            continue;
        }
        for p in s.policies(team.id)? {
            if p.spec.escalates_to.is_some_and(|t| policies.contains(&t)) {
                found.push(p);
            }
        }
    }
    Ok(found)
}

/// The changes of `escalating` policies after the removal: each as it was and as it is now.
fn cleared(s: &Store, before: Vec<DutyPolicy>) -> sprintshield_store::Result<Vec<RecordChange>> {
    before
        .into_iter()
        .map(|b| {
            let after = Record::Policy(s.policy(b.id)?);
            Ok(RecordChange {
                before: Some(Record::Policy(b)),
                after: Some(after),
            })
        })
        .collect()
}

/// A train and its hand placements, placements first.
fn train_records(s: &Store, id: Id) -> sprintshield_store::Result<Vec<Record>> {
    let train = s.release_train(id)?;
    let mut records: Vec<Record> = s
        .release_pins(id)?
        .into_iter()
        .map(|pin| Record::ReleasePin { train_id: id, pin })
        .collect();
    records.push(Record::ReleaseTrain(train));
    Ok(records)
}

/// `removed` (children first) after `edits`, as one change: undo walks it backwards, so the
/// removed records come back parents first and the edits are undone once they are back.
fn removal(edits: Vec<RecordChange>, removed: Vec<Record>, turns: Vec<Turn>) -> Changes {
    let mut changes = Changes::removed_all(removed);
    changes.records.splice(0..0, edits);
    changes.turns.before = turns;
    changes
}

/// Removes policy `id` inside the caller's transaction (refused when it has past turns).
fn remove_policy_in(s: &mut Store, id: Id, now: DateTime<Utc>) -> sprintshield_store::Result<Changes> {
    let policy = s.policy(id)?;
    let turns: Vec<Turn> = s
        .all_turns(policy.team_id)?
        .into_iter()
        .filter(|t| t.policy_id == id)
        .collect();
    check_remove_policy(&policy.spec.name, turns.iter().filter(|t| t.start < now).count())?;
    let escalating = escalating_to(s, &[id], None)?;
    s.delete_policy(id)?;
    let edits = cleared(s, escalating)?;
    Ok(removal(edits, vec![Record::Policy(policy)], turns))
}

/// Removes team `id` inside the caller's transaction (refused when it has history).
fn remove_team_in(s: &mut Store, id: Id, now: DateTime<Utc>) -> sprintshield_store::Result<Changes> {
    let team = s.team(id)?;
    let (sprints, interrupts, past_turns) = s.team_history(id, now)?;
    if sprints + interrupts + past_turns > 0 {
        return Err(Invalid::new(
            "team",
            format!(
                "{} has history ({sprints} closed sprints, {interrupts} interrupts, {past_turns} past turns) that forecasts and fairness use; it is kept",
                team.spec.name
            ),
        )
        .into());
    }
    let policies = s.policies(id)?;
    let policy_ids: Vec<Id> = policies.iter().map(|p| p.id).collect();
    let escalating = escalating_to(s, &policy_ids, Some(id))?;
    let sprints = s.sprints(id)?;
    let mut removed = Vec::new();
    for train in s.release_trains()? {
        let spec = &train.train.spec;
        if spec.dev_team_id == id || spec.ops_team_id == id {
            removed.extend(train_records(s, train.train.id)?);
        } else {
            // A placement of one of the team's sprints on a train it is not on (none expected).
            removed.extend(
                s.release_pins(train.train.id)?
                    .into_iter()
                    .filter(|p| sprints.iter().any(|x| x.id == p.sprint_id))
                    .map(|pin| Record::ReleasePin {
                        train_id: train.train.id,
                        pin,
                    }),
            );
        }
    }
    removed.extend(s.freezes(Some(id))?.into_iter().map(Record::Freeze));
    removed.extend(s.published_resources(id)?.into_iter().map(|p| Record::Published {
        team_id: id,
        resource: p.into(),
    }));
    removed.extend(
        s.import_mappings(id)?
            .into_iter()
            .map(|(source, mapping)| Record::ImportMapping {
                team_id: id,
                source,
                mapping,
            }),
    );
    removed.extend(s.chat_lines(id)?.into_iter().map(|l| Record::ChatLine {
        team_id: id,
        id: l.id,
        line: l.line,
        published_at: l.published_at,
    }));
    removed.extend(s.get_chat_target(id)?.map(Record::ChatTarget));
    removed.extend(s.calendar_target(id)?.map(Record::CalendarTarget));
    let turns = s.all_turns(id)?;
    removed.extend(policies.into_iter().map(Record::Policy));
    removed.extend(sprints.into_iter().map(Record::Sprint));
    removed.extend(s.holidays(id)?.into_iter().map(Record::Holiday));
    removed.extend(s.time_off(id)?.into_iter().map(Record::TimeOff));
    removed.extend(s.members(id)?.into_iter().map(Record::Member));
    removed.push(Record::Team(team));
    s.delete_team(id)?;
    let edits = cleared(s, escalating)?;
    Ok(removal(edits, removed, turns))
}

impl Sprintshield {
    /// Removes a duty policy with no past turns; its future turns go with it, and policies that
    /// escalated to it no longer do. The change lists all of it, so undo brings it back.
    pub fn remove_policy(&mut self, id: Id, now: DateTime<Utc>) -> Result<Outcome<()>> {
        let changes = self.write(|s| remove_policy_in(s, id, now))?;
        Ok(Outcome::new((), changes))
    }

    /// Removes a release train with its hand placements (sprints and freezes stay); undo brings
    /// both back.
    pub fn remove_release_train(&mut self, id: Id) -> Result<Outcome<()>> {
        let changes = self.write(|s| {
            let removed = train_records(s, id)?;
            s.delete_release_train(id)?;
            Ok(Changes::removed_all(removed))
        })?;
        Ok(Outcome::new((), changes))
    }

    /// Removes a team with no history (no closed sprint, interrupt or past turn) with everything
    /// that belongs to it; a team with history is refused. The change lists every record that
    /// went, so undo brings the team back whole.
    pub fn remove_team(&mut self, id: Id, now: DateTime<Utc>) -> Result<Outcome<()>> {
        let changes = self.write(|s| remove_team_in(s, id, now))?;
        Ok(Outcome::new((), changes))
    }
}
