//! Checking a rotation: every problem with a kind, a severity, the turns concerned and a sentence
//! a scrum master understands ("Ben is on vacation 2026-12-01 to 2026-12-05 during the Op of the
//! Week turn starting Mon 2026-11-30 12:00").
//!
//! [`ConflictChecker`] indexes the context once, so re-checking after each edit in the planner
//! screen is cheap; [`validate`] is the one-shot form.
//!
//! Coverage is checked over the whole range asked for, its first and last day included: from the
//! first day's local midnight (the turn running then started before the range, see
//! [`super::handoff`]) to the last day's end.
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::calendar::{Calendar, RotationContext};
use super::handoff::{windows, Window};
use super::planner::{counts_as_duty, paired};
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
        /// One member on turns of two policies at the same time ("Ana is on Batman duty on Tue
        /// 2026-12-08 while also holding the Op of the Week turn starting Mon 2026-12-07 12:00").
        /// Any two policies of the context count — the team's own, and another team's policy its
        /// policies escalate to — except a policy and its own escalation pair (that is
        /// [`ConflictKind::SamePersonInPair`]). A standing policy's fixed member is left out: a
        /// standing shield (the tech lead) overlaps everything by design, so their standing turns
        /// are no second duty; a stand-in covering for them is, like anyone else's turn. A
        /// warning: the planner avoids it where someone else is free.
        DoubleDuty = "double_duty", "Two duties at once";
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
    /// Pairs of policy ids (smaller first) whose overlapping turns of one member are a
    /// [`ConflictKind::DoubleDuty`]: distinct policies not paired by escalation.
    double: Vec<(Id, Id)>,
}

/// Every conflict in `turns` over `horizon` (local days, inclusive); see [`ConflictChecker`].
pub fn validate(turns: &[Turn], ctx: &RotationContext, horizon: DateSpan) -> Vec<Conflict> {
    ConflictChecker::new(ctx, horizon).check(turns)
}

/// Joins windows that touch into one stretch, and keeps the part inside `[from, to)`.
fn merged(ws: Vec<Window>, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Window> {
    let mut out: Vec<Window> = Vec::new();
    let clipped = ws.into_iter().filter_map(|w| {
        let (start, end) = (w.start.max(from), w.end.min(to));
        (start < end).then_some(Window { start, end })
    });
    for w in clipped {
        match out.last_mut() {
            Some(last) if w.start <= last.end => last.end = last.end.max(w.end),
            _ => out.push(w),
        }
    }
    out
}

impl<'a> ConflictChecker<'a> {
    /// Indexes `ctx` and computes which stretches each policy must cover: its turn windows over
    /// `horizon` (see [`super::handoff`]; the lead-in from the first day's midnight included),
    /// adjacent windows merged, inside `[first day 00:00, day after last 00:00)`.
    pub fn new(ctx: &'a RotationContext, horizon: DateSpan) -> Self {
        let cal = Calendar::new(ctx);
        let (from, to) = cal.bounds(horizon);
        let expected = ctx
            .policies
            .iter()
            .map(|p| (p.id, merged(windows(&p.spec, &cal, horizon), from, to)))
            .collect();
        let mut double = Vec::new();
        for (i, a) in ctx.policies.iter().enumerate() {
            for b in &ctx.policies[i + 1..] {
                if a.id != b.id && !paired(a, b) {
                    double.push((a.id.min(b.id), a.id.max(b.id)));
                }
            }
        }
        double.sort_unstable();
        double.dedup();
        Self { cal, expected, double }
    }

    /// Every conflict in `turns`: per policy overlaps, coverage gaps and back-to-back turns; per
    /// turn time off, holidays and inactive members; per escalation pair the same person in both
    /// halves at once; per member two duties at once. Sorted by start, then policy.
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
        self.check_double_duty(turns, &mut out);
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

    /// Overlaps and back-to-back turns within one policy (`idx` sorted by start). Back-to-back
    /// turns count only for a rotating policy with more than one eligible member and a minimum
    /// gap above 0 (a gap of 0 allows them).
    fn check_sequence(&self, policy_id: Id, turns: &[Turn], idx: &[usize], out: &mut Vec<Conflict>) {
        let policy = self.cal.ctx.policy(policy_id);
        let rotating = policy.is_some_and(|p| {
            p.spec.kind != PolicyKind::Standing
                && p.spec.min_gap_turns > 0
                && p.eligible(&self.cal.ctx.members).len() > 1
        });
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
            // Active days are one stretch, so checking both ends finds any inactive day; the one
            // named is the first (the turn's first day, or the day after the member's last).
            let inactive = [days.first, days.last]
                .into_iter()
                .find(|d| !m.is_active_on(*d))
                .map(|d| match m.spec.active_until {
                    Some(last) if m.is_active_on(days.first) && last < d => last.succ_opt().unwrap_or(d),
                    _ => days.first.min(d),
                });
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
        // A daily turn that begins on a holiday (at or after that day's handoff); the tail of the
        // previous working day's turn running into it — like a lead-in — does not.
        let begins_on_holiday = self
            .cal
            .ctx
            .policy(t.policy_id)
            .filter(|p| p.spec.kind == PolicyKind::Daily)
            .is_some_and(|p| t.start >= self.cal.at(days.first, p.spec.handoff.time));
        if let Some(holiday) = self.cal.holiday(days.first).filter(|_| begins_on_holiday) {
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

    /// One member on overlapping turns of two policies that are not an escalation pair, the
    /// fixed member's standing turns left out (see [`ConflictKind::DoubleDuty`]). Reported once
    /// per pair of turns, on the shorter one ("on Batman duty on Tue … while also holding the Op
    /// of the Week turn …"), for the time they overlap.
    fn check_double_duty(&self, turns: &[Turn], out: &mut Vec<Conflict>) {
        if self.double.is_empty() {
            return;
        }
        let policy = |id: Id| self.cal.ctx.policy(id);
        let mut idx: Vec<usize> = (0..turns.len())
            .filter(|&i| {
                let t = &turns[i];
                policy(t.policy_id).is_some() && counts_as_duty(t, policy(t.policy_id))
            })
            .collect();
        idx.sort_by_key(|&i| (turns[i].member_id, turns[i].start, turns[i].end));
        for (n, &i) in idx.iter().enumerate() {
            let a = &turns[i];
            for &j in idx[n + 1..]
                .iter()
                .take_while(|&&j| turns[j].member_id == a.member_id && turns[j].start < a.end)
            {
                let b = &turns[j];
                let key = (a.policy_id.min(b.policy_id), a.policy_id.max(b.policy_id));
                if self.double.binary_search(&key).is_err() {
                    continue;
                }
                // Describe the shorter turn as the one held "while also" on the longer.
                let ((si, s), (li, l)) = if (b.end - b.start) < (a.end - a.start) {
                    ((j, b), (i, a))
                } else {
                    ((i, a), (j, b))
                };
                let (start, end) = (a.start.max(b.start), a.end.min(b.end));
                let days = self.cal.duty_days(start, end);
                let when = if days.first == days.last {
                    format!("on {}", days.first.format("%a %Y-%m-%d"))
                } else {
                    format!(
                        "from {} to {}",
                        days.first.format("%a %Y-%m-%d"),
                        days.last.format("%a %Y-%m-%d")
                    )
                };
                out.push(Conflict {
                    kind: ConflictKind::DoubleDuty,
                    severity: ConflictKind::DoubleDuty.severity(),
                    policy_id: s.policy_id,
                    turns: vec![si, li],
                    member_id: Some(s.member_id),
                    start,
                    end,
                    message: format!(
                        "{} is on {} duty {when} while also holding {}",
                        self.cal.name(s.member_id),
                        self.policy_name(s.policy_id),
                        self.turn_label(l)
                    ),
                });
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
