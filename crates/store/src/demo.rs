//! Storing the demo data set's records (built by `sprintshield_core::demo`).
use chrono::{DateTime, NaiveDate, Utc};
use sprintshield_core::demo::{demo_data, DemoSummary};
use sprintshield_core::time_off::TimeOffSpec;
use sprintshield_core::AppError;

use crate::{interrupts, members, sprints, teams, time_off, Result, Store};

impl Store {
    /// Whether the demo teams are already in the database.
    pub fn has_demo(&self) -> Result<bool> {
        Ok(self.team_by_name("Phoenix").is_ok())
    }

    /// Stores the demo teams' records built around `today` (teams, members, time off, holidays,
    /// sprints, interrupts), inside the caller's transaction; refuses if a demo team name is
    /// taken. The rotations and the release train are the application layer's to add.
    pub fn write_demo_records(&mut self, today: NaiveDate, now: DateTime<Utc>) -> Result<DemoSummary> {
        let tx = self.conn.savepoint()?;
        let mut summary = DemoSummary {
            teams: vec![],
            members: 0,
            sprints: 0,
            interrupts: 0,
        };
        for demo in demo_data(today) {
            let spec = demo.team.validate()?;
            let team = teams::insert_team(&tx, &spec).map_err(|_| {
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
                ids.push(members::insert_member(&tx, team.id, &m.validate()?)?.id);
            }
            for t in demo.time_off {
                time_off::insert_time_off(
                    &tx,
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
                teams::insert_holiday(&tx, team.id, date, &name)?;
            }
            for (s, completed) in demo.sprints {
                sprints::insert_sprint(&tx, team.id, &s.validate()?, completed)?;
                summary.sprints += 1;
            }
            for i in demo.interrupts {
                let mut spec = i.interrupt.validate(team.spec.zone, now)?;
                spec.handled_by = i.handled_by.map(|idx| ids[idx]);
                interrupts::insert_interrupt(&tx, team.id, &spec)?;
                summary.interrupts += 1;
            }
            summary.members += ids.len();
            summary.teams.push(team.spec.name);
        }
        tx.commit()?;
        Ok(summary)
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
        let sum = a.write_demo_records(today, now).unwrap();
        assert_eq!(sum.teams, vec!["Phoenix", "Atlas"]);
        assert_eq!(sum.members, 9);
        assert!(sum.interrupts >= 60);
        assert!(a.has_demo().unwrap());
        // A second load is refused and changes nothing.
        assert!(a.write_demo_records(today, now).is_err());
        assert_eq!(a.teams().unwrap().len(), 2);
        let mut b = Store::open_in_memory().unwrap();
        b.write_demo_records(today, now).unwrap();
        let pa = a.team_by_name("Phoenix").unwrap();
        let pb = b.team_by_name("Phoenix").unwrap();
        assert_eq!(a.sprints(pa.id).unwrap(), b.sprints(pb.id).unwrap());
        assert_eq!(a.time_off(pa.id).unwrap(), b.time_off(pb.id).unwrap());
        assert_eq!(a.integrity_check().unwrap(), "ok");
    }
}
