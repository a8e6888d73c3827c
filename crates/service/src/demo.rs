//! Loading the demo teams: Phoenix (dev) and Atlas (ops) with their history, the rotations of
//! seeds 000 and 001 and the release train of seed 001 — one transaction, all or nothing.
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sprintshield_core::demo::{current_sprint_start, DemoSummary};
use sprintshield_core::release::{FreezeWindow, MonthDay};
use sprintshield_core::rotation::{NewPolicy, PolicyKind};
use sprintshield_core::time::DateSpan;
use sprintshield_store::Store;

use crate::rotation::plan_and_save;
use crate::{Result, Sprintshield};

/// The rotations of seeds 000 and 001: Phoenix's daily Batman and the Op of the Week of Atlas
/// with Phoenix's Dev of the Week as its escalation, planned from the start of the history to the
/// end of the next sprint.
fn rotations(s: &mut Store, today: NaiveDate, now: DateTime<Utc>) -> sprintshield_store::Result<()> {
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
    let current = current_sprint_start(today);
    let horizon = DateSpan {
        first: current - Duration::days(14 * 6),
        last: current + Duration::days(27),
    };
    plan_and_save(s, phoenix, horizon, now)?;
    plan_and_save(s, atlas, horizon, now)?;
    Ok(())
}

/// Seed 001: Atlas deploys Phoenix's sprints two weeks after they end, never over the year end.
fn release_train(s: &mut Store) -> sprintshield_store::Result<()> {
    let phoenix = s.team_by_name("Phoenix")?.id;
    let atlas = s.team_by_name("Atlas")?.id;
    s.add_release_train(None, phoenix, atlas, None, None)?;
    let year_end = FreezeWindow::yearly("Year-end", MonthDay::new("from", 12, 20)?, MonthDay::new("to", 1, 6)?)?;
    s.add_freeze(atlas, year_end)?;
    Ok(())
}

impl Sprintshield {
    /// Loads the demo teams around `today`; refuses (writing nothing) if a demo team name is taken.
    pub fn load_demo(&mut self, today: NaiveDate, now: DateTime<Utc>) -> Result<DemoSummary> {
        self.write(|s| {
            let summary = s.write_demo_records(today, now)?;
            rotations(s, today, now)?;
            release_train(s)?;
            Ok(summary)
        })
    }

    /// Whether the demo teams are in the database.
    pub fn has_demo(&self) -> Result<bool> {
        self.read(|s| s.has_demo())
    }
}
