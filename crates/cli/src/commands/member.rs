//! `sprintshield member add|list`.
use clap::Subcommand;
use sprintshield_core::member::NewMember;
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
    /// List a team's members.
    List {
        /// Team name.
        #[arg(long)]
        team: String,
    },
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
