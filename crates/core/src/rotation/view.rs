//! What the planner screen shows, computed in one place: the turns of a range, their conflicts
//! (pointing at turn ids), the fairness report and who is on duty now, the range's local days
//! (working or not, holidays, DST-resolved bounds; see [`ViewDay`]) — and the preview of an
//! edit before it is made (what the drop would do, conflicts it creates or clears, the load change
//! per person). Every view reads the same resolved turns, so the grid, the Today card, exports and
//! the forecast cannot disagree.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::conflicts::{Conflict, ConflictChecker};
use super::days::{view_days, ViewDay};
use super::edit::{override_turn, swap_turns, who_is_on_duty, OnDuty};
use super::fairness::{fairness, rows_before_after, FairnessReport, FairnessRow};
use super::turn::Turn;
use super::RotationContext;
use crate::time::DateSpan;
use crate::{Id, Invalid};

/// A conflict as the screen shows it: the turns concerned by id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ShownConflict {
    /// The conflict.
    #[serde(flatten)]
    #[ts(flatten)]
    pub conflict: Conflict,
    /// Ids of the turns concerned (stored turns only).
    pub turn_ids: Vec<Id>,
}

/// Who is on duty now for one policy, who is next, the checklist and the last handoff note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TodayCard {
    /// The policy.
    pub policy_id: Id,
    /// Now, next, last handoff note.
    pub on_duty: OnDuty,
    /// The duty checklist of the policy.
    pub checklist: Vec<String>,
}

/// Everything the planner screen needs for a range of days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RotationView {
    /// The local days shown, inclusive.
    pub range: DateSpan,
    /// One entry per local day of `range`, in order: working weekday or not, the holiday on it,
    /// and the instants it begins and ends (the grid's columns are drawn from these).
    pub days: Vec<ViewDay>,
    /// The team's IANA zone (the grid is laid out in it).
    #[ts(type = "string")]
    pub zone: chrono_tz::Tz,
    /// The policies shown: the team's own, then the ones they escalate to.
    pub policies: Vec<super::DutyPolicy>,
    /// Everyone who may appear on a turn (members of the team and of escalation teams).
    pub members: Vec<crate::member::Member>,
    /// The turns overlapping the range, by policy then start.
    pub turns: Vec<Turn>,
    /// Conflicts in the range.
    pub conflicts: Vec<ShownConflict>,
    /// Fairness over all turns (rolling history plus the plan).
    pub fairness: FairnessReport,
    /// One card per policy for the stand-up.
    pub today: Vec<TodayCard>,
}

fn shown(conflicts: Vec<Conflict>, turns: &[Turn]) -> Vec<ShownConflict> {
    conflicts
        .into_iter()
        .map(|c| {
            let turn_ids = c
                .turns
                .iter()
                .filter_map(|&i| turns.get(i).and_then(|t| t.id))
                .collect();
            ShownConflict { conflict: c, turn_ids }
        })
        .collect()
}

/// Builds the view of `range` from all known turns (`all` gives the fairness history).
pub fn rotation_view(ctx: &RotationContext, all: &[Turn], range: DateSpan, now: DateTime<Utc>) -> RotationView {
    let cal = super::calendar::Calendar::new(ctx);
    let (from, to) = cal.bounds(range);
    let days = view_days(&cal, range);
    let turns: Vec<Turn> = all.iter().filter(|t| t.overlaps(from, to)).cloned().collect();
    let conflicts = shown(ConflictChecker::new(ctx, range).check(&turns), &turns);
    let today = ctx
        .policies
        .iter()
        .map(|p| TodayCard {
            policy_id: p.id,
            on_duty: who_is_on_duty(all, p.id, now),
            checklist: p.spec.checklist.clone(),
        })
        .collect();
    RotationView {
        range,
        days,
        zone: ctx.zone,
        policies: ctx.policies.clone(),
        members: ctx.members.clone(),
        turns,
        conflicts,
        fairness: fairness(all, ctx, now),
        today,
    }
}

/// An edit the planner can make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Edit {
    /// Put `member_id` on the turn `turn_id` (a member chip dropped on a turn).
    Override {
        /// The turn.
        turn_id: Id,
        /// The member.
        member_id: Id,
    },
    /// Pair a trainee with a turn for cross-training (a person dropped on the shadow row), or
    /// remove the shadow with `member_id: None`. A shadow never counts as cover.
    Shadow {
        /// The turn.
        turn_id: Id,
        /// The trainee, or `None` to remove.
        member_id: Option<Id>,
    },
    /// Exchange the members of two turns (a turn dropped on another).
    Swap {
        /// The dragged turn.
        turn_id: Id,
        /// The turn it was dropped on.
        with_turn_id: Id,
    },
}

/// The change of one member's weighted load an edit would cause.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LoadChange {
    /// The member.
    pub member_id: Id,
    /// Turns before → after.
    pub turns_before: u32,
    /// Turns after the edit.
    pub turns_after: u32,
    /// Deviation from the team average before, in percent.
    pub deviation_before: f64,
    /// Deviation after, in percent.
    pub deviation_after: f64,
}

/// How an edit changes the team's focus capacity in the sprint it falls in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CapacityChange {
    /// The sprint.
    pub sprint: String,
    /// Team focus person-days before the edit.
    pub before: f64,
    /// Team focus person-days after it.
    pub after: f64,
}

/// What an edit would do, before it is made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EditPreview {
    /// "Override" or "Swap", with who: e.g. "Swap Ana and Ben".
    pub action: String,
    /// Conflicts the edit creates.
    pub added: Vec<Conflict>,
    /// Conflicts the edit clears.
    pub cleared: Vec<Conflict>,
    /// Members whose load changes.
    pub load: Vec<LoadChange>,
    /// The turns after the edit (only the changed ones), ready to store.
    pub changed: Vec<Turn>,
    /// The change of the team's focus capacity in the sprint, when one overlaps the range
    /// (filled by the caller that has the team's data, with
    /// `crate::forecast::capacity_change`: rotation does not depend on the capacity model).
    pub capacity: Option<CapacityChange>,
}

fn index_of(turns: &[Turn], id: Id, field: &'static str) -> Result<usize, Invalid> {
    turns
        .iter()
        .position(|t| t.id == Some(id))
        .ok_or_else(|| Invalid::new(field, "that turn no longer exists; reload the rotation"))
}

/// Rejects edits that can never be right (as opposed to conflicts, which are warnings): a person
/// who does not take duty put on a turn, a shadow who is not in the policy's shadow pool (or,
/// with an empty shadow pool, not in the policy's team).
pub fn check_edit(ctx: &RotationContext, all: &[Turn], edit: Edit) -> Result<(), Invalid> {
    let member = |id: Id| ctx.members.iter().find(|m| m.id == id);
    match edit {
        Edit::Override { member_id, .. } => match member(member_id) {
            None => Err(Invalid::new("member", format!("member {member_id} is not known here"))),
            Some(m) if !m.spec.can_take_duty => Err(Invalid::new(
                "member",
                format!("{} does not take duty turns", m.spec.name),
            )),
            Some(_) => Ok(()),
        },
        Edit::Shadow {
            turn_id,
            member_id: Some(m),
        } => {
            let turn = &all[index_of(all, turn_id, "turn")?];
            let policy = ctx.policy(turn.policy_id);
            let trainee = member(m).ok_or_else(|| Invalid::new("member", format!("member {m} is not known here")))?;
            let allowed = policy.is_none_or(|p| {
                if p.spec.shadow_pool.is_empty() {
                    trainee.team_id == p.team_id
                } else {
                    p.spec.shadow_pool.contains(&m)
                }
            });
            if allowed {
                Ok(())
            } else {
                Err(Invalid::new(
                    "member",
                    format!("{} is not in this policy's shadow pool", trainee.spec.name),
                ))
            }
        }
        Edit::Shadow { member_id: None, .. } | Edit::Swap { .. } => Ok(()),
    }
}

/// Applies `edit` to `all` and returns the new turns (pure); see [`preview_edit`] for the verdict.
pub fn apply_edit(all: &[Turn], edit: Edit) -> Result<Vec<Turn>, Invalid> {
    match edit {
        Edit::Override { turn_id, member_id } => override_turn(all, index_of(all, turn_id, "turn")?, member_id),
        Edit::Shadow { turn_id, member_id } => {
            let i = index_of(all, turn_id, "turn")?;
            if member_id == Some(all[i].member_id) {
                return Err(Invalid::new(
                    "member",
                    "the person on duty cannot shadow their own turn; pick a trainee",
                ));
            }
            let mut out = all.to_vec();
            out[i].shadow_member_id = member_id;
            Ok(out)
        }
        Edit::Swap { turn_id, with_turn_id } => {
            let (a, b) = (index_of(all, turn_id, "turn")?, index_of(all, with_turn_id, "with")?);
            if all[a].policy_id != all[b].policy_id {
                return Err(Invalid::new(
                    "with",
                    "a swap exchanges two turns of the same duty policy",
                ));
            }
            swap_turns(all, a, b)
        }
    }
}

fn same_conflict(a: &Conflict, b: &Conflict) -> bool {
    a.kind == b.kind && a.policy_id == b.policy_id && a.member_id == b.member_id && a.start == b.start && a.end == b.end
}

/// Indexes of the turns whose conflicts an edit from `before` to `after` (same turns, same
/// order, some with another member) can change: the changed turns and every turn touching or
/// overlapping one of them, of any policy.
fn near_changes(before: &[Turn], after: &[Turn]) -> Vec<usize> {
    let changed: Vec<&Turn> = before
        .iter()
        .zip(after)
        .filter(|(b, a)| b != a)
        .map(|(b, _)| b)
        .collect();
    (0..before.len().min(after.len()))
        .filter(|&i| {
            let t = &before[i];
            changed.iter().any(|c| t.start <= c.end && c.start <= t.end)
        })
        .collect()
}

/// What `edit` would do to the rotation seen over `range`: the action in words, conflicts added
/// and cleared, and the load change of each member it touches. Nothing is stored.
pub fn preview_edit(
    ctx: &RotationContext,
    all: &[Turn],
    range: DateSpan,
    edit: Edit,
    now: DateTime<Utc>,
) -> Result<EditPreview, Invalid> {
    check_edit(ctx, all, edit)?;
    let after = apply_edit(all, edit)?;
    // An edit changes members, never times: only the conflicts of the changed turns and of the
    // turns touching or overlapping them can differ, so before and after are checked on those
    // alone (coverage gaps at the edges of that subset appear in both and cancel out).
    let near = near_changes(all, &after);
    let subset = |turns: &[Turn]| near.iter().map(|&i| turns[i].clone()).collect::<Vec<_>>();
    let checker = ConflictChecker::new(ctx, range);
    let before_c = checker.check(&subset(all));
    let after_c = checker.check(&subset(&after));
    let added = after_c
        .iter()
        .filter(|c| !before_c.iter().any(|b| same_conflict(b, c)))
        .cloned()
        .collect();
    let cleared = before_c
        .iter()
        .filter(|c| !after_c.iter().any(|a| same_conflict(a, c)))
        .cloned()
        .collect();
    let changed: Vec<Turn> = after
        .iter()
        .zip(all)
        .filter(|(a, b)| a != b)
        .map(|(a, _)| a.clone())
        .collect();
    let name = |id: Id| {
        ctx.members
            .iter()
            .find(|m| m.id == id)
            .map_or_else(|| format!("member {id}"), |m| m.spec.name.clone())
    };
    let action = match edit {
        Edit::Override { turn_id, member_id } => {
            let old = all.iter().find(|t| t.id == Some(turn_id)).map(|t| t.member_id);
            format!(
                "Override: {} instead of {}",
                name(member_id),
                old.map(name).unwrap_or_default()
            )
        }
        Edit::Swap { .. } => {
            let who: Vec<String> = changed.iter().map(|t| name(t.member_id)).collect();
            format!("Swap {}", who.join(" and "))
        }
        Edit::Shadow { turn_id, member_id } => {
            let on = all
                .iter()
                .find(|t| t.id == Some(turn_id))
                .map(|t| name(t.member_id))
                .unwrap_or_default();
            match member_id {
                Some(m) => format!("Shadow: {} learns alongside {on} (not cover)", name(m)),
                None => format!("Remove the shadow from {on}'s turn"),
            }
        }
    };
    let (fb, fa) = rows_before_after(all, &after, ctx, now);
    let mut touched: Vec<Id> = changed
        .iter()
        .flat_map(|t| {
            [
                Some(t.member_id),
                all.iter().find(|o| o.id == t.id).map(|o| o.member_id),
            ]
        })
        .flatten()
        .collect();
    touched.sort_unstable();
    touched.dedup();
    let load = touched
        .into_iter()
        .map(|m| {
            let row = |rows: &[FairnessRow]| {
                rows.iter()
                    .find(|x| x.member_id == m)
                    .map(|x| (x.turns, x.deviation_percent))
            };
            let (tb, db) = row(&fb).unwrap_or((0, 0.0));
            let (ta, da) = row(&fa).unwrap_or((0, 0.0));
            LoadChange {
                member_id: m,
                turns_before: tb,
                turns_after: ta,
                deviation_before: db,
                deviation_after: da,
            }
        })
        .collect();
    Ok(EditPreview {
        action,
        added,
        cleared,
        load,
        changed,
        capacity: None,
    })
}
