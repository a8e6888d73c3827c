//! The rules of correcting and retiring records: when a sprint may be closed, reopened or
//! removed, what a member's retirement means, and why removing a record that history depends on
//! is refused (with the way out: retire it instead). Pure: the caller passes today (the team's
//! local day) and what the stored history holds.
use chrono::NaiveDate;

use crate::member::{Member, MemberSpec};
use crate::sprint::{validate_points, Sprint};
use crate::Invalid;

/// Checks closing `sprint` with `completed` points on `today` (the team's local day): only once
/// it has ended, or on its last day; closing a closed sprint again needs `correct` (and then
/// replaces the points it had). Returns the validated points.
pub fn check_close(sprint: &Sprint, completed: f64, today: NaiveDate, correct: bool) -> Result<f64, Invalid> {
    let points = validate_points("completed", completed)?;
    if today < sprint.spec.end {
        return Err(Invalid::new(
            "completed",
            format!(
                "{} runs until {}; a sprint can be closed on its last day or after it",
                sprint.spec.name, sprint.spec.end
            ),
        ));
    }
    match sprint.completed_points {
        Some(old) if !correct => Err(Invalid::new(
            "completed",
            format!(
                "{} is already closed with {} points; to replace them, close it again with the correct flag",
                sprint.spec.name,
                shown_points(old)
            ),
        )),
        _ => Ok(points),
    }
}

/// Checks reopening `sprint`: only a closed one can be.
pub fn check_reopen(sprint: &Sprint) -> Result<(), Invalid> {
    if sprint.is_closed() {
        Ok(())
    } else {
        Err(Invalid::new("sprint", format!("{} is not closed", sprint.spec.name)))
    }
}

/// Checks removing `sprint`: a closed sprint is history the forecast learns from; it is kept
/// unless it is reopened first.
pub fn check_remove_sprint(sprint: &Sprint) -> Result<(), Invalid> {
    match sprint.completed_points {
        Some(points) => Err(Invalid::new(
            "sprint",
            format!(
                "{} is closed with {} points and the forecast learns from it; reopen it first if it really never happened",
                sprint.spec.name,
                shown_points(points)
            ),
        )),
        None => Ok(()),
    }
}

/// The member's fields with `last_day` as their last active day. Refuses a last day before
/// they joined.
pub fn retire(member: &Member, last_day: NaiveDate) -> Result<MemberSpec, Invalid> {
    crate::time::check_year("last_day", last_day)?;
    if let Some(first) = member.spec.active_from.filter(|f| *f > last_day) {
        return Err(Invalid::new(
            "last_day",
            format!(
                "{} joined on {first}; the last day cannot be before that",
                member.spec.name
            ),
        ));
    }
    Ok(MemberSpec {
        active_until: Some(last_day),
        ..member.spec.clone()
    })
}

/// What stored history refers to a member (or a policy).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct History {
    /// Turns (held, shadowed or covered for).
    pub turns: usize,
    /// Interrupts they handled.
    pub interrupts: usize,
}

/// Checks removing a member: refused while history refers to them, with the way out.
pub fn check_remove_member(member: &Member, history: History) -> Result<(), Invalid> {
    if history.turns == 0 && history.interrupts == 0 {
        return Ok(());
    }
    Err(Invalid::new(
        "member",
        format!(
            "{} has {} and {} on record, which fairness and the interrupt log keep; retire them instead (give a last day)",
            member.spec.name,
            count(history.turns, "duty turn"),
            count(history.interrupts, "handled interrupt")
        ),
    ))
}

/// Checks removing a duty policy with `turns` stored turns of which `past` are history.
pub fn check_remove_policy(name: &str, past: usize) -> Result<(), Invalid> {
    if past == 0 {
        return Ok(());
    }
    Err(Invalid::new(
        "policy",
        format!(
            "{name} has {} in the past that fairness and the forecast count; keep the policy (edit its pool instead) rather than remove it",
            count(past, "turn")
        ),
    ))
}

fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

fn shown_points(p: f64) -> String {
    if p.fract() == 0.0 {
        format!("{p:.0}")
    } else {
        format!("{p}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sprint::SprintSpec;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn sprint(done: Option<f64>) -> Sprint {
        Sprint {
            id: 1,
            team_id: 1,
            spec: SprintSpec {
                name: "Sprint 9".into(),
                start: d("2026-11-23"),
                end: d("2026-12-04"),
                goal: String::new(),
                committed_points: Some(40.0),
            },
            completed_points: done,
        }
    }

    #[test]
    fn a_sprint_closes_on_its_last_day_or_after_not_before() {
        let s = sprint(None);
        let err = check_close(&s, 30.0, d("2026-12-03"), false).unwrap_err();
        assert!(err.message.contains("runs until 2026-12-04"), "{err:?}");
        assert_eq!(check_close(&s, 30.0, d("2026-12-04"), false).unwrap(), 30.0);
        assert_eq!(check_close(&s, 30.0, d("2027-01-10"), false).unwrap(), 30.0);
        assert!(check_close(&s, -1.0, d("2027-01-10"), false).is_err());
    }

    #[test]
    fn closing_again_needs_the_correct_flag() {
        let s = sprint(Some(36.0));
        let err = check_close(&s, 38.0, d("2026-12-05"), false).unwrap_err();
        assert!(err.message.contains("already closed with 36 points"), "{err:?}");
        assert_eq!(check_close(&s, 38.0, d("2026-12-05"), true).unwrap(), 38.0);
    }

    #[test]
    fn only_closed_sprints_reopen_and_closed_ones_are_not_removed() {
        assert!(check_reopen(&sprint(None)).is_err());
        assert!(check_reopen(&sprint(Some(1.0))).is_ok());
        assert!(check_remove_sprint(&sprint(None)).is_ok());
        let err = check_remove_sprint(&sprint(Some(36.5))).unwrap_err();
        assert!(
            err.message.contains("36.5 points") && err.message.contains("reopen"),
            "{err:?}"
        );
    }

    #[test]
    fn retiring_sets_the_last_day_not_before_joining() {
        let m = Member {
            id: 3,
            team_id: 1,
            spec: crate::member::NewMember {
                name: "Dmitri".into(),
                active_from: Some("2026-06-01".into()),
                ..Default::default()
            }
            .validate()
            .unwrap(),
        };
        assert_eq!(retire(&m, d("2026-12-31")).unwrap().active_until, Some(d("2026-12-31")));
        assert!(retire(&m, d("2026-05-31")).is_err());
        assert!(retire(&m, d("1800-01-01")).is_err());
        assert!(check_remove_member(&m, History::default()).is_ok());
        let err = check_remove_member(
            &m,
            History {
                turns: 12,
                interrupts: 1,
            },
        )
        .unwrap_err();
        assert!(err.message.contains("12 duty turns and 1 handled interrupt"), "{err:?}");
        assert!(err.message.contains("retire"));
    }

    #[test]
    fn a_policy_with_past_turns_is_kept() {
        assert!(check_remove_policy("Batman", 0).is_ok());
        assert!(check_remove_policy("Batman", 3)
            .unwrap_err()
            .message
            .contains("3 turns"));
    }
}
