//! Edits to a rotation as pure functions (override, swap) and the one answer to "who is on duty"
//! that every view uses, so an override can never show in one view and not another.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::turn::{Turn, TurnSource};
use crate::{Id, Invalid};

/// The index of the turn of `policy_id` that covers `at`, if any.
pub fn find_turn(turns: &[Turn], policy_id: Id, at: DateTime<Utc>) -> Option<usize> {
    turns.iter().position(|t| t.policy_id == policy_id && t.covers(at))
}

fn get(turns: &[Turn], index: usize, field: &'static str) -> Result<Turn, Invalid> {
    turns
        .get(index)
        .cloned()
        .ok_or_else(|| Invalid::new(field, format!("there is no turn number {index} in this rotation")))
}

/// The planned member behind a turn: the one recorded as replaced, or the member itself.
fn planned_member(t: &Turn) -> Id {
    t.replaced_member_id.unwrap_or(t.member_id)
}

/// Puts `member_id` on the turn at `index`: returns the new turns, with that turn locked, its
/// source `override`, and the planned member remembered (for the fairness ledger) unless the
/// override gives the turn back to them. Other turns are unchanged.
pub fn override_turn(turns: &[Turn], index: usize, member_id: Id) -> Result<Vec<Turn>, Invalid> {
    let old = get(turns, index, "turn")?;
    let planned = planned_member(&old);
    let mut out = turns.to_vec();
    out[index] = Turn {
        member_id,
        source: TurnSource::Override,
        locked: true,
        replaced_member_id: (planned != member_id).then_some(planned),
        ..old
    };
    Ok(out)
}

/// Exchanges the members of the turns at `a` and `b`: both become locked with source `swap`,
/// each remembering the member planned for it. Rejects swapping a turn with itself or two turns
/// of the same person.
pub fn swap_turns(turns: &[Turn], a: usize, b: usize) -> Result<Vec<Turn>, Invalid> {
    let (ta, tb) = (get(turns, a, "turn")?, get(turns, b, "with")?);
    if a == b || ta.member_id == tb.member_id {
        return Err(Invalid::new(
            "with",
            "both turns belong to the same person; pick a turn of someone else to swap with",
        ));
    }
    let mut out = turns.to_vec();
    let swapped = |t: Turn, member_id: Id| {
        let planned = planned_member(&t);
        Turn {
            member_id,
            source: TurnSource::Swap,
            locked: true,
            replaced_member_id: (planned != member_id).then_some(planned),
            ..t
        }
    };
    out[a] = swapped(ta.clone(), tb.member_id);
    out[b] = swapped(tb, ta.member_id);
    Ok(out)
}

/// Who is on duty for one policy at an instant, who is next, and the note left at the last handoff.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OnDuty {
    /// The turn covering the instant, if any.
    pub current: Option<Turn>,
    /// The first turn starting after the instant.
    pub next: Option<Turn>,
    /// The note of the turn that ended last before the instant (the previous person's handoff).
    pub handoff_note: Option<String>,
}

/// For the Today view: the turn of `policy_id` covering `at`, the next one, and the last handoff note.
pub fn who_is_on_duty(turns: &[Turn], policy_id: Id, at: DateTime<Utc>) -> OnDuty {
    let mine = || turns.iter().filter(move |t| t.policy_id == policy_id);
    let current = mine().filter(|t| t.covers(at)).min_by_key(|t| t.start).cloned();
    let next = mine().filter(|t| t.start > at).min_by_key(|t| t.start).cloned();
    let handoff_note = mine()
        .filter(|t| t.end <= at)
        .max_by_key(|t| t.end)
        .map(|t| t.note.clone())
        .filter(|n| !n.is_empty());
    OnDuty {
        current,
        next,
        handoff_note,
    }
}
