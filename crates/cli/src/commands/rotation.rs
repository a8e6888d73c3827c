//! `sprintshield policy add|edit|remove|list` and `sprintshield rotation plan|show|override|swap|shadow|unlock|note|check|fairness|today`.
use chrono::{DateTime, Utc};
use clap::{Args, Subcommand};
use sprintshield_core::rotation::{NewPolicy, PolicyKind, Turn};
use sprintshield_core::team::Team;
use sprintshield_core::time::{parse_date, parse_datetime, DateSpan};
use sprintshield_core::{AppError, Id};
use sprintshield_service::{Changes, EditAt};

use crate::output::{done, table};
use crate::say;
use crate::Ctx;

/// Duty policy commands.
#[derive(Subcommand)]
pub enum PolicyCmd {
    /// Add a duty policy (who shields the team, and how turns are cut).
    Add {
        /// Team name.
        #[arg(long)]
        team: String,
        /// Policy name, e.g. Batman or "Op of the Week".
        name: String,
        /// daily, weekly, sprint or standing.
        #[arg(long)]
        kind: String,
        /// Handoff: "MON 12:00" (weekly) or "09:30" (daily, per sprint), in the team's zone.
        #[arg(long)]
        handoff: Option<String>,
        /// Eligible members, comma-separated (default: everyone who takes duty).
        #[arg(long, value_delimiter = ',')]
        pool: Vec<String>,
        /// Percent of capacity the person on duty still gives to sprint work.
        #[arg(long, allow_negative_numbers = true)]
        focus: Option<i64>,
        /// The policy this one escalates to (name; "Team/Policy" for another team's).
        #[arg(long)]
        escalates_to: Option<String>,
        /// Standing policies: the fixed member.
        #[arg(long)]
        standing: Option<String>,
        /// Standing policies: the stand-in while the fixed member is away.
        #[arg(long)]
        stand_in: Option<String>,
    },
    /// Change a duty policy (what is not given stays); its unlocked future turns are re-planned.
    Edit {
        /// Team name.
        #[arg(long)]
        team: String,
        /// The policy's current name.
        policy: String,
        /// New name.
        #[arg(long)]
        name: Option<String>,
        /// Eligible members, comma-separated ("" for everyone who takes duty).
        #[arg(long, value_delimiter = ',')]
        pool: Option<Vec<String>>,
        /// Handoff: "MON 12:00" (weekly) or "09:30" (daily, per sprint), in the team's zone.
        #[arg(long)]
        handoff: Option<String>,
        /// Percent of capacity the person on duty still gives to sprint work.
        #[arg(long, allow_negative_numbers = true)]
        focus: Option<i64>,
        /// The policy this one escalates to ("" for none; "Team/Policy" for another team's).
        #[arg(long)]
        escalates_to: Option<String>,
        /// Checklist items separated by ";".
        #[arg(long)]
        checklist: Option<String>,
        /// Other turns between two turns of one person (0-20).
        #[arg(long, allow_negative_numbers = true)]
        min_gap_turns: Option<i64>,
        /// Show what saving would do to future turns, and save nothing.
        #[arg(long)]
        preview: bool,
    },
    /// Remove a duty policy that has no past turns (its future turns go with it).
    Remove {
        /// Team name.
        #[arg(long)]
        team: String,
        /// Policy name.
        name: String,
    },
    /// List a team's duty policies.
    List {
        /// Team name.
        #[arg(long)]
        team: String,
    },
}

/// Rotation commands.
#[derive(Subcommand)]
pub enum RotationCmd {
    /// Plan and store the unlocked turns of every policy over a range of days.
    Plan(TeamRange),
    /// Show the turns of a range.
    Show {
        #[command(flatten)]
        range: TeamRange,
        /// Only this policy.
        #[arg(long)]
        policy: Option<String>,
    },
    /// Put a member on the turn covering a moment (locked).
    Override {
        #[command(flatten)]
        turn: TurnRef,
        /// The member to put on duty.
        #[arg(long)]
        member: String,
    },
    /// Swap the members of two turns of one policy (both locked).
    Swap {
        #[command(flatten)]
        turn: TurnRef,
        /// A moment inside the second turn.
        #[arg(long)]
        with: String,
    },
    /// Pair a trainee with the turn covering a moment (cross-training; never counts as cover).
    Shadow {
        #[command(flatten)]
        turn: TurnRef,
        /// The trainee; leave out with --remove.
        #[arg(long, required_unless_present = "remove")]
        member: Option<String>,
        /// Remove the shadow instead.
        #[arg(long, conflicts_with = "member")]
        remove: bool,
    },
    /// List the conflicts of a range.
    Check(TeamRange),
    /// The fairness report: turns, hours and load per member, and who covered for whom.
    Fairness {
        /// Team name.
        #[arg(long)]
        team: String,
    },
    /// Give an overridden or swapped turn back to the plan (unlock and re-plan its days).
    Unlock {
        #[command(flatten)]
        turn: TurnRef,
    },
    /// Write the handoff note of the turn covering a moment (an empty --text clears it).
    Note {
        #[command(flatten)]
        turn: TurnRef,
        /// What the next person on duty should know ("" clears the note).
        #[arg(long)]
        text: String,
    },
    /// Who is on duty now and next per policy, with the checklist and the last handoff note: the
    /// stand-up message (`--json`: the message as data, the same the chat post is made from).
    Today {
        /// Team name.
        #[arg(long)]
        team: String,
    },
}

/// A team and a range of its local days.
#[derive(Args)]
pub struct TeamRange {
    /// Team name.
    #[arg(long)]
    team: String,
    /// First day (YYYY-MM-DD).
    #[arg(long)]
    from: String,
    /// Last day, inclusive.
    #[arg(long)]
    to: String,
}

/// A turn named by its team, policy and a moment inside it.
#[derive(Args)]
pub struct TurnRef {
    /// Team name.
    #[arg(long)]
    team: String,
    /// Policy name ("Team/Policy" for another team's).
    #[arg(long)]
    policy: String,
    /// A moment inside the turn (ISO 8601; team zone without offset).
    #[arg(long)]
    at: String,
}

impl TeamRange {
    fn resolve(&self, ctx: &Ctx) -> Result<(Team, DateSpan), AppError> {
        let team = ctx.app.team_by_name(&self.team)?;
        let span = DateSpan::new(parse_date("from", &self.from)?, parse_date("to", &self.to)?, "to")?;
        Ok((team, span))
    }
}

impl TurnRef {
    /// The team, the policy id and the moment named.
    fn resolve(&self, ctx: &Ctx) -> Result<(Team, Id, DateTime<Utc>), AppError> {
        let team = ctx.app.team_by_name(&self.team)?;
        let policy = ctx.app.find_policy(team.id, &self.policy)?.id;
        let at = parse_datetime("at", &self.at, team.spec.zone)?;
        Ok((team, policy, at))
    }
}

fn member_id(ctx: &Ctx, team: &Team, name: &str) -> Result<Id, AppError> {
    Ok(ctx.app.member_by_name(team.id, name)?.id)
}

fn policy_ref(ctx: &Ctx, team: &Team, name: &str) -> Result<Id, AppError> {
    Ok(ctx.app.find_policy(team.id, name)?.id)
}

/// `text` as one shell word: `"…"` for one plain line, else ANSI-C `$'…'` so line breaks survive.
fn shell_quoted(text: &str) -> String {
    if !text.contains(['\n', '\t', '\'', '\\']) {
        return format!(
            "\"{}\"",
            text.replace('"', "\\\"").replace('$', "\\$").replace('`', "\\`")
        );
    }
    let mut out = String::from("$'");
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

fn local(team: &Team, t: DateTime<Utc>) -> String {
    t.with_timezone(&team.spec.zone).to_rfc3339()
}

/// Runs a policy command.
pub fn run_policy(ctx: &mut Ctx, cmd: PolicyCmd) -> Result<(), AppError> {
    match cmd {
        PolicyCmd::Add {
            team,
            name,
            kind,
            handoff,
            pool,
            focus,
            escalates_to,
            standing,
            stand_in,
        } => {
            let team = ctx.app.team_by_name(&team)?;
            let mut new = NewPolicy::new(name, PolicyKind::parse(&kind)?);
            new.handoff = handoff;
            new.pool = pool
                .iter()
                .map(|m| member_id(ctx, &team, m))
                .collect::<Result<_, _>>()?;
            new.focus_share_percent = focus;
            new.escalates_to = escalates_to.map(|p| policy_ref(ctx, &team, &p)).transpose()?;
            new.standing_member_id = standing.map(|m| member_id(ctx, &team, &m)).transpose()?;
            new.stand_in_id = stand_in.map(|m| member_id(ctx, &team, &m)).transpose()?;
            let p = ctx.app.add_policy(team.id, new)?.value;
            let said = format!(
                "added {} ({}, handoff {} {}, focus {} %)",
                p.spec.name,
                p.spec.kind,
                p.spec.handoff.weekday,
                p.spec.handoff.time.format("%H:%M"),
                p.spec.focus_share_percent
            );
            done(ctx, &p, said);
        }
        PolicyCmd::Edit {
            team,
            policy,
            name,
            pool,
            handoff,
            focus,
            escalates_to,
            checklist,
            min_gap_turns,
            preview,
        } => {
            let team = ctx.app.team_by_name(&team)?;
            let old = ctx.app.find_policy(team.id, &policy)?;
            let spec = &old.spec;
            let pool = match pool {
                Some(names) => names
                    .iter()
                    .filter(|n| !n.trim().is_empty())
                    .map(|m| member_id(ctx, &team, m))
                    .collect::<Result<_, _>>()?,
                None => spec.pool.clone(),
            };
            let escalates_to = match escalates_to {
                Some(p) if p.trim().is_empty() => None,
                Some(p) => Some(policy_ref(ctx, &team, &p)?),
                None => spec.escalates_to,
            };
            let new = NewPolicy {
                name: name.unwrap_or_else(|| spec.name.clone()),
                kind: spec.kind,
                handoff: Some(handoff.unwrap_or_else(|| match spec.kind {
                    PolicyKind::Weekly => format!("{} {}", spec.handoff.weekday, spec.handoff.time.format("%H:%M")),
                    PolicyKind::Standing => String::new(),
                    _ => spec.handoff.time.format("%H:%M").to_string(),
                })),
                pool,
                focus_share_percent: Some(focus.unwrap_or(i64::from(spec.focus_share_percent))),
                checklist: Some(match checklist {
                    Some(text) => text
                        .split(';')
                        .map(|i| i.trim().to_owned())
                        .filter(|i| !i.is_empty())
                        .collect(),
                    None => spec.checklist.clone(),
                }),
                escalates_to,
                shadow_pool: spec.shadow_pool.clone(),
                min_gap_turns: Some(min_gap_turns.unwrap_or(i64::from(spec.min_gap_turns))),
                weights: Some(spec.weights),
                standing_member_id: spec.standing.map(|c| c.member_id),
                stand_in_id: spec.standing.and_then(|c| c.stand_in_id),
            };
            if preview {
                let effect = ctx.app.preview_policy_edit(old.id, new, Utc::now())?;
                done(ctx, &effect, format!("{} (nothing saved)", effect.sentence));
            } else {
                let out = ctx.app.edit_policy(old.id, new, Utc::now())?;
                let p = out.value;
                let said = format!(
                    "changed {}; {} future turns re-planned",
                    p.spec.name,
                    crate::commands::member::moved_turns(&out.changes)
                );
                done(ctx, &p, said);
            }
        }
        PolicyCmd::Remove { team, name } => {
            let team = ctx.app.team_by_name(&team)?;
            let p = ctx.app.find_policy(team.id, &name)?;
            let out = ctx.app.remove_policy(p.id, Utc::now())?;
            let said = format!(
                "removed {}{}{} (undo: policy add --team \"{}\" \"{}\" --kind {}, then plan again)",
                p.spec.name,
                crate::commands::removed::took_along(&out.changes, &sprintshield_service::Record::Policy(p.clone())),
                crate::commands::removed::escalations_cleared(&out.changes),
                team.spec.name,
                p.spec.name,
                p.spec.kind.name()
            );
            done(ctx, &p, said);
        }
        PolicyCmd::List { team } => {
            let team = ctx.app.team_by_name(&team)?;
            let members = ctx.app.members(team.id)?;
            let rows = ctx.app.policies(team.id)?;
            table(
                ctx,
                &rows,
                &["NAME", "KIND", "HANDOFF", "FOCUS", "POOL", "ESCALATES TO"],
                |p| {
                    let pool = if p.spec.pool.is_empty() {
                        "everyone on duty".to_owned()
                    } else {
                        p.spec
                            .pool
                            .iter()
                            .filter_map(|id| members.iter().find(|m| m.id == *id))
                            .map(|m| m.spec.name.clone())
                            .collect::<Vec<_>>()
                            .join(", ")
                    };
                    let esc = p
                        .spec
                        .escalates_to
                        .and_then(|id| ctx.app.policy(id).ok())
                        .map(|e| e.spec.name)
                        .unwrap_or_default();
                    vec![
                        p.spec.name.clone(),
                        p.spec.kind.to_string(),
                        format!("{} {}", p.spec.handoff.weekday, p.spec.handoff.time.format("%H:%M")),
                        format!("{} %", p.spec.focus_share_percent),
                        pool,
                        esc,
                    ]
                },
            );
        }
    }
    Ok(())
}

fn show_turns(ctx: &Ctx, team: &Team, turns: &[Turn]) -> Result<(), AppError> {
    let (ctx_r, _) = ctx.app.rotation(team.id)?;
    let name = |id: Id| {
        ctx_r
            .members
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.spec.name.clone())
            .unwrap_or_default()
    };
    let policy = |id: Id| ctx_r.policy(id).map(|p| p.spec.name.clone()).unwrap_or_default();
    if ctx.json {
        let rows: Vec<serde_json::Value> = turns
            .iter()
            .map(|t| {
                serde_json::json!({
                    "id": t.id, "policy": policy(t.policy_id), "member": name(t.member_id),
                    "start": local(team, t.start), "end": local(team, t.end),
                    "source": t.source, "locked": t.locked, "note": t.note,
                    "shadow": t.shadow_member_id.map(name),
                })
            })
            .collect();
        say!("{}", serde_json::to_string_pretty(&rows).expect("json"));
        return Ok(());
    }
    table(
        ctx,
        turns,
        &["POLICY", "MEMBER", "START", "END", "SOURCE", "LOCKED"],
        |t| {
            vec![
                policy(t.policy_id),
                name(t.member_id),
                t.start
                    .with_timezone(&team.spec.zone)
                    .format("%a %Y-%m-%d %H:%M %Z")
                    .to_string(),
                t.end
                    .with_timezone(&team.spec.zone)
                    .format("%a %Y-%m-%d %H:%M %Z")
                    .to_string(),
                t.source.to_string(),
                if t.locked { "yes" } else { "" }.into(),
            ]
        },
    );
    Ok(())
}

/// Runs a rotation command.
pub fn run(ctx: &mut Ctx, cmd: RotationCmd) -> Result<(), AppError> {
    let now = Utc::now();
    match cmd {
        RotationCmd::Plan(range) => {
            let (team, horizon) = range.resolve(ctx)?;
            let plan = ctx.app.plan_rotation(team.id, horizon, now)?.value;
            let generated = plan.explanations.len();
            if ctx.json {
                say!("{}", serde_json::to_string_pretty(&plan).expect("json"));
            } else {
                say!("planned {generated} turns from {} to {}", horizon.first, horizon.last);
                let view = ctx.app.rotation_view(team.id, horizon, now)?;
                show_turns(ctx, &team, &view.turns)?;
            }
        }
        RotationCmd::Show { range, policy } => {
            let (team, span) = range.resolve(ctx)?;
            let view = ctx.app.rotation_view(team.id, span, now)?;
            let only = policy.map(|p| policy_ref(ctx, &team, &p)).transpose()?;
            let turns: Vec<Turn> = view
                .turns
                .into_iter()
                .filter(|t| only.is_none_or(|p| t.policy_id == p))
                .collect();
            show_turns(ctx, &team, &turns)?;
        }
        RotationCmd::Override { turn, member } => {
            let (team, policy, at) = turn.resolve(ctx)?;
            let member_id = member_id(ctx, &team, &member)?;
            let after = ctx
                .app
                .apply_edit_at(team.id, policy, at, EditAt::Override { member_id })?
                .value;
            let said = match after.first() {
                Some(t) => format!(
                    "{member} is on duty from {} to {} (locked)",
                    local(&team, t.start),
                    local(&team, t.end)
                ),
                None => format!("{member} was already on duty then; nothing changed"),
            };
            done(ctx, &after, said);
        }
        RotationCmd::Swap { turn, with } => {
            let (team, policy, at) = turn.resolve(ctx)?;
            let with = parse_datetime("with", &with, team.spec.zone)?;
            let after = ctx.app.apply_edit_at(team.id, policy, at, EditAt::Swap { with })?.value;
            done(ctx, &after, "swapped the two turns (both locked)".into());
        }
        RotationCmd::Shadow { turn, member, remove } => {
            let (team, policy, at) = turn.resolve(ctx)?;
            let member_id = if remove {
                None
            } else {
                member.as_deref().map(|m| member_id(ctx, &team, m)).transpose()?
            };
            let after = ctx
                .app
                .apply_edit_at(team.id, policy, at, EditAt::Shadow { member_id })?
                .value;
            let said = match (&member, after.first()) {
                (Some(m), Some(t)) if !remove => {
                    format!("{m} shadows the turn from {} (not cover)", local(&team, t.start))
                }
                (Some(_), None) if !remove => "that trainee already shadows the turn; nothing changed".into(),
                _ => "removed the shadow".into(),
            };
            done(ctx, &after, said);
        }
        RotationCmd::Check(range) => {
            let (team, span) = range.resolve(ctx)?;
            let view = ctx.app.rotation_view(team.id, span, now)?;
            table(ctx, &view.conflicts, &["SEVERITY", "KIND", "WHEN", "WHAT"], |c| {
                vec![
                    c.conflict.severity.to_string(),
                    c.conflict.kind.to_string(),
                    c.conflict
                        .start
                        .with_timezone(&team.spec.zone)
                        .format("%Y-%m-%d %H:%M")
                        .to_string(),
                    c.conflict.message.clone(),
                ]
            });
        }
        RotationCmd::Fairness { team } => {
            let team = ctx.app.team_by_name(&team)?;
            let today = now.with_timezone(&team.spec.zone).date_naive();
            let report = ctx
                .app
                .rotation_view(
                    team.id,
                    DateSpan {
                        first: today,
                        last: today,
                    },
                    now,
                )?
                .fairness;
            if ctx.json {
                say!("{}", serde_json::to_string_pretty(&report).expect("json"));
                return Ok(());
            }
            table(
                ctx,
                &report.rows,
                &["MEMBER", "TURNS", "PLANNED", "HOURS", "WEIGHTED", "VS AVERAGE"],
                |r| {
                    vec![
                        r.name.clone(),
                        r.turns.to_string(),
                        r.planned_turns.to_string(),
                        format!("{:.0}", r.duty_hours),
                        format!("{:.0}", r.weighted_load),
                        format!("{:+.0} %", r.deviation_percent),
                    ]
                },
            );
        }
        RotationCmd::Unlock { turn } => {
            let (team, policy, at) = turn.resolve(ctx)?;
            let after = ctx.app.unlock_turn(team.id, policy, at, now)?.value;
            let (rc, _) = ctx.app.rotation(team.id)?;
            let name = |id: Id| {
                rc.members
                    .iter()
                    .find(|m| m.id == id)
                    .map(|m| m.spec.name.clone())
                    .unwrap_or_default()
            };
            let said = match after.iter().find(|t| t.start <= at && at < t.end) {
                Some(t) => format!(
                    "the turn from {} follows the plan again: {} is on duty",
                    local(&team, t.start),
                    name(t.member_id)
                ),
                None => "the turn follows the plan again".into(),
            };
            done(ctx, &after, said);
        }
        RotationCmd::Note { turn, text } => {
            let (team, policy, at) = turn.resolve(ctx)?;
            let stored = ctx
                .app
                .turns(
                    team.id,
                    at - chrono::Duration::seconds(1),
                    at + chrono::Duration::seconds(1),
                )?
                .into_iter()
                .find(|t| t.policy_id == policy && t.start <= at && at < t.end)
                .ok_or_else(|| {
                    AppError::not_found(format!(
                        "no stored turn of {} covers {}; plan the rotation first",
                        turn.policy, turn.at
                    ))
                })?;
            let id = stored
                .id
                .ok_or_else(|| AppError::not_found("that turn is not stored yet; plan the rotation first"))?;
            let before = stored.note.clone();
            let changes = ctx.app.set_turn_note(id, &text)?.changes;
            let after = ctx.app.turns(team.id, stored.start, stored.end)?;
            let now_note = after
                .iter()
                .find(|t| t.id == Some(id))
                .map(|t| t.note.clone())
                .unwrap_or_default();
            let undo = format!(
                "rotation note --team \"{}\" --policy \"{}\" --at {} --text {}",
                team.spec.name,
                turn.policy,
                turn.at,
                shell_quoted(&before)
            );
            let said = if changes == Changes::none() {
                "the note already says that; nothing changed".to_string()
            } else if now_note.is_empty() {
                format!(
                    "cleared the handoff note of the turn from {} (undo: {undo})",
                    local(&team, stored.start)
                )
            } else {
                format!(
                    "the turn from {} has a new handoff note (undo: {undo})",
                    local(&team, stored.start)
                )
            };
            done(ctx, &changes, said);
        }
        RotationCmd::Today { team } => {
            let team = ctx.app.team_by_name(&team)?;
            let message = ctx.app.standup(team.id, now)?;
            if ctx.json {
                say!("{}", serde_json::to_string_pretty(&message).expect("json"));
                return Ok(());
            }
            let lines = message.lines();
            say!("{}", lines.title);
            for line in lines.note.iter().chain(&lines.none) {
                say!("{line}");
            }
            for e in &lines.entries {
                say!("{}: {}", e.policy, e.summary);
                for d in &e.details {
                    say!("  {d}");
                }
            }
            if !lines.changes.is_empty() {
                say!("{}:", sprintshield_core::standup::render::CHANGES_HEADING);
                for c in &lines.changes {
                    say!("  {c}");
                }
            }
        }
    }
    Ok(())
}
