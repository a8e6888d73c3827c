//! Bringing a team's interrupt log and sprint history in from the CSV files other tools export:
//! PagerDuty (incidents), Opsgenie (alerts), Jira (issues) and any spreadsheet ("generic").
//!
//! Everything here is pure: the file's text, the team's zone, its members, `now` and what is
//! already stored come in as values; what goes out is a preview — the rows to add, the rows that
//! are already there (duplicates) and the rows that cannot be read, each with its reason. The
//! service writes the rows to add in one transaction when the user applies.
//!
//! - [`read`] turns the text into a header and records (UTF-8 with or without a byte-order mark,
//!   `\r\n` or `\n`, quoted commas and line breaks, `,` `;` or tab as separator).
//! - [`detect`] recognises the source by its header and proposes a column mapping.
//! - [`timestamps`] reads the many ways those tools write a time; a time without an offset is
//!   wall-clock time in the team's zone (DST gap → the first valid minute after it; overlap → the
//!   first occurrence; both are noted on the row).
//! - [`rows`] maps each record to an interrupt with its notes, or to a reason it is skipped.
//! - [`dedupe`] marks rows already in the log (same source and external id, or same arrival
//!   minute and title) and rows repeated in the file.
//! - [`focus`] marks whether each interrupt pulled its handler off focus work (not on duty then).
//! - [`waiting`] infers whether each interrupt could have waited, by one stated rule on its
//!   severity (low by default; critical and high never), which the user can change.
//! - [`sprints`] does the same for a sprint-history CSV (name, start, end, committed, completed).
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::interrupt::{InterruptSpec, Severity};
use crate::named_enum;

pub mod dedupe;
pub mod detect;
pub mod focus;
pub mod read;
pub mod rows;
pub mod sprints;
pub mod timestamps;
pub mod waiting;

pub use dedupe::{mark_duplicates, StoredInterruptKey};
pub use focus::mark_off_focus;
pub use rows::read_interrupts;
pub use sprints::{
    read_sprints, read_sprints_remembering, SprintColumnChoice, SprintCsvPreview, SprintField, SprintRow,
};

named_enum! {
    /// Which tool wrote the CSV file.
    pub enum CsvSource ("source") {
        PagerDuty = "pagerduty", "PagerDuty incidents", ["pager_duty", "pd"];
        Opsgenie = "opsgenie", "Opsgenie alerts", ["ops_genie"];
        Jira = "jira", "Jira issues";
        Generic = "generic", "Generic CSV", ["csv"];
    }
}

named_enum! {
    /// What a team's import mapping is remembered for: one interrupt source, or sprint history.
    pub enum MappingSource ("import") {
        PagerDuty = "pagerduty", "PagerDuty incidents";
        Opsgenie = "opsgenie", "Opsgenie alerts";
        Jira = "jira", "Jira issues";
        Generic = "generic", "Generic CSV";
        SprintHistory = "sprint_history", "Sprint history";
    }
}

impl From<CsvSource> for MappingSource {
    fn from(s: CsvSource) -> MappingSource {
        match s {
            CsvSource::PagerDuty => MappingSource::PagerDuty,
            CsvSource::Opsgenie => MappingSource::Opsgenie,
            CsvSource::Jira => MappingSource::Jira,
            CsvSource::Generic => MappingSource::Generic,
        }
    }
}

named_enum! {
    /// An interrupt field a CSV column can fill.
    pub enum ImportField ("field") {
        At = "at", "Arrived at";
        Title = "title", "Title";
        Category = "category", "Category";
        Severity = "severity", "Severity";
        Minutes = "minutes", "Minutes spent", ["duration"];
        Resolved = "resolved", "Resolved at";
        HandledBy = "handled_by", "Handled by", ["assignee"];
        ExternalId = "external_id", "External id", ["id"];
        RootCause = "root_cause", "Root cause";
    }
}

impl ImportField {
    /// Whether values of this field are chosen from a closed list (and so can be mapped by value).
    pub fn has_values(self) -> bool {
        matches!(
            self,
            ImportField::Category | ImportField::Severity | ImportField::HandledBy
        )
    }
}

/// One field and the column that fills it (`None`: no column; the field's default is used).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ColumnChoice {
    /// The interrupt field.
    pub field: ImportField,
    /// The CSV column's header, as written in the file.
    #[ts(optional)]
    pub column: Option<String>,
}

/// A value of the file mapped to a Sprintshield value: a category or severity name, or a member's
/// name for "handled by" (`to` empty: nobody).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ValueChoice {
    /// Category, severity or handled_by.
    pub field: ImportField,
    /// The value as written in the file (compared case-insensitively, trimmed).
    pub value: String,
    /// What it means here.
    pub to: String,
}

/// How a file's columns and values become interrupt fields. Remembered per team and source.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CsvMapping {
    /// Column per field; a field not listed keeps the source's default column.
    #[serde(default)]
    pub columns: Vec<ColumnChoice>,
    /// Values mapped by the user.
    #[serde(default)]
    pub values: Vec<ValueChoice>,
    /// The severities whose interrupts could have waited ([`waiting`]); absent: the stated
    /// default, low only. Critical and high are refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub could_wait: Option<Vec<Severity>>,
    /// For a sprint-history import ([`MappingSource::SprintHistory`]): the column used for each
    /// sprint field last time (the interrupt fields above stay empty).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub sprint_columns: Option<Vec<sprints::SprintColumnChoice>>,
}

impl CsvMapping {
    /// The column chosen for `field`, if the mapping names one (`Some(None)`: explicitly none).
    pub fn column(&self, field: ImportField) -> Option<Option<&str>> {
        self.columns
            .iter()
            .rev()
            .find(|c| c.field == field)
            .map(|c| c.column.as_deref())
    }

    /// This mapping with `over`'s choices on top (a later choice for a field or value wins).
    pub fn overlaid(&self, over: &CsvMapping) -> CsvMapping {
        let mut out = self.clone();
        for c in &over.columns {
            out.columns.retain(|x| x.field != c.field);
            out.columns.push(c.clone());
        }
        for v in &over.values {
            out.values
                .retain(|x| !(x.field == v.field && same_value(&x.value, &v.value)));
            out.values.push(v.clone());
        }
        if over.could_wait.is_some() {
            out.could_wait = over.could_wait.clone();
        }
        out
    }

    /// What the user mapped `value` of `field` to, if anything.
    pub fn value(&self, field: ImportField, value: &str) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|v| v.field == field && same_value(&v.value, value))
            .map(|v| v.to.as_str())
    }
}

/// Values are compared trimmed and case-insensitively.
pub(crate) fn same_value(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// What to import and how: the file's text, the source (`None`: detect it from the header) and
/// the user's mapping on top of the remembered one.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct InterruptCsvRequest {
    /// The team.
    pub team_id: crate::Id,
    /// The file's text (the app and CLI read the file; an empty text is refused).
    #[serde(default)]
    pub text: String,
    /// The source; detected from the header when absent.
    #[ts(optional)]
    pub source: Option<CsvSource>,
    /// Column and value choices on top of the remembered mapping.
    #[serde(default)]
    pub mapping: CsvMapping,
}

/// A row that will be added.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportRow {
    /// The line of the file where the row starts (1 = the header).
    pub line: u64,
    /// The id the source gave it (incident id, alert tiny id, issue key).
    #[ts(optional)]
    pub external_id: Option<String>,
    /// The interrupt it becomes.
    pub spec: InterruptSpec,
    /// Who handled it, by name (empty when nobody matched).
    pub handled_by_name: String,
    /// What was assumed or changed while reading it (a DST-resolved time, a shortened title …).
    pub notes: Vec<String>,
}

/// A row that is already in the log or repeated in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DuplicateRow {
    /// The line of the file.
    pub line: u64,
    /// Its title.
    pub title: String,
    /// Why it is a duplicate.
    pub reason: String,
}

/// A row that cannot be read, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SkippedRow {
    /// The line of the file.
    pub line: u64,
    /// What is wrong, in plain words.
    pub reason: String,
}

/// A value of the file that matched nothing and was read as a default; map it to change that.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UnknownValue {
    /// Category, severity or handled_by.
    pub field: ImportField,
    /// The value as written.
    pub value: String,
    /// How many rows carry it.
    pub rows: u32,
    /// What it was read as (a category or severity name, or empty for nobody).
    pub read_as: String,
}

/// What an interrupt import would do (or did, when `applied`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct InterruptCsvPreview {
    /// The source used.
    pub source: CsvSource,
    /// The source the header looks like.
    pub detected: CsvSource,
    /// The file's column headers, in order.
    pub columns: Vec<String>,
    /// The mapping used (source defaults, then the remembered mapping, then the user's choices).
    pub mapping: CsvMapping,
    /// Rows to add.
    pub rows: Vec<ImportRow>,
    /// Rows already in the log or repeated in the file.
    pub duplicates: Vec<DuplicateRow>,
    /// Rows that cannot be read.
    pub skipped: Vec<SkippedRow>,
    /// Values read as a default because nothing matched them.
    pub unknown_values: Vec<UnknownValue>,
    /// Sentences about the whole file (which column gives what, assumptions made).
    pub notes: Vec<String>,
    /// Whether the rows were written.
    pub applied: bool,
}

/// A sprint-history import request: the file's text for the team.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SprintCsvRequest {
    /// The team.
    pub team_id: crate::Id,
    /// The file's text.
    #[serde(default)]
    pub text: String,
    /// Columns chosen by the user for sprint fields, on top of those found by name.
    #[serde(default)]
    pub columns: Vec<sprints::SprintColumnChoice>,
}
