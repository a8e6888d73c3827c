//! `sprintshield timeoff add|edit|remove|list` and `sprintshield holiday add|edit|remove|list`.
use chrono::Utc;
use clap::Subcommand;
use sprintshield_core::member::Member;
use sprintshield_core::team::Team;
use sprintshield_core::time::parse_date;
use sprintshield_core::time_off::{Holiday, NewHoliday, NewTimeOff, TimeOff, TimeOffKind};
use sprintshield_core::AppError;
use sprintshield_service::TurnMoves;

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
    /// Change the time off of a member that starts on --from.
    Edit {
        /// Team name.
        #[arg(long)]
        team: String,
        /// Member name.
        #[arg(long)]
        member: String,
        /// The first day of the time off to change (YYYY-MM-DD).
        #[arg(long)]
        from: String,
        /// New first day.
        #[arg(long)]
        new_from: Option<String>,
        /// New last day.
        #[arg(long)]
        to: Option<String>,
        /// vacation, sick, training or other.
        #[arg(long)]
        kind: Option<String>,
        /// Free text.
        #[arg(long)]
        note: Option<String>,
    },
    /// Remove the time off of a member that starts on --from (a cancelled vacation).
    Remove {
        /// Team name.
        #[arg(long)]
        team: String,
        /// Member name.
        #[arg(long)]
        member: String,
        /// Its first day (YYYY-MM-DD).
        #[arg(long)]
        from: String,
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
    /// Change the holiday on --date.
    Edit {
        /// Team name.
        #[arg(long)]
        team: String,
        /// The holiday's day (YYYY-MM-DD).
        #[arg(long)]
        date: String,
        /// New day.
        #[arg(long)]
        new_date: Option<String>,
        /// New name.
        #[arg(long)]
        name: Option<String>,
    },
    /// Remove the holiday on --date.
    Remove {
        /// Team name.
        #[arg(long)]
        team: String,
        /// The holiday's day (YYYY-MM-DD).
        #[arg(long)]
        date: String,
    },
    /// List the team's holidays.
    List {
        /// Team name.
        #[arg(long)]
        team: String,
    },
}

/// The time off of `member` in `team` that starts on `from`.
fn find_time_off(ctx: &Ctx, team: &str, member: &str, from: &str) -> Result<(Team, Member, TimeOff), AppError> {
    let team = ctx.app.team_by_name(team)?;
    let member = ctx.app.member_by_name(team.id, member)?;
    let first = parse_date("from", from)?;
    let found = ctx
        .app
        .time_off(team.id)?
        .into_iter()
        .find(|t| t.spec.member_id == member.id && t.spec.days.first == first)
        .ok_or_else(|| AppError::not_found(format!("{} has no time off starting on {first}", member.spec.name)))?;
    Ok((team, member, found))
}

/// The team's holiday on `date`.
fn find_holiday(ctx: &Ctx, team: &str, date: &str) -> Result<(Team, Holiday), AppError> {
    let team = ctx.app.team_by_name(team)?;
    let day = parse_date("date", date)?;
    let found = ctx
        .app
        .holidays(team.id)?
        .into_iter()
        .find(|h| h.date == day)
        .ok_or_else(|| AppError::not_found(format!("{} has no holiday on {day}", team.spec.name)))?;
    Ok((team, found))
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
            let now = Utc::now();
            let new = NewTimeOff {
                member_id: m.id,
                first_day: from,
                last_day: to,
                kind,
                note,
            };
            let out = ctx.app.add_time_off(new, now)?;
            let t = out.value;
            let moves = ctx.app.describe_turn_moves(team.id, &out.changes, now)?;
            let said = format!(
                "{} is away {} to {} ({}){} (undo: timeoff remove --team \"{}\" --member \"{}\" --from {})",
                m.spec.name,
                t.spec.days.first,
                t.spec.days.last,
                t.spec.kind,
                moves_said(&moves),
                team.spec.name,
                m.spec.name,
                t.spec.days.first
            );
            done(ctx, &t, said);
        }
        TimeOffCmd::Edit {
            team,
            member,
            from,
            new_from,
            to,
            kind,
            note,
        } => {
            let (_, m, old) = find_time_off(ctx, &team, &member, &from)?;
            let new = NewTimeOff {
                member_id: m.id,
                first_day: new_from.unwrap_or_else(|| old.spec.days.first.to_string()),
                last_day: to.unwrap_or_else(|| old.spec.days.last.to_string()),
                kind: match kind {
                    Some(k) => TimeOffKind::parse(&k)?,
                    None => old.spec.kind,
                },
                note: note.unwrap_or_else(|| old.spec.note.clone()),
            };
            let out = ctx.app.edit_time_off(old.id, new, Utc::now())?;
            let t = out.value;
            let said = format!(
                "{} is away {} to {} (was {} to {}); {} future turns re-planned",
                m.spec.name,
                t.spec.days.first,
                t.spec.days.last,
                old.spec.days.first,
                old.spec.days.last,
                crate::commands::member::moved_turns(&out.changes)
            );
            done(ctx, &t, said);
        }
        TimeOffCmd::Remove { team, member, from } => {
            let (team, m, old) = find_time_off(ctx, &team, &member, &from)?;
            let out = ctx.app.delete_time_off(old.id, Utc::now())?;
            let said = format!(
                "removed {}'s time off {} to {}{} (undo: timeoff add --team \"{}\" --member \"{}\" --from {} --to {} --kind {})",
                m.spec.name,
                old.spec.days.first,
                old.spec.days.last,
                replanned(&out.changes),
                team.spec.name,
                m.spec.name,
                old.spec.days.first,
                old.spec.days.last,
                old.spec.kind.name()
            );
            done(ctx, &old, said);
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
            let now = Utc::now();
            let out = ctx.app.add_holiday(team.id, NewHoliday { date, name }, now)?;
            let h = out.value;
            let moves = ctx.app.describe_turn_moves(team.id, &out.changes, now)?;
            let said = format!(
                "{} is a holiday for {} ({}){} (undo: holiday remove --team \"{}\" --date {})",
                h.date,
                team.spec.name,
                h.name,
                moves_said(&moves),
                team.spec.name,
                h.date
            );
            done(ctx, &h, said);
        }
        HolidayCmd::Edit {
            team,
            date,
            new_date,
            name,
        } => {
            let (_, old) = find_holiday(ctx, &team, &date)?;
            let new = NewHoliday {
                date: new_date.unwrap_or_else(|| old.date.to_string()),
                name: name.unwrap_or_else(|| old.name.clone()),
            };
            let out = ctx.app.edit_holiday(old.id, new, Utc::now())?;
            let h = out.value;
            let said = format!(
                "{} is now on {} (was {} on {}){}",
                h.name,
                h.date,
                old.name,
                old.date,
                replanned(&out.changes)
            );
            done(ctx, &h, said);
        }
        HolidayCmd::Remove { team, date } => {
            let (team, old) = find_holiday(ctx, &team, &date)?;
            let out = ctx.app.delete_holiday(old.id, Utc::now())?;
            let said = format!(
                "removed {} on {}{} (undo: holiday add --team \"{}\" --date {} \"{}\")",
                old.name,
                old.date,
                replanned(&out.changes),
                team.spec.name,
                old.date,
                old.name
            );
            done(ctx, &old, said);
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

/// "; 3 future turns re-planned" when a change moved turns, else nothing.
/// What an addition did to the rotation, after the record's own words: "; 2 turns move: Ana's
/// Batman turn on Tue 8 Dec moves to Ben; …" (and any locked turn now in conflict), or nothing.
fn moves_said(moves: &TurnMoves) -> String {
    if moves.count == 0 && moves.conflicts.is_empty() {
        String::new()
    } else {
        format!("; {}", moves.sentence)
    }
}

fn replanned(changes: &sprintshield_service::Changes) -> String {
    match crate::commands::member::moved_turns(changes) {
        0 => String::new(),
        1 => "; 1 future turn re-planned".to_owned(),
        n => format!("; {n} future turns re-planned"),
    }
}
