//! Importing a team's interrupt log and sprint history from CSV exports (PagerDuty, Opsgenie,
//! Jira, a spreadsheet).
//!
//! A preview reads the file against what is stored (one snapshot) and writes nothing. Applying
//! reads it again inside one write transaction, so what it writes is exactly what that preview
//! shows at that moment: the rows to add go in together (or, on any error, none do), duplicates
//! and unreadable rows are left out and listed with their reasons, and the mapping used is
//! remembered for the team and source (sprint history has its own: the columns chosen).
use chrono::{DateTime, Utc};
use sprintshield_core::import_csv::{
    mark_duplicates, mark_off_focus, read_interrupts, read_sprints_remembering, CsvMapping, InterruptCsvPreview,
    InterruptCsvRequest, MappingSource, SprintCsvPreview, SprintCsvRequest,
};
use sprintshield_store::Store;

use crate::{Changes, Outcome, Record, Result, Sprintshield};

fn propose_interrupts(
    s: &Store,
    req: &InterruptCsvRequest,
    now: DateTime<Utc>,
) -> sprintshield_store::Result<InterruptCsvPreview> {
    let team = s.team(req.team_id)?;
    let members = s.members(team.id)?;
    let detected = req
        .source
        .unwrap_or_else(|| sprintshield_core::import_csv::detect::detect(&header_of(&req.text)));
    let remembered = s.import_mapping(team.id, detected)?;
    let mut preview = read_interrupts(
        &req.text,
        team.spec.zone,
        now,
        &members,
        req.source,
        remembered.as_ref(),
        &req.mapping,
    )?;
    mark_duplicates(&mut preview, &s.interrupt_keys(team.id)?);
    let first = preview.rows.iter().map(|r| r.spec.arrived_at).min();
    let last = preview.rows.iter().map(|r| r.spec.arrived_at).max();
    let turns = match (first, last) {
        (Some(a), Some(b)) => s.turns(team.id, a, b + chrono::Duration::seconds(1))?,
        _ => Vec::new(),
    };
    mark_off_focus(&mut preview, &turns);
    Ok(preview)
}

/// The header of `text` (for finding the remembered mapping before reading the whole file);
/// empty when it cannot be read (the read proper then says why).
fn header_of(text: &str) -> Vec<String> {
    sprintshield_core::import_csv::read::read_header(text)
}

fn propose_sprints(
    s: &Store,
    req: &SprintCsvRequest,
    now: DateTime<Utc>,
) -> sprintshield_store::Result<SprintCsvPreview> {
    let existing = s.sprints(req.team_id)?;
    let today = crate::corrections::today(s, req.team_id, now)?;
    let remembered = s
        .import_mapping(req.team_id, MappingSource::SprintHistory)?
        .and_then(|m| m.sprint_columns)
        .unwrap_or_default();
    Ok(read_sprints_remembering(
        &req.text,
        &existing,
        today,
        &remembered,
        &req.columns,
    )?)
}

impl Sprintshield {
    /// What importing the interrupt CSV of `req` would add, skip as duplicates and skip as
    /// unreadable (each with its reason); nothing is written.
    pub fn interrupt_csv_preview(&self, req: &InterruptCsvRequest, now: DateTime<Utc>) -> Result<InterruptCsvPreview> {
        self.read(|s| propose_interrupts(s, req, now))
    }

    /// Reads the file as [`Sprintshield::interrupt_csv_preview`] does and, in the same
    /// transaction, writes every row to add and remembers the mapping for the team and source.
    pub fn import_interrupt_csv(
        &mut self,
        req: &InterruptCsvRequest,
        now: DateTime<Utc>,
    ) -> Result<Outcome<InterruptCsvPreview>> {
        self.write(|s| {
            let mut preview = propose_interrupts(s, req, now)?;
            preview.ready()?;
            let written = s.write_interrupt_import(req.team_id, preview.source, &preview.rows)?;
            s.save_import_mapping(req.team_id, preview.source, &preview.mapping)?;
            preview.applied = true;
            let changes = Changes {
                turns: Default::default(),
                records: written
                    .into_iter()
                    .flat_map(|i| Changes::created(Record::Interrupt(i)).records)
                    .collect(),
            };
            Ok(Outcome::new(preview, changes))
        })
    }

    /// What importing the sprint-history CSV of `req` would add; nothing is written.
    pub fn sprint_csv_preview(&self, req: &SprintCsvRequest, now: DateTime<Utc>) -> Result<SprintCsvPreview> {
        self.read(|s| propose_sprints(s, req, now))
    }

    /// Reads the sprint history and writes every sprint to add in one transaction, remembering
    /// the columns used for the team's next sprint import.
    pub fn import_sprint_csv(
        &mut self,
        req: &SprintCsvRequest,
        now: DateTime<Utc>,
    ) -> Result<Outcome<SprintCsvPreview>> {
        self.write(|s| {
            let mut preview = propose_sprints(s, req, now)?;
            preview.ready()?;
            let written = s.write_sprint_import(req.team_id, &preview.rows)?;
            let remember = CsvMapping {
                sprint_columns: Some(preview.mapping.clone()),
                ..CsvMapping::default()
            };
            s.save_import_mapping(req.team_id, MappingSource::SprintHistory, &remember)?;
            preview.applied = true;
            let changes = Changes {
                turns: Default::default(),
                records: written
                    .into_iter()
                    .flat_map(|x| Changes::created(Record::Sprint(x)).records)
                    .collect(),
            };
            Ok(Outcome::new(preview, changes))
        })
    }
}
