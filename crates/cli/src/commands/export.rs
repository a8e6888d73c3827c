//! `sprintshield export ics` and `sprintshield import ics`.
use std::path::PathBuf;

use chrono::{DateTime, Duration, Utc};
use clap::{Args, Subcommand};
use sprintshield_core::calendar::import::text_from_bytes;
use sprintshield_core::calendar::mapping::KindChoice;
use sprintshield_core::calendar::requests::{ExportRequest, ImportAs, ImportRequest};
use sprintshield_core::calendar::sources::ExportWhat;
use sprintshield_core::time::{parse_date, parse_datetime};
use sprintshield_core::time_off::TimeOffKind;
use sprintshield_core::{AppError, ErrorKind, Invalid};

use crate::output::table;
use crate::say;
use crate::Ctx;

/// Export commands.
#[derive(Subcommand)]
pub enum ExportCmd {
    /// Write turns, time off, sprints and releases of a team to an .ics calendar file.
    Ics(ExportArgs),
}

/// Arguments of `export ics`.
#[derive(Args)]
pub struct ExportArgs {
    /// Team name.
    #[arg(long)]
    team: String,
    /// Only this member's turns and time off.
    #[arg(long)]
    member: Option<String>,
    /// Only this duty policy's turns.
    #[arg(long)]
    policy: Option<String>,
    /// What to export, comma-separated: turns, time_off, sprints, releases (default: all).
    #[arg(long, value_delimiter = ',')]
    what: Vec<String>,
    /// First day (YYYY-MM-DD).
    #[arg(long)]
    from: String,
    /// Last day, inclusive (YYYY-MM-DD).
    #[arg(long)]
    to: String,
    /// The file to write.
    #[arg(long)]
    out: PathBuf,
    /// The DTSTAMP to write, RFC 3339 (default: now); for reproducible files.
    #[arg(long)]
    stamp: Option<String>,
}

/// Import commands.
#[derive(Subcommand)]
pub enum ImportCmd {
    /// Read time off or holidays from an .ics file: a preview, or written with --apply.
    Ics(ImportArgs),
}

/// Arguments of `import ics`.
#[derive(Args)]
pub struct ImportArgs {
    /// Team name.
    #[arg(long)]
    team: String,
    /// The .ics file.
    #[arg(long)]
    file: PathBuf,
    /// time_off (members matched by attendee e-mail or name) or holidays.
    #[arg(long = "as", default_value = "time_off")]
    kind: String,
    /// First day read (default: a year ago).
    #[arg(long)]
    from: Option<String>,
    /// Last day read (default: two years ahead).
    #[arg(long)]
    to: Option<String>,
    /// The kind of time off for one event, over the guessed one: UID=vacation|sick|training|other
    /// (the UID as the preview shows it). Repeat for several events.
    #[arg(long = "kind-for", value_name = "UID=KIND")]
    kind_for: Vec<String>,
    /// Write the proposal (in one transaction); without it, only show what would be written.
    #[arg(long)]
    apply: bool,
}

/// Reads `--kind-for UID=KIND` (the UID may itself contain `=`; the kind is after the last one).
fn kind_choice(text: &str) -> Result<KindChoice, Invalid> {
    let (uid, kind) = text.rsplit_once('=').ok_or_else(|| {
        Invalid::new(
            "kind-for",
            format!("--kind-for {text}: write the event's UID, '=' and a kind, e.g. abc123@google.com=sick"),
        )
    })?;
    Ok(KindChoice {
        uid: uid.trim().to_owned(),
        kind: TimeOffKind::parse(kind)?,
    })
}

fn io_error(what: &str, path: &std::path::Path, e: std::io::Error) -> AppError {
    AppError::new(ErrorKind::Storage, format!("cannot {what} {}: {e}", path.display()))
}

/// Runs an export command.
pub fn run_export(ctx: &mut Ctx, cmd: ExportCmd) -> Result<(), AppError> {
    let ExportCmd::Ics(a) = cmd;
    let team = ctx.app.team_by_name(&a.team)?;
    let what = if a.what.is_empty() {
        ExportWhat::ALL.to_vec()
    } else {
        a.what
            .iter()
            .map(|w| ExportWhat::parse(w))
            .collect::<Result<Vec<_>, Invalid>>()?
    };
    let member_id = match &a.member {
        Some(m) => Some(ctx.app.member_by_name(team.id, m)?.id),
        None => None,
    };
    let policy_id = match &a.policy {
        Some(p) => Some(ctx.app.policy_by_name(team.id, p)?.id),
        None => None,
    };
    let stamp: DateTime<Utc> = match &a.stamp {
        Some(s) => parse_datetime("stamp", s, team.spec.zone)?,
        None => Utc::now(),
    };
    let req = ExportRequest {
        team_id: team.id,
        member_id,
        policy_id,
        what,
        from: parse_date("from", &a.from)?,
        to: parse_date("to", &a.to)?,
    };
    // The file is written inside the export's transaction: a failed write records nothing.
    let mut failed = None;
    let done = ctx
        .app
        .export_calendar(&req, stamp, |p| {
            std::fs::write(&a.out, &p.text).inspect_err(|e| failed = Some(std::io::Error::new(e.kind(), e.to_string())))
        })
        .map_err(|e| match failed.take() {
            Some(io) => io_error("write", &a.out, io),
            None => e,
        })?;
    if ctx.json {
        say!("{}", serde_json::to_string_pretty(&done).expect("export serialises"));
    } else {
        say!(
            "wrote {} events to {} ({} new, {} changed, {} cancelled)",
            done.events.len(),
            a.out.display(),
            done.new_events,
            done.changed_events,
            done.cancelled_events
        );
    }
    Ok(())
}

/// Runs an import command.
pub fn run_import(ctx: &mut Ctx, cmd: ImportCmd) -> Result<(), AppError> {
    let ImportCmd::Ics(a) = cmd;
    let team = ctx.app.team_by_name(&a.team)?;
    let kind = ImportAs::parse(&a.kind)?;
    let today = Utc::now().with_timezone(&team.spec.zone).date_naive();
    let from = match &a.from {
        Some(f) => parse_date("from", f)?,
        None => today - Duration::days(365),
    };
    let to = match &a.to {
        Some(t) => parse_date("to", t)?,
        None => today + Duration::days(730),
    };
    let kinds = a
        .kind_for
        .iter()
        .map(|k| kind_choice(k))
        .collect::<Result<Vec<_>, _>>()?;
    let bytes = std::fs::read(&a.file).map_err(|e| io_error("read", &a.file, e))?;
    let text = text_from_bytes(&bytes, &a.file.display().to_string())?;
    let req = ImportRequest {
        team_id: team.id,
        text,
        kind,
        from,
        to,
        kinds,
    };
    let p = if a.apply {
        ctx.app.import_calendar(&req)?.value
    } else {
        ctx.app.import_preview(&req)?
    };
    if ctx.json {
        say!("{}", serde_json::to_string_pretty(&p).expect("preview serialises"));
        return Ok(());
    }
    let verb = if p.applied { "imported" } else { "would import" };
    say!(
        "{verb} {} time off and {} holidays for {}{}",
        p.time_off_to_write,
        p.holidays_to_write,
        team.spec.name,
        if p.applied {
            ""
        } else {
            " (run again with --apply to write them)"
        }
    );
    let flag = |dup: bool| if dup { "duplicate, skipped" } else { "new" }.to_owned();
    if !p.proposal.time_off.is_empty() {
        say!("\nTime off:");
        table(
            ctx,
            &p.proposal.time_off,
            &[
                "MEMBER",
                "FIRST DAY",
                "LAST DAY",
                "TITLE",
                "KIND",
                "MATCHED BY",
                "STATUS",
                "UID",
            ],
            |t| {
                let why = if t.kind_reason.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", t.kind_reason)
                };
                vec![
                    t.member_name.clone(),
                    t.days.first.to_string(),
                    t.days.last.to_string(),
                    t.summary.clone(),
                    format!("{}{why}", t.kind.name()),
                    t.matched_by.clone(),
                    flag(t.duplicate),
                    t.uid.clone(),
                ]
            },
        );
        if !p.applied {
            say!("Change a kind with --kind-for UID=vacation|sick|training|other.");
        }
    }
    if !p.proposal.holidays.is_empty() {
        say!("\nHolidays:");
        table(ctx, &p.proposal.holidays, &["DATE", "NAME", "STATUS"], |h| {
            vec![h.date.to_string(), h.name.clone(), flag(h.duplicate)]
        });
    }
    if !p.proposal.unmatched.is_empty() {
        say!("\nNot imported:");
        table(
            ctx,
            &p.proposal.unmatched,
            &["TITLE", "FIRST DAY", "LAST DAY", "WHY"],
            |u| {
                vec![
                    u.summary.clone(),
                    u.days.first.to_string(),
                    u.days.last.to_string(),
                    u.reason.clone(),
                ]
            },
        );
    }
    if !p.messages.is_empty() {
        say!("\nNotes:");
        table(ctx, &p.messages, &["LINE", "TITLE", "LEVEL", "NOTE"], |m| {
            vec![
                m.line.to_string(),
                m.summary.clone(),
                m.level.to_string(),
                m.text.clone(),
            ]
        });
    }
    Ok(())
}
