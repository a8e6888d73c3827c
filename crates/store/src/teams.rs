//! Teams and their holidays.
use rusqlite::{params, OptionalExtension, Row};
use sprintshield_core::team::{NewTeam, Team, TeamKind, TeamSpec};
use sprintshield_core::time::WorkingDays;
use sprintshield_core::time_off::{Holiday, NewHoliday};
use sprintshield_core::{AppError, Id};

use crate::error::is_unique_violation;
use crate::{Result, Store};

const TEAM_COLUMNS: &str = "id, name, kind, zone, working_days, sprint_length_days";

pub(crate) fn team_from_row(r: &Row) -> rusqlite::Result<Team> {
    let conv = |i: usize, e: sprintshield_core::Invalid| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    };
    Ok(Team {
        id: r.get(0)?,
        spec: TeamSpec {
            name: r.get(1)?,
            kind: TeamKind::parse(&r.get::<_, String>(2)?).map_err(|e| conv(2, e))?,
            zone: sprintshield_core::time::parse_zone(&r.get::<_, String>(3)?).map_err(|e| conv(3, e))?,
            working_days: WorkingDays::from_bits(r.get(4)?).map_err(|e| conv(4, e))?,
            sprint_length_days: r.get(5)?,
        },
    })
}

pub(crate) fn insert_team(tx: &rusqlite::Connection, spec: &TeamSpec) -> Result<Team> {
    let res = tx.execute(
        "INSERT INTO team (name, kind, zone, working_days, sprint_length_days) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            spec.name,
            spec.kind.name(),
            spec.zone.name(),
            spec.working_days.bits(),
            spec.sprint_length_days
        ],
    );
    match res {
        Err(e) if is_unique_violation(&e) => {
            Err(AppError::conflict("name", format!("a team called \"{}\" already exists", spec.name)).into())
        }
        Err(e) => Err(e.into()),
        Ok(_) => Ok(Team {
            id: tx.last_insert_rowid(),
            spec: spec.clone(),
        }),
    }
}

pub(crate) fn insert_holiday(
    tx: &rusqlite::Connection,
    team_id: Id,
    date: chrono::NaiveDate,
    name: &str,
) -> Result<Holiday> {
    match tx.execute(
        "INSERT INTO holiday (team_id, date, name) VALUES (?1, ?2, ?3)",
        params![team_id, date.to_string(), name],
    ) {
        Err(e) if is_unique_violation(&e) => {
            Err(AppError::conflict("date", format!("{date} is already a team holiday")).into())
        }
        Err(e) => Err(e.into()),
        Ok(_) => Ok(Holiday {
            id: tx.last_insert_rowid(),
            team_id,
            date,
            name: name.to_owned(),
        }),
    }
}

impl Store {
    /// Validates and stores a new team. Rejects a duplicate name (case-insensitive).
    pub fn create_team(&mut self, new: NewTeam) -> Result<Team> {
        let spec = new.validate()?;
        insert_team(&self.conn, &spec)
    }

    /// All teams, by name.
    pub fn teams(&self) -> Result<Vec<Team>> {
        let mut st = self
            .conn
            .prepare(&format!("SELECT {TEAM_COLUMNS} FROM team ORDER BY name"))?;
        let rows = st.query_map([], team_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The team with `id`, or a "not found" error.
    pub fn team(&self, id: Id) -> Result<Team> {
        self.conn
            .query_row(
                &format!("SELECT {TEAM_COLUMNS} FROM team WHERE id = ?1"),
                [id],
                team_from_row,
            )
            .optional()?
            .ok_or_else(|| AppError::not_found(format!("there is no team with id {id}")).into())
    }

    /// The team called `name` (case-insensitive), or a "not found" error that lists the teams.
    pub fn team_by_name(&self, name: &str) -> Result<Team> {
        let found = self
            .conn
            .query_row(
                &format!("SELECT {TEAM_COLUMNS} FROM team WHERE name = ?1"),
                [name.trim()],
                team_from_row,
            )
            .optional()?;
        match found {
            Some(t) => Ok(t),
            None => {
                let names: Vec<String> = self.teams()?.into_iter().map(|t| t.spec.name).collect();
                let hint = if names.is_empty() {
                    "there are no teams yet".to_owned()
                } else {
                    format!("teams: {}", names.join(", "))
                };
                Err(AppError::not_found(format!("there is no team called \"{name}\" ({hint})")).into())
            }
        }
    }

    /// Validates and stores a team holiday. Rejects a second holiday on the same day.
    pub fn add_holiday(&mut self, team_id: Id, new: NewHoliday) -> Result<Holiday> {
        let (date, name) = new.validate()?;
        self.team(team_id)?;
        insert_holiday(&self.conn, team_id, date, &name)
    }

    /// The team's holidays, by date.
    pub fn holidays(&self, team_id: Id) -> Result<Vec<Holiday>> {
        let mut st = self
            .conn
            .prepare("SELECT id, team_id, date, name FROM holiday WHERE team_id = ?1 ORDER BY date")?;
        let rows = st.query_map([team_id], |r| {
            Ok(Holiday {
                id: r.get(0)?,
                team_id: r.get(1)?,
                date: crate::members::date_col(r, 2)?,
                name: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Deletes a team holiday and returns it.
    pub fn delete_holiday(&mut self, id: Id) -> Result<Holiday> {
        self.conn
            .query_row(
                "DELETE FROM holiday WHERE id = ?1 RETURNING id, team_id, date, name",
                [id],
                |r| {
                    Ok(Holiday {
                        id: r.get(0)?,
                        team_id: r.get(1)?,
                        date: crate::members::date_col(r, 2)?,
                        name: r.get(3)?,
                    })
                },
            )
            .optional()?
            .ok_or_else(|| AppError::not_found(format!("there is no holiday with id {id}")).into())
    }
}

impl Store {
    /// Stores `spec` as team `id`'s fields (validated by the caller).
    pub fn update_team(&mut self, id: Id, spec: &TeamSpec) -> Result<Team> {
        self.team(id)?;
        let res = self.conn.execute(
            "UPDATE team SET name = ?2, kind = ?3, zone = ?4, working_days = ?5, sprint_length_days = ?6 WHERE id = ?1",
            params![
                id,
                spec.name,
                spec.kind.name(),
                spec.zone.name(),
                spec.working_days.bits(),
                spec.sprint_length_days
            ],
        );
        match res {
            Err(e) if is_unique_violation(&e) => {
                Err(AppError::conflict("name", format!("a team called \"{}\" already exists", spec.name)).into())
            }
            Err(e) => Err(e.into()),
            Ok(_) => self.team(id),
        }
    }

    /// How much history the team has: closed sprints, logged interrupts, and turns that started
    /// before `before`.
    pub fn team_history(&self, id: Id, before: chrono::DateTime<chrono::Utc>) -> Result<(usize, usize, usize)> {
        let count = |sql: &str, p: &[&dyn rusqlite::ToSql]| -> Result<usize> {
            Ok(self.conn.query_row(sql, p, |r| r.get::<_, i64>(0))? as usize)
        };
        let cutoff = before.format("%Y-%m-%dT%H:%M:%SZ").to_string();
        Ok((
            count(
                "SELECT count(*) FROM sprint WHERE team_id = ?1 AND completed_points IS NOT NULL",
                &[&id],
            )?,
            count("SELECT count(*) FROM interrupt WHERE team_id = ?1", &[&id])?,
            count(
                "SELECT count(*) FROM turn t JOIN duty_policy p ON p.id = t.policy_id
                 WHERE p.team_id = ?1 AND t.start_at < ?2",
                &[&id, &cutoff],
            )?,
        ))
    }

    /// Deletes a team and everything that belongs to it (members, time off, holidays, sprints,
    /// policies, turns, its trains and freezes); the caller checks first that it has no history.
    pub fn delete_team(&mut self, id: Id) -> Result<Team> {
        let team = self.team(id)?;
        let tx = self.conn.savepoint()?;
        // Turns refer to members without a cascade: the team's policies (and so its turns) go first.
        tx.execute("DELETE FROM duty_policy WHERE team_id = ?1", [id])?;
        tx.execute("DELETE FROM team WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(team)
    }

    /// The holiday with `id`.
    pub fn holiday(&self, id: Id) -> Result<Holiday> {
        self.conn
            .query_row("SELECT id, team_id, date, name FROM holiday WHERE id = ?1", [id], |r| {
                Ok(Holiday {
                    id: r.get(0)?,
                    team_id: r.get(1)?,
                    date: crate::members::date_col(r, 2)?,
                    name: r.get(3)?,
                })
            })
            .optional()?
            .ok_or_else(|| AppError::not_found(format!("there is no holiday with id {id}")).into())
    }

    /// Replaces holiday `id` by `date` and `name` (refused when another holiday has that day).
    pub fn replace_holiday(&mut self, id: Id, date: chrono::NaiveDate, name: &str) -> Result<Holiday> {
        let tx = self.conn.savepoint()?;
        let team_id: Option<Id> = tx
            .query_row("DELETE FROM holiday WHERE id = ?1 RETURNING team_id", [id], |r| {
                r.get(0)
            })
            .optional()?;
        let Some(team_id) = team_id else {
            return Err(AppError::not_found(format!("there is no holiday with id {id}")).into());
        };
        let mut stored = insert_holiday(&tx, team_id, date, name)?;
        crate::restore::keep_id(&tx, "holiday", stored.id, id)?;
        tx.commit()?;
        stored.id = id;
        Ok(stored)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sprintshield_core::ErrorKind;

    fn phoenix() -> NewTeam {
        NewTeam {
            name: "Phoenix".into(),
            kind: TeamKind::Dev,
            zone: "Europe/Berlin".into(),
            working_days: None,
            sprint_length_days: None,
        }
    }

    #[test]
    fn create_and_find_team() {
        let mut s = Store::open_in_memory().unwrap();
        let t = s.create_team(phoenix()).unwrap();
        assert_eq!(s.team_by_name("phoenix").unwrap(), t);
        assert_eq!(s.team(t.id).unwrap().spec.zone, chrono_tz::Europe::Berlin);
    }

    #[test]
    fn duplicate_team_is_a_conflict_and_writes_nothing() {
        let mut s = Store::open_in_memory().unwrap();
        s.create_team(phoenix()).unwrap();
        let mut dup = phoenix();
        dup.name = "PHOENIX".into();
        let e: AppError = s.create_team(dup).unwrap_err().into();
        assert_eq!(e.kind, ErrorKind::Conflict);
        assert_eq!(s.teams().unwrap().len(), 1);
    }

    #[test]
    fn unknown_team_lists_existing_ones() {
        let mut s = Store::open_in_memory().unwrap();
        s.create_team(phoenix()).unwrap();
        let e: AppError = s.team_by_name("Atlas").unwrap_err().into();
        assert_eq!(e.kind, ErrorKind::NotFound);
        assert!(e.message.contains("Phoenix"));
    }

    #[test]
    fn holidays_are_unique_per_day() {
        let mut s = Store::open_in_memory().unwrap();
        let t = s.create_team(phoenix()).unwrap();
        s.add_holiday(
            t.id,
            NewHoliday {
                date: "2026-12-25".into(),
                name: "Christmas".into(),
            },
        )
        .unwrap();
        assert!(s
            .add_holiday(
                t.id,
                NewHoliday {
                    date: "2026-12-25".into(),
                    name: "Again".into()
                }
            )
            .is_err());
        assert_eq!(s.holidays(t.id).unwrap().len(), 1);
    }
}
