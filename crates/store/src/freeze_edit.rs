//! Editing a freeze window in place and storing a removed one again under its id (undo).
use rusqlite::{params, OptionalExtension};
use sprintshield_core::release::{FreezeSpan, FreezeWindow, StoredFreeze};
use sprintshield_core::{AppError, Id};

use crate::error::is_unique_violation;
use crate::restore::keep_id;
use crate::{Result, Store};

/// The columns a span is stored in: kind, first and last day (once), from and to (yearly).
type SpanCols = (
    &'static str,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

pub(crate) fn span_cols(span: &FreezeSpan) -> SpanCols {
    match span {
        FreezeSpan::Once { days } => (
            "once",
            Some(days.first.to_string()),
            Some(days.last.to_string()),
            None,
            None,
        ),
        FreezeSpan::Yearly { from, to } => (
            "yearly",
            None,
            None,
            Some(crate::releases::md_text(*from)),
            Some(crate::releases::md_text(*to)),
        ),
    }
}

pub(crate) fn duplicate(name: &str) -> crate::StoreError {
    AppError::conflict(
        "name",
        format!("the team already has a freeze window called \"{name}\""),
    )
    .into()
}

impl Store {
    /// Replaces the name and days of freeze window `id` (validated by core's `FreezeWindow`);
    /// returns it as stored. Rejects a name another freeze of the team has.
    pub fn replace_freeze(&mut self, id: Id, window: &FreezeWindow) -> Result<StoredFreeze> {
        let (kind, first, last, from, to) = span_cols(&window.span);
        let res = self
            .conn
            .query_row(
                "UPDATE freeze_window SET name = ?2, kind = ?3, first_day = ?4, last_day = ?5, from_md = ?6, to_md = ?7
                 WHERE id = ?1 RETURNING team_id",
                params![id, window.name, kind, first, last, from, to],
                |r| r.get::<_, Id>(0),
            )
            .optional();
        match res {
            Err(e) if is_unique_violation(&e) => Err(duplicate(&window.name)),
            Err(e) => Err(e.into()),
            Ok(None) => Err(AppError::not_found(format!("there is no freeze window with id {id}")).into()),
            Ok(Some(team_id)) => Ok(StoredFreeze {
                id,
                team_id,
                window: window.clone(),
            }),
        }
    }

    /// Stores a removed freeze window again under its id.
    pub fn restore_freeze(&mut self, f: &StoredFreeze) -> Result<()> {
        let tx = self.conn.savepoint()?;
        let (kind, first, last, from, to) = span_cols(&f.window.span);
        let res = tx.execute(
            "INSERT INTO freeze_window (team_id, name, kind, first_day, last_day, from_md, to_md)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![f.team_id, f.window.name, kind, first, last, from, to],
        );
        match res {
            Err(e) if is_unique_violation(&e) => return Err(duplicate(&f.window.name)),
            Err(e) => return Err(e.into()),
            Ok(_) => {}
        }
        let new_id = tx.last_insert_rowid();
        keep_id(&tx, "freeze_window", new_id, f.id)?;
        tx.commit()?;
        Ok(())
    }
}
