//! Where the planner starts: the sprint it shows first, by core's rule
//! ([`sprintshield_core::forecast::default_sprint`]) on the team's local day at `now` — the same
//! rule the forecast uses when no sprint is named, so the two screens open on the same sprint.
use chrono::{DateTime, Utc};
use sprintshield_core::forecast::default_sprint;
use sprintshield_core::sprint::Sprint;
use sprintshield_core::Id;

use crate::{Result, Sprintshield};

impl Sprintshield {
    /// The sprint to show first: the one running on the team's local day at `now`, else the next
    /// one to start, else the latest open one; `None` when the team has no such sprint.
    pub fn default_sprint(&self, team_id: Id, now: DateTime<Utc>) -> Result<Option<Sprint>> {
        let (team, sprints) = self.read(|s| Ok((s.team(team_id)?, s.sprints(team_id)?)))?;
        let today = now.with_timezone(&team.spec.zone).date_naive();
        Ok(default_sprint(&sprints, today).cloned())
    }
}
