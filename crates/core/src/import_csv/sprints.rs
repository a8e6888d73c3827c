//! Sprint history from a CSV file: one sprint per row with its name, first and last day, and the
//! points committed and completed.
//!
//! Columns are found by name (case, spaces and `_` aside): `name` (or `sprint`), `start`
//! (`start date`, `from`), `end` (`end date`, `to`), `committed` (`committed points`,
//! `commitment`, `planned`) and `completed` (`completed points`, `done`, `velocity`); the user
//! can choose another column for any of them ([`SprintColumnChoice`]), as for interrupts. Dates are
//! `YYYY-MM-DD`, `YYYY/MM/DD`, `DD.MM.YYYY` or Jira's `30/Mar/26` (a time after the date is
//! ignored). A row is skipped with its reason when it cannot be read, overlaps a stored sprint or
//! an earlier row, or has completed points before its last day; a sprint whose name is already
//! stored is a duplicate.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::detect::normalise;
use super::read::read_table;
use super::{DuplicateRow, SkippedRow};
use crate::lifecycle::check_close;
use crate::named_enum;
use crate::sprint::{check_no_overlap, NewSprint, Sprint, SprintSpec};
use crate::text::shown;
use crate::time::check_year;
use crate::Invalid;

named_enum! {
    /// A sprint field a CSV column can fill.
    pub enum SprintField ("field") {
        Name = "name", "Name";
        Start = "start", "First day";
        End = "end", "Last day";
        Committed = "committed", "Committed points";
        Completed = "completed", "Completed points";
    }
}

/// A sprint field and the column that fills it (`None`: no column).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SprintColumnChoice {
    /// The sprint field.
    pub field: SprintField,
    /// The CSV column's header, as written in the file.
    #[ts(optional)]
    pub column: Option<String>,
}

/// A sprint row to add.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SprintRow {
    /// The line of the file.
    pub line: u64,
    /// The sprint.
    pub spec: SprintSpec,
    /// Points completed (a closed sprint), if given.
    #[ts(optional)]
    pub completed_points: Option<f64>,
}

/// What a sprint-history import would do (or did, when `applied`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SprintCsvPreview {
    /// The file's column headers.
    pub columns: Vec<String>,
    /// The column used for each field, in the fields' order (found by name, then the user's choices).
    pub mapping: Vec<SprintColumnChoice>,
    /// Sprints to add.
    pub rows: Vec<SprintRow>,
    /// Sprints already stored.
    pub duplicates: Vec<DuplicateRow>,
    /// Rows that cannot be used.
    pub skipped: Vec<SkippedRow>,
    /// Sentences about the whole file (a required column nobody chose yet).
    pub notes: Vec<String>,
    /// Whether they were written.
    pub applied: bool,
}

impl SprintCsvPreview {
    /// Refuses a preview that still lacks the name, first-day or last-day column (its note says
    /// which); applying one would write nothing and say nothing.
    pub fn ready(&self) -> Result<(), Invalid> {
        let missing = |f: SprintField| self.mapping.iter().any(|c| c.field == f && c.column.is_none());
        if [SprintField::Name, SprintField::Start, SprintField::End]
            .into_iter()
            .any(missing)
        {
            return Err(Invalid::new(
                "mapping",
                self.notes
                    .first()
                    .cloned()
                    .unwrap_or_else(|| "choose the name, start and end columns".to_owned()),
            ));
        }
        Ok(())
    }
}

const NAME: &[&str] = &["name", "sprint", "sprintname", "title"];
const START: &[&str] = &["start", "startdate", "from", "begin", "firstday"];
const END: &[&str] = &["end", "enddate", "to", "finish", "lastday"];
const COMMITTED: &[&str] = &["committed", "committedpoints", "commitment", "planned", "plannedpoints"];
const COMPLETED: &[&str] = &["completed", "completedpoints", "done", "velocity", "delivered"];

fn names(field: SprintField) -> &'static [&'static str] {
    match field {
        SprintField::Name => NAME,
        SprintField::Start => START,
        SprintField::End => END,
        SprintField::Committed => COMMITTED,
        SprintField::Completed => COMPLETED,
    }
}

fn columns_list(header: &[String]) -> String {
    header
        .iter()
        .map(|h| format!("\"{}\"", shown(h)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads a sprint-history export against the team's stored `existing` sprints; `today` is the
/// team's local day (a sprint can have completed points only from its last day on). `chosen`
/// overrides the column found by name for a field (a choice without a column: none).
pub fn read_sprints(
    text: &str,
    existing: &[Sprint],
    today: NaiveDate,
    chosen: &[SprintColumnChoice],
) -> Result<SprintCsvPreview, Invalid> {
    read_sprints_remembering(text, existing, today, &[], chosen)
}

/// [`read_sprints`] with the columns the team chose last time (`remembered`, the mapping of its
/// last sprint import): a remembered column is used for its field when this file has it, ahead
/// of the column found by name; the user's `chosen` columns still win over both.
pub fn read_sprints_remembering(
    text: &str,
    existing: &[Sprint],
    today: NaiveDate,
    remembered: &[SprintColumnChoice],
    chosen: &[SprintColumnChoice],
) -> Result<SprintCsvPreview, Invalid> {
    let table = read_table(text)?;
    let by_name = |field: SprintField| {
        table
            .header
            .iter()
            .position(|h| names(field).contains(&normalise(h).as_str()))
    };
    let remembered_column = |field: SprintField| {
        remembered
            .iter()
            .rev()
            .find(|c| c.field == field)
            .and_then(|c| c.column.as_deref())
            .and_then(|c| table.column(c))
    };
    let mut index = Vec::with_capacity(SprintField::ALL.len());
    for &field in SprintField::ALL {
        let i = match chosen.iter().rev().find(|c| c.field == field) {
            None => remembered_column(field).or_else(|| by_name(field)),
            Some(SprintColumnChoice { column: None, .. }) => None,
            Some(SprintColumnChoice { column: Some(c), .. }) => Some(table.column(c).ok_or_else(|| {
                Invalid::new(
                    "mapping",
                    format!(
                        "the file has no column \"{}\" for {}; its columns are: {}",
                        shown(c),
                        field.label().to_lowercase(),
                        columns_list(&table.header)
                    ),
                )
            })?),
        };
        index.push(i);
    }
    let at = |f: SprintField| index[SprintField::ALL.iter().position(|x| *x == f).expect("a field")];
    let mapping: Vec<SprintColumnChoice> = SprintField::ALL
        .iter()
        .zip(&index)
        .map(|(&field, i)| SprintColumnChoice {
            field,
            column: i.map(|i| table.header[i].clone()),
        })
        .collect();
    let (name, start, end) = match (at(SprintField::Name), at(SprintField::Start), at(SprintField::End)) {
        (Some(n), Some(s), Some(e)) => (n, s, e),
        _ => {
            // Not an error: the preview shows the file's columns so the user can choose them.
            let missing: Vec<&str> = [SprintField::Name, SprintField::Start, SprintField::End]
                .into_iter()
                .filter(|&f| at(f).is_none())
                .map(|f| f.name())
                .collect();
            return Ok(SprintCsvPreview {
                columns: table.header.clone(),
                mapping,
                rows: Vec::new(),
                duplicates: Vec::new(),
                skipped: Vec::new(),
                notes: vec![format!(
                    "a sprint history needs the columns name, start and end (and committed, completed); choose the column for {} — this file has: {}",
                    missing.join(", "),
                    columns_list(&table.header)
                )],
                applied: false,
            });
        }
    };
    let (committed, completed) = (at(SprintField::Committed), at(SprintField::Completed));
    let mut preview = SprintCsvPreview {
        columns: table.header.clone(),
        mapping,
        rows: Vec::new(),
        duplicates: Vec::new(),
        skipped: table.skipped_rows(),
        notes: Vec::new(),
        applied: false,
    };
    let mut taken: Vec<Sprint> = existing.to_vec();
    for rec in &table.records {
        let cell = |i: Option<usize>| i.map_or("", |i| rec.cells[i].trim());
        let row = (|| -> Result<Result<SprintRow, String>, String> {
            let points = |i: Option<usize>, what: &str| -> Result<Option<f64>, String> {
                match cell(i) {
                    "" => Ok(None),
                    v => v
                        .replace(',', ".")
                        .parse::<f64>()
                        .ok()
                        .filter(|p| p.is_finite())
                        .map(Some)
                        .ok_or_else(|| format!("{what} points \"{}\" are not a number", shown(v))),
                }
            };
            let new = NewSprint {
                name: cell(Some(name)).to_owned(),
                start: date(cell(Some(start)))?.to_string(),
                end: date(cell(Some(end)))?.to_string(),
                goal: String::new(),
                committed_points: points(committed, "committed")?,
            };
            let spec = new.validate().map_err(|e| e.message)?;
            if let Some(dup) = existing
                .iter()
                .find(|s| s.spec.name.to_lowercase() == spec.name.to_lowercase())
            {
                return Ok(Err(format!(
                    "the team already has a sprint called \"{}\" ({} to {})",
                    dup.spec.name, dup.spec.start, dup.spec.end
                )));
            }
            check_no_overlap(&spec, &taken, None).map_err(|e| e.message)?;
            let completed_points = match points(completed, "completed")? {
                None => None,
                Some(p) => {
                    let probe = Sprint {
                        id: 0,
                        team_id: 0,
                        spec: spec.clone(),
                        completed_points: None,
                    };
                    Some(check_close(&probe, p, today, false).map_err(|e| e.message)?)
                }
            };
            Ok(Ok(SprintRow {
                line: rec.line,
                spec,
                completed_points,
            }))
        })();
        match row {
            Ok(Ok(r)) => {
                taken.push(Sprint {
                    id: -(r.line as i64),
                    team_id: 0,
                    spec: r.spec.clone(),
                    completed_points: r.completed_points,
                });
                preview.rows.push(r);
            }
            Ok(Err(reason)) => preview.duplicates.push(DuplicateRow {
                line: rec.line,
                title: cell(Some(name)).to_owned(),
                reason,
            }),
            Err(reason) => preview.skipped.push(SkippedRow { line: rec.line, reason }),
        }
    }
    preview.skipped.sort_by_key(|s| s.line);
    Ok(preview)
}

/// A day written as `YYYY-MM-DD`, `YYYY/MM/DD`, `DD.MM.YYYY` or `30/Mar/26`, with anything after
/// a space (a time) ignored.
fn date(cell: &str) -> Result<NaiveDate, String> {
    let day = cell.split([' ', 'T']).next().unwrap_or("");
    ["%Y-%m-%d", "%Y/%m/%d", "%d.%m.%Y", "%d/%b/%y", "%d/%b/%Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(day, f).ok())
        .ok_or_else(|| format!("\"{}\" is not a date; write it as YYYY-MM-DD", shown(cell)))
        .and_then(|d| check_year("start", d).map_err(|e| e.message))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn reads_history_and_explains_each_refusal() {
        let text = "Name,Start,End,Committed,Completed\r\n\
                    S1,2026-01-05,2026-01-16,30,28\r\n\
                    S2,2026-01-19,2026-01-30,32,\r\n\
                    S3,2026-01-25,2026-02-05,20,10\r\n\
                    S4,2026-02-02,2026-02-13,20,x\r\n\
                    S5,next week,2026-02-13,,\r\n\
                    S6,2026-12-01,2026-12-12,20,15\r\n";
        let p = read_sprints(text, &[], d("2026-06-01"), &[]).unwrap();
        assert_eq!(p.rows.len(), 2);
        assert_eq!(p.rows[0].completed_points, Some(28.0));
        assert_eq!(p.rows[1].completed_points, None);
        let reasons: Vec<_> = p.skipped.iter().map(|s| (s.line, s.reason.as_str())).collect();
        assert_eq!(reasons.len(), 4);
        assert!(reasons[0].1.contains("overlaps"), "{reasons:?}");
        assert!(reasons[1].1.contains("not a number"));
        assert!(reasons[2].1.contains("not a date"));
        assert_eq!(reasons[3].0, 7);
    }

    #[test]
    fn stored_names_are_duplicates() {
        let first = read_sprints("name,start,end\nS1,2026-01-05,2026-01-16\n", &[], d("2026-06-01"), &[]).unwrap();
        let stored = Sprint {
            id: 1,
            team_id: 1,
            spec: first.rows[0].spec.clone(),
            completed_points: None,
        };
        let again = read_sprints(
            "name,start,end\nS1,2026-01-05,2026-01-16\n",
            &[stored],
            d("2026-06-01"),
            &[],
        )
        .unwrap();
        assert!(again.rows.is_empty());
        assert_eq!(again.duplicates.len(), 1);
    }

    #[test]
    fn missing_columns_are_named() {
        let p = read_sprints("sprint,begin\nS1,2026-01-05\n", &[], d("2026-06-01"), &[]).unwrap();
        assert!(p.rows.is_empty() && p.skipped.is_empty());
        assert_eq!(p.columns, vec!["sprint", "begin"], "the columns to choose from");
        let e = p.ready().unwrap_err();
        assert!(e.message.contains("name, start and end"), "{}", e.message);
        assert!(e.message.contains("choose the column for end"), "{}", e.message);
    }

    #[test]
    fn columns_the_names_miss_are_chosen_by_the_user() {
        let text = "Iteration,Begins,Ends,Plan,Done\nS1,2026-01-05,2026-01-16,20,18\n";
        assert!(read_sprints(text, &[], d("2026-06-01"), &[]).unwrap().ready().is_err());
        let pick = |field, column: &str| SprintColumnChoice {
            field,
            column: Some(column.into()),
        };
        let chosen = [
            pick(SprintField::Name, "Iteration"),
            pick(SprintField::Start, "Begins"),
            pick(SprintField::End, "Ends"),
            pick(SprintField::Committed, "Plan"),
        ];
        let p = read_sprints(text, &[], d("2026-06-01"), &chosen).unwrap();
        assert_eq!(p.rows.len(), 1);
        assert_eq!(p.rows[0].spec.committed_points, Some(20.0));
        // "Done" is found by name; the user can also say no column gives completed points.
        assert_eq!(p.rows[0].completed_points, Some(18.0));
        assert_eq!(p.mapping[4].column.as_deref(), Some("Done"));
        let mut none = chosen.to_vec();
        none.push(SprintColumnChoice {
            field: SprintField::Completed,
            column: None,
        });
        let p = read_sprints(text, &[], d("2026-06-01"), &none).unwrap();
        assert_eq!(p.rows[0].completed_points, None);
        let wrong = [pick(SprintField::Name, "Nope")];
        let e = read_sprints(text, &[], d("2026-06-01"), &wrong).unwrap_err();
        assert!(
            e.message.starts_with("the file has no column \"Nope\" for name"),
            "{}",
            e.message
        );
    }
}
