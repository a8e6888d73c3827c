//! What can be done with each of a team's sprints today: close it (core's
//! [`check_close`] on the team's local day at `now`), reopen it, remove it. The Sprints screen
//! offers only what this allows, and shows core's own sentence for what it does not, so no
//! date rule is worked out in the UI.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sprintshield_core::lifecycle::{check_close, check_remove_sprint, check_reopen};
use sprintshield_core::Id;
use ts_rs::TS;

use crate::{Result, Sprintshield};

/// What the user may do with one sprint on the team's local day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SprintActions {
    /// The sprint.
    pub sprint_id: Id,
    /// Whether it may be closed (or, when closed, its points corrected) today: on its last day
    /// or after it.
    pub can_close: bool,
    /// Why it cannot be closed yet, in core's words; `None` when it can.
    pub close_refusal: Option<String>,
    /// Whether it is closed and so can be reopened.
    pub can_reopen: bool,
    /// Why it cannot be removed (closed history), in core's words; `None` when it can.
    pub remove_refusal: Option<String>,
}

impl Sprintshield {
    /// For each of the team's sprints (oldest first), whether it can be closed, reopened or
    /// removed on the team's local day at `now`, by core's lifecycle rules.
    pub fn sprint_actions(&self, team_id: Id, now: DateTime<Utc>) -> Result<Vec<SprintActions>> {
        let (team, sprints) = self.read(|s| Ok((s.team(team_id)?, s.sprints(team_id)?)))?;
        let today = now.with_timezone(&team.spec.zone).date_naive();
        Ok(sprints
            .iter()
            .map(|sprint| {
                // Zero points always pass the points check, and `correct` passes the "already
                // closed" one: what is left is the date rule.
                let close = check_close(sprint, 0.0, today, true).err().map(|e| e.message);
                SprintActions {
                    sprint_id: sprint.id,
                    can_close: close.is_none(),
                    close_refusal: close,
                    can_reopen: check_reopen(sprint).is_ok(),
                    remove_refusal: check_remove_sprint(sprint).err().map(|e| e.message),
                }
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use sprintshield_core::sprint::NewSprint;
    use sprintshield_core::team::{NewTeam, TeamKind};

    #[test]
    fn close_is_offered_from_the_last_local_day_on() {
        let mut app = Sprintshield::open_in_memory().unwrap();
        let team = app
            .create_team(NewTeam {
                name: "Kiwi".into(),
                kind: TeamKind::Dev,
                zone: "Pacific/Auckland".into(),
                working_days: None,
                sprint_length_days: None,
            })
            .unwrap()
            .value;
        let sprint = app
            .create_sprint(
                team.id,
                NewSprint {
                    name: "Sprint 1".into(),
                    start: "2026-11-23".into(),
                    end: "2026-12-04".into(),
                    goal: String::new(),
                    committed_points: Some(40.0),
                },
            )
            .unwrap()
            .value;
        // 2026-12-03 11:30 UTC is already 2026-12-04 (the last day) in Auckland.
        let on_last_day = Utc.with_ymd_and_hms(2026, 12, 3, 11, 30, 0).unwrap();
        let day_before = Utc.with_ymd_and_hms(2026, 12, 3, 10, 30, 0).unwrap();
        let a = app.sprint_actions(team.id, on_last_day).unwrap();
        assert_eq!(a.len(), 1);
        assert!(a[0].can_close && a[0].close_refusal.is_none() && !a[0].can_reopen);
        assert!(a[0].remove_refusal.is_none());
        let b = app.sprint_actions(team.id, day_before).unwrap();
        assert!(!b[0].can_close);
        assert!(b[0].close_refusal.as_deref().unwrap().contains("runs until 2026-12-04"));
        app.close_sprint(sprint.id, 38.0, false, on_last_day).unwrap();
        let c = app.sprint_actions(team.id, on_last_day).unwrap();
        assert!(c[0].can_close && c[0].can_reopen);
        assert!(c[0].remove_refusal.as_deref().unwrap().contains("reopen it first"));
    }
}
