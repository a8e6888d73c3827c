//! `sprintshield timeoff add|list` and `sprintshield holiday add|list`.
use clap::Subcommand;
use sprintshield_core::time_off::{NewHoliday, NewTimeOff, TimeOffKind};
use sprintshield_core::AppError;

use crate::output::{done, table};
use crate::Ctx;

/// Time-off commands.
#[derive(Subcommand)]
pub enum TimeOffCmd {
    /// Record time off for a member.
    Add {
        /// Team name.
        #[arg(long)]
        team: String,
        /// Member name.
        #[arg(long)]
        member: String,
        /// First day away (YYYY-MM-DD).
        #[arg(long)]
        from: String,
        /// Last day away, inclusive (YYYY-MM-DD).
        #[arg(long)]
        to: String,
        /// vacation, sick, training or other.
        #[arg(long, default_value = "vacation")]
        kind: String,
        /// Free text.
        #[arg(long, default_value = "")]
        note: String,
    },
    /// List the team's time off.
    List {
        /// Team name.
        #[arg(long)]
        team: String,
    },
}

/// Holiday commands.
#[derive(Subcommand)]
pub enum HolidayCmd {
    /// Add a team holiday.
    Add {
        /// Team name.
        #[arg(long)]
        team: String,
        /// The day (YYYY-MM-DD).
        #[arg(long)]
        date: String,
        /// Its name.
        name: String,
    },
    /// List the team's holidays.
    List {
        /// Team name.
        #[arg(long)]
        team: String,
    },
}

/// Runs a time-off command.
pub fn run_time_off(ctx: &mut Ctx, cmd: TimeOffCmd) -> Result<(), AppError> {
    match cmd {
        TimeOffCmd::Add {
            team,
            member,
            from,
            to,
            kind,
            note,
        } => {
            let team = ctx.app.team_by_name(&team)?;
            let kind = TimeOffKind::parse(&kind)?;
            let m = ctx.app.member_by_name(team.id, &member)?;
            let t = ctx
                .app
                .add_time_off(NewTimeOff {
                    member_id: m.id,
                    first_day: from,
                    last_day: to,
                    kind,
                    note,
                })?
                .value;
            let said = format!(
                "{} is away {} to {} ({})",
                m.spec.name, t.spec.days.first, t.spec.days.last, t.spec.kind
            );
            done(ctx, &t, said);
        }
        TimeOffCmd::List { team } => {
            let team = ctx.app.team_by_name(&team)?;
            let members = ctx.app.members(team.id)?;
            let rows = ctx.app.time_off(team.id)?;
            table(ctx, &rows, &["MEMBER", "FIRST DAY", "LAST DAY", "KIND", "NOTE"], |t| {
                let who = members
                    .iter()
                    .find(|m| m.id == t.spec.member_id)
                    .map(|m| m.spec.name.clone());
                vec![
                    who.unwrap_or_default(),
                    t.spec.days.first.to_string(),
                    t.spec.days.last.to_string(),
                    t.spec.kind.to_string(),
                    t.spec.note.clone(),
                ]
            });
        }
    }
    Ok(())
}

/// Runs a holiday command.
pub fn run_holiday(ctx: &mut Ctx, cmd: HolidayCmd) -> Result<(), AppError> {
    match cmd {
        HolidayCmd::Add { team, date, name } => {
            let team = ctx.app.team_by_name(&team)?;
            let h = ctx.app.add_holiday(team.id, NewHoliday { date, name })?.value;
            let said = format!("{} is a holiday for {} ({})", h.date, team.spec.name, h.name);
            done(ctx, &h, said);
        }
        HolidayCmd::List { team } => {
            let team = ctx.app.team_by_name(&team)?;
            let rows = ctx.app.holidays(team.id)?;
            table(ctx, &rows, &["DATE", "NAME"], |h| {
                vec![h.date.to_string(), h.name.clone()]
            });
        }
    }
    Ok(())
}
