//! Rotation operations: duty policies, auto-plan (preview and apply), the planner's view, edits
//! (override, swap, shadow) with their preview, undo/redo, and handoff notes.
//!
//! Each operation loads the team's rotation context and turns once; writes do that load inside
//! their write transaction, so what they write back is decided on what is stored at that moment.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sprintshield_core::forecast::capacity_change;
use sprintshield_core::rotation::{
    self, check_edit, diff_turns, find_turn, preview_edit, rotation_view, same_duty, validate_note, DutyPolicy, Edit,
    EditPreview, NewPolicy, Plan, PlanInput, RotationContext, RotationView, Turn, TurnChanges,
};
use sprintshield_core::time::DateSpan;
use sprintshield_core::{AppError, Id, Invalid};
use sprintshield_store::Store;
use ts_rs::TS;

use crate::loaded::Loaded;
use crate::{Changes, Outcome, Record, Result, Sprintshield};

/// A rotation write as made: what changed and the planner's view after it, in one round trip.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EditResult {
    /// What the write changed (the turns before and after; undo replays it backwards).
    pub changes: Changes,
    /// The planner's view after the write.
    pub view: RotationView,
}

/// An edit of the turn that covers a moment, as the CLI names it: the turn is looked up inside
/// the edit's own transaction, so it is the turn stored at that moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditAt {
    /// Put this member on the turn.
    Override {
        /// The member.
        member_id: Id,
    },
    /// Exchange the members of the turn and the turn of the same policy covering `with`.
    Swap {
        /// A moment inside the other turn.
        with: DateTime<Utc>,
    },
    /// Pair a trainee with the turn, or remove the shadow with `None`.
    Shadow {
        /// The trainee.
        member_id: Option<Id>,
    },
}

/// The rotation context of a team with every stored turn of its policies (and of the policies
/// they escalate to), the release days of the trains it is part of filled in.
pub(crate) fn load(s: &Store, team_id: Id) -> sprintshield_store::Result<(RotationContext, Vec<Turn>)> {
    let mut ctx = s.rotation_context(team_id)?;
    ctx.release_days = crate::releases::production_days(s, &teams_of(&ctx))?;
    let turns = load_turns(s, &ctx)?;
    Ok((ctx, turns))
}

/// The teams whose policies are in the context.
fn teams_of(ctx: &RotationContext) -> Vec<Id> {
    let mut teams: Vec<Id> = ctx.policies.iter().map(|p| p.team_id).collect();
    teams.sort_unstable();
    teams.dedup();
    teams
}

/// Every stored turn of the context's policies, by policy then start.
fn load_turns(s: &Store, ctx: &RotationContext) -> sprintshield_store::Result<Vec<Turn>> {
    let mut turns = Vec::new();
    for t in teams_of(ctx) {
        turns.extend(s.all_turns(t)?);
    }
    turns.retain(|t| ctx.policies.iter().any(|p| p.id == t.policy_id));
    turns.sort_by_key(|t| (t.policy_id, t.start));
    Ok(turns)
}

fn no_policy() -> AppError {
    AppError::not_found("the team has no duty policy yet; add one first (Batman, Op of the Week, …)")
}

impl Sprintshield {
    /// The team's duty policies, in creation order.
    pub fn policies(&self, team_id: Id) -> Result<Vec<DutyPolicy>> {
        self.read(|s| s.policies(team_id))
    }

    /// The policy with `id`.
    pub fn policy(&self, id: Id) -> Result<DutyPolicy> {
        self.read(|s| s.policy(id))
    }

    /// The team's policy called `name` (case-insensitive).
    pub fn policy_by_name(&self, team_id: Id, name: &str) -> Result<DutyPolicy> {
        self.read(|s| s.policy_by_name(team_id, name))
    }

    /// A policy named the way a person types it: the team's own policy called exactly `text`
    /// (so "24/7 pager" works), else "Team/Policy" for another team's policy.
    pub fn find_policy(&self, team_id: Id, text: &str) -> Result<DutyPolicy> {
        self.read(|s| match s.policy_by_name(team_id, text) {
            Ok(p) => Ok(p),
            Err(own) => match text.split_once('/') {
                Some((team, policy)) => match s.team_by_name(team) {
                    Ok(other) => s.policy_by_name(other.id, policy),
                    Err(_) => Err(own),
                },
                None => Err(own),
            },
        })
    }

    /// Validates and stores a duty policy.
    pub fn add_policy(&mut self, team_id: Id, new: NewPolicy) -> Result<Outcome<DutyPolicy>> {
        let policy = self.write(|s| s.add_policy(team_id, new))?;
        Ok(Outcome::new(policy.clone(), Changes::created(Record::Policy(policy))))
    }

    /// Every stored turn of the team's policies that overlaps `[from, to)`.
    pub fn turns(&self, team_id: Id, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<Turn>> {
        self.read(|s| s.turns(team_id, from, to))
    }

    /// Everything the planner and checker know about the team, with every turn of its policies.
    pub fn rotation(&self, team_id: Id) -> Result<(RotationContext, Vec<Turn>)> {
        self.read(|s| load(s, team_id))
    }

    /// Plans the unlocked future turns of every policy of the team (and the policies they escalate
    /// to, planned as pairs) over `horizon`, keeping locked turns and history, and stores the
    /// result — all inside one write transaction, so an override made a moment earlier by another
    /// process is seen (and kept, being locked), never written over.
    pub fn plan_rotation(&mut self, team_id: Id, horizon: DateSpan, now: DateTime<Utc>) -> Result<Outcome<Plan>> {
        self.write(|s| plan_and_save(s, team_id, horizon, now))
    }

    /// What auto-plan would do over `horizon`, without writing anything.
    pub fn preview_plan(&self, team_id: Id, horizon: DateSpan, now: DateTime<Utc>) -> Result<Plan> {
        self.read(|s| Ok(planned(s, team_id, horizon, now)?.0))
    }

    /// The planner's view of `range` for the team.
    pub fn rotation_view(&self, team_id: Id, range: DateSpan, now: DateTime<Utc>) -> Result<RotationView> {
        self.read_loaded(team_id, |_, l| Ok(rotation_view(&l.ctx, &l.turns, range, now)))
    }

    /// What `edit` would do, seen over `range`, with the change of the team's focus capacity in
    /// the sprint the edit falls in; nothing is written.
    pub fn preview_edit(&self, team_id: Id, range: DateSpan, edit: Edit, now: DateTime<Utc>) -> Result<EditPreview> {
        self.read_loaded(team_id, |s, l| {
            let mut preview = preview_edit(&l.ctx, &l.turns, range, edit, now)?;
            preview.capacity = capacity_change(&s.team_data(team_id)?, &preview.changed)?;
            Ok(preview)
        })
    }

    /// Makes `edit` (override or swap, which lock the turns; or a shadow) and returns what
    /// changed with the planner's view of `range` after it — one load, one transaction.
    pub fn apply_edit(&mut self, team_id: Id, range: DateSpan, edit: Edit, now: DateTime<Utc>) -> Result<EditResult> {
        let kept = self.loaded.take();
        let own_writes = self.own_writes;
        let (result, loaded) = self.write(|s| {
            let l = Loaded::get(s, team_id, kept, own_writes)?;
            let (after, changes) = edit_in(s, &l.ctx, &l.turns, edit)?;
            let result = EditResult {
                view: rotation_view(&l.ctx, &after, range, now),
                changes: Changes::of_turns(changes),
            };
            Ok((result, (l, after)))
        })?;
        let (l, after) = loaded;
        self.loaded.replace(Some(l.after_write(after, self.own_writes)));
        Ok(result)
    }

    /// Runs a read on the team's rotation context and turns, kept from the last planner
    /// operation when still current (see `loaded`), and keeps them for the next.
    fn read_loaded<T>(
        &self,
        team_id: Id,
        f: impl FnOnce(&Store, &Loaded) -> sprintshield_store::Result<T>,
    ) -> Result<T> {
        let kept = self.loaded.take();
        let (value, loaded) = self.read(|s| {
            let l = Loaded::get(s, team_id, kept, self.own_writes)?;
            Ok((f(s, &l)?, l))
        })?;
        self.loaded.replace(Some(loaded));
        Ok(value)
    }

    /// Makes `edit` on the turn of `policy_id` that covers `at`; returns the turns after it.
    pub fn apply_edit_at(
        &mut self,
        team_id: Id,
        policy_id: Id,
        at: DateTime<Utc>,
        edit: EditAt,
    ) -> Result<Outcome<Vec<Turn>>> {
        self.write(|s| {
            let (ctx, turns) = load(s, team_id)?;
            let find = |at: DateTime<Utc>, field: &'static str| {
                find_turn(&turns, policy_id, at)
                    .and_then(|i| turns[i].id)
                    .ok_or_else(|| {
                        Invalid::new(
                            field,
                            format!("no turn of this policy covers {at}; plan the rotation first"),
                        )
                    })
            };
            let turn_id = find(at, "at")?;
            let edit = match edit {
                EditAt::Override { member_id } => Edit::Override { turn_id, member_id },
                EditAt::Swap { with } => Edit::Swap {
                    turn_id,
                    with_turn_id: find(with, "with")?,
                },
                EditAt::Shadow { member_id } => Edit::Shadow { turn_id, member_id },
            };
            let (_, changes) = edit_in(s, &ctx, &turns, edit)?;
            Ok(Outcome::new(changes.after.clone(), Changes::of_turns(changes)))
        })
    }

    /// Undo or redo of a rotation write: replaces the stored turns `remove` (as they must still
    /// be) by `put` (ids kept, handoff notes written since kept), and returns the view of
    /// `range`. When the rotation has changed since, nothing is written and the error says so.
    pub fn restore_turns(
        &mut self,
        team_id: Id,
        range: DateSpan,
        remove: &[Turn],
        put: &[Turn],
        now: DateTime<Utc>,
    ) -> Result<EditResult> {
        self.write(|s| {
            let (ctx, stored) = load(s, team_id)?;
            if let Some(t) = remove
                .iter()
                .chain(put)
                .find(|t| !ctx.policies.iter().any(|p| p.id == t.policy_id))
            {
                return Err(AppError::conflict(
                    "turn",
                    format!("turn of policy {} does not belong to this team", t.policy_id),
                )
                .into());
            }
            if let Some(t) = remove.iter().find(|t| !stored.iter().any(|x| same_duty(x, t))) {
                return Err(AppError::conflict(
                    "turn",
                    format!(
                        "the rotation has changed since (the turn from {} is different now); nothing was undone — reload the rotation",
                        t.start.format("%Y-%m-%d %H:%M UTC")
                    ),
                )
                .into());
            }
            s.replace_turns(remove, put)?;
            let after = load_turns(s, &ctx)?;
            Ok(EditResult {
                view: rotation_view(&ctx, &after, range, now),
                changes: Changes::of_turns(TurnChanges {
                    before: remove.to_vec(),
                    after: put.to_vec(),
                }),
            })
        })
    }

    /// Sets the handoff note of a stored turn (trimmed; see core's note rule); the change holds
    /// the note before and after, so undo writes the old one back (unchanged text: no change).
    pub fn set_turn_note(&mut self, turn_id: Id, note: &str) -> Result<Outcome<()>> {
        let note = validate_note(note)?;
        self.write(|s| {
            let before = s.turn_note(turn_id)?;
            if before == note {
                return Ok(Outcome::new((), Changes::none()));
            }
            s.set_turn_note(turn_id, &note)?;
            Ok(Outcome::new(
                (),
                Changes::edited(
                    Record::HandoffNote { turn_id, note: before },
                    Record::HandoffNote { turn_id, note },
                ),
            ))
        })
    }
}

/// Checks and makes `edit` on the loaded `turns` inside the caller's write transaction; returns
/// all turns after it and the ones it changed.
fn edit_in(
    s: &mut Store,
    ctx: &RotationContext,
    turns: &[Turn],
    edit: Edit,
) -> sprintshield_store::Result<(Vec<Turn>, TurnChanges)> {
    check_edit(ctx, turns, edit)?;
    let after = rotation::apply_edit(turns, edit)?;
    let changes = diff_turns(turns, &after);
    s.update_turns(&changes.after)?;
    Ok((after, changes))
}

/// Plans and stores inside the caller's write transaction (also used by the demo load).
pub(crate) fn plan_and_save(
    s: &mut Store,
    team_id: Id,
    horizon: DateSpan,
    now: DateTime<Utc>,
) -> sprintshield_store::Result<Outcome<Plan>> {
    let (mut plan, existing, policy_ids) = planned(s, team_id, horizon, now)?;
    plan.turns = s.save_turns(&policy_ids, &plan.turns)?;
    let changes = diff_turns(&existing, &plan.turns);
    Ok(Outcome::new(plan, Changes::of_turns(changes)))
}

/// The plan of the team's policies (and their escalation targets) over `horizon`, with the turns
/// stored for those policies and their ids. The planner also sees the other duties of the same
/// teams (Phoenix's Batman while Atlas plans Phoenix's Dev of the Week), so it can keep one
/// person off two duties at once; those turns are kept as they are and left out of the result.
/// `now` is cut to whole seconds first, as the store keeps instants: a turn the plan starts at
/// this moment is previewed and handed out (to undo, the window, publishing) exactly as stored.
fn planned(
    s: &Store,
    team_id: Id,
    horizon: DateSpan,
    now: DateTime<Utc>,
) -> sprintshield_store::Result<(Plan, Vec<Turn>, Vec<Id>)> {
    let now = chrono::SubsecRound::trunc_subsecs(now, 0);
    let (context, existing) = load(s, team_id)?;
    if context.policies.is_empty() {
        return Err(no_policy().into());
    }
    let policy_ids: Vec<Id> = context.policies.iter().map(|p| p.id).collect();
    let mut seen = existing.clone();
    for team in teams_of(&context) {
        seen.extend(
            s.all_turns(team)?
                .into_iter()
                .filter(|t| !policy_ids.contains(&t.policy_id)),
        );
    }
    let mut plan = rotation::plan(&PlanInput {
        context,
        existing: seen,
        horizon,
        now,
    });
    plan.turns.retain(|t| policy_ids.contains(&t.policy_id));
    Ok((plan, existing, policy_ids))
}
