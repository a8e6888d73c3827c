//! Turning each record of an interrupt export into an interrupt, or into the reason it cannot be.
//!
//! How each field is read:
//! - **arrived at**: the mapped time column ([`super::timestamps`]); a row from the future of
//!   `now` is skipped.
//! - **title**: one line of plain text — line breaks, tabs and control characters become spaces,
//!   invisible direction marks are dropped, and a title longer than [`TITLE_MAX`] is shortened
//!   (noted on the row).
//! - **minutes**: the duration column in the unit its header names, else resolved − arrived; a
//!   row with neither is skipped, 0 becomes 1 (noted), more than a week is skipped (that is lead
//!   time, not effort).
//! - **category / severity**: the user's value mapping, then Sprintshield's own names, then what
//!   the tools write (PagerDuty urgency high/low, P1–P5, Jira's Highest…Lowest and issue types);
//!   anything else is read as Other / Normal and listed so it can be mapped. Without a category
//!   column, PagerDuty and Opsgenie rows are operational problems and the others "Other".
//! - **could have waited**: inferred from the severity by the rule of [`super::waiting`] (low
//!   by default, never critical or high; the mapping can add normal or mark none).
//! - **handled by**: the first name in the cell, matched to a member by name or e-mail (or by
//!   the user's value mapping); no match leaves it empty and is listed.
use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

use super::detect::{default_mapping, detect, duration_unit};
use super::read::{read_table, Table};
use super::timestamps::{read_minutes, read_time};
use super::{
    ColumnChoice, CsvMapping, CsvSource, ImportField, ImportRow, InterruptCsvPreview, SkippedRow, UnknownValue,
};
use crate::interrupt::{InterruptCategory, InterruptSpec, Severity};
use crate::member::Member;
use crate::text::{is_invisible_format, shown, NOTE_MAX, TITLE_MAX};
use crate::Invalid;

/// Longest external id kept (ids are short; a longer cell is a mapped wrong column).
pub const EXTERNAL_ID_MAX: usize = 200;
/// Longest interrupt, in minutes (a week), as the log accepts.
const MINUTES_MAX: i64 = 7 * 24 * 60;

/// Reads an interrupt export for a team in `zone` with `members`. `source` overrides the
/// detected one; the mapping used is the source's defaults, then `remembered` (its columns only
/// when this file has them), then `chosen`. Refuses the whole file only when it cannot be read
/// or a chosen column does not exist; without an arrival or title column the preview has no
/// rows and a note asking for it; otherwise every row is either to add or skipped with its
/// reason. Duplicates are marked afterwards ([`super::mark_duplicates`]).
pub fn read_interrupts(
    text: &str,
    zone: Tz,
    now: DateTime<Utc>,
    members: &[Member],
    source: Option<CsvSource>,
    remembered: Option<&CsvMapping>,
    chosen: &CsvMapping,
) -> Result<InterruptCsvPreview, Invalid> {
    let table = read_table(text)?;
    let detected = detect(&table.header);
    let source = source.unwrap_or(detected);
    let mapping = effective_mapping(&table, source, remembered, chosen)?;
    // Without a time or a title column no row can be read: not an error, but a preview that
    // shows the file's columns and says which to choose ([`InterruptCsvPreview::ready`]).
    if let Some(note) = missing_column(&table, &mapping) {
        return Ok(InterruptCsvPreview {
            source,
            detected,
            columns: table.header.clone(),
            mapping,
            rows: Vec::new(),
            duplicates: Vec::new(),
            skipped: Vec::new(),
            unknown_values: Vec::new(),
            notes: vec![note],
            applied: false,
        });
    }
    let cols = Columns::new(&table, &mapping)?;
    let mut preview = InterruptCsvPreview {
        source,
        detected,
        columns: table.header.clone(),
        mapping: mapping.clone(),
        rows: Vec::with_capacity(table.records.len()),
        duplicates: Vec::new(),
        skipped: table.skipped_rows(),
        unknown_values: Vec::new(),
        notes: file_notes(&table, source, &cols, &mapping),
        applied: false,
    };
    let mut unknown: HashMap<(ImportField, String), UnknownValue> = HashMap::new();
    let people = People::new(members);
    let waits = super::waiting::could_wait(&mapping);
    for rec in &table.records {
        let cell = |i: Option<usize>| i.map_or("", |i| rec.cells[i].as_str());
        match read_row(&cols, source, zone, now, &mapping, &people, &cell, &mut unknown) {
            Ok((mut spec, external_id, handled_by_name, notes)) => preview.rows.push(ImportRow {
                line: rec.line,
                external_id,
                spec: {
                    spec.could_have_waited = waits.contains(&spec.severity);
                    spec
                },
                handled_by_name,
                notes,
            }),
            Err(reason) => preview.skipped.push(SkippedRow { line: rec.line, reason }),
        }
    }
    preview.skipped.sort_by_key(|s| s.line);
    let mut unknown: Vec<UnknownValue> = unknown.into_values().collect();
    unknown.sort_by(|a, b| (a.field, b.rows, &a.value).cmp(&(b.field, a.rows, &b.value)));
    preview.unknown_values = unknown;
    Ok(preview)
}

/// The source's defaults, the remembered choices this file can use, then the user's choices
/// (which must name columns of the file). At and title must have a column.
fn effective_mapping(
    table: &Table,
    source: CsvSource,
    remembered: Option<&CsvMapping>,
    chosen: &CsvMapping,
) -> Result<CsvMapping, Invalid> {
    let mut mapping = default_mapping(source, &table.header);
    if let Some(r) = remembered {
        let usable = CsvMapping {
            columns: r
                .columns
                .iter()
                .filter(|c| c.column.as_deref().is_none_or(|n| table.column(n).is_some()))
                .cloned()
                .collect(),
            values: r.values.clone(),
            could_wait: r.could_wait.clone(),
            sprint_columns: None,
        };
        mapping = mapping.overlaid(&usable);
    }
    for c in &chosen.columns {
        if let Some(name) = c.column.as_deref() {
            if table.column(name).is_none() {
                return Err(Invalid::new(
                    "mapping",
                    format!(
                        "the file has no column \"{}\" for {}; its columns are: {}",
                        shown(name),
                        c.field.label().to_lowercase(),
                        columns_list(&table.header)
                    ),
                ));
            }
        }
    }
    for v in &chosen.values {
        if !v.field.has_values() {
            return Err(Invalid::new(
                "mapping",
                format!(
                    "{} is read from its column as written; only category, severity and handled by take mapped values",
                    v.field.label()
                ),
            ));
        }
    }
    if let Some(list) = &chosen.could_wait {
        super::waiting::check_could_wait(list)?;
    }
    let mapping = mapping.overlaid(chosen);
    // Keep one choice per field, in the fields' order, so the preview shows a stable table.
    let columns = ImportField::ALL
        .iter()
        .map(|&field| ColumnChoice {
            field,
            column: mapping.column(field).flatten().map(str::to_owned),
        })
        .collect();
    Ok(CsvMapping {
        columns,
        could_wait: Some(super::waiting::could_wait(&mapping)),
        values: mapping.values,
        sprint_columns: None,
    })
}

/// The sentence asking for the arrival or title column when the mapping has none.
fn missing_column(table: &Table, mapping: &CsvMapping) -> Option<String> {
    [(ImportField::At, "when it arrived"), (ImportField::Title, "its title")]
        .into_iter()
        .find(|(field, _)| mapping.column(*field).flatten().is_none())
        .map(|(field, what)| {
            format!(
                "choose the column that says {what} ({}); the file's columns are: {}",
                field.label().to_lowercase(),
                columns_list(&table.header)
            )
        })
}

impl InterruptCsvPreview {
    /// Refuses a preview that still lacks the arrival or the title column (its note says
    /// which); applying one would write nothing and say nothing.
    pub fn ready(&self) -> Result<(), Invalid> {
        let missing = |f: ImportField| self.mapping.columns.iter().any(|c| c.field == f && c.column.is_none());
        if missing(ImportField::At) || missing(ImportField::Title) {
            return Err(Invalid::new(
                "mapping",
                self.notes
                    .first()
                    .cloned()
                    .unwrap_or_else(|| "choose the columns for when it arrived and its title".to_owned()),
            ));
        }
        Ok(())
    }
}

fn columns_list(header: &[String]) -> String {
    let mut list: Vec<String> = header.iter().take(30).map(|h| format!("\"{}\"", shown(h))).collect();
    if header.len() > 30 {
        list.push(format!("and {} more", header.len() - 30));
    }
    list.join(", ")
}

/// Column indexes of the mapped fields.
struct Columns {
    at: Option<usize>,
    title: Option<usize>,
    category: Option<usize>,
    severity: Option<usize>,
    minutes: Option<usize>,
    resolved: Option<usize>,
    handled_by: Option<usize>,
    external_id: Option<usize>,
    root_cause: Option<usize>,
    unit: super::detect::DurationUnit,
}

impl Columns {
    fn new(table: &Table, m: &CsvMapping) -> Result<Columns, Invalid> {
        let idx = |f: ImportField| m.column(f).flatten().and_then(|n| table.column(n));
        Ok(Columns {
            at: idx(ImportField::At),
            title: idx(ImportField::Title),
            category: idx(ImportField::Category),
            severity: idx(ImportField::Severity),
            minutes: idx(ImportField::Minutes),
            resolved: idx(ImportField::Resolved),
            handled_by: idx(ImportField::HandledBy),
            external_id: idx(ImportField::ExternalId),
            root_cause: idx(ImportField::RootCause),
            unit: duration_unit(m.column(ImportField::Minutes).flatten().unwrap_or("minutes")),
        })
    }
}

fn file_notes(table: &Table, source: CsvSource, cols: &Columns, mapping: &CsvMapping) -> Vec<String> {
    let name = |i: usize| format!("\"{}\"", shown(&table.header[i]));
    let mut notes = Vec::new();
    if cols.category.is_none() {
        notes.push(format!(
            "No column gives the category: every row is read as {}; choose a column or edit them afterwards.",
            default_category(source).label()
        ));
    }
    if cols.severity.is_none() {
        notes.push("No column gives the severity: every row is read as Normal.".to_owned());
    }
    match (cols.minutes, cols.resolved) {
        (Some(m), Some(r)) => notes.push(format!(
            "Minutes come from {} ({}), or from {} minus the arrival when it is empty.",
            name(m),
            unit_name(cols.unit),
            name(r)
        )),
        (Some(m), None) => notes.push(format!("Minutes come from {} ({}).", name(m), unit_name(cols.unit))),
        (None, Some(r)) => notes.push(format!(
            "Minutes are {} minus the arrival: time to resolve, which can be more than the work done.",
            name(r)
        )),
        (None, None) => notes.push(
            "No column gives the minutes spent and none the resolution time: choose one, or every row is skipped."
                .to_owned(),
        ),
    }
    notes.push(super::waiting::rule_sentence(&super::waiting::could_wait(mapping)));
    notes.push(
        "Imported interrupts are not marked as pulling someone off focus work; mark them in the log where you know."
            .to_owned(),
    );
    notes
}

fn unit_name(u: super::detect::DurationUnit) -> &'static str {
    match u {
        super::detect::DurationUnit::Milliseconds => "milliseconds",
        super::detect::DurationUnit::Seconds => "seconds",
        super::detect::DurationUnit::Minutes => "minutes",
        super::detect::DurationUnit::Hours => "hours",
    }
}

fn default_category(source: CsvSource) -> InterruptCategory {
    match source {
        CsvSource::PagerDuty | CsvSource::Opsgenie => InterruptCategory::OperationalProblem,
        CsvSource::Jira | CsvSource::Generic => InterruptCategory::Other,
    }
}

/// Members by lower-case name and e-mail.
struct People<'a> {
    by_key: HashMap<String, &'a Member>,
}

impl<'a> People<'a> {
    fn new(members: &'a [Member]) -> People<'a> {
        let mut by_key = HashMap::new();
        for m in members {
            by_key.insert(m.spec.name.trim().to_lowercase(), m);
            if let Some(e) = &m.spec.email {
                if !e.trim().is_empty() {
                    by_key.insert(e.trim().to_lowercase(), m);
                }
            }
        }
        People { by_key }
    }

    fn find(&self, text: &str) -> Option<&'a Member> {
        self.by_key.get(&text.trim().to_lowercase()).copied()
    }
}

type RowResult = Result<(InterruptSpec, Option<String>, String, Vec<String>), String>;

#[allow(clippy::too_many_arguments)]
fn read_row<'c>(
    cols: &Columns,
    source: CsvSource,
    zone: Tz,
    now: DateTime<Utc>,
    mapping: &CsvMapping,
    people: &People<'_>,
    cell: &dyn Fn(Option<usize>) -> &'c str,
    unknown: &mut HashMap<(ImportField, String), UnknownValue>,
) -> RowResult {
    let mut notes = Vec::new();
    let arrived = read_time(cell(cols.at), zone)?;
    notes.extend(arrived.note);
    let at = arrived.at;
    if at > now + Duration::minutes(5) {
        return Err(format!(
            "it arrives in the future ({}); check the date",
            at.with_timezone(&zone).format("%Y-%m-%d %H:%M")
        ));
    }
    let (title, cut) = one_line(cell(cols.title), TITLE_MAX);
    if title.is_empty() {
        return Err("it has no title".to_owned());
    }
    if let Some(len) = cut {
        notes.push(format!("title shortened from {len} characters to {TITLE_MAX}"));
    }
    let external_id = match cell(cols.external_id).trim() {
        "" => None,
        id => {
            let (id, cut) = one_line(id, EXTERNAL_ID_MAX);
            if cut.is_some() {
                return Err(format!(
                    "its id is longer than {EXTERNAL_ID_MAX} characters; is the id column mapped to the right column?"
                ));
            }
            Some(id)
        }
    };
    let minutes = minutes(cols, at, zone, cell, &mut notes)?;
    let category = match cols.category.map(|i| cell(Some(i)).trim()).filter(|v| !v.is_empty()) {
        None => default_category(source),
        Some(v) => match mapping
            .value(ImportField::Category, v)
            .and_then(|to| InterruptCategory::parse(to).ok())
            .or_else(|| category_of(v))
        {
            Some(c) => c,
            None => {
                tally(unknown, ImportField::Category, v, InterruptCategory::Other.name());
                InterruptCategory::Other
            }
        },
    };
    let severity = match cols.severity.map(|i| cell(Some(i)).trim()).filter(|v| !v.is_empty()) {
        None => Severity::Normal,
        Some(v) => match mapping
            .value(ImportField::Severity, v)
            .and_then(|to| Severity::parse(to).ok())
            .or_else(|| severity_of(v))
        {
            Some(s) => s,
            None => {
                tally(unknown, ImportField::Severity, v, Severity::Normal.name());
                Severity::Normal
            }
        },
    };
    let (handled_by, handled_by_name) = match first_name(cell(cols.handled_by)) {
        None => (None, String::new()),
        Some(who) => {
            let found = match mapping.value(ImportField::HandledBy, who) {
                Some(to) if to.trim().is_empty() => None,
                Some(to) => people.find(to),
                None => people.find(who),
            };
            match found {
                Some(m) => (Some(m.id), m.spec.name.clone()),
                None => {
                    if mapping.value(ImportField::HandledBy, who).is_none() {
                        tally(unknown, ImportField::HandledBy, who, "");
                    }
                    (None, String::new())
                }
            }
        }
    };
    let root_cause = {
        let text: String = cell(cols.root_cause)
            .chars()
            .filter(|c| !is_invisible_format(*c) && (!c.is_control() || matches!(c, '\n' | '\t')))
            .collect();
        let text = text.trim();
        if text.chars().count() > NOTE_MAX {
            notes.push(format!("root cause shortened to {NOTE_MAX} characters"));
            text.chars().take(NOTE_MAX).collect()
        } else {
            text.to_owned()
        }
    };
    Ok((
        InterruptSpec {
            arrived_at: at,
            title,
            category,
            severity,
            handled_by,
            minutes: minutes as u32,
            pulled_off_focus: false,
            could_have_waited: false,
            root_cause,
        },
        external_id,
        handled_by_name,
        notes,
    ))
}

fn minutes<'c>(
    cols: &Columns,
    at: DateTime<Utc>,
    zone: Tz,
    cell: &dyn Fn(Option<usize>) -> &'c str,
    notes: &mut Vec<String>,
) -> Result<i64, String> {
    let from_column = match cols.minutes {
        Some(i) => read_minutes(cell(Some(i)), cols.unit)?,
        None => None,
    };
    let minutes = match from_column {
        Some(m) => m,
        None => {
            let end = cell(cols.resolved).trim();
            if cols.resolved.is_none() || end.is_empty() {
                return Err(if cols.minutes.is_some() || cols.resolved.is_some() {
                    "it has no minutes and no resolution time (still open?)".to_owned()
                } else {
                    "no column gives its minutes; choose the minutes or resolved column".to_owned()
                });
            }
            let resolved = read_time(end, zone).map_err(|e| format!("resolved: {e}"))?;
            let secs = (resolved.at - at).num_seconds();
            if secs < 0 {
                return Err("it was resolved before it arrived; check both times".to_owned());
            }
            (secs + 59) / 60
        }
    };
    if minutes > MINUTES_MAX {
        return Err(format!(
            "it took {:.1} days, more than the week one interrupt can take; that is waiting time, not work — map a minutes column or log it by hand",
            minutes as f64 / (24.0 * 60.0)
        ));
    }
    if minutes == 0 {
        notes.push("0 minutes read as 1 minute, the least the log holds".to_owned());
        return Ok(1);
    }
    Ok(minutes)
}

/// `text` as one line of plain text at most `max` characters (cut with `…`), and its length when
/// it was cut.
fn one_line(text: &str, max: usize) -> (String, Option<usize>) {
    let mut out = String::with_capacity(text.len().min(max * 4));
    let mut space = false;
    for c in text.chars() {
        if is_invisible_format(c) {
            continue;
        }
        if c.is_control() || c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    let len = out.chars().count();
    if len > max {
        let mut cut: String = out.chars().take(max - 1).collect();
        cut = cut.trim_end().to_owned();
        cut.push('…');
        (cut, Some(len))
    } else {
        (out, None)
    }
}

/// The first person named in a cell ("Ana Lima, Ben Ode" → "Ana Lima").
fn first_name(cell: &str) -> Option<&str> {
    let first = cell.split([',', ';', '|', '\n']).next().unwrap_or("").trim();
    (!first.is_empty()).then_some(first)
}

fn tally(unknown: &mut HashMap<(ImportField, String), UnknownValue>, field: ImportField, value: &str, read_as: &str) {
    let (v, _) = one_line(value, 80);
    unknown
        .entry((field, v.to_lowercase()))
        .and_modify(|u| u.rows += 1)
        .or_insert(UnknownValue {
            field,
            value: v,
            rows: 1,
            read_as: read_as.to_owned(),
        });
}

/// Categories as the tools write them (Jira issue types, common labels).
fn category_of(v: &str) -> Option<InterruptCategory> {
    if let Ok(c) = InterruptCategory::parse(v) {
        return Some(c);
    }
    let n = v.trim().to_lowercase();
    Some(match n.as_str() {
        "defect" | "incident bug" | "production bug" | "hotfix" => InterruptCategory::ProductionBug,
        "incident" | "outage" | "alert" | "operations" | "ops" | "infrastructure" | "problem" => {
            InterruptCategory::OperationalProblem
        }
        "service request" | "support" | "support request" | "question" | "help" | "ticket" => {
            InterruptCategory::UserQuestion
        }
        "vulnerability" | "security" | "security issue" | "cve" | "patch" => InterruptCategory::SecurityPatch,
        "release" | "deployment" | "rollback" | "deploy" => InterruptCategory::ReleaseRollback,
        "task" | "sub-task" | "subtask" | "story" | "chore" | "other" => InterruptCategory::Other,
        _ => return None,
    })
}

/// Severities as the tools write them: PagerDuty urgency and priority, Opsgenie P1–P5, Jira.
fn severity_of(v: &str) -> Option<Severity> {
    if let Ok(s) = Severity::parse(v) {
        return Some(s);
    }
    let n = v.trim().to_lowercase();
    Some(match n.as_str() {
        "p1" | "sev1" | "sev-1" | "sev 1" | "highest" | "blocker" | "urgent" | "p0" | "sev0" => Severity::Critical,
        "p2" | "sev2" | "sev-2" | "sev 2" | "major" => Severity::High,
        "p3" | "sev3" | "sev-3" | "sev 3" | "moderate" => Severity::Normal,
        "p4" | "p5" | "sev4" | "sev5" | "minor" | "trivial" | "lowest" | "info" | "informational" => Severity::Low,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_flattens_and_cuts() {
        assert_eq!(one_line("  a\r\n b\u{7}c\u{202E}d  ", 200), ("a b cd".to_owned(), None));
    }

    #[test]
    fn long_titles_are_cut_with_an_ellipsis() {
        let (t, cut) = one_line(&"x".repeat(70_000), TITLE_MAX);
        assert_eq!(t.chars().count(), TITLE_MAX);
        assert!(t.ends_with('…'));
        assert_eq!(cut, Some(70_000));
    }

    #[test]
    fn tool_values() {
        assert_eq!(severity_of("P1"), Some(Severity::Critical));
        assert_eq!(severity_of("high"), Some(Severity::High));
        assert_eq!(severity_of("Lowest"), Some(Severity::Low));
        assert_eq!(severity_of("whenever"), None);
        assert_eq!(category_of("Bug"), Some(InterruptCategory::ProductionBug));
        assert_eq!(category_of("Service Request"), Some(InterruptCategory::UserQuestion));
        assert_eq!(first_name("Ana Lima, Ben Ode"), Some("Ana Lima"));
        assert_eq!(first_name("  "), None);
    }
}
