//! The ops team's duty turns as the release planner's duty cover.
use super::DutyCover;
use crate::member::Member;
use crate::rotation::Turn;

/// One [`DutyCover`] per turn of the ops team (shadows never count as cover), named after the
/// member; a member not in `members` is named "member <id>". Ordered by start, then member.
pub fn duty_cover_from_turns(turns: &[Turn], members: &[Member]) -> Vec<DutyCover> {
    let mut out: Vec<DutyCover> = turns
        .iter()
        .map(|t| DutyCover {
            member_id: t.member_id,
            member_name: members
                .iter()
                .find(|m| m.id == t.member_id)
                .map_or_else(|| format!("member {}", t.member_id), |m| m.spec.name.clone()),
            start: t.start,
            end: t.end,
        })
        .collect();
    out.sort_by_key(|c| (c.start, c.member_id));
    out
}
