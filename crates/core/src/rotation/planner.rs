//! The planner: fills the unlocked future turns of every duty policy over a horizon, keeping
//! locked turns and history, and says why it picked each person.
//!
//! Policies are planned one by one, primaries before the policies they escalate to, so the
//! second half of an escalation pair is chosen knowing the first. Rotating policies (daily,
//! weekly, per sprint) pick people with [`super::rota`]; standing policies give every day to
//! the fixed member, or to the stand-in on the days the fixed member is away.
use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::calendar::{Calendar, RotationContext};
use super::handoff::{windows, Window};
use super::policy::{DutyPolicy, PolicyKind, StandingCover};
use super::rota::Rota;
use super::turn::Turn;
use crate::time::DateSpan;
use crate::Id;

/// What the planner needs: the team's context, the turns already known (history, locked
/// overrides and swaps, and the previous plan), the horizon of local days, and `now`.
#[derive(Debug, Clone)]
pub struct PlanInput {
    /// Zone, working days, policies, members, time off, holidays, sprints, release days.
    pub context: RotationContext,
    /// Turns already stored, of any policy.
    pub existing: Vec<Turn>,
    /// The local days to plan, inclusive.
    pub horizon: DateSpan,
    /// The present; turns that have started before it are history and are kept.
    pub now: DateTime<Utc>,
}

/// Why the planner put someone on a generated turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Explanation {
    /// The turn's policy.
    pub policy_id: Id,
    /// The turn's start.
    pub start: DateTime<Utc>,
    /// Who was picked.
    pub member_id: Id,
    /// One sentence, e.g. "Ben: 3 turns vs fair share 3.4, weighted load 72.0 h vs fair 81.6 h".
    pub reason: String,
}

/// A plan: every kept and generated turn, sorted by policy and start, and one explanation per
/// generated turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Plan {
    /// Kept turns (history, locked) and generated turns, sorted by `(policy_id, start)`.
    pub turns: Vec<Turn>,
    /// Why each generated turn went to its member.
    pub explanations: Vec<Explanation>,
}

/// Plans every policy of `input.context` over `input.horizon`.
///
/// Keeps every locked turn, every turn that started before `now`, and every turn outside the
/// horizon's windows; replaces the other turns with a fresh fair rotation. Deterministic: the
/// same input gives the same plan (ties go to the lowest member id).
pub fn plan(input: &PlanInput) -> Plan {
    let cal = Calendar::new(&input.context);
    let mut by_policy: BTreeMap<Id, Vec<Turn>> = BTreeMap::new();
    let mut windows_of: BTreeMap<Id, Vec<Window>> = BTreeMap::new();
    for p in &input.context.policies {
        windows_of.insert(p.id, windows(&p.spec, &cal, input.horizon));
    }
    let mut replanned: BTreeMap<Id, Vec<&Turn>> = BTreeMap::new();
    for t in &input.existing {
        let replan = windows_of
            .get(&t.policy_id)
            .is_some_and(|ws| is_replanned(t, ws, input.now));
        if replan {
            replanned.entry(t.policy_id).or_default().push(t);
        } else {
            by_policy.entry(t.policy_id).or_default().push(t.clone());
        }
    }
    for turns in by_policy.values_mut() {
        turns.sort_by_key(|t| (t.start, t.end));
    }
    let mut explanations = Vec::new();
    for policy in planning_order(&input.context.policies) {
        let kept = by_policy.remove(&policy.id).unwrap_or_default();
        let ws = &windows_of[&policy.id];
        let (mut turns, mut why) = match policy.spec.standing {
            Some(cover) if policy.spec.kind == PolicyKind::Standing => plan_standing(&cal, policy, cover, ws, kept),
            _ => {
                let partners = partner_turns(policy, &input.context.policies, &by_policy);
                Rota::new(&cal, policy, partners).run(kept, ws)
            }
        };
        let before = replanned.get(&policy.id).map_or(&[][..], Vec::as_slice);
        mark_time_off_replacements(&cal, &input.context, before, &mut turns, &mut why);
        explanations.extend(why);
        by_policy.insert(policy.id, turns);
    }
    let mut turns: Vec<Turn> = by_policy.into_values().flatten().collect();
    turns.sort_by_key(|t| (t.policy_id, t.start, t.end));
    explanations.sort_by_key(|e| (e.policy_id, e.start));
    Plan { turns, explanations }
}

/// A re-planned turn that had been planned for someone who is now away (time off, or no longer
/// active) and goes to someone else is a time-off replacement: the new turn records whom it
/// covers for (`replaced_member_id`, read by the fairness ledger) and its explanation says so.
fn mark_time_off_replacements(
    cal: &Calendar,
    ctx: &RotationContext,
    before: &[&Turn],
    turns: &mut [Turn],
    why: &mut [Explanation],
) {
    let name = |id: Id| {
        ctx.members
            .iter()
            .find(|m| m.id == id)
            .map_or("someone", |m| m.spec.name.as_str())
    };
    for t in turns.iter_mut().filter(|t| t.id.is_none()) {
        let Some(old) = before.iter().find(|o| o.start == t.start && o.end == t.end) else {
            continue;
        };
        let planned = old.replaced_member_id.unwrap_or(old.member_id);
        if planned == t.member_id || cal.available(planned, cal.duty_days(t.start, t.end)) {
            continue;
        }
        t.replaced_member_id = Some(planned);
        if let Some(e) = why.iter_mut().find(|e| e.start == t.start) {
            e.reason = format!("{}; covers for {}, who is away", e.reason, name(planned));
        }
    }
}

/// Whether an existing turn is replaced by the new plan: unlocked, not yet started, and inside
/// the span the policy's windows cover.
fn is_replanned(t: &Turn, ws: &[Window], now: DateTime<Utc>) -> bool {
    let (Some(first), Some(last)) = (ws.first(), ws.last()) else {
        return false;
    };
    !t.locked && t.start >= now && t.overlaps(first.start, last.end)
}

/// Primaries first, then the policies something escalates to; by id within each group.
fn planning_order(policies: &[DutyPolicy]) -> Vec<&DutyPolicy> {
    let is_target = |p: &DutyPolicy| {
        policies
            .iter()
            .any(|q| q.spec.escalates_to == Some(p.id) && q.id != p.id)
    };
    let mut v: Vec<&DutyPolicy> = policies.iter().collect();
    v.sort_by_key(|p| (is_target(p), p.id));
    v
}

/// The turns (kept or planned so far) of the policies paired with `policy` by escalation,
/// sorted by start.
fn partner_turns(policy: &DutyPolicy, policies: &[DutyPolicy], by_policy: &BTreeMap<Id, Vec<Turn>>) -> Vec<Turn> {
    let partners: Vec<Id> = policies
        .iter()
        .filter(|q| q.id != policy.id)
        .filter(|q| policy.spec.escalates_to == Some(q.id) || q.spec.escalates_to == Some(policy.id))
        .map(|q| q.id)
        .chain(policy.spec.escalates_to)
        .collect();
    let mut turns: Vec<Turn> = by_policy
        .iter()
        .filter(|(id, _)| partners.contains(id))
        .flat_map(|(_, ts)| ts.iter().cloned())
        .collect();
    turns.sort_by_key(|t| (t.start, t.end));
    turns
}

/// Cuts `window` into the pieces not already covered by `kept` (sorted by start).
pub(crate) fn uncovered(window: Window, kept: &[Turn]) -> Vec<Window> {
    let mut pieces = Vec::new();
    let mut cursor = window.start;
    for t in kept.iter().filter(|t| t.overlaps(window.start, window.end)) {
        if t.start > cursor {
            pieces.push(Window {
                start: cursor,
                end: t.start,
            });
        }
        cursor = cursor.max(t.end);
    }
    if cursor < window.end {
        pieces.push(Window {
            start: cursor,
            end: window.end,
        });
    }
    pieces
}

/// A standing duty: the fixed member on the days they are available, the stand-in (if any) on
/// the others; consecutive days of one person form one turn, cut at local midnight.
fn plan_standing(
    cal: &Calendar,
    policy: &DutyPolicy,
    cover: StandingCover,
    ws: &[Window],
    mut kept: Vec<Turn>,
) -> (Vec<Turn>, Vec<Explanation>) {
    let mut out = Vec::new();
    let mut why = Vec::new();
    for piece in ws.iter().flat_map(|w| uncovered(*w, &kept)) {
        for (member, start, end) in standing_segments(cal, cover, piece) {
            let reason = if member == cover.member_id {
                format!("{} holds the standing duty", cal.name(member))
            } else {
                format!(
                    "{} stands in while {} is away",
                    cal.name(member),
                    cal.name(cover.member_id)
                )
            };
            why.push(Explanation {
                policy_id: policy.id,
                start,
                member_id: member,
                reason,
            });
            out.push(Turn::generated(policy.id, member, start, end));
        }
    }
    kept.extend(out);
    kept.sort_by_key(|t| (t.start, t.end));
    (kept, why)
}

fn standing_segments(cal: &Calendar, cover: StandingCover, piece: Window) -> Vec<(Id, DateTime<Utc>, DateTime<Utc>)> {
    let owner = |day| {
        let one = DateSpan { first: day, last: day };
        match cover.stand_in_id {
            Some(s) if !cal.available(cover.member_id, one) => s,
            _ => cover.member_id,
        }
    };
    let mut segs: Vec<(Id, DateTime<Utc>, DateTime<Utc>)> = Vec::new();
    let mut day = cal.local_date(piece.start);
    let mut from = piece.start;
    while from < piece.end {
        let to = cal.midnight(day + Duration::days(1)).min(piece.end);
        let who = owner(day);
        match segs.last_mut() {
            Some(last) if last.0 == who && last.2 == from => last.2 = to,
            _ => segs.push((who, from, to)),
        }
        day += Duration::days(1);
        from = to;
    }
    segs
}
