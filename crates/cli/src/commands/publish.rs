//! `sprintshield publish`: set up where a team's plan goes (a CalDAV calendar, a chat webhook),
//! publish it (showing who is affected; `--dry-run` only shows), and say where things stand.
//!
//! The password and the webhook URL are never arguments. Each goes to the OS keyring (read at
//! set-up from the terminal without echo, or from standard input), or stays in an environment
//! variable whose NAME is stored. Both are read at publish time.
use chrono::Utc;
use clap::{Args, Subcommand};
use serde::Serialize;
use sprintshield_caldav::{CalDavConnector, OsSecrets};
use sprintshield_core::calendar::sources::ExportWhat;
use sprintshield_core::publish::{ActionKind, ChatFormat, PasswordSource, WebhookSource};
use sprintshield_core::time::parse_date;
use sprintshield_core::{AppError, ErrorKind, Invalid};
use sprintshield_service::{PostReport, PublishOptions, PublishReport};

use crate::output::{done, json, note};
use crate::say;
use crate::Ctx;

/// `publish`: publish a team's plan, or one of its subcommands.
#[derive(Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct PublishArgs {
    #[command(subcommand)]
    cmd: Option<PublishCmd>,
    #[command(flatten)]
    run: RunArgs,
}

/// Arguments of a publish.
#[derive(Args)]
struct RunArgs {
    /// Team name.
    #[arg(long, required = true)]
    team: Option<String>,
    /// First day (YYYY-MM-DD; default: today).
    #[arg(long)]
    from: Option<String>,
    /// Last day, inclusive (default: 90 days from the first).
    #[arg(long)]
    to: Option<String>,
    /// Only show what would be sent and whom it affects.
    #[arg(long)]
    dry_run: bool,
    /// Overwrite (or delete) events that were edited on the calendar server.
    #[arg(long)]
    force: bool,
    /// Post today's stand-up message to the chat even when the calendar did not change.
    #[arg(long)]
    post_today: bool,
}

/// Subcommands of `publish`.
#[derive(Subcommand)]
enum PublishCmd {
    /// Set where the team's plan goes: a CalDAV calendar (--caldav, --user; the password goes to
    /// the OS keyring, or give --password-env VAR) and/or a chat webhook (--webhook-keyring or
    /// --webhook-stdin: the URL goes to the OS keyring; or --webhook-env VAR; --format).
    Setup(SetupArgs),
    /// What was published, where, and what publishing now would send.
    Status {
        /// Team name.
        #[arg(long)]
        team: String,
    },
}

/// Arguments of `publish setup`.
#[derive(Args)]
struct SetupArgs {
    /// Team name.
    #[arg(long)]
    team: String,
    /// The calendar collection's URL, e.g. https://dav.example.com/ana/phoenix/ (created if missing).
    #[arg(long, value_name = "URL", requires = "user")]
    caldav: Option<String>,
    /// The user name on the calendar server.
    #[arg(long, requires = "caldav")]
    user: Option<String>,
    /// The NAME of the environment variable that holds the password (never the password).
    /// Without it, the password is stored in the OS keyring: typed at a prompt (not shown), or
    /// read from standard input.
    #[arg(long, value_name = "VAR", requires = "caldav", conflicts_with = "password_stdin")]
    password_env: Option<String>,
    /// Read the password for the OS keyring from standard input (its first line), not a prompt.
    #[arg(long, requires = "caldav")]
    password_stdin: bool,
    /// Also publish each member's own turns to a calendar of their own.
    #[arg(long, requires = "caldav")]
    per_member: bool,
    /// What to publish, comma-separated: turns, sprints, releases (default: turns).
    #[arg(long, value_delimiter = ',', requires = "caldav")]
    what: Vec<String>,
    /// The NAME of the environment variable that holds the chat's incoming-webhook URL (never the
    /// URL). Without it, --webhook-keyring or --webhook-stdin keeps the URL in the OS keyring.
    #[arg(long, value_name = "VAR", group = "webhook")]
    webhook_env: Option<String>,
    /// Keep the chat's incoming-webhook URL in the OS keyring: typed at a prompt (not shown), or
    /// read from standard input when that is not a terminal.
    #[arg(long, group = "webhook")]
    webhook_keyring: bool,
    /// Read the chat's incoming-webhook URL for the OS keyring from standard input (its first
    /// line), not a prompt.
    #[arg(long, group = "webhook")]
    webhook_stdin: bool,
    /// The webhook's JSON: slack (Slack, Mattermost, Rocket.Chat, Discord /slack) or teams.
    #[arg(long, requires = "webhook", default_value = "slack")]
    format: String,
}

/// Runs `publish` or one of its subcommands.
pub fn run(ctx: &mut Ctx, args: PublishArgs) -> Result<(), AppError> {
    match args.cmd {
        Some(PublishCmd::Setup(a)) => setup(ctx, a),
        Some(PublishCmd::Status { team }) => status(ctx, &team),
        None => publish(ctx, args.run),
    }
}

fn setup(ctx: &mut Ctx, a: SetupArgs) -> Result<(), AppError> {
    let team = ctx.app.team_by_name(&a.team)?;
    let chat = a.webhook_env.is_some() || a.webhook_keyring || a.webhook_stdin;
    if a.caldav.is_none() && !chat {
        return Err(Invalid::new(
            "caldav",
            "say where to publish: --caldav URL --user U [--password-env VAR], and/or --webhook-keyring (or --webhook-stdin, or --webhook-env VAR)",
        )
        .into());
    }
    if a.password_stdin && a.webhook_stdin {
        return Err(Invalid::new(
            "webhook_stdin",
            "standard input can carry the password or the webhook URL, not both; set the calendar and the chat up one at a time",
        )
        .into());
    }
    #[derive(Serialize)]
    struct SetUp {
        calendar: Option<sprintshield_core::publish::CalendarTarget>,
        chat: Option<sprintshield_core::publish::ChatTarget>,
    }
    let mut out = SetUp {
        calendar: None,
        chat: None,
    };
    let mut lines = Vec::new();
    if let (Some(url), Some(user)) = (&a.caldav, &a.user) {
        let what = a
            .what
            .iter()
            .map(|w| ExportWhat::parse(w))
            .collect::<Result<Vec<_>, Invalid>>()?;
        let t = match &a.password_env {
            Some(var) => ctx
                .app
                .set_calendar_target(team.id, url, user, var, a.per_member, what)?,
            None => {
                let host = sprintshield_core::publish::target::host_of(url);
                let password = read_secret(
                    &format!("Password for {user} at {host} (kept in the OS keyring): "),
                    "password",
                    a.password_stdin,
                )?
                .ok_or_else(|| {
                    Invalid::new(
                        "password",
                        "no password was given; type it at the prompt, pipe it in with --password-stdin, or give --password-env VAR",
                    )
                })?;
                ctx.app.set_calendar_target_in_keyring(
                    team.id,
                    url,
                    user,
                    &password,
                    a.per_member,
                    what,
                    &OsSecrets::default(),
                )?
            }
        };
        let unset = t.password_source == PasswordSource::Env && std::env::var_os(&t.password_env).is_none();
        lines.push(format!(
            "{} publishes {} to {} as {} (password from {}{}){}",
            team.spec.name,
            t.what.iter().map(|w| w.name()).collect::<Vec<_>>().join(", "),
            t.collection_url,
            t.user,
            t.password_origin(),
            if unset { ", not set in this shell" } else { "" },
            if t.per_member {
                ", and each member's own turns to a calendar of their own"
            } else {
                ""
            }
        ));
        out.calendar = Some(t);
    }
    if chat {
        let format = ChatFormat::parse(&a.format)?;
        let t = match &a.webhook_env {
            Some(var) => ctx.app.set_chat_target(team.id, var, format)?.value,
            None => {
                let url = read_secret(
                    &format!("Webhook URL for {}'s chat (kept in the OS keyring, not shown): ", team.spec.name),
                    "webhook URL",
                    a.webhook_stdin,
                )?
                .ok_or_else(|| {
                    Invalid::new(
                        "webhook_url",
                        "no webhook URL was given; paste it at the prompt, pipe it in with --webhook-stdin, or give --webhook-env VAR",
                    )
                })?;
                ctx.app
                    .set_chat_target_in_keyring(team.id, &url, format, &OsSecrets::default())?
                    .value
            }
        };
        let unset = t.webhook_source == WebhookSource::Env && std::env::var_os(&t.webhook_env).is_none();
        lines.push(format!(
            "{} posts its stand-up message as {} to the webhook in {}{}",
            team.spec.name,
            t.format.label(),
            t.url_origin(),
            if unset { " (not set in this shell)" } else { "" }
        ));
        out.chat = Some(t);
    }
    done(ctx, &out, lines.join("\n"));
    Ok(())
}

/// A secret for the OS keyring (`what`: "password", "webhook URL"): from standard input (its
/// first line) with `from_stdin` or when it is not a terminal, else typed after `prompt` on the
/// terminal without echo. `None` when nothing was given.
fn read_secret(prompt: &str, what: &str, from_stdin: bool) -> Result<Option<String>, AppError> {
    use std::io::{BufRead, IsTerminal};
    let stdin = std::io::stdin();
    let secret = if from_stdin || !stdin.is_terminal() {
        let mut line = String::new();
        stdin.lock().read_line(&mut line).map_err(|e| {
            AppError::new(
                ErrorKind::Invalid,
                format!("the {what} could not be read from standard input ({e})"),
            )
        })?;
        line.trim_end_matches(['\r', '\n']).to_owned()
    } else {
        rpassword::prompt_password(prompt).map_err(|e| {
            AppError::new(
                ErrorKind::Invalid,
                format!("the {what} could not be read from the terminal ({e})"),
            )
        })?
    };
    Ok(Some(secret).filter(|s| !s.is_empty()))
}

fn status(ctx: &mut Ctx, team: &str) -> Result<(), AppError> {
    let team = ctx.app.team_by_name(team)?;
    let st = ctx.app.publish_status(team.id, Utc::now())?;
    if ctx.json {
        json(&st);
        return Ok(());
    }
    match &st.calendar {
        Some(c) => {
            say!("Calendar:   {} as {} (password from {})", c.collection_url, c.user, c.password_origin());
            say!(
                "Published:  {} events{}; last publish {}",
                st.published_events,
                if c.per_member { format!(", {} in members' own calendars", st.member_events) } else { String::new() },
                c.last_published_at.map_or("never".to_owned(), |t| t.to_rfc3339())
            );
        }
        None => say!("Calendar:   not set up (sprintshield publish setup --team \"{}\" --caldav URL --user U --password-env VAR)", team.spec.name),
    }
    match &st.chat {
        Some(c) => say!(
            "Chat:       {} via {}; last post {}",
            c.format.label(),
            c.url_origin(),
            c.last_posted_at.map_or("never".to_owned(), |t| t.to_rfc3339())
        ),
        None => say!("Chat:       not set up"),
    }
    if let Some(p) = &st.pending {
        say!("Now:        {}", p.headline);
    }
    Ok(())
}

fn print_report(ctx: &Ctx, r: &PublishReport) {
    if ctx.json {
        return;
    }
    say!("{}", r.headline);
    for c in &r.changes {
        let what = match c.kind {
            ActionKind::Create => "new",
            ActionKind::Update => "changed",
            ActionKind::Delete => "removed",
        };
        let day = c.day.format("%a %-d %b");
        match &c.before {
            Some(b) if b != &c.summary => say!("  {what:<8} {day}  {b} → {}", c.summary),
            _ => say!("  {what:<8} {day}  {}", c.summary),
        }
    }
    if !r.affected.is_empty() {
        say!("Who is affected:");
        for l in &r.affected {
            say!("  {l}");
        }
    }
    for c in &r.conflicts {
        say!("  ! {c}");
    }
    if !r.dry_run {
        say!(
            "{} new, {} changed, {} removed, {} unchanged; {} requests{}",
            r.created,
            r.updated,
            r.deleted,
            r.unchanged,
            r.requests,
            if r.member_writes > 0 {
                format!("; {} writes to members' own calendars", r.member_writes)
            } else {
                String::new()
            }
        );
    }
}

fn publish(ctx: &mut Ctx, a: RunArgs) -> Result<(), AppError> {
    let name = a.team.unwrap_or_default();
    let team = ctx.app.team_by_name(&name)?;
    let opts = PublishOptions {
        from: a.from.as_deref().map(|d| parse_date("from", d)).transpose()?,
        to: a.to.as_deref().map(|d| parse_date("to", d)).transpose()?,
        force: a.force,
    };
    let now = Utc::now();
    let has_calendar = ctx.app.publish_status(team.id, now).map(|s| s.calendar.is_some())?;
    let has_chat = ctx.app.chat_target(team.id)?.is_some();
    #[derive(Serialize)]
    struct Published {
        calendar: Option<PublishReport>,
        chat: Option<PostReport>,
    }
    let mut out = Published {
        calendar: None,
        chat: None,
    };
    if a.dry_run {
        let r = ctx.app.publish_preview(team.id, now, &opts)?;
        print_report(ctx, &r);
        if ctx.json {
            json(&r);
        }
        return Ok(());
    }
    if !has_calendar && has_chat && !a.post_today {
        return Err(AppError::not_found(format!(
            "{name} has no calendar to publish to, so there is no change to post; post today's duty with --post-today, or set up a calendar with `sprintshield publish setup --team \"{name}\" --caldav URL --user U --password-env VAR`",
            name = team.spec.name
        )));
    }
    let mut anything = false;
    if has_calendar || !a.post_today {
        let r = ctx
            .app
            .publish(team.id, now, &opts, &CalDavConnector::default(), &OsSecrets::default())?;
        print_report(ctx, &r);
        anything = r.created + r.updated + r.deleted > r.conflicts.len();
        out.calendar = Some(r);
    }
    // What this or an earlier publish changed and the chat has not carried yet.
    let waiting = if has_chat {
        ctx.app.chat_waiting(team.id)?.len()
    } else {
        0
    };
    if has_chat && (anything || waiting > 0 || a.post_today) {
        let posted = ctx
            .app
            .post_standup(team.id, now, &sprintshield_chat::post, &OsSecrets::default())
            .map_err(|e| {
                let kept = if waiting > 0 {
                    format!(
                        "; {} for the next post (publish again, or use --post-today)",
                        if waiting == 1 {
                            "the change waits".to_owned()
                        } else {
                            format!("the {waiting} changes wait")
                        }
                    )
                } else {
                    String::new()
                };
                AppError::new(
                    e.kind,
                    if out.calendar.is_some() {
                        format!(
                            "the calendar was published, but the stand-up message was not posted: {}{kept}",
                            e.message
                        )
                    } else {
                        format!("{}{kept}", e.message)
                    },
                )
            })?;
        if !ctx.json {
            say!("{}", posted.headline);
        }
        out.chat = Some(posted);
    } else if a.post_today && !has_chat {
        return Err(AppError::new(
            ErrorKind::NotFound,
            format!(
                "{} has no chat to post to; set one with `sprintshield publish setup --team \"{}\" --webhook-keyring` (or --webhook-env VAR)",
                team.spec.name, team.spec.name
            ),
        ));
    } else if !has_chat && !ctx.json && anything {
        note("no chat is set up, so no stand-up message was posted");
    }
    if ctx.json {
        json(&out);
    }
    Ok(())
}
