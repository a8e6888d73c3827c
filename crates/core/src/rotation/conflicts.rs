//! Checking a rotation: every problem with a kind, a severity, the turns concerned and a sentence
//! a scrum master understands ("Ben is on vacation 2026-12-01 to 2026-12-05 during the Op of the
//! Week turn starting Mon 2026-11-30 12:00").
//!
//! [`ConflictChecker`] indexes the context once, so re-checking after each edit in the planner
//! screen is cheap; [`validate`] is the one-shot form.
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::calendar::{Calendar, RotationContext};
use super::handoff::{windows, Window};
use super::policy::PolicyKind;
use super::turn::Turn;
use crate::time::DateSpan;
use crate::{named_enum, Id};

named_enum! {
    /// What is wrong with a rotation.
    pub enum ConflictKind ("conflict kind") {
        CoverageGap = "coverage_gap", "Nobody on duty";
        TimeOff = "time_off", "On time off during the turn";
        Holiday = "holiday", "Turn on a team holiday";
        InactiveMember = "inactive_member", "Member not active or not taking duty";
        SamePersonInPair = "same_person_in_pair", "Same person in both halves of an escalation pair";
        BackToBack = "back_to_back", "Back-to-back turns";
        Overlap = "overlap", "Overlapping turns";
    }
}

named_enum! {
    /// How bad a conflict is: an error makes the rotation ambiguous, a warning is a judgement call.
    #[ts(rename = "ConflictSeverity")]
    pub enum Severity ("severity") {
        Warning = "warning", "Warning";
        Error = "error", "Error";
    }
}

impl ConflictKind {
    /// The severity of this kind: overlapping turns are an error (who is on duty?), the rest warnings.
    pub fn severity(self) -> Severity {
        match self {
            ConflictKind::Overlap => Severity::Error,
            _ => Severity::Warning,
        }
    }
}

/// One problem found in a rotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Conflict {
    /// What is wrong.
    pub kind: ConflictKind,
    /// Error or warning.
    pub severity: Severity,
    /// The policy concerned.
    pub policy_id: Id,
    /// Indexes of the turns concerned in the checked slice (empty for a coverage gap).
    pub turns: Vec<usize>,
    /// The member concerned, if one.
    pub member_id: Option<Id>,
    /// Start of the period concerned.
    pub start: DateTime<Utc>,
    /// End of the period concerned.
    pub end: DateTime<Utc>,
    /// One sentence for people.
    pub message: String,
}

/// Checks rotations against one context and horizon; build once, check many times.
pub struct ConflictChecker<'a> {
    cal: Calendar<'a>,
    expected: BTreeMap<Id, Vec<Window>>,
}

/// Every conflict in `turns` over `horizon` (local days, inclusive); see [`ConflictChecker`].
pub fn validate(turns: &[Turn], ctx: &RotationContext, horizon: DateSpan) -> Vec<Conflict> {
    ConflictChecker::new(ctx, horizon).check(turns)
}

/// Joins windows that touch into one stretch.
fn merged(ws: Vec<Window>) -> Vec<Window> {
    let mut out: Vec<Window> = Vec::new();
    for w in ws {
        match out.last_mut() {
            Some(last) if w.start <= last.end => last.end = last.end.max(w.end),
            _ => out.push(w),
        }
    }
    out
}

impl<'a> ConflictChecker<'a> {
    /// Indexes `ctx` and computes which stretches each policy must cover: its turn windows over
    /// `horizon` (see [`super::handoff`]), adjacent windows merged.
    pub fn new(ctx: &'a RotationContext, horizon: DateSpan) -> Self {
        let cal = Calendar::new(ctx);
        let expected = ctx
            .policies
            .iter()
            .map(|p| (p.id, merged(windows(&p.spec, &cal, horizon))))
            .collect();
        Self { cal, expected }
    }

    /// Every conflict in `turns`: per policy overlaps, coverage gaps and back-to-back turns; per
    /// turn time off, holidays and inactive members; per escalation pair the same person in both
    /// halves at once. Sorted by start, then policy.
    pub fn check(&self, turns: &[Turn]) -> Vec<Conflict> {
        let mut by_policy: BTreeMap<Id, Vec<usize>> = BTreeMap::new();
        for (i, t) in turns.iter().enumerate() {
            by_policy.entry(t.policy_id).or_default().push(i);
        }
        for idx in by_policy.values_mut() {
            idx.sort_by_key(|&i| (turns[i].start, turns[i].end));
        }
        let mut out = Vec::new();
        for (&policy_id, idx) in &by_policy {
            self.check_sequence(policy_id, turns, idx, &mut out);
            for &i in idx {
                self.check_turn(i, &turns[i], &mut out);
            }
            if let Some(partner) = self.cal.ctx.policy(policy_id).and_then(|p| p.spec.escalates_to) {
                if let Some(pidx) = by_policy.get(&partner).filter(|_| partner != policy_id) {
                    self.check_pair(turns, idx, pidx, &mut out);
                }
            }
        }
        for (policy_id, ws) in &self.expected {
            let idx = by_policy.get(policy_id).map_or(&[][..], Vec::as_slice);
            self.check_coverage(*policy_id, turns, idx, ws, &mut out);
        }
        out.sort_by_key(|c| (c.start, c.policy_id, c.kind));
        out
    }

    fn policy_name(&self, id: Id) -> String {
        self.cal
            .ctx
            .policy(id)
            .map_or_else(|| format!("policy {id}"), |p| p.spec.name.clone())
    }

    fn local(&self, at: DateTime<Utc>) -> String {
        at.with_timezone(&self.cal.zone())
            .format("%a %Y-%m-%d %H:%M")
            .to_string()
    }

    fn turn_label(&self, t: &Turn) -> String {
        format!(
            "the {} turn starting {}",
            self.policy_name(t.policy_id),
            self.local(t.start)
        )
    }

    fn push(&self, out: &mut Vec<Conflict>, kind: ConflictKind, t: &Turn, turns: Vec<usize>, message: String) {
        out.push(Conflict {
            kind,
            severity: kind.severity(),
            policy_id: t.policy_id,
            turns,
            member_id: Some(t.member_id),
            start: t.start,
            end: t.end,
            message,
        });
    }

    /// Overlaps and back-to-back turns within one policy (`idx` sorted by start).
    fn check_sequence(&self, policy_id: Id, turns: &[Turn], idx: &[usize], out: &mut Vec<Conflict>) {
        let policy = self.cal.ctx.policy(policy_id);
        let rotating =
            policy.is_some_and(|p| p.spec.kind != PolicyKind::Standing && p.eligible(&self.cal.ctx.members).len() > 1);
        let mut reach: Option<usize> = None; // the turn reaching furthest so far
        for &i in idx {
            let t = &turns[i];
            if let Some(r) = reach {
                let prev = &turns[r];
                if t.start < prev.end {
                    let msg = format!(
                        "{} overlaps {}: {} and {} would both be on duty",
                        self.turn_label(t),
                        self.turn_label(prev),
                        self.cal.name(t.member_id),
                        self.cal.name(prev.member_id)
                    );
                    self.push(out, ConflictKind::Overlap, t, vec![r, i], msg);
                } else if rotating && t.start == prev.end && t.member_id == prev.member_id {
                    let msg = format!(
                        "{} has two {} turns in a row ({} and {})",
                        self.cal.name(t.member_id),
                        self.policy_name(policy_id),
                        self.local(prev.start),
                        self.local(t.start)
                    );
                    self.push(out, ConflictKind::BackToBack, t, vec![r, i], msg);
                }
            }
            if reach.is_none_or(|r| t.end > turns[r].end) {
                reach = Some(i);
            }
        }
    }

    /// Time off, holiday and inactive-member checks of one turn.
    fn check_turn(&self, i: usize, t: &Turn, out: &mut Vec<Conflict>) {
        let days = self.cal.duty_days(t.start, t.end);
        let name = self.cal.name(t.member_id);
        if let Some(m) = self.cal.member(t.member_id) {
            let inactive = [days.first, days.last].into_iter().find(|d| !m.is_active_on(*d));
            if let Some(day) = inactive {
                let msg = format!(
                    "{name} is not active on {day} (not yet joined or already left) but holds {}",
                    self.turn_label(t)
                );
                self.push(out, ConflictKind::InactiveMember, t, vec![i], msg);
            } else if !m.spec.can_take_duty {
                let msg = format!("{name} is marked as not taking duty but holds {}", self.turn_label(t));
                self.push(out, ConflictKind::InactiveMember, t, vec![i], msg);
            }
        }
        if let Some(off) = self.cal.time_off_during(t.member_id, days) {
            let msg = format!(
                "{name} is on {} {} to {} during {}",
                off.spec.kind.label().to_lowercase(),
                off.spec.days.first,
                off.spec.days.last,
                self.turn_label(t)
            );
            self.push(out, ConflictKind::TimeOff, t, vec![i], msg);
        }
        let daily = self
            .cal
            .ctx
            .policy(t.policy_id)
            .is_some_and(|p| p.spec.kind == PolicyKind::Daily);
        if let Some(holiday) = self.cal.holiday(days.first).filter(|_| daily) {
            let msg = format!(
                "{} falls on a team holiday ({holiday}); daily turns skip holidays",
                self.turn_label(t)
            );
            self.push(out, ConflictKind::Holiday, t, vec![i], msg);
        }
    }

    /// The same person in both halves of an escalation pair at overlapping times.
    fn check_pair(&self, turns: &[Turn], primary: &[usize], partner: &[usize], out: &mut Vec<Conflict>) {
        let mut from = 0;
        for &i in primary {
            let t = &turns[i];
            while from < partner.len() && turns[partner[from]].end <= t.start {
                from += 1;
            }
            for &j in partner[from..].iter().take_while(|&&j| turns[j].start < t.end) {
                let u = &turns[j];
                if u.member_id == t.member_id && u.overlaps(t.start, t.end) {
                    let msg = format!(
                        "{} is on both {} and {} at the same time; the escalation needs a second person",
                        self.cal.name(t.member_id),
                        self.turn_label(t),
                        self.turn_label(u)
                    );
                    self.push(out, ConflictKind::SamePersonInPair, t, vec![i, j], msg);
                }
            }
        }
    }

    /// Stretches of `expected` that no turn of the policy covers.
    fn check_coverage(
        &self,
        policy_id: Id,
        turns: &[Turn],
        idx: &[usize],
        expected: &[Window],
        out: &mut Vec<Conflict>,
    ) {
        for w in expected {
            let mut cursor = w.start;
            for t in idx.iter().map(|&i| &turns[i]).filter(|t| t.overlaps(w.start, w.end)) {
                if t.start > cursor {
                    out.push(self.gap(policy_id, cursor, t.start));
                }
                cursor = cursor.max(t.end);
            }
            if cursor < w.end {
                out.push(self.gap(policy_id, cursor, w.end));
            }
        }
    }

    fn gap(&self, policy_id: Id, start: DateTime<Utc>, end: DateTime<Utc>) -> Conflict {
        Conflict {
            kind: ConflictKind::CoverageGap,
            severity: ConflictKind::CoverageGap.severity(),
            policy_id,
            turns: Vec::new(),
            member_id: None,
            start,
            end,
            message: format!(
                "Nobody is on {} duty from {} to {}",
                self.policy_name(policy_id),
                self.local(start),
                self.local(end)
            ),
        }
    }
}
