//! Putting removed records back under their own ids (undo of a removal), so turns, pins and
//! history that named them by id name them again: a team with everything that was removed with
//! it, a policy, a train, and each smaller record. Also the checks an undo makes before it
//! writes (turn ids still free, every reference whole).
use rusqlite::params;
use sprintshield_core::import_csv::{CsvMapping, MappingSource};
use sprintshield_core::interrupt::Interrupt;
use sprintshield_core::member::Member;
use sprintshield_core::publish::{CalendarTarget, ChatTarget};
use sprintshield_core::release::TrainInfo;
use sprintshield_core::rotation::DutyPolicy;
use sprintshield_core::sprint::Sprint;
use sprintshield_core::team::Team;
use sprintshield_core::time_off::{Holiday, TimeOff};
use sprintshield_core::{AppError, Id};

use crate::error::is_unique_violation;
use crate::{interrupts, members, rotation, sprints, teams, time_off, Result, Store};

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

    /// Stores a removed interrupt again under its id, with where it was imported from.
    pub fn restore_interrupt(&mut self, i: &Interrupt) -> Result<()> {
        let tx = self.conn.savepoint()?;
        let stored = interrupts::insert_interrupt(&tx, i.team_id, &i.spec)?;
        keep_id(&tx, "interrupt", stored.id, i.id)?;
        if let Some(origin) = &i.origin {
            interrupts::insert_origin(&tx, i.id, origin)?;
        }
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

impl Store {
    /// Stores a removed team again under its id (its records follow, each put back on its own).
    pub fn restore_team(&mut self, t: &Team) -> Result<()> {
        let tx = self.conn.savepoint()?;
        let stored = teams::insert_team(&tx, &t.spec)?;
        keep_id(&tx, "team", stored.id, t.id)?;
        tx.commit()?;
        Ok(())
    }

    /// Stores a removed duty policy again under its id. Its escalation may name a policy that is
    /// put back later in the same undo: call [`Store::defer_references`] first.
    pub fn restore_policy(&mut self, p: &DutyPolicy) -> Result<()> {
        let tx = self.conn.savepoint()?;
        rotation::write_policy(&tx, rotation::INSERT_POLICY, p.team_id, &p.spec)?;
        keep_id(&tx, "duty_policy", tx.last_insert_rowid(), p.id)?;
        tx.commit()?;
        Ok(())
    }

    /// Stores a removed release train again under its id (its pins are put back on their own).
    pub fn restore_release_train(&mut self, t: &TrainInfo) -> Result<()> {
        let spec = &t.train.spec;
        let res = self.conn.execute(
            "INSERT INTO release_train (id, name, dev_team_id, ops_team_id, lag_weeks, routine)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                t.train.id,
                t.name,
                spec.dev_team_id,
                spec.ops_team_id,
                spec.lag_weeks,
                serde_json::to_string(&spec.routine).expect("routine serialises")
            ],
        );
        match res {
            Err(e) if is_unique_violation(&e) => {
                Err(AppError::conflict("name", format!("a release train called \"{}\" exists again", t.name)).into())
            }
            Err(e) => Err(e.into()),
            Ok(_) => Ok(()),
        }
    }

    /// Stores a removed calendar target again, with when it was last published.
    pub fn restore_calendar_target(&mut self, t: &CalendarTarget) -> Result<()> {
        self.set_calendar_target(t)?;
        if let Some(at) = t.last_published_at {
            self.mark_published(t.team_id, at)?;
        }
        Ok(())
    }

    /// Stores a removed chat target again, with when it last posted.
    pub fn restore_chat_target(&mut self, t: &ChatTarget) -> Result<()> {
        self.set_chat_target(t)?;
        if let Some(at) = t.last_posted_at {
            self.mark_chat_posted(t.team_id, at)?;
        }
        Ok(())
    }

    /// Removes the team's calendar target (redo of a removal that took it); none is fine.
    pub fn delete_calendar_target(&mut self, team_id: Id) -> Result<()> {
        self.conn
            .execute("DELETE FROM publish_target WHERE team_id = ?1", [team_id])?;
        Ok(())
    }

    /// Removes the team's chat target (redo of a removal that took it); none is fine.
    pub fn delete_chat_target(&mut self, team_id: Id) -> Result<()> {
        self.conn
            .execute("DELETE FROM chat_target WHERE team_id = ?1", [team_id])?;
        Ok(())
    }

    /// Forgets the team's import mapping for `source` (redo of a removal that took it).
    pub fn delete_import_mapping(&mut self, team_id: Id, source: impl Into<MappingSource>) -> Result<()> {
        self.conn.execute(
            "DELETE FROM import_mapping WHERE team_id = ?1 AND source = ?2",
            params![team_id, source.into().name()],
        )?;
        Ok(())
    }

    /// The imports (interrupt sources and sprint history) the team has a remembered mapping
    /// for, with the mapping.
    pub fn import_mappings(&self, team_id: Id) -> Result<Vec<(MappingSource, CsvMapping)>> {
        let mut found = Vec::new();
        for &source in MappingSource::ALL {
            if let Some(m) = self.import_mapping(team_id, source)? {
                found.push((source, m));
            }
        }
        Ok(found)
    }

    /// Which of `ids` a stored turn has (an undo must not put a turn back over another one).
    pub fn stored_turn_ids(&self, ids: &[Id]) -> Result<Vec<Id>> {
        let mut st = self.conn.prepare("SELECT 1 FROM turn WHERE id = ?1")?;
        let mut taken = Vec::new();
        for &id in ids {
            if st.exists([id])? {
                taken.push(id);
            }
        }
        Ok(taken)
    }

    /// Checks references only when the current transaction commits, so an undo can put back
    /// records that name each other (two policies escalating to each other) in any order. Ends
    /// with the transaction.
    pub fn defer_references(&mut self) -> Result<()> {
        self.conn.execute_batch("PRAGMA defer_foreign_keys = ON")?;
        Ok(())
    }

    /// Whether every reference in the database names a stored record (checked before an undo
    /// that put records back commits, so a dangling one becomes a sentence, not a failed commit).
    pub fn references_hold(&self) -> Result<bool> {
        let mut st = self.conn.prepare("PRAGMA foreign_key_check")?;
        let broken = st.exists([])?;
        Ok(!broken)
    }

    /// The lines waiting for the team's chat, each with its id and when its publish ran (a team
    /// removal takes them; undo puts them back as they were).
    pub fn chat_lines(&self, team_id: Id) -> Result<Vec<ChatLine>> {
        let mut st = self
            .conn
            .prepare("SELECT id, line, published_at FROM chat_pending WHERE team_id = ?1 ORDER BY id")?;
        let rows = st.query_map([team_id], |r| {
            let at: String = r.get(2)?;
            Ok(ChatLine {
                id: r.get(0)?,
                line: r.get(1)?,
                published_at: chrono::DateTime::parse_from_rfc3339(&at)
                    .map(|d| d.with_timezone(&chrono::Utc))
                    .map_err(|e| {
                        rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, Box::new(e))
                    })?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Stores a removed waiting chat line again under its id.
    pub fn restore_chat_line(&mut self, team_id: Id, l: &ChatLine) -> Result<()> {
        self.conn.execute(
            "INSERT INTO chat_pending (id, team_id, line, published_at) VALUES (?1, ?2, ?3, ?4)",
            params![
                l.id,
                team_id,
                l.line,
                l.published_at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
            ],
        )?;
        Ok(())
    }

    /// Removes one waiting chat line (redo of a removal that took it); none is fine.
    pub fn delete_chat_line(&mut self, id: Id) -> Result<()> {
        self.conn.execute("DELETE FROM chat_pending WHERE id = ?1", [id])?;
        Ok(())
    }
}

/// One line waiting for a team's chat, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChatLine {
    /// Its id (the order lines were kept in).
    pub id: Id,
    /// The line.
    pub line: String,
    /// When the publish that kept it ran.
    pub published_at: chrono::DateTime<chrono::Utc>,
}
