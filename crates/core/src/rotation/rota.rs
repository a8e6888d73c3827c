//! Fair selection for rotating policies (daily, weekly, per sprint).
//!
//! Every turn, kept or to plan, hands out one turn's worth of *entitlement* (a count and its
//! weighted hours) to the pool members available for it, in proportion to their capacity; a
//! lead-in (the part of a turn that started before the horizon, see [`super::handoff`]) hands
//! out its share of a turn. A member's deficit is entitlement minus what they actually carried.
//! So: part-time members are entitled to less; someone away earns no entitlement while away and
//! owes nothing for it; a newcomer starts level instead of owing the whole history.
//!
//! Picking a member for a window:
//! 1. hard filters, relaxed in tiers only when nobody passes: free (active, not on time off) and
//!    not on the paired escalation policy at the same time; then active; then not paired; then
//!    anyone in the pool;
//! 2. no self-made conflicts: of those, only the ones who would make neither a back-to-back turn
//!    (holding the turn just before or just after, when the policy's minimum gap is not 0) nor
//!    two duties at once (on another policy's turn overlapping the window, see
//!    [`super::conflicts::ConflictKind::DoubleDuty`]); when every one of them would, the ones
//!    who would only be back to back (one duty for longer is lighter than two at once);
//! 3. the *band*: candidates within half a turn of the largest count deficit (keeps turn counts
//!    within one of each other when everyone is alike);
//! 4. in the band, in order: respects the minimum gap, fewer repeats of the same escalation
//!    pair, not two newcomers together, then load: a heavy window (weekend-laden Friday,
//!    holiday week) goes to the one with the largest weighted deficit, a light one to whoever
//!    carried the most, so heavy turns rotate; last, the lowest member id.
//!
//! **Minimal change.** When a horizon is planned again, the turns planned before (unlocked, not
//! yet started) are *previous* turns: each window keeps its previous person unless the window
//! must change. A window's previous person is the person of the previous turn overlapping it
//! most — or, when that turn remembers a planned person (an override reverted to the plan, a
//! cover for someone no longer away), that planned person if they are free again. They keep the
//! window when they pass the hard filters above, would make no conflict that someone else would
//! not (back to back, two duties at once), and are within [`KEEP_BAND`] turns of the largest
//! count deficit among those candidates. Otherwise the window is chosen afresh as above, and the
//! fresh choice also avoids, where it can, people whose previous turns it would push into a
//! conflict — holding a previous turn of this policy within the minimum gap after it, or a
//! previous turn of a policy planned later at the same time — so the change does not travel
//! down the plan. So an override changes at most the turns it makes conflict, a new holiday
//! the turns on that day, new time off the turns during it; a re-plan with no edit changes
//! nothing. Fairness stays bounded: a kept person is never more than [`KEEP_BAND`] turns further
//! below a fair share than the person furthest below it, and once an edit pushes someone past
//! that, the planner evens it out at their next turn.
use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};

use super::calendar::Calendar;
use super::handoff::Window;
use super::planner::{uncovered, Explanation};
use super::policy::DutyPolicy;
use super::turn::Turn;
use crate::member::Member;
use crate::time::DateSpan;
use crate::Id;

/// Half a turn: candidates this close to the largest count deficit are treated as level.
const BAND: f64 = 0.5;
/// A re-planned window keeps its previous person while they are this many turns or less below
/// the largest count deficit among the candidates (see the module docs).
pub(crate) const KEEP_BAND: f64 = 3.0;
/// A member who joined less than this many days before a turn counts as a newcomer.
const NEWCOMER_DAYS: i64 = 56;

#[derive(Debug, Default, Clone)]
struct Ledger {
    count: f64,
    load: f64,
    ent_count: f64,
    ent_load: f64,
    last_seq: Option<usize>,
    shadowed: u32,
}

impl Ledger {
    fn count_deficit(&self) -> f64 {
        self.ent_count - self.count
    }
    fn load_deficit(&self) -> f64 {
        self.ent_load - self.load
    }
}

/// The running state of one rotating policy while it is planned.
pub(crate) struct Rota<'c, 'a> {
    cal: &'c Calendar<'a>,
    policy: &'c DutyPolicy,
    eligible: Vec<&'a Member>,
    partners: Vec<Turn>,
    /// Turns of other, unpaired policies (by start): a second duty at the same time.
    others: Vec<Turn>,
    /// This policy's turns of the plan being replaced (by start): kept where still valid.
    previous: Vec<Turn>,
    /// Previous turns of the policies planned after this one (by start): whom a fresh choice
    /// should not put on a second duty at once, which would move those turns too.
    pending: Vec<Turn>,
    longest_pending: Duration,
    /// The lead-in window, filled last (after the windows that follow it).
    lead: Option<Window>,
    ledgers: HashMap<Id, Ledger>,
    pairs: HashMap<(Id, Id), u32>,
    longest_partner: Duration,
    longest_other: Duration,
    longest_kept: Duration,
    seq: usize,
    /// Weighted hours of the whole turns so far (lead-ins left out) and how many.
    weight_sum: f64,
    whole_turns: usize,
}

/// How a window's weighted hours compare with the policy's average turn so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Size {
    /// More than 5 % above average: goes to the largest weighted deficit.
    Heavy,
    /// More than 5 % below average: goes to whoever carried most.
    Light,
    /// Around average: goes to the largest weighted deficit.
    Usual,
}

impl Size {
    fn of(weight: f64, avg: f64) -> Self {
        if weight > avg * 1.05 {
            Size::Heavy
        } else if weight < avg * 0.95 {
            Size::Light
        } else {
            Size::Usual
        }
    }
}

/// What the planner weighed for one candidate; smaller sorts first.
struct Candidate {
    id: Id,
    gap_violation: bool,
    pair_repeats: u32,
    newcomer_pair: bool,
    load_key: f64,
}

impl<'c, 'a> Rota<'c, 'a> {
    /// `partners`: turns of the escalation pair's other half; `others`: turns of the other
    /// policies that count as a second duty (see [`super::planner`]); both sorted by start.
    pub fn new(cal: &'c Calendar<'a>, policy: &'c DutyPolicy, partners: Vec<Turn>, others: Vec<Turn>) -> Self {
        let eligible = policy.eligible(&cal.ctx.members);
        let longest = |ts: &[Turn]| ts.iter().map(|t| t.end - t.start).max().unwrap_or_default();
        Self {
            longest_partner: longest(&partners),
            longest_other: longest(&others),
            longest_kept: Duration::zero(),
            cal,
            policy,
            eligible,
            partners,
            others,
            previous: Vec::new(),
            pending: Vec::new(),
            longest_pending: Duration::zero(),
            lead: None,
            ledgers: HashMap::new(),
            pairs: HashMap::new(),
            seq: 0,
            weight_sum: 0.0,
            whole_turns: 0,
        }
    }

    /// Re-planning: `previous` are this policy's turns being replaced, `pending` the previous
    /// turns of policies planned after it (both sorted by start); see the module docs.
    pub fn with_previous(mut self, previous: Vec<Turn>, pending: Vec<Turn>) -> Self {
        self.longest_pending = pending.iter().map(|t| t.end - t.start).max().unwrap_or_default();
        self.previous = previous;
        self.pending = pending;
        self
    }

    /// Walks kept turns and windows in time order; returns all turns of the policy (kept and
    /// generated, sorted) and an explanation per generated window.
    ///
    /// `lead_share`: when set, the first window is a lead-in, that share of a turn. It is the
    /// tail of a turn that began before the horizon, so it is given last, once the horizon's
    /// whole turns are placed, to whoever is furthest behind by then (not the holder of the
    /// first turn after it): the rounds of whole turns stay aligned with the first handoff (a
    /// Mon–Fri daily rotation keeps everyone one day a calendar week) and turn counts stay
    /// within one of each other.
    pub fn run(
        mut self,
        kept: Vec<Turn>,
        windows: &[Window],
        lead_share: Option<f64>,
    ) -> (Vec<Turn>, Vec<Explanation>) {
        let (lead, whole) = match (lead_share, windows.split_first()) {
            (Some(share), Some((first, rest))) => (Some((*first, share)), rest),
            _ => (None, windows),
        };
        let mut out: Vec<Turn> = Vec::new();
        let mut why = Vec::new();
        let mut k = 0;
        self.lead = lead.map(|(w, _)| w);
        self.longest_kept = kept.iter().map(|t| t.end - t.start).max().unwrap_or_default();
        let gap = usize::from(self.policy.spec.min_gap_turns);
        for (i, w) in whole.iter().enumerate() {
            while k < kept.len() && kept[k].start < w.start {
                self.account_kept(&kept[k]);
                k += 1;
            }
            // The previous turns a fresh choice here would push within the minimum gap.
            let ahead = (gap > 0).then(|| whole[(i + gap).min(whole.len() - 1)].end);
            self.fill(*w, None, ahead, &kept, &mut out, &mut why);
        }
        for t in &kept[k..] {
            self.account_kept(t);
        }
        if let Some((w, share)) = lead {
            self.fill(w, Some(share), None, &kept, &mut out, &mut why);
        }
        out.extend(kept);
        out.sort_by_key(|t| (t.start, t.end));
        (out, why)
    }

    /// Plans the pieces of `w` that `kept` leaves uncovered, all for one member; `out` stays
    /// sorted by start.
    ///
    /// `ahead`: where the minimum gap after this window ends (previous turns starting before it
    /// are pushed into a conflict by giving this window to their person).
    fn fill(
        &mut self,
        w: Window,
        lead_share: Option<f64>,
        ahead: Option<DateTime<Utc>>,
        kept: &[Turn],
        out: &mut Vec<Turn>,
        why: &mut Vec<Explanation>,
    ) {
        let pieces = uncovered(w, kept);
        if pieces.is_empty() {
            return;
        }
        let neighbours = self.neighbours(&pieces, kept, out);
        let prev = self.previous_of(&pieces).cloned();
        let displaced = self.displaced(&pieces, prev.as_ref(), ahead);
        let planned = prev.as_ref().map(|t| self.planned_person(t));
        let Some((member, kept_prev, reason)) = self.choose(&pieces, lead_share, &neighbours, planned, &displaced)
        else {
            return;
        };
        why.push(Explanation {
            policy_id: self.policy.id,
            start: pieces[0].start,
            member_id: member,
            reason,
        });
        let at = out.partition_point(|t| t.start < pieces[0].start);
        // The previous turn itself (its id, note and shadow) when it stays exactly as it was.
        let same = prev.filter(|p| {
            kept_prev
                && p.member_id == member
                && pieces.len() == 1
                && p.start == pieces[0].start
                && p.end == pieces[0].end
        });
        if let Some(p) = same {
            if let Some(s) = p.shadow_member_id {
                self.ledgers.entry(s).or_default().shadowed += 1;
            }
            out.insert(at, p);
            return;
        }
        let shadow = self.pick_shadow(member, &pieces);
        out.splice(
            at..at,
            pieces.iter().map(|p| Turn {
                shadow_member_id: shadow,
                ..Turn::generated(self.policy.id, member, p.start, p.end)
            }),
        );
    }

    /// The previous turn of this policy for `pieces`: the one starting where they start (the
    /// same calendar event), else the one overlapping them most (the earlier on a tie).
    fn previous_of(&self, pieces: &[Window]) -> Option<&Turn> {
        let (start, end) = (pieces[0].start, pieces[pieces.len() - 1].end);
        let overlap = |t: &Turn| -> Duration {
            pieces
                .iter()
                .map(|p| (t.end.min(p.end) - t.start.max(p.start)).max(Duration::zero()))
                .sum()
        };
        // A policy's turns do not overlap, so their ends rise with their starts.
        let from = self.previous.partition_point(|t| t.end <= start);
        let upto = self.previous.partition_point(|t| t.start < end).max(from);
        let near = &self.previous[from..upto];
        if let Some(same) = near.iter().find(|t| t.start == start) {
            return Some(same);
        }
        near.iter()
            .filter(|t| t.end > start)
            .map(|t| (overlap(t), t))
            .filter(|(o, _)| *o > Duration::zero())
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.start.cmp(&a.1.start)))
            .map(|(_, t)| t)
    }

    /// Who a previous turn was planned for: its person, or the planned person it remembers (an
    /// override reverted to the plan, a cover for someone away) when they are free for it now.
    fn planned_person(&self, t: &Turn) -> Id {
        match t.replaced_member_id {
            Some(planned)
                if planned != t.member_id && self.cal.available(planned, self.cal.duty_days(t.start, t.end)) =>
            {
                planned
            }
            _ => t.member_id,
        }
    }

    /// People whose previous turns a fresh choice of them for `pieces` would push into a
    /// conflict: their previous turn of this policy starting before `ahead` (within the minimum
    /// gap) or in the lead-in just before (planned last), or a previous turn of a policy planned
    /// later at the same time.
    fn displaced(&self, pieces: &[Window], prev: Option<&Turn>, ahead: Option<DateTime<Utc>>) -> Vec<Id> {
        let (start, end) = (pieces[0].start, pieces[pieces.len() - 1].end);
        let mut ids: Vec<Id> = Vec::new();
        if let Some(ahead) = ahead.filter(|_| self.eligible.len() > 1) {
            let from = self.previous.partition_point(|t| t.start < end);
            let upto = self.previous.partition_point(|t| t.start < ahead);
            ids.extend(
                self.previous[from..upto]
                    .iter()
                    .filter(|t| prev.is_none_or(|p| p.start != t.start))
                    .map(|t| t.member_id),
            );
            if let Some(lead) = self.lead.filter(|l| l.end == start) {
                ids.extend(
                    self.previous
                        .iter()
                        .filter(|t| t.overlaps(lead.start, lead.end))
                        .map(|t| t.member_id),
                );
            }
        }
        let from = self.pending.partition_point(|t| t.start < start - self.longest_pending);
        let upto = self.pending.partition_point(|t| t.start < end);
        ids.extend(
            self.pending[from..upto]
                .iter()
                .filter(|t| pieces.iter().any(|p| t.overlaps(p.start, p.end)))
                .map(|t| t.member_id),
        );
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    fn account_kept(&mut self, t: &Turn) {
        let days = self.cal.duty_days(t.start, t.end);
        let weight = self.cal.weighted_hours(t.start, t.end, &self.policy.spec.weights);
        let free = self.free_on(days);
        self.entitle(&free, weight, 1.0);
        let partners = self.partner_members(t.start, t.end);
        self.assign(t.member_id, weight, 1.0, &partners);
    }

    /// Members holding a turn of this policy (kept, or generated so far) that ends where a piece
    /// starts or starts where a piece ends: giving them the window makes a back-to-back turn.
    /// Empty when the policy allows back-to-back turns (minimum gap 0) or has a pool of one.
    fn neighbours(&self, pieces: &[Window], kept: &[Turn], out: &[Turn]) -> Vec<Id> {
        if self.policy.spec.min_gap_turns == 0 || self.eligible.len() < 2 {
            return Vec::new();
        }
        let (start, end) = (pieces[0].start, pieces[pieces.len() - 1].end);
        let touches = |t: &&Turn| pieces.iter().any(|p| t.end == p.start || t.start == p.end);
        let from = kept.partition_point(|t| t.start < start - self.longest_kept);
        let upto = kept.partition_point(|t| t.start <= end);
        // Generated turns never overlap each other, so before `start` their ends rise too.
        let lo = out.partition_point(|t| t.start < start);
        let hi = out.partition_point(|t| t.start <= end);
        let mut ids: Vec<Id> = kept[from..upto]
            .iter()
            .chain(out[..lo].iter().rev().take_while(|t| t.end >= start))
            .chain(&out[lo..hi])
            .filter(touches)
            .map(|t| t.member_id)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Members on another duty (see `others`) at some instant of one of `pieces`, with the
    /// policy of that duty.
    fn busy_members(&self, pieces: &[Window]) -> Vec<(Id, Id)> {
        let (start, end) = (pieces[0].start, pieces[pieces.len() - 1].end);
        let from = self.others.partition_point(|t| t.start < start - self.longest_other);
        let upto = self.others.partition_point(|t| t.start < end);
        let mut ids: Vec<(Id, Id)> = self.others[from..upto]
            .iter()
            .filter(|t| pieces.iter().any(|p| t.overlaps(p.start, p.end)))
            .map(|t| (t.member_id, t.policy_id))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The eligible members available on every day of `days`.
    fn free_on(&self, days: DateSpan) -> Vec<Id> {
        self.eligible
            .iter()
            .map(|m| m.id)
            .filter(|id| self.cal.available(*id, days))
            .collect()
    }

    /// Hands out `share` of a turn of entitlement (count `share`, `weight` hours) to `free` by
    /// capacity.
    fn entitle(&mut self, free: &[Id], weight: f64, share: f64) {
        if share >= 1.0 {
            self.weight_sum += weight;
            self.whole_turns += 1;
        }
        let cap = |id: &Id| self.cal.member(*id).map_or(1.0, |m| f64::from(m.spec.capacity_percent));
        let total: f64 = free.iter().map(cap).sum();
        if total <= 0.0 {
            return;
        }
        let turn_share = share;
        for id in free {
            let share = cap(id) / total;
            let l = self.ledgers.entry(*id).or_default();
            l.ent_count += share * turn_share;
            l.ent_load += share * weight;
        }
    }

    fn assign(&mut self, member: Id, weight: f64, share: f64, partners: &[Id]) {
        let l = self.ledgers.entry(member).or_default();
        l.count += share;
        l.load += weight;
        l.last_seq = Some(self.seq);
        self.seq += 1;
        for p in partners {
            *self.pairs.entry((*p, member)).or_default() += 1;
        }
    }

    /// Members on a paired escalation policy at any instant of `[start, end)`.
    fn partner_members(&self, start: DateTime<Utc>, end: DateTime<Utc>) -> Vec<Id> {
        let upto = self.partners.partition_point(|t| t.start < end);
        let from = self
            .partners
            .partition_point(|t| t.start < start - self.longest_partner);
        let mut ids: Vec<Id> = self.partners[from..upto]
            .iter()
            .filter(|t| t.overlaps(start, end))
            .map(|t| t.member_id)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Who takes the window: its previous person (`prev`) where they may keep it, else the best
    /// candidate; with whether the previous person kept it, and why.
    fn choose(
        &mut self,
        pieces: &[Window],
        lead_share: Option<f64>,
        neighbours: &[Id],
        prev: Option<Id>,
        displaced: &[Id],
    ) -> Option<(Id, bool, String)> {
        let (start, end) = (pieces[0].start, pieces[pieces.len() - 1].end);
        let days = self.cal.duty_days(start, end);
        let weight: f64 = pieces
            .iter()
            .map(|p| self.cal.weighted_hours(p.start, p.end, &self.policy.spec.weights))
            .sum();
        let share = lead_share.unwrap_or(1.0);
        let partners = self.partner_members(start, end);
        let busy = self.busy_members(pieces);
        let free = self.free_on(days);
        self.entitle(&free, weight, share);
        let pool = self.tiered_pool(&free, &partners, days);
        // 0: no conflict of its own, 1: would push a previous turn into one, 2: back to back,
        // 3: two duties at once.
        let own = |id: &Id| {
            if busy.iter().any(|(m, _)| m == id) {
                3
            } else if neighbours.contains(id) {
                2
            } else {
                0
            }
        };
        let clash = |id: &Id| own(id).max(u8::from(displaced.contains(id)));
        let least = pool.iter().map(clash).min().unwrap_or(0);
        let keep = prev.filter(|p| pool.contains(p) && own(p) <= least);
        let pool: Vec<Id> = pool.iter().copied().filter(|id| clash(id) == least).collect();
        let size = match lead_share {
            Some(_) => Size::Usual,
            None => Size::of(weight, self.weight_sum / self.whole_turns.max(1) as f64),
        };
        let keep = keep.filter(|p| self.may_keep(*p, &pool, lead_share.is_none()));
        let best = match keep {
            Some(p) => p,
            None => self.rank(&pool, &partners, days, size, lead_share.is_none())?,
        };
        let mut reason = self.reason(best, &free, &partners, days, size, weight);
        if keep.is_some() {
            reason = format!("kept as planned; {reason}");
        }
        self.explain_clashes(&mut reason, best, &pool, neighbours, &busy);
        if lead_share.is_some() {
            reason.push_str(
                "; covers the plan's start up to the first handoff, given once the plan's whole turns were placed",
            );
        }
        self.assign(best, weight, share, &partners);
        Some((best, keep.is_some(), reason))
    }

    /// Whether the previous person `p` keeps the window, given the candidates `pool` of the least
    /// conflict: within [`KEEP_BAND`] turns of the largest count deficit among them and, where
    /// the minimum gap spans more than the next turn, not breaking it while someone level with
    /// the largest deficit would not.
    fn may_keep(&self, p: Id, pool: &[Id], in_order: bool) -> bool {
        let ledger = |id: &Id| self.ledgers.get(id).cloned().unwrap_or_default();
        let top = pool
            .iter()
            .chain([&p])
            .map(|id| ledger(id).count_deficit())
            .fold(f64::MIN, f64::max);
        if ledger(&p).count_deficit() < top - KEEP_BAND {
            return false;
        }
        let gap = usize::from(self.policy.spec.min_gap_turns);
        let breaks_gap = |id: &Id| in_order && ledger(id).last_seq.is_some_and(|s| self.seq - s - 1 < gap);
        gap <= 1
            || !breaks_gap(&p)
            || !pool
                .iter()
                .any(|id| *id != p && ledger(id).count_deficit() >= top - BAND && !breaks_gap(id))
    }

    /// Adds to an explanation who was passed over for another duty at the time, and — when the
    /// pick itself has one — that nobody free was without one.
    fn explain_clashes(&self, text: &mut String, best: Id, pool: &[Id], neighbours: &[Id], busy: &[(Id, Id)]) {
        let policy_name = |id: Id| {
            self.cal
                .ctx
                .policy(id)
                .map_or_else(|| format!("policy {id}"), |p| p.spec.name.clone())
        };
        let skipped: Vec<String> = busy
            .iter()
            .filter(|(m, _)| *m != best && !pool.contains(m) && self.eligible.iter().any(|e| e.id == *m))
            .map(|(m, p)| format!("{} ({})", self.cal.name(*m), policy_name(*p)))
            .collect();
        if !skipped.is_empty() {
            text.push_str(&format!("; on another duty then: {}", skipped.join(", ")));
        }
        if let Some((_, p)) = busy.iter().find(|(m, _)| *m == best) {
            text.push_str(&format!(
                "; also on {} then, as everyone free was on another duty or just before or after",
                policy_name(*p)
            ));
        } else if neighbours.contains(&best) {
            text.push_str("; back to back, as nobody else free could take it");
        }
    }

    /// The candidates of the first non-empty tier (see the module docs).
    fn tiered_pool(&self, free: &[Id], partners: &[Id], days: DateSpan) -> Vec<Id> {
        let unpaired = |id: &Id| !partners.contains(id);
        let active = |id: &Id| self.cal.member(*id).is_some_and(|m| m.is_active_on(days.first));
        let all: Vec<Id> = self.eligible.iter().map(|m| m.id).collect();
        let tiers: [Vec<Id>; 4] = [
            free.iter().copied().filter(unpaired).collect(),
            all.iter().copied().filter(|id| active(id) && unpaired(id)).collect(),
            all.iter().copied().filter(unpaired).collect(),
            all,
        ];
        tiers.into_iter().find(|t| !t.is_empty()).unwrap_or_default()
    }

    /// The best of `pool` (see the module docs); `in_order`: the window is planned in time order,
    /// so the minimum gap to each member's last turn applies (not for a lead-in, placed last).
    fn rank(&self, pool: &[Id], partners: &[Id], days: DateSpan, size: Size, in_order: bool) -> Option<Id> {
        let ledger = |id: &Id| self.ledgers.get(id).cloned().unwrap_or_default();
        let top = pool
            .iter()
            .map(|id| ledger(id).count_deficit())
            .fold(f64::MIN, f64::max);
        let gap = usize::from(self.policy.spec.min_gap_turns);
        let partner_newcomer = partners.iter().any(|p| self.is_newcomer(*p, days));
        pool.iter()
            .filter(|id| ledger(id).count_deficit() >= top - BAND)
            .map(|id| {
                let l = ledger(id);
                Candidate {
                    id: *id,
                    gap_violation: in_order && l.last_seq.is_some_and(|s| self.seq - s - 1 < gap),
                    pair_repeats: partners
                        .iter()
                        .map(|p| self.pairs.get(&(*p, *id)).copied().unwrap_or(0))
                        .sum(),
                    newcomer_pair: partner_newcomer && self.is_newcomer(*id, days),
                    load_key: if size == Size::Light {
                        -l.load_deficit()
                    } else {
                        l.load_deficit()
                    },
                }
            })
            .min_by(|a, b| {
                (a.gap_violation, a.pair_repeats, a.newcomer_pair)
                    .cmp(&(b.gap_violation, b.pair_repeats, b.newcomer_pair))
                    .then(b.load_key.total_cmp(&a.load_key))
                    .then(a.id.cmp(&b.id))
            })
            .map(|c| c.id)
    }

    fn is_newcomer(&self, id: Id, days: DateSpan) -> bool {
        self.cal
            .member(id)
            .and_then(|m| m.spec.active_from)
            .is_some_and(|f| f <= days.first && days.first - f < Duration::days(NEWCOMER_DAYS))
    }

    fn reason(&self, best: Id, free: &[Id], partners: &[Id], days: DateSpan, size: Size, weight: f64) -> String {
        let l = self.ledgers.get(&best).cloned().unwrap_or_default();
        let load = format!("weighted load {:.1} h vs fair {:.1} h", l.load, l.ent_load);
        let why = match size {
            Size::Heavy => format!("heavy turn ({weight:.1} weighted h) to the one furthest below a fair load: {load}"),
            Size::Light => format!("light turn to the one who carried most: {load}"),
            Size::Usual => load,
        };
        let count = if l.count.fract() == 0.0 {
            format!("{}", l.count)
        } else {
            format!("{:.1}", l.count)
        };
        let mut text = format!(
            "{}: {count} of a fair {:.1} turns so far; {why}",
            self.cal.name(best),
            l.ent_count
        );
        let away: Vec<String> = self
            .eligible
            .iter()
            .filter(|m| !free.contains(&m.id))
            .map(|m| m.spec.name.clone())
            .collect();
        if !away.is_empty() {
            text.push_str(&format!("; away: {}", away.join(", ")));
        }
        if !partners.is_empty() {
            let names: Vec<String> = partners.iter().map(|p| self.cal.name(*p)).collect();
            text.push_str(&format!("; paired with {}", names.join(", ")));
        }
        if !free.contains(&best) {
            text.push_str(&format!("; nobody in the pool is free {} to {}", days.first, days.last));
        }
        text
    }

    /// A trainee from the shadow pool for the turn: free, not the member on duty, fewest
    /// shadowed turns, then lowest id.
    fn pick_shadow(&mut self, member: Id, pieces: &[Window]) -> Option<Id> {
        let days = self.cal.duty_days(pieces[0].start, pieces[pieces.len() - 1].end);
        let id = self
            .policy
            .spec
            .shadow_pool
            .iter()
            .copied()
            .filter(|id| *id != member && self.cal.available(*id, days))
            .min_by_key(|id| (self.ledgers.get(id).map_or(0, |l| l.shadowed), *id))?;
        self.ledgers.entry(id).or_default().shadowed += 1;
        Some(id)
    }
}
