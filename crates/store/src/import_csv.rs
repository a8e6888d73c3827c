//! SQL of CSV imports: what dedupe needs of the stored interrupt log, writing imported
//! interrupts with their source and external id, writing imported sprints, and the column
//! mapping a team last used per source.
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};
use sprintshield_core::import_csv::{CsvMapping, CsvSource, ImportRow, MappingSource, SprintRow, StoredInterruptKey};
use sprintshield_core::interrupt::{Interrupt, InterruptOrigin};
use sprintshield_core::sprint::Sprint;
use sprintshield_core::{AppError, ErrorKind, Id};

use crate::{interrupts, sprints, Result, Store};

impl Store {
    /// Arrival, title and (when imported) source and external id of every interrupt of the team.
    pub fn interrupt_keys(&self, team_id: Id) -> Result<Vec<StoredInterruptKey>> {
        let mut st = self.conn.prepare(
            "SELECT i.arrived_at, i.title, s.source, s.external_id
             FROM interrupt i LEFT JOIN interrupt_source s ON s.interrupt_id = i.id
             WHERE i.team_id = ?1",
        )?;
        let rows = st.query_map([team_id], |r| {
            let at: String = r.get(0)?;
            let source: Option<String> = r.get(2)?;
            let id: Option<String> = r.get(3)?;
            Ok((at, r.get::<_, String>(1)?, source, id))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (at, title, source, id) = row?;
            let arrived_at = DateTime::parse_from_rfc3339(&at)
                .map_err(|e| {
                    AppError::new(
                        ErrorKind::Storage,
                        format!("a stored interrupt has a damaged time ({e})"),
                    )
                })?
                .with_timezone(&Utc);
            let external = match (source.as_deref().map(CsvSource::parse), id) {
                (Some(Ok(s)), Some(id)) => Some((s, id)),
                _ => None,
            };
            out.push(StoredInterruptKey {
                external,
                arrived_at,
                title,
            });
        }
        Ok(out)
    }

    /// Writes imported interrupts of the team, remembering each one's source and external id.
    /// Runs inside the caller's transaction: any failure leaves nothing written.
    pub fn write_interrupt_import(
        &mut self,
        team_id: Id,
        source: CsvSource,
        rows: &[ImportRow],
    ) -> Result<Vec<Interrupt>> {
        let mut stored = Vec::with_capacity(rows.len());
        for row in rows {
            let mut i = interrupts::insert_interrupt(&self.conn, team_id, &row.spec)?;
            if let Some(id) = &row.external_id {
                let origin = InterruptOrigin {
                    source,
                    external_id: id.clone(),
                };
                interrupts::insert_origin(&self.conn, i.id, &origin)?;
                i.origin = Some(origin);
            }
            stored.push(i);
        }
        Ok(stored)
    }

    /// Writes imported sprints of the team (each checked against the stored ones for overlap).
    pub fn write_sprint_import(&mut self, team_id: Id, rows: &[SprintRow]) -> Result<Vec<Sprint>> {
        rows.iter()
            .map(|r| sprints::insert_sprint(&self.conn, team_id, &r.spec, r.completed_points))
            .collect()
    }

    /// The mapping the team last used for `source` (an interrupt source or sprint history), if any.
    pub fn import_mapping(&self, team_id: Id, source: impl Into<MappingSource>) -> Result<Option<CsvMapping>> {
        let text: Option<String> = self
            .conn
            .query_row(
                "SELECT mapping FROM import_mapping WHERE team_id = ?1 AND source = ?2",
                params![team_id, source.into().name()],
                |r| r.get(0),
            )
            .optional()?;
        // A mapping that no longer reads is forgotten, not an error: the defaults apply.
        Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
    }

    /// Remembers `mapping` as the team's mapping for `source`.
    pub fn save_import_mapping(
        &mut self,
        team_id: Id,
        source: impl Into<MappingSource>,
        mapping: &CsvMapping,
    ) -> Result<()> {
        let text = serde_json::to_string(mapping)
            .map_err(|e| AppError::new(ErrorKind::Storage, format!("the mapping could not be saved ({e})")))?;
        self.conn.execute(
            "INSERT INTO import_mapping (team_id, source, mapping) VALUES (?1, ?2, ?3)
             ON CONFLICT (team_id, source) DO UPDATE SET mapping = excluded.mapping",
            params![team_id, source.into().name(), text],
        )?;
        Ok(())
    }
}
