//! `sprintshield demo`.
use sprintshield_core::AppError;

use crate::output::done;
use crate::Ctx;

/// Loads the demo teams around today's date.
pub fn run(ctx: &mut Ctx) -> Result<(), AppError> {
    let now = chrono::Utc::now();
    let today = now.with_timezone(&chrono_tz::Europe::Berlin).date_naive();
    let sum = ctx.app.load_demo(today, now)?;
    let said = format!(
        "loaded demo teams {} ({} members, {} sprints, {} interrupts)",
        sum.teams.join(" and "),
        sum.members,
        sum.sprints,
        sum.interrupts
    );
    done(ctx, &sum, said);
    Ok(())
}
