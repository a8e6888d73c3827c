//! The planner: fills the unlocked future turns of every duty policy over a horizon, keeping
//! locked turns and history, and says why it picked each person.
//!
//! Policies are planned one by one: standing ones first (nothing to choose), then the rotating
//! ones with the longest turns first (per sprint, weekly, daily), primaries before the policies
//! they escalate to, then by id. So the second half of an escalation pair is chosen knowing the
//! first, and a short duty (a Batman day) is fitted around the long ones (an Op of the Week)
//! rather than the other way round: in a week of five Batman days every member may hold one, but
//! on a given day there is nearly always someone free of other duties. Rotating policies (daily,
//! weekly, per sprint) pick people with [`super::rota`], avoiding back-to-back turns and two
//! duties at once where someone else is free; standing policies give every day to the fixed
//! member, or to the stand-in on the days the fixed member is away.
//!
//! **Coverage from the first instant.** A plan covers its horizon from local midnight of the
//! first day: the turn already running then (last Friday's Batman day, last Monday's Op of the
//! Week) is the previous horizon's, and when nothing stored covers it the planner adds a
//! *lead-in* turn up to the first handoff (see [`super::handoff`]). The lead-in starts at `now`
//! when the horizon starts in the past: the time before `now` is history, which the planner never
//! rewrites — it keeps every turn that started before `now`, and it does not, after the fact, put
//! someone on the tail of a turn that began before the horizon (that would credit them in the
//! fairness ledger with hours nobody was on duty). A gap left there is real and the conflict
//! check reports it. One turn that started before `now` is cut: the running, unlocked turn of
//! someone away from today (retired, or on time off today) keeps its part before `now` and the rest
//! is planned from `now` like a lead-in, for someone who covers for them. Whole windows of the horizon are planned as before, past ones included when
//! nothing is stored for them (that is how a first plan over a past range, like the demo's
//! history, is made). A lead-in is a part of a turn and counts as that part (by duration) in the
//! fair shares.
//!
//! **Minimal change.** Planning a horizon again keeps what can stay: the unlocked future turns
//! it replaces are handed to [`super::rota`] as the previous plan, and a window keeps its
//! previous person unless the edit forces a change (see the rota's docs for the rule and the
//! fairness bound). A turn that stays exactly as it was is returned as stored (id, note and
//! shadow included), so saving it writes nothing new and the calendar export sees no change.
use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::calendar::{Calendar, RotationContext};
use super::handoff::{tiling, Window};
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
/// Keeps every locked turn, every turn that started before `now` (the running turn of someone
/// away from today only up to `now`; see the module docs), and every turn starting outside
/// the horizon's windows (a turn that started before the horizon's first midnight belongs to the
/// previous horizon and is kept, so re-planning from a Tuesday never cuts last Monday's week
/// short); replaces the other turns with a fresh fair rotation that covers the horizon from its
/// first midnight, or from `now` if later (see the module docs). Deterministic: the same input
/// gives the same plan (ties go to the lowest member id).
pub fn plan(input: &PlanInput) -> Plan {
    let cal = Calendar::new(&input.context);
    let mut by_policy: BTreeMap<Id, Vec<Turn>> = BTreeMap::new();
    let mut windows_of: BTreeMap<Id, Windows> = BTreeMap::new();
    for p in &input.context.policies {
        windows_of.insert(p.id, Windows::of(&p.spec, &cal, input.horizon, input.now));
    }
    let (existing, handed_on) = hand_on_running_turns(&cal, input);
    let mut replanned: BTreeMap<Id, Vec<&Turn>> = BTreeMap::new();
    for t in &existing {
        let replan = windows_of.get(&t.policy_id).is_some_and(|ws| ws.replaces(t, input.now));
        if replan {
            replanned.entry(t.policy_id).or_default().push(t);
        } else {
            by_policy.entry(t.policy_id).or_default().push(t.clone());
        }
    }
    for turns in by_policy.values_mut() {
        turns.sort_by_key(|t| (t.start, t.end));
    }
    let mut previous: BTreeMap<Id, Vec<Turn>> = replanned
        .iter()
        .map(|(id, ts)| {
            let mut ts: Vec<Turn> = ts.iter().map(|t| (*t).clone()).collect();
            ts.sort_by_key(|t| (t.start, t.end));
            (*id, ts)
        })
        .collect();
    let mut explanations = Vec::new();
    for policy in planning_order(&input.context.policies) {
        let kept = by_policy.remove(&policy.id).unwrap_or_default();
        let mine = previous.remove(&policy.id).unwrap_or_default();
        let ws = &windows_of[&policy.id];
        let (mut turns, mut why) = match policy.spec.standing {
            Some(cover) if policy.spec.kind == PolicyKind::Standing => {
                plan_standing(&cal, policy, cover, &ws.windows, kept)
            }
            _ => {
                let partners = partner_turns(policy, &input.context.policies, &by_policy);
                let others = other_duties(policy, &input.context.policies, &by_policy);
                let pending = pending_duties(&input.context.policies, &previous);
                Rota::new(&cal, policy, partners, others)
                    .with_previous(mine, pending)
                    .run(kept, &ws.windows, ws.lead_share)
            }
        };
        let before = replanned.get(&policy.id).map_or(&[][..], Vec::as_slice);
        mark_time_off_replacements(&cal, &input.context, before, &mut turns, &mut why);
        if let Some(away) = handed_on.get(&policy.id) {
            mark_taken_over(&cal, *away, input.now, &mut turns, &mut why);
        }
        reuse_stored(before, &mut turns);
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

/// The running turn of someone who is away today — no longer active (retired) or on time off —
/// is handed on at `now`: its holder keeps the part before `now` (history is never rewritten) and
/// the rest is left uncovered, so the planner gives it to someone else like any other piece of a
/// window. Only when the horizon includes today; a locked turn (an override or swap someone chose)
/// and a standing policy's turn stay as they are (the conflict check names them). Returns the turns
/// to plan with, and per policy whom a cut turn belonged to.
fn hand_on_running_turns(cal: &Calendar, input: &PlanInput) -> (Vec<Turn>, BTreeMap<Id, Id>) {
    let now = input.now;
    let today = cal.local_date(now);
    let mut handed_on = BTreeMap::new();
    if !input.horizon.contains(today) {
        return (input.existing.clone(), handed_on);
    }
    let rotating = |id: Id| {
        input
            .context
            .policy(id)
            .is_some_and(|p| p.spec.kind != PolicyKind::Standing)
    };
    let turns = input
        .existing
        .iter()
        .map(|t| {
            let away = !cal.available(
                t.member_id,
                DateSpan {
                    first: today,
                    last: today,
                },
            );
            if !t.locked && t.start < now && now < t.end && rotating(t.policy_id) && away {
                handed_on.insert(t.policy_id, t.member_id);
                Turn { end: now, ..t.clone() }
            } else {
                t.clone()
            }
        })
        .collect();
    (turns, handed_on)
}

/// The turn that takes over at `now` from someone away covers for them: it records whom
/// (`replaced_member_id`, read by the fairness ledger) and its explanation says so.
fn mark_taken_over(cal: &Calendar, away: Id, now: DateTime<Utc>, turns: &mut [Turn], why: &mut [Explanation]) {
    for t in turns
        .iter_mut()
        .filter(|t| t.id.is_none() && t.start == now && t.member_id != away)
    {
        t.replaced_member_id = Some(away);
        if let Some(e) = why.iter_mut().find(|e| e.start == now) {
            e.reason = format!(
                "{}; takes over from {}, who is away from today",
                e.reason,
                cal.name(away)
            );
        }
    }
}

/// A planned turn that says what a replaced stored turn said (person, times, shadow) is that
/// stored turn: it keeps its id and note, so saving the plan rewrites nothing.
fn reuse_stored(before: &[&Turn], turns: &mut [Turn]) {
    for t in turns.iter_mut().filter(|t| t.id.is_none()) {
        let same = before.iter().find(|o| {
            o.member_id == t.member_id
                && o.start == t.start
                && o.end == t.end
                && o.shadow_member_id == t.shadow_member_id
                && o.replaced_member_id == t.replaced_member_id
                && o.source == t.source
        });
        if let Some(o) = same {
            *t = (*o).clone();
        }
    }
}

/// The windows the planner fills for one policy: the lead-in (if any, from the horizon's first
/// midnight or `now`, whichever is later) first, then the windows starting in the horizon.
struct Windows {
    /// The horizon's first instant; turns starting before it belong to the previous horizon.
    from: DateTime<Utc>,
    windows: Vec<Window>,
    /// The share of a whole turn the lead-in (`windows[0]`) is, when there is one.
    lead_share: Option<f64>,
}

impl Windows {
    fn of(policy: &super::policy::PolicySpec, cal: &Calendar, horizon: DateSpan, now: DateTime<Utc>) -> Self {
        let t = tiling(policy, cal, horizon);
        let lead = t.lead_in(now);
        let lead_share = lead.map(|(_, share)| share);
        let windows = lead.map(|(w, _)| w).into_iter().chain(t.windows).collect();
        Windows {
            from: t.from,
            windows,
            lead_share,
        }
    }

    /// Whether an existing turn is replaced by the new plan: unlocked, not yet started, starting
    /// inside the horizon (not before its first midnight) and before the windows' end.
    fn replaces(&self, t: &Turn, now: DateTime<Utc>) -> bool {
        let Some(last) = self.windows.last() else {
            return false;
        };
        !t.locked && t.start >= now && t.start >= self.from && t.start < last.end
    }
}

/// The previous turns (see the module docs) of the policies still to plan that count as duties,
/// sorted by start: a fresh choice keeps their people off a second duty at once where it can, so
/// those turns can stay.
fn pending_duties(policies: &[DutyPolicy], previous: &BTreeMap<Id, Vec<Turn>>) -> Vec<Turn> {
    let find = |id: Id| policies.iter().find(|q| q.id == id);
    let mut turns: Vec<Turn> = previous
        .iter()
        .flat_map(|(id, ts)| ts.iter().filter(move |t| counts_as_duty(t, find(*id))).cloned())
        .collect();
    turns.sort_by_key(|t| (t.start, t.end));
    turns
}

/// Standing policies first, then rotating ones by turn length (per sprint, weekly, daily), then
/// primaries before the policies something escalates to, then by id.
fn planning_order(policies: &[DutyPolicy]) -> Vec<&DutyPolicy> {
    let is_target = |p: &DutyPolicy| {
        policies
            .iter()
            .any(|q| q.spec.escalates_to == Some(p.id) && q.id != p.id)
    };
    let length = |p: &DutyPolicy| match p.spec.kind {
        PolicyKind::Standing => 0,
        PolicyKind::Sprint => 1,
        PolicyKind::Weekly => 2,
        PolicyKind::Daily => 3,
    };
    let mut v: Vec<&DutyPolicy> = policies.iter().collect();
    v.sort_by_key(|p| (length(p), is_target(p), p.id));
    v
}

/// Whether two policies form an escalation pair (either escalates to the other).
pub(crate) fn paired(a: &DutyPolicy, b: &DutyPolicy) -> bool {
    a.id != b.id && (a.spec.escalates_to == Some(b.id) || b.spec.escalates_to == Some(a.id))
}

/// Whether a turn counts as a duty for "two duties at once": every turn does, except the fixed
/// member's own turns of a standing policy (a standing shield overlaps everything by design; a
/// stand-in covering it is on duty like anyone else). See [`super::conflicts::ConflictKind`].
pub(crate) fn counts_as_duty(t: &Turn, policy: Option<&DutyPolicy>) -> bool {
    match policy.and_then(|p| p.spec.standing.filter(|_| p.spec.kind == PolicyKind::Standing)) {
        Some(cover) => t.member_id != cover.member_id,
        None => true,
    }
}

/// The turns (kept or planned so far) of the other policies that are not paired with `policy` by
/// escalation and count as duties, sorted by start: whom to keep off a second duty at once.
/// Turns in `existing` of a policy the context does not know (e.g. another team's Batman, given
/// only so its people are seen as busy) count too; they are kept as they are.
fn other_duties(policy: &DutyPolicy, policies: &[DutyPolicy], by_policy: &BTreeMap<Id, Vec<Turn>>) -> Vec<Turn> {
    let find = |id: Id| policies.iter().find(|q| q.id == id);
    let mut turns: Vec<Turn> = by_policy
        .iter()
        .filter(|(id, _)| **id != policy.id && find(**id).is_none_or(|q| !paired(policy, q)))
        .flat_map(|(id, ts)| ts.iter().filter(move |t| counts_as_duty(t, find(*id))).cloned())
        .collect();
    turns.sort_by_key(|t| (t.start, t.end));
    turns
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
