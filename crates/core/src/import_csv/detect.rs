//! Recognising a CSV export by its header and proposing which column fills which field.
//!
//! The column names are the ones the tools write (looked up in their documentation and public
//! samples):
//! - **PagerDuty** incidents, as PagerDuty's reporting documentation lists them
//!   (support.pagerduty.com/docs/reporting, "Exporting Advanced Reporting Data to CSV"): the
//!   advanced export has `id`, `incident_number`, `description`, `service_id`, `service_name`,
//!   `escalation_policy_id`, `escalation_policy_name`, `created_on`, `seconds_to_first_ack`,
//!   `seconds_to_resolve`, `auto_resolved`, `escalation_count`, `auto_escalation_count`,
//!   `acknowledge_count`, `assignment_count`, `acknowledged_by_user_ids`,
//!   `acknowledged_by_user_names`, `assigned_to_user_ids`, `assigned_to_user_names`,
//!   `resolved_by_user_id`, `resolved_by_user_name` (files in use also carry `resolved_on` and
//!   `urgency`); the basic Incidents report's CSV has `#`, `Service`, `Opened On`,
//!   `Resolved On`, `Resolve By` (the page's table says "Resolved By User"), `Duration` and
//!   `# Escalations`. Both are recognised; the basic one has no title, so the service names it.
//! - **Opsgenie** alerts: no documented CSV layout was found; the columns are the alert's fields
//!   as Opsgenie's Alert API documents them (docs.opsgenie.com/docs/alert-api: `tinyId`,
//!   `alias`, `message`, `status`, `acknowledged`, `isSeen`, `snoozed`, `createdAt`,
//!   `updatedAt`, `count`, `owner`, `priority` P1–P5, `tags`, `source`, `entity`,
//!   `description`, and the report's `ackTime`, `closeTime`, `acknowledgedBy`, `closedBy`),
//!   written as headers in any case (`TinyId` and `tinyId` are one). `ackTime`/`closeTime` are
//!   read as milliseconds, which the API's examples suggest but do not state.
//! - **Jira** issues ("Export Excel CSV (all fields)"): `Summary`, `Issue key`, `Issue id`,
//!   `Issue Type`, `Status`, `Priority`, `Resolution`, `Assignee`, `Reporter`, `Created`,
//!   `Updated`, `Resolved`, repeated `Labels`, `Time Spent` (seconds), with dates such as
//!   `09/Oct/25 1:42 PM` — as real exports read by public importers show them (no Atlassian
//!   page listing the columns was found).
//! - **Generic**: any file with columns such as `at`, `title`, `category`, `severity`,
//!   `minutes`, `handled_by`, `id` (see [`candidates`]).
//!
//! Headers are compared without case, spaces, `_` or `-`, so `created_on` and `Created On` are one.
use super::{ColumnChoice, CsvMapping, CsvSource, ImportField};

/// A header reduced for comparison: lower case, without spaces, `_`, `-` and `.`.
pub fn normalise(header: &str) -> String {
    header
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '.' | '(' | ')'))
        .collect()
}

/// The source a header looks like.
pub fn detect(header: &[String]) -> CsvSource {
    let has = |name: &str| header.iter().any(|h| normalise(h) == name);
    if has("incidentnumber") && (has("urgency") || has("servicename") || has("escalationpolicyname"))
        || has("#") && has("openedon")
    {
        CsvSource::PagerDuty
    } else if has("tinyid") && has("message") {
        CsvSource::Opsgenie
    } else if has("issuekey") && has("summary") {
        CsvSource::Jira
    } else {
        CsvSource::Generic
    }
}

/// The column names (normalised) that fill `field` in a file from `source`, best first.
pub fn candidates(source: CsvSource, field: ImportField) -> &'static [&'static str] {
    use CsvSource::*;
    use ImportField::*;
    match (source, field) {
        (PagerDuty, ExternalId) => &["id", "incidentid", "incidentnumber", "#"],
        (PagerDuty, At) => &["createdon", "openedon", "createdat", "created"],
        (PagerDuty, Title) => &["description", "title", "summary", "servicename", "service"],
        (PagerDuty, Severity) => &["urgency", "priority"],
        (PagerDuty, Minutes) => &["secondstoresolve"],
        (PagerDuty, Resolved) => &["resolvedon", "resolvedat", "resolved"],
        (PagerDuty, HandledBy) => &[
            "assignedtousernames",
            "assignedto",
            "resolvedbyusername",
            "resolvedbyuser",
            "resolvedby",
            "resolveby",
        ],
        (PagerDuty, Category | RootCause) => &[],
        (Opsgenie, ExternalId) => &["tinyid", "alias", "id"],
        (Opsgenie, At) => &["createdat"],
        (Opsgenie, Title) => &["message"],
        (Opsgenie, Severity) => &["priority"],
        (Opsgenie, Minutes) => &["closetime"],
        (Opsgenie, Resolved) => &["closedat"],
        (Opsgenie, HandledBy) => &["owner", "acknowledgedby", "closedby"],
        (Opsgenie, Category | RootCause) => &[],
        (Jira, ExternalId) => &["issuekey", "issueid"],
        (Jira, At) => &["created"],
        (Jira, Title) => &["summary"],
        (Jira, Severity) => &["priority"],
        (Jira, Category) => &["issuetype"],
        (Jira, Minutes) => &["timespent", "σtimespent"],
        (Jira, Resolved) => &["resolved"],
        (Jira, HandledBy) => &["assignee"],
        (Jira, RootCause) => &[],
        (Generic, At) => &[
            "at",
            "arrivedat",
            "arrived",
            "time",
            "timestamp",
            "when",
            "date",
            "createdat",
            "created",
            "start",
        ],
        (Generic, Title) => &["title", "summary", "subject", "message", "description", "name"],
        (Generic, Category) => &["category", "type", "kind"],
        (Generic, Severity) => &["severity", "priority", "urgency"],
        (Generic, Minutes) => &["minutes", "duration", "durationminutes", "mins", "timespent", "effort"],
        (Generic, Resolved) => &["resolved", "resolvedat", "end", "closed", "closedat", "endedat"],
        (Generic, HandledBy) => &["handledby", "handler", "assignee", "assignedto", "owner", "who"],
        (Generic, ExternalId) => &["id", "externalid", "key", "ticket", "incidentid"],
        (Generic, RootCause) => &["rootcause", "cause"],
    }
}

/// The source's default mapping for a file with `header`: for each field, the first candidate
/// column the file has.
pub fn default_mapping(source: CsvSource, header: &[String]) -> CsvMapping {
    let columns = ImportField::ALL
        .iter()
        .map(|&field| ColumnChoice {
            field,
            column: candidates(source, field)
                .iter()
                .find_map(|c| header.iter().find(|h| normalise(h) == *c))
                .cloned(),
        })
        .collect();
    CsvMapping {
        columns,
        values: Vec::new(),
        could_wait: None,
        sprint_columns: None,
    }
}

/// How a duration column counts, read from its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DurationUnit {
    /// Milliseconds (Opsgenie's `CloseTime`, `AckTime`).
    Milliseconds,
    /// Seconds (PagerDuty's `seconds_to_resolve`, Jira's `Time Spent`).
    Seconds,
    /// Minutes (anything else; `1h 30m`, `1:30` and `90` are all read).
    Minutes,
    /// Hours (a header that says hours).
    Hours,
}

/// The unit of the duration column called `header`.
pub fn duration_unit(header: &str) -> DurationUnit {
    let n = normalise(header);
    if n.contains("closetime") || n.contains("acktime") || n.contains("millis") || n.ends_with("ms") {
        DurationUnit::Milliseconds
    } else if n.contains("second") || n == "timespent" || n == "σtimespent" || n.ends_with("secs") {
        DurationUnit::Seconds
    } else if n.contains("hour") {
        DurationUnit::Hours
    } else {
        DurationUnit::Minutes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(cols: &str) -> Vec<String> {
        cols.split(',').map(str::to_owned).collect()
    }

    #[test]
    fn each_export_is_recognised() {
        assert_eq!(
            detect(&h(
                "id,incident_number,description,service_name,created_on,resolved_on,urgency"
            )),
            CsvSource::PagerDuty
        );
        assert_eq!(
            detect(&h("Incident Number,Title,Urgency,Created,Assigned To")),
            CsvSource::PagerDuty
        );
        assert_eq!(
            detect(&h("TinyId,Alias,Message,CreatedAt,Priority,Owner")),
            CsvSource::Opsgenie
        );
        assert_eq!(
            detect(&h("Summary,Issue key,Issue id,Issue Type,Created")),
            CsvSource::Jira
        );
        assert_eq!(
            detect(&h("#,Service,Opened On,Resolved On,Resolve By,Duration,# Escalations")),
            CsvSource::PagerDuty
        );
        assert_eq!(detect(&h("at,title,minutes")), CsvSource::Generic);
    }

    #[test]
    fn defaults_pick_the_first_present_column() {
        let m = default_mapping(
            CsvSource::PagerDuty,
            &h("id,incident_number,description,created_on,urgency,priority"),
        );
        assert_eq!(m.column(ImportField::Severity), Some(Some("urgency")));
        assert_eq!(m.column(ImportField::ExternalId), Some(Some("id")));
        assert_eq!(m.column(ImportField::Category), Some(None));
    }

    #[test]
    fn units_come_from_the_header() {
        assert_eq!(duration_unit("seconds_to_resolve"), DurationUnit::Seconds);
        assert_eq!(duration_unit("Time Spent"), DurationUnit::Seconds);
        assert_eq!(duration_unit("CloseTime"), DurationUnit::Milliseconds);
        assert_eq!(duration_unit("minutes"), DurationUnit::Minutes);
        assert_eq!(duration_unit("Duration (hours)"), DurationUnit::Hours);
    }
}
