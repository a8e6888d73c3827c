//! Putting removed records back under their own ids (undo of a removal), so turns, pins and
//! history that named them by id name them again.
use rusqlite::params;
use sprintshield_core::interrupt::Interrupt;
use sprintshield_core::member::Member;
use sprintshield_core::sprint::Sprint;
use sprintshield_core::time_off::{Holiday, TimeOff};
use sprintshield_core::Id;

use crate::{interrupts, members, sprints, teams, time_off, Result, Store};

/// Moves the row just inserted as `new_id` in `table` to `id` (free, because it was removed).
pub(crate) fn keep_id(tx: &rusqlite::Connection, table: &str, new_id: Id, id: Id) -> Result<()> {
    if new_id != id {
        // `table` is one of this crate's table names, never user text.
        tx.execute(
            &format!("UPDATE {table} SET id = ?1 WHERE id = ?2"),
            params![id, new_id],
        )?;
    }
    Ok(())
}

impl Store {
    /// Stores a removed member again under their id.
    pub fn restore_member(&mut self, m: &Member) -> Result<()> {
        let tx = self.conn.savepoint()?;
        let stored = members::insert_member(&tx, m.team_id, &m.spec)?;
        keep_id(&tx, "member", stored.id, m.id)?;
        tx.commit()?;
        Ok(())
    }

    /// Stores removed time off again under its id.
    pub fn restore_time_off(&mut self, t: &TimeOff) -> Result<()> {
        let tx = self.conn.savepoint()?;
        let stored = time_off::insert_time_off(&tx, &t.spec)?;
        keep_id(&tx, "time_off", stored.id, t.id)?;
        tx.commit()?;
        Ok(())
    }

    /// Stores a removed holiday again under its id.
    pub fn restore_holiday(&mut self, h: &Holiday) -> Result<()> {
        let tx = self.conn.savepoint()?;
        let stored = teams::insert_holiday(&tx, h.team_id, h.date, &h.name)?;
        keep_id(&tx, "holiday", stored.id, h.id)?;
        tx.commit()?;
        Ok(())
    }

    /// Stores a removed interrupt again under its id.
    pub fn restore_interrupt(&mut self, i: &Interrupt) -> Result<()> {
        let tx = self.conn.savepoint()?;
        let stored = interrupts::insert_interrupt(&tx, i.team_id, &i.spec)?;
        keep_id(&tx, "interrupt", stored.id, i.id)?;
        tx.commit()?;
        Ok(())
    }

    /// Stores a removed sprint again under its id, with its points.
    pub fn restore_sprint(&mut self, s: &Sprint) -> Result<()> {
        let tx = self.conn.savepoint()?;
        let stored = sprints::insert_sprint(&tx, s.team_id, &s.spec, s.completed_points)?;
        keep_id(&tx, "sprint", stored.id, s.id)?;
        tx.commit()?;
        Ok(())
    }
}
