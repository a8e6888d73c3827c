//! Time off of members.
use rusqlite::OptionalExtension;
use rusqlite::{params, Row};
use sprintshield_core::time::DateSpan;
use sprintshield_core::time_off::{NewTimeOff, TimeOff, TimeOffKind, TimeOffSpec};
use sprintshield_core::{AppError, Id};

use crate::members::date_col;
use crate::{Result, Store};

fn from_row(r: &Row) -> rusqlite::Result<TimeOff> {
    let kind: String = r.get(4)?;
    Ok(TimeOff {
        id: r.get(0)?,
        spec: TimeOffSpec {
            member_id: r.get(1)?,
            days: DateSpan {
                first: date_col(r, 2)?,
                last: date_col(r, 3)?,
            },
            kind: TimeOffKind::parse(&kind)
                .map_err(|e| rusqlite::Error::FromSqlConversionFailure(4, rusqlite::types::Type::Text, Box::new(e)))?,
            note: r.get(5)?,
        },
    })
}

pub(crate) fn insert_time_off(tx: &rusqlite::Connection, spec: &TimeOffSpec) -> Result<TimeOff> {
    let clash: Option<(String, String)> = tx
        .query_row(
            "SELECT first_day, last_day FROM time_off WHERE member_id = ?1 AND first_day <= ?3 AND last_day >= ?2 LIMIT 1",
            params![spec.member_id, spec.days.first.to_string(), spec.days.last.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map(Some)
        .or_else(|e| if e == rusqlite::Error::QueryReturnedNoRows { Ok(None) } else { Err(e) })?;
    if let Some((first, last)) = clash {
        return Err(AppError::conflict(
            "first_day",
            format!("this overlaps time off already recorded from {first} to {last}; edit that one instead"),
        )
        .into());
    }
    tx.execute(
        "INSERT INTO time_off (member_id, first_day, last_day, kind, note) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            spec.member_id,
            spec.days.first.to_string(),
            spec.days.last.to_string(),
            spec.kind.name(),
            spec.note
        ],
    )?;
    Ok(TimeOff {
        id: tx.last_insert_rowid(),
        spec: spec.clone(),
    })
}

impl Store {
    /// Validates and records time off. Rejects time off that overlaps an existing stretch of the same member.
    pub fn add_time_off(&mut self, new: NewTimeOff) -> Result<TimeOff> {
        let spec = new.validate()?;
        self.member(spec.member_id)?;
        insert_time_off(&self.conn, &spec)
    }

    /// All time off of the team's members, by first day.
    pub fn time_off(&self, team_id: Id) -> Result<Vec<TimeOff>> {
        let mut st = self.conn.prepare(
            "SELECT t.id, t.member_id, t.first_day, t.last_day, t.kind, t.note FROM time_off t
             JOIN member m ON m.id = t.member_id WHERE m.team_id = ?1 ORDER BY t.first_day, t.member_id",
        )?;
        let rows = st.query_map([team_id], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Deletes one stretch of time off and returns it.
    pub fn delete_time_off(&mut self, id: Id) -> Result<TimeOff> {
        self.conn
            .query_row(
                "DELETE FROM time_off WHERE id = ?1 RETURNING id, member_id, first_day, last_day, kind, note",
                [id],
                from_row,
            )
            .optional()?
            .ok_or_else(|| AppError::not_found(format!("there is no time off with id {id}")).into())
    }
}

impl Store {
    /// The stretch of time off with `id`.
    pub fn time_off_entry(&self, id: Id) -> Result<TimeOff> {
        self.conn
            .query_row(
                "SELECT id, member_id, first_day, last_day, kind, note FROM time_off WHERE id = ?1",
                [id],
                from_row,
            )
            .optional()?
            .ok_or_else(|| AppError::not_found(format!("there is no time off with id {id}")).into())
    }

    /// Replaces stretch `id` by `spec` (checked against the member's other time off).
    pub fn replace_time_off(&mut self, id: Id, spec: &TimeOffSpec) -> Result<TimeOff> {
        let tx = self.conn.savepoint()?;
        if tx.execute("DELETE FROM time_off WHERE id = ?1", [id])? == 0 {
            return Err(AppError::not_found(format!("there is no time off with id {id}")).into());
        }
        let mut stored = insert_time_off(&tx, spec)?;
        crate::restore::keep_id(&tx, "time_off", stored.id, id)?;
        tx.commit()?;
        stored.id = id;
        Ok(stored)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sprintshield_core::member::NewMember;
    use sprintshield_core::team::{NewTeam, TeamKind};

    #[test]
    fn time_off_is_listed_and_overlaps_are_rejected() {
        let mut s = Store::open_in_memory().unwrap();
        let t = s
            .create_team(NewTeam {
                name: "P".into(),
                kind: TeamKind::Dev,
                zone: "UTC".into(),
                working_days: None,
                sprint_length_days: None,
            })
            .unwrap();
        let m = s
            .add_member(
                t.id,
                NewMember {
                    name: "Ana".into(),
                    ..Default::default()
                },
            )
            .unwrap();
        let new = |a: &str, b: &str| NewTimeOff {
            member_id: m.id,
            first_day: a.into(),
            last_day: b.into(),
            kind: TimeOffKind::Vacation,
            note: String::new(),
        };
        s.add_time_off(new("2026-12-01", "2026-12-05")).unwrap();
        assert!(s.add_time_off(new("2026-12-05", "2026-12-08")).is_err());
        assert!(s.add_time_off(new("2026-12-09", "2026-12-08")).is_err());
        s.add_time_off(new("2026-12-06", "2026-12-08")).unwrap();
        let all = s.time_off(t.id).unwrap();
        assert_eq!(all.len(), 2);
        s.delete_time_off(all[0].id).unwrap();
        assert_eq!(s.time_off(t.id).unwrap().len(), 1);
    }
}
