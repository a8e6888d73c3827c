//! Interrupt insights of a team over a range of days (core's `insights`), loaded in one snapshot.
use chrono::{DateTime, NaiveDate, Utc};
use sprintshield_core::insights::{insights_range, interrupt_stats, InsightInput, InterruptStats};
use sprintshield_core::interrupt::InterruptFilter;
use sprintshield_core::time::DateSpan;
use sprintshield_core::Id;

use crate::{Result, Sprintshield};

impl Sprintshield {
    /// What the team's interrupt log says about the local days of `range`.
    pub fn interrupt_stats(&self, team_id: Id, range: DateSpan) -> Result<InterruptStats> {
        self.read(|s| {
            let team = s.team(team_id)?;
            let interrupts = s.interrupts(
                team_id,
                &InterruptFilter {
                    from: Some(range.first),
                    to: Some(range.last),
                    ..InterruptFilter::default()
                },
            )?;
            let (policies, turns) = (s.policies(team_id)?, s.all_turns(team_id)?);
            let (members, sprints) = (s.members(team_id)?, s.sprints(team_id)?);
            Ok(interrupt_stats(&InsightInput {
                zone: team.spec.zone,
                working_days: team.spec.working_days,
                range,
                interrupts: &interrupts,
                policies: &policies,
                turns: &turns,
                members: &members,
                sprints: &sprints,
            }))
        })
    }

    /// Insights over the days the user asked for, with the missing ends filled on the team's
    /// local day at `now` (core's `insights_range`: the last 90 days, or `last_days`). The range
    /// used is in the answer (`range`), so a screen shows what was looked at.
    pub fn interrupt_stats_at(
        &self,
        team_id: Id,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        last_days: Option<u32>,
        now: DateTime<Utc>,
    ) -> Result<InterruptStats> {
        let team = self.team(team_id)?;
        let today = now.with_timezone(&team.spec.zone).date_naive();
        let range = insights_range(today, from, to, last_days)?;
        self.interrupt_stats(team_id, range)
    }
}
