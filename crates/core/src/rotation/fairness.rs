//! The fairness report: per member how many turns, how many duty hours and how much weighted
//! load they carry, how far that is from the team average, and the ledger of who covered for
//! whom (overrides and swaps) with the paybacks it suggests.
//!
//! Standing duties are left out of the load comparison: a fixed tech-lead shield is a choice,
//! not a share. Load is compared per capacity, so a 50 % member carrying half the load is even.
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::calendar::{Calendar, RotationContext};
use super::policy::{LoadWeights, PolicyKind};
use super::turn::{Turn, TurnSource};
use crate::Id;

/// One member's share of the duty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FairnessRow {
    /// The member.
    pub member_id: Id,
    /// Their name.
    pub name: String,
    /// Turns held (past and planned).
    pub turns: u32,
    /// Of those, turns starting at or after `now`.
    pub planned_turns: u32,
    /// Hours on duty.
    pub duty_hours: f64,
    /// Hours on duty, weekend, holiday and release-day hours weighted.
    pub weighted_load: f64,
    /// Weighted load divided by the capacity share (100 % = 1).
    pub load_per_capacity: f64,
    /// Percent above (+) or below (−) the team average load per capacity.
    pub deviation_percent: f64,
}

/// One turn someone held in place of the member planned for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CoverEntry {
    /// The turn's policy.
    pub policy_id: Id,
    /// Index of the turn in the slice given.
    pub turn: usize,
    /// The turn's start.
    pub start: DateTime<Utc>,
    /// Who held the turn.
    pub covered_by: Id,
    /// Who was planned for it.
    pub covered_for: Id,
    /// Override or swap.
    pub source: TurnSource,
    /// Weighted hours of the turn.
    pub weighted_hours: f64,
    /// Whether the planned member was away (time off or not active) during the turn: a
    /// time-off replacement rather than a favour.
    pub planned_was_away: bool,
}

/// A suggested payback: `owed_by` has been covered for more than they covered for `owed_to`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Payback {
    /// Who should take a turn back.
    pub owed_by: Id,
    /// Who covered.
    pub owed_to: Id,
    /// Net weighted hours owed.
    pub weighted_hours: f64,
}

/// Rows per member (sorted by member id), the cover ledger (by start) and the paybacks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FairnessReport {
    /// One row per member in a rotating pool or holding a rotating turn.
    pub rows: Vec<FairnessRow>,
    /// Who covered for whom.
    pub ledger: Vec<CoverEntry>,
    /// Net debts between pairs of members, largest first.
    pub paybacks: Vec<Payback>,
}

#[derive(Default, Clone)]
struct Tally {
    turns: u32,
    planned: u32,
    hours: f64,
    load: f64,
}

/// Measures `turns` against `ctx`: see [`FairnessReport`]. `now` splits held from planned turns.
pub fn fairness(turns: &[Turn], ctx: &RotationContext, now: DateTime<Utc>) -> FairnessReport {
    let cal = Calendar::new(ctx);
    let weights = |policy_id: Id| {
        ctx.policy(policy_id)
            .map_or_else(LoadWeights::default, |p| p.spec.weights)
    };
    let rotating = |policy_id: Id| {
        ctx.policy(policy_id)
            .is_none_or(|p| p.spec.kind != PolicyKind::Standing)
    };
    let mut tallies: BTreeMap<Id, Tally> = BTreeMap::new();
    for p in ctx.policies.iter().filter(|p| p.spec.kind != PolicyKind::Standing) {
        for m in p.eligible(&ctx.members) {
            tallies.entry(m.id).or_default();
        }
    }
    let mut ledger = Vec::new();
    for (i, t) in turns.iter().enumerate() {
        let weighted = cal.weighted_hours(t.start, t.end, &weights(t.policy_id));
        if rotating(t.policy_id) {
            let tally = tallies.entry(t.member_id).or_default();
            tally.turns += 1;
            tally.planned += u32::from(t.start >= now);
            tally.hours += t.hours();
            tally.load += weighted;
        }
        if let Some(planned) = t.replaced_member_id.filter(|p| *p != t.member_id) {
            ledger.push(CoverEntry {
                policy_id: t.policy_id,
                turn: i,
                start: t.start,
                covered_by: t.member_id,
                covered_for: planned,
                source: t.source,
                weighted_hours: weighted,
                planned_was_away: !cal.available(planned, cal.duty_days(t.start, t.end)),
            });
        }
    }
    ledger.sort_by_key(|e| (e.start, e.policy_id));
    let paybacks = paybacks(&ledger);
    FairnessReport {
        rows: rows(&cal, tallies),
        ledger,
        paybacks,
    }
}

/// The fairness rows of `before` and of `after` — the same turns in the same order, some with
/// another member, as an edit makes them (see [`super::apply_edit`]) — tallied in one pass, each
/// turn's weighted hours worked out once: what a drag preview compares. Rows only, no ledger.
pub(crate) fn rows_before_after(
    before: &[Turn],
    after: &[Turn],
    ctx: &RotationContext,
    now: DateTime<Utc>,
) -> (Vec<FairnessRow>, Vec<FairnessRow>) {
    let cal = Calendar::new(ctx);
    let policy = |id: Id| ctx.policy(id);
    let mut tb: BTreeMap<Id, Tally> = BTreeMap::new();
    for p in ctx.policies.iter().filter(|p| p.spec.kind != PolicyKind::Standing) {
        for m in p.eligible(&ctx.members) {
            tb.entry(m.id).or_default();
        }
    }
    let mut ta = tb.clone();
    let add = |tallies: &mut BTreeMap<Id, Tally>, t: &Turn, weighted: f64| {
        let tally = tallies.entry(t.member_id).or_default();
        tally.turns += 1;
        tally.planned += u32::from(t.start >= now);
        tally.hours += t.hours();
        tally.load += weighted;
    };
    let weighted = |t: &Turn| {
        let w = policy(t.policy_id).map_or_else(LoadWeights::default, |p| p.spec.weights);
        cal.weighted_hours(t.start, t.end, &w)
    };
    let rotating = |t: &Turn| policy(t.policy_id).is_none_or(|p| p.spec.kind != PolicyKind::Standing);
    for (i, t) in before.iter().enumerate() {
        let u = after.get(i).unwrap_or(t);
        let w = rotating(t).then(|| weighted(t));
        if let Some(w) = w {
            add(&mut tb, t, w);
        }
        if rotating(u) {
            let same_time = u.policy_id == t.policy_id && u.start == t.start && u.end == t.end;
            let wu = match w {
                Some(w) if same_time => w,
                _ => weighted(u),
            };
            add(&mut ta, u, wu);
        }
    }
    for u in after.iter().skip(before.len()).filter(|u| rotating(u)) {
        add(&mut ta, u, weighted(u));
    }
    (rows(&cal, tb), rows(&cal, ta))
}

fn rows(cal: &Calendar, tallies: BTreeMap<Id, Tally>) -> Vec<FairnessRow> {
    let share = |id: Id| {
        cal.member(id)
            .map_or(1.0, |m| f64::from(m.spec.capacity_percent) / 100.0)
    };
    let per_cap: Vec<f64> = tallies.iter().map(|(id, t)| t.load / share(*id)).collect();
    let avg = per_cap.iter().sum::<f64>() / per_cap.len().max(1) as f64;
    tallies
        .into_iter()
        .zip(per_cap)
        .map(|((id, t), load_per_capacity)| FairnessRow {
            member_id: id,
            name: cal.name(id),
            turns: t.turns,
            planned_turns: t.planned,
            duty_hours: t.hours,
            weighted_load: t.load,
            load_per_capacity,
            deviation_percent: if avg > 0.0 {
                (load_per_capacity - avg) / avg * 100.0
            } else {
                0.0
            },
        })
        .collect()
}

/// Nets the ledger per pair of members: who owes whom how many weighted hours.
fn paybacks(ledger: &[CoverEntry]) -> Vec<Payback> {
    let mut net: BTreeMap<(Id, Id), f64> = BTreeMap::new();
    for e in ledger {
        let (key, sign) = if e.covered_by < e.covered_for {
            ((e.covered_by, e.covered_for), 1.0)
        } else {
            ((e.covered_for, e.covered_by), -1.0)
        };
        *net.entry(key).or_default() += sign * e.weighted_hours;
    }
    let mut out: Vec<Payback> = net
        .into_iter()
        .filter(|(_, h)| h.abs() > 0.01)
        .map(|((lo, hi), h)| {
            // h > 0: `lo` covered more for `hi`, so `hi` owes `lo`.
            let (owed_by, owed_to) = if h > 0.0 { (hi, lo) } else { (lo, hi) };
            Payback {
                owed_by,
                owed_to,
                weighted_hours: h.abs(),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.weighted_hours
            .total_cmp(&a.weighted_hours)
            .then(a.owed_by.cmp(&b.owed_by))
    });
    out
}
