//! From the rotation planner's turns to the capacity model's duty covers.
//!
//! A turn becomes a cover for its member with the focus share of its policy (e.g. 0 % for a
//! Batman day, 20 % for an Op-of-the-Week week). A shadow on a turn is learning, not covering: it
//! gets a cover of its own at [`SHADOW_FOCUS_SHARE`]. Only members of the team being planned get
//! covers; turns of unknown policies (another team's escalation) are left out.
use std::collections::HashMap;

use super::cover::DutyCover;
use crate::member::Member;
use crate::rotation::{DutyPolicy, Turn};
use crate::Id;

/// Share of capacity a shadow keeps for sprint work while pairing on a turn (50 %).
pub const SHADOW_FOCUS_SHARE: f64 = 0.5;

/// The duty covers of `turns` for the team of `members`: one per turn whose policy is among
/// `policies` and whose member is in `members`, plus one per shadow who is in `members`.
/// Output order follows `turns` (each turn's cover before its shadow's).
pub fn covers_from_turns(turns: &[Turn], policies: &[DutyPolicy], members: &[Member]) -> Vec<DutyCover> {
    let policies: HashMap<Id, &DutyPolicy> = policies.iter().map(|p| (p.id, p)).collect();
    let names: HashMap<Id, &str> = members.iter().map(|m| (m.id, m.spec.name.as_str())).collect();
    let mut out = Vec::new();
    for turn in turns {
        let Some(policy) = policies.get(&turn.policy_id) else {
            continue;
        };
        let name = policy.spec.name.as_str();
        if names.contains_key(&turn.member_id) {
            out.push(DutyCover {
                member_id: turn.member_id,
                start: turn.start,
                end: turn.end,
                focus_share: f64::from(policy.spec.focus_share_percent.min(100)) / 100.0,
                label: name.to_owned(),
            });
        }
        if let Some(shadow) = turn.shadow_member_id.filter(|id| names.contains_key(id)) {
            let label = match names.get(&turn.member_id) {
                Some(lead) => format!("Shadow on {name} with {lead}"),
                None => format!("Shadow on {name}"),
            };
            out.push(DutyCover {
                member_id: shadow,
                start: turn.start,
                end: turn.end,
                focus_share: SHADOW_FOCUS_SHARE,
                label,
            });
        }
    }
    out
}
