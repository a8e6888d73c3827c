//! Loading the demo data set (built by `sprintshield_core::demo`) in one transaction.
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::Serialize;
use sprintshield_core::demo::demo_data;
use sprintshield_core::rotation::{NewPolicy, PolicyKind};
use sprintshield_core::time::DateSpan;
use sprintshield_core::time_off::TimeOffSpec;
use sprintshield_core::AppError;

use crate::{interrupts, members, sprints, teams, time_off, Result, Store};

/// What the demo load created.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct DemoSummary {
    /// Team names created.
    pub teams: Vec<String>,
    /// Members created.
    pub members: usize,
    /// Sprints created.
    pub sprints: usize,
    /// Interrupts logged.
    pub interrupts: usize,
}

impl Store {
    /// Whether the demo teams are already in the database.
    pub fn has_demo(&self) -> Result<bool> {
        Ok(self.team_by_name("Phoenix").is_ok())
    }

    /// Loads the demo teams around `today` in one transaction; refuses if a demo team name is taken.
    pub fn load_demo(&mut self, today: NaiveDate, now: DateTime<Utc>) -> Result<DemoSummary> {
        let data = demo_data(today);
        self.in_transaction(|s| Self::write_demo(s, data, today, now))
    }

    fn write_demo(
        s: &mut Store,
        data: Vec<sprintshield_core::demo::DemoTeam>,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<DemoSummary> {
        let tx = &s.conn;
        let mut summary = DemoSummary {
            teams: vec![],
            members: 0,
            sprints: 0,
            interrupts: 0,
        };
        for demo in data {
            let spec = demo.team.validate()?;
            let team = teams::insert_team(tx, &spec).map_err(|_| {
                AppError::conflict(
                    "name",
                    format!(
                        "a team called \"{}\" already exists; the demo is already loaded",
                        spec.name
                    ),
                )
            })?;
            let mut ids = Vec::new();
            for m in demo.members {
                ids.push(members::insert_member(tx, team.id, &m.validate()?)?.id);
            }
            for t in demo.time_off {
                time_off::insert_time_off(
                    tx,
                    &TimeOffSpec {
                        member_id: ids[t.member],
                        days: t.days,
                        kind: t.kind,
                        note: t.note,
                    },
                )?;
            }
            for h in demo.holidays {
                let (date, name) = h.validate()?;
                teams::insert_holiday(tx, team.id, date, &name)?;
            }
            for (s, completed) in demo.sprints {
                sprints::insert_sprint(tx, team.id, &s.validate()?, completed)?;
                summary.sprints += 1;
            }
            for i in demo.interrupts {
                let mut spec = i.interrupt.validate(team.spec.zone, now)?;
                spec.handled_by = i.handled_by.map(|idx| ids[idx]);
                interrupts::insert_interrupt(tx, team.id, &spec)?;
                summary.interrupts += 1;
            }
            summary.members += ids.len();
            summary.teams.push(team.spec.name);
        }
        Self::write_demo_rotations(s, today, now)?;
        Self::write_demo_release_train(s)?;
        Ok(summary)
    }

    /// Seed 001: Atlas deploys Phoenix's sprints two weeks after they end, never over the year end.
    fn write_demo_release_train(s: &mut Store) -> Result<()> {
        use sprintshield_core::release::{FreezeWindow, MonthDay};
        let phoenix = s.team_by_name("Phoenix")?.id;
        let atlas = s.team_by_name("Atlas")?.id;
        s.add_release_train(None, phoenix, atlas, None, None)?;
        let year_end = FreezeWindow::yearly("Year-end", MonthDay::new("from", 12, 20)?, MonthDay::new("to", 1, 6)?)?;
        s.add_freeze(atlas, year_end)?;
        Ok(())
    }

    /// The rotations of seeds 000 and 001: Phoenix's daily Batman and the Op of the Week of Atlas
    /// with Phoenix's Dev of the Week as its escalation, planned from the start of the history to
    /// the end of the next sprint.
    fn write_demo_rotations(s: &mut Store, today: NaiveDate, now: DateTime<Utc>) -> Result<()> {
        let phoenix = s.team_by_name("Phoenix")?.id;
        let atlas = s.team_by_name("Atlas")?.id;
        let mut batman = NewPolicy::new("Batman", PolicyKind::Daily);
        batman.handoff = Some("09:30".into());
        s.add_policy(phoenix, batman)?;
        let mut dw = NewPolicy::new("Dev of the Week", PolicyKind::Weekly);
        dw.focus_share_percent = Some(60);
        dw.checklist = Some(vec![
            "Be the first escalation for the Op of the Week on application issues".into(),
        ]);
        let dw = s.add_policy(phoenix, dw)?;
        let mut ow = NewPolicy::new("Op of the Week", PolicyKind::Weekly);
        ow.escalates_to = Some(dw.id);
        s.add_policy(atlas, ow)?;
        let current = sprintshield_core::demo::current_sprint_start(today);
        let horizon = DateSpan {
            first: current - Duration::days(14 * 6),
            last: current + Duration::days(27),
        };
        s.plan_rotation(phoenix, horizon, now)?;
        s.plan_rotation(atlas, horizon, now)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn demo_loads_once_and_is_deterministic() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
        let mut a = Store::open_in_memory().unwrap();
        let sum = a.load_demo(today, now).unwrap();
        assert_eq!(sum.teams, vec!["Phoenix", "Atlas"]);
        assert_eq!(sum.members, 9);
        assert!(sum.interrupts >= 60);
        assert!(a.has_demo().unwrap());
        // A second load is refused and changes nothing.
        assert!(a.load_demo(today, now).is_err());
        assert_eq!(a.teams().unwrap().len(), 2);
        let mut b = Store::open_in_memory().unwrap();
        b.load_demo(today, now).unwrap();
        let pa = a.team_by_name("Phoenix").unwrap();
        let pb = b.team_by_name("Phoenix").unwrap();
        assert_eq!(a.sprints(pa.id).unwrap(), b.sprints(pb.id).unwrap());
        assert_eq!(a.time_off(pa.id).unwrap(), b.time_off(pb.id).unwrap());
        assert_eq!(a.integrity_check().unwrap(), "ok");
    }
}
