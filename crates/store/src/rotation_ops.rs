//! Rotation operations over the stored data: plan a horizon, apply an edit, preview it, build the
//! planner's view. Each loads what the pure planner needs, calls it, and stores the result in one
//! transaction.
use chrono::{DateTime, Utc};
use sprintshield_core::rotation::{
    apply_edit, capacity_change, check_edit, diff_turns, plan, preview_edit, rotation_view, same_duty, AppliedPlan,
    Edit, EditPreview, Plan, PlanInput, RotationContext, RotationView, Turn,
};
use sprintshield_core::time::DateSpan;
use sprintshield_core::{AppError, Id};

use crate::{Result, Store};

impl Store {
    fn context_and_turns(&self, team_id: Id) -> Result<(RotationContext, Vec<Turn>)> {
        let ctx = self.rotation_context(team_id)?;
        let mut turns = Vec::new();
        let mut teams: Vec<Id> = ctx.policies.iter().map(|p| p.team_id).collect();
        teams.sort_unstable();
        teams.dedup();
        for t in teams {
            turns.extend(self.all_turns(t)?);
        }
        turns.retain(|t| ctx.policies.iter().any(|p| p.id == t.policy_id));
        turns.sort_by_key(|t| (t.policy_id, t.start));
        Ok((ctx, turns))
    }

    /// Plans the unlocked future turns of every policy of the team (and the policies they escalate
    /// to, planned as pairs) over `horizon`, keeping locked turns and history, and stores the
    /// result. Returns the plan with its explanations and the turns it changed (for undo).
    pub fn plan_rotation(&mut self, team_id: Id, horizon: DateSpan, now: DateTime<Utc>) -> Result<AppliedPlan> {
        let (context, existing) = self.context_and_turns(team_id)?;
        if context.policies.is_empty() {
            return Err(AppError::not_found(
                "the team has no duty policy yet; add one first (Batman, Op of the Week, …)",
            )
            .into());
        }
        let policy_ids: Vec<Id> = context.policies.iter().map(|p| p.id).collect();
        let mut planned = plan(&PlanInput {
            context,
            existing: existing.clone(),
            horizon,
            now,
        });
        planned.turns = self.save_turns(&policy_ids, &planned.turns)?;
        let changes = diff_turns(&existing, &planned.turns);
        Ok(AppliedPlan { plan: planned, changes })
    }

    /// What auto-plan would do over `horizon`, without writing anything: the same plan
    /// [`Store::plan_rotation`] would store, for the planner to show as ghost turns.
    pub fn preview_plan(&self, team_id: Id, horizon: DateSpan, now: DateTime<Utc>) -> Result<Plan> {
        let (context, existing) = self.context_and_turns(team_id)?;
        if context.policies.is_empty() {
            return Err(AppError::not_found(
                "the team has no duty policy yet; add one first (Batman, Op of the Week, …)",
            )
            .into());
        }
        Ok(plan(&PlanInput {
            context,
            existing,
            horizon,
            now,
        }))
    }

    /// The planner's view of `range` for the team.
    pub fn rotation_view(&self, team_id: Id, range: DateSpan, now: DateTime<Utc>) -> Result<RotationView> {
        let (ctx, turns) = self.context_and_turns(team_id)?;
        Ok(rotation_view(&ctx, &turns, range, now))
    }

    /// What `edit` would do, seen over `range`, including the change of the team's focus
    /// capacity in the sprint the edit falls in; nothing is written.
    pub fn preview_edit(&self, team_id: Id, range: DateSpan, edit: Edit, now: DateTime<Utc>) -> Result<EditPreview> {
        let (ctx, turns) = self.context_and_turns(team_id)?;
        let mut preview = preview_edit(&ctx, &turns, range, edit, now)?;
        preview.capacity = capacity_change(&self.team_data(team_id)?, &preview.changed)?;
        Ok(preview)
    }

    /// Applies `edit` (override or swap, which lock the turns; or a shadow) and stores the changed turns.
    /// Returns the turns as they were before and after, for undo and redo.
    pub fn apply_edit(&mut self, team_id: Id, edit: Edit) -> Result<(Vec<Turn>, Vec<Turn>)> {
        let (ctx, turns) = self.context_and_turns(team_id)?;
        check_edit(&ctx, &turns, edit)?;
        let after = apply_edit(&turns, edit)?;
        let mut before = Vec::new();
        let mut changed = Vec::new();
        for (a, b) in after.iter().zip(&turns) {
            if a != b {
                before.push(b.clone());
                changed.push(a.clone());
            }
        }
        self.update_turns(&changed)?;
        Ok((before, changed))
    }

    /// Undo or redo of a rotation write: replaces the stored turns `remove` (as they must still
    /// be) by `put` (ids kept, handoff notes written since kept). When the rotation has changed
    /// since, nothing is written and the error says so.
    pub fn restore_turns(&mut self, team_id: Id, remove: &[Turn], put: &[Turn]) -> Result<()> {
        let (ctx, stored) = self.context_and_turns(team_id)?;
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
        if let Some(t) = remove.iter().find(|t| !stored.iter().any(|s| same_duty(s, t))) {
            return Err(AppError::conflict(
                "turn",
                format!(
                    "the rotation has changed since (the turn from {} is different now); nothing was undone — reload the rotation",
                    t.start.format("%Y-%m-%d %H:%M UTC")
                ),
            )
            .into());
        }
        self.replace_turns(remove, put)
    }

    /// Sets the handoff note of a stored turn.
    pub fn set_turn_note(&mut self, turn_id: Id, note: &str) -> Result<()> {
        if note.chars().count() > 2000 {
            return Err(
                sprintshield_core::Invalid::new("note", "the handoff note is longer than 2000 characters").into(),
            );
        }
        let n = self.conn.execute(
            "UPDATE turn SET note = ?2 WHERE id = ?1",
            rusqlite::params![turn_id, note.trim()],
        )?;
        if n == 0 {
            return Err(AppError::not_found(format!("there is no turn with id {turn_id}")).into());
        }
        Ok(())
    }
}
