//! `sprintshield interrupt import` and `sprintshield sprint import`: bringing the interrupt log
//! and sprint history in from CSV exports. A preview by default (like `import ics`); `--apply`
//! writes the rows to add in one transaction.
use std::path::{Path, PathBuf};

use chrono::Utc;
use clap::{Args, Subcommand};
use sprintshield_core::import_csv::read::decode;
use sprintshield_core::import_csv::{
    ColumnChoice, CsvMapping, CsvSource, ImportField, InterruptCsvPreview, InterruptCsvRequest, SprintColumnChoice,
    SprintCsvRequest, SprintField, ValueChoice,
};
use sprintshield_core::interrupt::Severity;
use sprintshield_core::team::Team;
use sprintshield_core::text::shown;
use sprintshield_core::{AppError, ErrorKind, Invalid};

use crate::output::table;
use crate::say;
use crate::Ctx;

/// Rows listed in the table view; `--json` lists them all.
const SHOWN_ROWS: usize = 20;

/// `interrupt …`: the log commands plus `import`.
#[derive(Subcommand)]
pub enum InterruptCommands {
    /// Import interrupts from a CSV export (PagerDuty incidents, Opsgenie alerts, Jira issues or a
    /// generic CSV): a preview, or written with --apply.
    Import(InterruptImportArgs),
    #[command(flatten)]
    Log(super::interrupt::InterruptCmd),
}

/// `sprint …`: the sprint commands plus `import`.
#[derive(Subcommand)]
pub enum SprintCommands {
    /// Import sprint history (name, start, end, committed, completed) from a CSV file: a preview,
    /// or written with --apply.
    Import(SprintImportArgs),
    #[command(flatten)]
    Other(super::sprint::SprintCmd),
}

/// Arguments of `interrupt import`.
#[derive(Args)]
pub struct InterruptImportArgs {
    /// Team name.
    #[arg(long)]
    team: String,
    /// The CSV file.
    #[arg(long)]
    file: PathBuf,
    /// pagerduty, opsgenie, jira or generic (default: detected from the header).
    #[arg(long, alias = "format")]
    source: Option<String>,
    /// Which column fills a field, e.g. --map category="Issue Type" or --map minutes= (none).
    /// Fields: at, title, category, severity, minutes, resolved, handled_by, external_id, root_cause.
    #[arg(long = "map", value_name = "FIELD=COLUMN")]
    map: Vec<String>,
    /// What a value of the file means, e.g. --value category:Incident=production_bug,
    /// --value severity:SEV1=critical, --value "handled_by:ana@x.org=Ana Lima".
    #[arg(long = "value", value_name = "FIELD:VALUE=TO")]
    values: Vec<String>,
    /// Which severities could have waited, e.g. --could-wait low,normal or --could-wait none
    /// (default: low; critical and high never wait).
    #[arg(long = "could-wait", value_name = "SEVERITIES")]
    could_wait: Option<String>,
    /// Write the rows to add (default: only show what would be imported).
    #[arg(long)]
    apply: bool,
}

/// Arguments of `sprint import`.
#[derive(Args)]
pub struct SprintImportArgs {
    /// Team name.
    #[arg(long)]
    team: String,
    /// The CSV file.
    #[arg(long)]
    file: PathBuf,
    /// Which column fills a field when its name is not recognised, e.g. --map name=Iteration or
    /// --map completed= (none). Fields: name, start, end, committed, completed.
    #[arg(long = "map", value_name = "FIELD=COLUMN")]
    map: Vec<String>,
    /// Write the sprints to add (default: only show what would be imported).
    #[arg(long)]
    apply: bool,
}

/// Runs an `interrupt` command.
pub fn run_interrupt(ctx: &mut Ctx, cmd: InterruptCommands) -> Result<(), AppError> {
    match cmd {
        InterruptCommands::Log(c) => super::interrupt::run(ctx, c),
        InterruptCommands::Import(a) => import_interrupts(ctx, a),
    }
}

/// Runs a `sprint` command.
pub fn run_sprint(ctx: &mut Ctx, cmd: SprintCommands) -> Result<(), AppError> {
    match cmd {
        SprintCommands::Other(c) => super::sprint::run(ctx, c),
        SprintCommands::Import(a) => import_sprints(ctx, a),
    }
}

fn read_file(path: &Path) -> Result<String, AppError> {
    let bytes = std::fs::read(path).map_err(|e| {
        AppError::new(
            ErrorKind::NotFound,
            format!(
                "cannot read {}: {}",
                path.display(),
                e.kind().to_string().to_lowercase()
            ),
        )
    })?;
    Ok(decode(&bytes)?)
}

/// A missing-column refusal with the option that answers it.
fn with_map_hint(e: Invalid) -> Invalid {
    Invalid::new(e.field, format!("{}; name it with --map FIELD=COLUMN", e.message))
}

/// Parses `--could-wait low,normal` (or `none`) into severities.
fn could_wait(text: &str) -> Result<Vec<Severity>, AppError> {
    if text.trim().eq_ignore_ascii_case("none") {
        return Ok(Vec::new());
    }
    Ok(text
        .split(',')
        .filter(|s| !s.trim().is_empty())
        .map(Severity::parse)
        .collect::<Result<_, _>>()?)
}

/// Parses the sprint import's `--map field=Column`.
fn sprint_columns(map: &[String]) -> Result<Vec<SprintColumnChoice>, AppError> {
    map.iter()
        .map(|m| {
            let (field, column) = m.split_once('=').ok_or_else(|| {
                Invalid::new(
                    "map",
                    format!(
                        "--map \"{}\" needs the form FIELD=COLUMN, e.g. --map name=Iteration",
                        shown(m)
                    ),
                )
            })?;
            let column = column.trim();
            Ok(SprintColumnChoice {
                field: SprintField::parse(field)?,
                column: (!column.is_empty()).then(|| column.to_owned()),
            })
        })
        .collect()
}

/// Parses `--map field=Column` and `--value field:value=to` into a mapping.
fn mapping(map: &[String], values: &[String]) -> Result<CsvMapping, AppError> {
    let mut out = CsvMapping::default();
    for m in map {
        let (field, column) = m.split_once('=').ok_or_else(|| {
            Invalid::new(
                "map",
                format!(
                    "--map \"{}\" needs the form FIELD=COLUMN, e.g. --map title=Summary",
                    shown(m)
                ),
            )
        })?;
        let column = column.trim();
        out.columns.push(ColumnChoice {
            field: ImportField::parse(field)?,
            column: (!column.is_empty()).then(|| column.to_owned()),
        });
    }
    for v in values {
        let bad = || {
            Invalid::new(
                "value",
                format!(
                    "--value \"{}\" needs the form FIELD:VALUE=TO, e.g. --value category:Incident=operational_problem",
                    shown(v)
                ),
            )
        };
        let (field, rest) = v.split_once(':').ok_or_else(bad)?;
        let (value, to) = rest.rsplit_once('=').ok_or_else(bad)?;
        out.values.push(ValueChoice {
            field: ImportField::parse(field)?,
            value: value.to_owned(),
            to: to.trim().to_owned(),
        });
    }
    Ok(out)
}

fn import_interrupts(ctx: &mut Ctx, a: InterruptImportArgs) -> Result<(), AppError> {
    let team = ctx.app.team_by_name(&a.team)?;
    let req = InterruptCsvRequest {
        team_id: team.id,
        text: read_file(&a.file)?,
        source: a.source.as_deref().map(CsvSource::parse).transpose()?,
        mapping: CsvMapping {
            could_wait: a.could_wait.as_deref().map(could_wait).transpose()?,
            ..mapping(&a.map, &a.values)?
        },
    };
    let now = Utc::now();
    // A file that still lacks a required column is refused here with the option that answers it.
    let preview = ctx.app.interrupt_csv_preview(&req, now)?;
    preview.ready().map_err(with_map_hint)?;
    let p = if a.apply {
        ctx.app.import_interrupt_csv(&req, now)?.value
    } else {
        preview
    };
    if ctx.json {
        crate::output::json(&p);
        return Ok(());
    }
    print_interrupts(ctx, &team, &p);
    Ok(())
}

fn print_interrupts(ctx: &Ctx, team: &Team, p: &InterruptCsvPreview) {
    let zone = team.spec.zone;
    let arrived = format!("ARRIVED ({})", zone.name());
    let verb = if p.applied { "imported" } else { "would import" };
    say!(
        "{verb} {} interrupts into {} from a {} file ({} already in the log, {} skipped){}",
        p.rows.len(),
        team.spec.name,
        p.source.label(),
        p.duplicates.len(),
        p.skipped.len(),
        if p.applied {
            ""
        } else {
            "; run again with --apply to write them"
        }
    );
    if p.source != p.detected {
        say!("note: the header looks like a {} file", p.detected.label());
    }
    say!("\nColumns:");
    table(ctx, &p.mapping.columns, &["FIELD", "COLUMN"], |c| {
        vec![
            c.field.name().to_owned(),
            c.column.as_deref().map_or("(none)".to_owned(), shown),
        ]
    });
    for n in &p.notes {
        say!("note: {n}");
    }
    if !p.rows.is_empty() {
        say!("\nTo add:");
        let first = &p.rows[..p.rows.len().min(SHOWN_ROWS)];
        table(
            ctx,
            first,
            &[
                "LINE",
                "ID",
                &arrived,
                "MIN",
                "CATEGORY",
                "SEVERITY",
                "HANDLED BY",
                "TITLE",
                "NOTES",
            ],
            |r| {
                vec![
                    r.line.to_string(),
                    r.external_id.as_deref().map_or(String::new(), shown),
                    r.spec
                        .arrived_at
                        .with_timezone(&zone)
                        .format("%Y-%m-%d %H:%M")
                        .to_string(),
                    r.spec.minutes.to_string(),
                    r.spec.category.name().to_owned(),
                    r.spec.severity.name().to_owned(),
                    r.handled_by_name.clone(),
                    // Already one line of plain text (core made it so), at most 200 characters.
                    r.spec.title.clone(),
                    r.notes.join("; "),
                ]
            },
        );
        if p.rows.len() > SHOWN_ROWS {
            say!("… and {} more (--json lists them all)", p.rows.len() - SHOWN_ROWS);
        }
    }
    if !p.unknown_values.is_empty() {
        say!("\nValues nothing matched (map them with --value FIELD:VALUE=TO):");
        table(ctx, &p.unknown_values, &["FIELD", "VALUE", "ROWS", "READ AS"], |u| {
            vec![
                u.field.name().to_owned(),
                shown(&u.value),
                u.rows.to_string(),
                if u.read_as.is_empty() {
                    "(nobody)".to_owned()
                } else {
                    u.read_as.clone()
                },
            ]
        });
    }
    if !p.duplicates.is_empty() {
        say!("\nAlready in the log (skipped):");
        table(ctx, &p.duplicates, &["LINE", "TITLE", "WHY"], |d| {
            vec![d.line.to_string(), d.title.clone(), d.reason.clone()]
        });
    }
    if !p.skipped.is_empty() {
        say!("\nCannot be read (skipped):");
        table(ctx, &p.skipped, &["LINE", "WHY"], |s| {
            vec![s.line.to_string(), s.reason.clone()]
        });
    }
}

fn import_sprints(ctx: &mut Ctx, a: SprintImportArgs) -> Result<(), AppError> {
    let team = ctx.app.team_by_name(&a.team)?;
    let req = SprintCsvRequest {
        team_id: team.id,
        text: read_file(&a.file)?,
        columns: sprint_columns(&a.map)?,
    };
    let now = Utc::now();
    // A file that still lacks a required column is refused here with the option that answers it.
    let preview = ctx.app.sprint_csv_preview(&req, now)?;
    preview.ready().map_err(with_map_hint)?;
    let p = if a.apply {
        ctx.app.import_sprint_csv(&req, now)?.value
    } else {
        preview
    };
    if ctx.json {
        crate::output::json(&p);
        return Ok(());
    }
    let verb = if p.applied { "imported" } else { "would import" };
    say!(
        "{verb} {} sprints into {} ({} already there, {} skipped){}",
        p.rows.len(),
        team.spec.name,
        p.duplicates.len(),
        p.skipped.len(),
        if p.applied {
            ""
        } else {
            "; run again with --apply to write them"
        }
    );
    let points = |p: Option<f64>| p.map_or(String::new(), |v| format!("{v}"));
    if !p.rows.is_empty() {
        say!("\nTo add:");
        table(
            ctx,
            &p.rows,
            &["LINE", "NAME", "START", "END", "COMMITTED", "COMPLETED"],
            |r| {
                vec![
                    r.line.to_string(),
                    r.spec.name.clone(),
                    r.spec.start.to_string(),
                    r.spec.end.to_string(),
                    points(r.spec.committed_points),
                    points(r.completed_points),
                ]
            },
        );
    }
    if !p.duplicates.is_empty() {
        say!("\nAlready there (skipped):");
        table(ctx, &p.duplicates, &["LINE", "NAME", "WHY"], |d| {
            vec![d.line.to_string(), shown(&d.title), d.reason.clone()]
        });
    }
    if !p.skipped.is_empty() {
        say!("\nCannot be used (skipped):");
        table(ctx, &p.skipped, &["LINE", "WHY"], |s| {
            vec![s.line.to_string(), s.reason.clone()]
        });
    }
    Ok(())
}
