//! `sprintshield member add|edit|retire|remove|list`.
use chrono::{NaiveDate, Utc};
use clap::Subcommand;
use sprintshield_core::member::NewMember;
use sprintshield_core::time::parse_date;
use sprintshield_core::AppError;

use crate::output::{done, table};
use crate::Ctx;

/// Member commands.
#[derive(Subcommand)]
pub enum MemberCmd {
    /// Add a member to a team.
    Add {
        /// Team name.
        #[arg(long)]
        team: String,
        /// Display name.
        name: String,
        /// Share of a full-time week, 1-100.
        #[arg(long, allow_negative_numbers = true)]
        capacity: Option<i64>,
        /// E-mail address.
        #[arg(long)]
        email: Option<String>,
        /// Skills, comma-separated.
        #[arg(long, value_delimiter = ',')]
        skills: Vec<String>,
        /// First active day (YYYY-MM-DD).
        #[arg(long)]
        active_from: Option<String>,
        /// Last active day (YYYY-MM-DD).
        #[arg(long)]
        active_until: Option<String>,
        /// The member never takes duty turns.
        #[arg(long)]
        no_duty: bool,
    },
    /// Change a member's details (what is not given stays; an empty date clears it).
    Edit {
        /// Team name.
        #[arg(long)]
        team: String,
        /// The member's current name.
        member: String,
        /// New name.
        #[arg(long)]
        name: Option<String>,
        /// Share of a full-time week, 1-100.
        #[arg(long, allow_negative_numbers = true)]
        capacity: Option<i64>,
        /// E-mail address ("" to clear).
        #[arg(long)]
        email: Option<String>,
        /// Skills, comma-separated (replaces the list).
        #[arg(long, value_delimiter = ',')]
        skills: Option<Vec<String>>,
        /// First active day (YYYY-MM-DD, "" to clear).
        #[arg(long)]
        active_from: Option<String>,
        /// Last active day (YYYY-MM-DD, "" to clear).
        #[arg(long)]
        active_until: Option<String>,
        /// Colour #rrggbb.
        #[arg(long)]
        colour: Option<String>,
        /// Whether the member takes duty turns.
        #[arg(long)]
        can_take_duty: Option<bool>,
    },
    /// Give a member a last day: history stays, their future turns move to others.
    Retire {
        /// Team name.
        #[arg(long)]
        team: String,
        /// The member.
        member: String,
        /// Their last active day (YYYY-MM-DD).
        #[arg(long)]
        last_day: String,
    },
    /// Remove a member added by mistake (one with history is retired instead).
    Remove {
        /// Team name.
        #[arg(long)]
        team: String,
        /// The member.
        member: String,
    },
    /// List a team's members.
    List {
        /// Team name.
        #[arg(long)]
        team: String,
    },
}

/// How many turns an operation gave to someone else (or removed).
pub fn moved_turns(changes: &sprintshield_service::Changes) -> usize {
    changes
        .turns
        .before
        .iter()
        .filter(|b| {
            !changes
                .turns
                .after
                .iter()
                .any(|a| a.id == b.id && a.member_id == b.member_id)
        })
        .count()
}

/// Runs a member command.
pub fn run(ctx: &mut Ctx, cmd: MemberCmd) -> Result<(), AppError> {
    match cmd {
        MemberCmd::Add {
            team,
            name,
            capacity,
            email,
            skills,
            active_from,
            active_until,
            no_duty,
        } => {
            let team = ctx.app.team_by_name(&team)?;
            let new = NewMember {
                name,
                email,
                capacity_percent: capacity,
                skills,
                active_from,
                active_until,
                can_take_duty: Some(!no_duty),
                colour: None,
            };
            let m = ctx.app.add_member(team.id, new)?.value;
            let said = format!(
                "added {} to {} ({} %)",
                m.spec.name, team.spec.name, m.spec.capacity_percent
            );
            done(ctx, &m, said);
        }
        MemberCmd::Edit {
            team,
            member,
            name,
            capacity,
            email,
            skills,
            active_from,
            active_until,
            colour,
            can_take_duty,
        } => {
            let team = ctx.app.team_by_name(&team)?;
            let old = ctx.app.member_by_name(team.id, &member)?;
            let date = |d: Option<NaiveDate>| d.map(|d| d.to_string());
            let cleared = |v: Option<String>, keep: Option<String>| match v {
                Some(text) if text.trim().is_empty() => None,
                Some(text) => Some(text),
                None => keep,
            };
            let new = NewMember {
                name: name.unwrap_or_else(|| old.spec.name.clone()),
                email: cleared(email, old.spec.email.clone()),
                capacity_percent: Some(capacity.unwrap_or(i64::from(old.spec.capacity_percent))),
                skills: skills.unwrap_or_else(|| old.spec.skills.clone()),
                active_from: cleared(active_from, date(old.spec.active_from)),
                active_until: cleared(active_until, date(old.spec.active_until)),
                can_take_duty: Some(can_take_duty.unwrap_or(old.spec.can_take_duty)),
                colour: Some(colour.unwrap_or_else(|| old.spec.colour.clone())),
            };
            let done_edit = ctx.app.edit_member(old.id, new, Utc::now())?;
            let m = done_edit.value;
            let moved = moved_turns(&done_edit.changes);
            let said = format!(
                "changed {}{}",
                m.spec.name,
                if moved > 0 {
                    format!("; {moved} future turns re-planned")
                } else {
                    String::new()
                }
            );
            done(ctx, &m, said);
        }
        MemberCmd::Retire { team, member, last_day } => {
            let team = ctx.app.team_by_name(&team)?;
            let old = ctx.app.member_by_name(team.id, &member)?;
            let last_day = parse_date("last_day", &last_day)?;
            let out = ctx.app.retire_member(old.id, last_day, Utc::now())?;
            let m = out.value;
            let said = format!(
                "{} retires after {last_day}: history kept, {} future turns re-planned (undo: member edit --team \"{}\" \"{}\" --active-until \"{}\")",
                m.spec.name,
                moved_turns(&out.changes),
                team.spec.name,
                m.spec.name,
                old.spec.active_until.map(|d| d.to_string()).unwrap_or_default()
            );
            done(ctx, &m, said);
        }
        MemberCmd::Remove { team, member } => {
            let team = ctx.app.team_by_name(&team)?;
            let old = ctx.app.member_by_name(team.id, &member)?;
            ctx.app.remove_member(old.id)?;
            let said = format!(
                "removed {} from {} (undo: member add --team \"{}\" \"{}\" --capacity {})",
                old.spec.name, team.spec.name, team.spec.name, old.spec.name, old.spec.capacity_percent
            );
            done(ctx, &old, said);
        }
        MemberCmd::List { team } => {
            let team = ctx.app.team_by_name(&team)?;
            let members = ctx.app.members(team.id)?;
            table(
                ctx,
                &members,
                &["NAME", "CAPACITY", "EMAIL", "SKILLS", "DUTY", "ACTIVE"],
                |m| {
                    let active = match (m.spec.active_from, m.spec.active_until) {
                        (None, None) => "always".to_owned(),
                        (f, u) => format!(
                            "{}..{}",
                            f.map(|d| d.to_string()).unwrap_or_default(),
                            u.map(|d| d.to_string()).unwrap_or_default()
                        ),
                    };
                    vec![
                        m.spec.name.clone(),
                        format!("{} %", m.spec.capacity_percent),
                        m.spec.email.clone().unwrap_or_default(),
                        m.spec.skills.join(","),
                        if m.spec.can_take_duty { "yes" } else { "no" }.to_owned(),
                        active,
                    ]
                },
            );
        }
    }
    Ok(())
}
