//! What a rotation write changed, as the turns before and after it: what undo puts back and
//! redo makes again. Handoff notes are not part of a change (a note written since stays put).
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Turn;

/// The turns a write touched: as they were (`before`, including turns it removed) and as they
/// are (`after`, including turns it added, with their new ids).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct TurnChanges {
    /// The touched turns as they were.
    pub before: Vec<Turn>,
    /// The touched turns as they are now.
    pub after: Vec<Turn>,
}

impl TurnChanges {
    /// Whether the write changed nothing.
    pub fn is_empty(&self) -> bool {
        self.before.is_empty() && self.after.is_empty()
    }
}

/// Whether two turns say the same thing, notes aside.
pub fn same_duty(a: &Turn, b: &Turn) -> bool {
    a.id == b.id
        && a.policy_id == b.policy_id
        && a.member_id == b.member_id
        && a.start == b.start
        && a.end == b.end
        && a.source == b.source
        && a.locked == b.locked
        && a.shadow_member_id == b.shadow_member_id
        && a.replaced_member_id == b.replaced_member_id
}

/// The changes that turn the stored turns `old` into `new` (both with ids).
pub fn diff_turns(old: &[Turn], new: &[Turn]) -> TurnChanges {
    let unchanged = |t: &Turn, other: &[Turn]| other.iter().any(|o| same_duty(o, t));
    TurnChanges {
        before: old.iter().filter(|t| !unchanged(t, new)).cloned().collect(),
        after: new.iter().filter(|t| !unchanged(t, old)).cloned().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn turn(id: i64, member: i64, day: u32) -> Turn {
        let start = Utc.with_ymd_and_hms(2026, 11, day, 8, 0, 0).unwrap();
        Turn {
            id: Some(id),
            ..Turn::generated(1, member, start, start + chrono::Duration::days(1))
        }
    }

    #[test]
    fn lists_changed_removed_and_added_turns_only() {
        let old = vec![turn(1, 10, 23), turn(2, 11, 24), turn(3, 12, 25)];
        let mut kept_with_note = turn(1, 10, 23);
        kept_with_note.note = "a note is not a change".into();
        let new = vec![kept_with_note, turn(2, 13, 24), turn(4, 12, 25)];
        let c = diff_turns(&old, &new);
        assert_eq!(c.before, vec![turn(2, 11, 24), turn(3, 12, 25)]);
        assert_eq!(c.after, vec![turn(2, 13, 24), turn(4, 12, 25)]);
        assert!(diff_turns(&old, &old).is_empty());
    }
}
