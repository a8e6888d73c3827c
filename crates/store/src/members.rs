//! Members of a team.
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row};
use sprintshield_core::member::{Member, MemberSpec, NewMember};
use sprintshield_core::{AppError, Id};

use crate::error::is_unique_violation;
use crate::{Result, Store};

const COLUMNS: &str =
    "id, team_id, name, email, capacity_percent, skills, active_from, active_until, can_take_duty, colour";

/// Reads a `YYYY-MM-DD` text column.
pub(crate) fn date_col(r: &Row, i: usize) -> rusqlite::Result<NaiveDate> {
    let text: String = r.get(i)?;
    NaiveDate::parse_from_str(&text, "%Y-%m-%d")
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e)))
}

fn opt_date_col(r: &Row, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    match r.get::<_, Option<String>>(i)? {
        None => Ok(None),
        Some(_) => date_col(r, i).map(Some),
    }
}

fn member_from_row(r: &Row) -> rusqlite::Result<Member> {
    let skills: String = r.get(5)?;
    Ok(Member {
        id: r.get(0)?,
        team_id: r.get(1)?,
        spec: MemberSpec {
            name: r.get(2)?,
            email: r.get(3)?,
            capacity_percent: r.get(4)?,
            skills: serde_json::from_str(&skills).unwrap_or_default(),
            active_from: opt_date_col(r, 6)?,
            active_until: opt_date_col(r, 7)?,
            can_take_duty: r.get(8)?,
            colour: r.get(9)?,
        },
    })
}

fn duplicate(name: &str) -> AppError {
    AppError::conflict("name", format!("the team already has a member called \"{name}\""))
}

const INSERT: &str = "INSERT INTO member (team_id, name, email, capacity_percent, skills, active_from, active_until,
                                          can_take_duty, colour)
                      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
const UPDATE: &str = "UPDATE member SET name = ?2, email = ?3, capacity_percent = ?4, skills = ?5, active_from = ?6,
                             active_until = ?7, can_take_duty = ?8, colour = ?9 WHERE id = ?1";

/// Runs `sql` (INSERT with `key` = team id, or UPDATE with `key` = member id) with the spec's
/// fields as ?2..?9; a duplicate name becomes a conflict on `name`.
fn write_member(conn: &rusqlite::Connection, sql: &str, key: Id, spec: &MemberSpec) -> Result<()> {
    let res = conn.execute(
        sql,
        params![
            key,
            spec.name,
            spec.email,
            spec.capacity_percent,
            serde_json::to_string(&spec.skills).expect("strings serialise"),
            spec.active_from.map(|d| d.to_string()),
            spec.active_until.map(|d| d.to_string()),
            spec.can_take_duty,
            spec.colour
        ],
    );
    match res {
        Err(e) if is_unique_violation(&e) => Err(duplicate(&spec.name).into()),
        Err(e) => Err(e.into()),
        Ok(_) => Ok(()),
    }
}

pub(crate) fn insert_member(tx: &rusqlite::Connection, team_id: Id, spec: &MemberSpec) -> Result<Member> {
    write_member(tx, INSERT, team_id, spec)?;
    Ok(Member {
        id: tx.last_insert_rowid(),
        team_id,
        spec: spec.clone(),
    })
}

impl Store {
    /// Validates and adds a member to the team. Rejects a duplicate name in the team.
    pub fn add_member(&mut self, team_id: Id, new: NewMember) -> Result<Member> {
        let spec = new.validate()?;
        self.team(team_id)?;
        insert_member(&self.conn, team_id, &spec)
    }

    /// The team's members, by name.
    pub fn members(&self, team_id: Id) -> Result<Vec<Member>> {
        let mut st = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM member WHERE team_id = ?1 ORDER BY name"
        ))?;
        let rows = st.query_map([team_id], member_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The member with `id`, or a "not found" error.
    pub fn member(&self, id: Id) -> Result<Member> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM member WHERE id = ?1"),
                [id],
                member_from_row,
            )
            .optional()?
            .ok_or_else(|| AppError::not_found(format!("there is no member with id {id}")).into())
    }

    /// The member of `team_id` called `name` (case-insensitive), or a "not found" error listing the team.
    pub fn member_by_name(&self, team_id: Id, name: &str) -> Result<Member> {
        let found = self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM member WHERE team_id = ?1 AND name = ?2"),
                params![team_id, name.trim()],
                member_from_row,
            )
            .optional()?;
        match found {
            Some(m) => Ok(m),
            None => {
                let names: Vec<String> = self.members(team_id)?.into_iter().map(|m| m.spec.name).collect();
                Err(AppError::not_found(format!(
                    "there is no member called \"{name}\" in this team (members: {})",
                    if names.is_empty() {
                        "none yet".to_owned()
                    } else {
                        names.join(", ")
                    }
                ))
                .into())
            }
        }
    }
}

impl Store {
    /// Stores `spec` as member `id`'s fields (validated by the caller).
    pub fn save_member(&mut self, id: Id, spec: &MemberSpec) -> Result<Member> {
        let old = self.member(id)?;
        write_member(&self.conn, UPDATE, id, spec)?;
        Ok(Member {
            id,
            team_id: old.team_id,
            spec: spec.clone(),
        })
    }

    /// How much stored history refers to member `id`: turns held, shadowed or covered for, and
    /// interrupts handled.
    pub fn member_history(&self, id: Id) -> Result<sprintshield_core::lifecycle::History> {
        let turns: i64 = self.conn.query_row(
            "SELECT count(*) FROM turn WHERE member_id = ?1 OR shadow_member_id = ?1 OR replaced_member_id = ?1",
            [id],
            |r| r.get(0),
        )?;
        let interrupts: i64 =
            self.conn
                .query_row("SELECT count(*) FROM interrupt WHERE handled_by = ?1", [id], |r| {
                    r.get(0)
                })?;
        Ok(sprintshield_core::lifecycle::History {
            turns: turns as usize,
            interrupts: interrupts as usize,
        })
    }

    /// Deletes member `id` (their time off goes with them) and returns them; the caller checks
    /// first that no history refers to them.
    pub fn delete_member(&mut self, id: Id) -> Result<Member> {
        let member = self.member(id)?;
        self.conn.execute(
            "UPDATE duty_policy SET pool = (SELECT json_group_array(value) FROM json_each(pool) WHERE value != ?1)
             WHERE team_id = ?2",
            params![id, member.team_id],
        )?;
        self.conn
            .execute("UPDATE duty_policy SET stand_in_id = NULL WHERE stand_in_id = ?1", [id])?;
        self.conn.execute("DELETE FROM member WHERE id = ?1", [id])?;
        Ok(member)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sprintshield_core::team::{NewTeam, TeamKind};
    use sprintshield_core::ErrorKind;

    fn setup() -> (Store, Id) {
        let mut s = Store::open_in_memory().unwrap();
        let t = s
            .create_team(NewTeam {
                name: "Phoenix".into(),
                kind: TeamKind::Dev,
                zone: "UTC".into(),
                working_days: None,
                sprint_length_days: None,
            })
            .unwrap();
        (s, t.id)
    }

    #[test]
    fn add_update_and_list_members() {
        let (mut s, team) = setup();
        let m = s
            .add_member(
                team,
                NewMember {
                    name: "Ana".into(),
                    skills: vec!["DB".into()],
                    ..Default::default()
                },
            )
            .unwrap();
        assert_eq!(s.members(team).unwrap(), vec![m.clone()]);
        let spec = NewMember {
            name: "Ana S.".into(),
            capacity_percent: Some(60),
            ..Default::default()
        }
        .validate()
        .unwrap();
        let up = s.save_member(m.id, &spec).unwrap();
        assert_eq!(s.member(m.id).unwrap(), up);
        assert_eq!(s.member_by_name(team, "ana s.").unwrap().spec.capacity_percent, 60);
    }

    #[test]
    fn invalid_or_duplicate_member_changes_nothing() {
        let (mut s, team) = setup();
        s.add_member(
            team,
            NewMember {
                name: "Ana".into(),
                ..Default::default()
            },
        )
        .unwrap();
        let e: AppError = s
            .add_member(
                team,
                NewMember {
                    name: "ana".into(),
                    ..Default::default()
                },
            )
            .unwrap_err()
            .into();
        assert_eq!(e.kind, ErrorKind::Conflict);
        let e: AppError = s
            .add_member(
                team,
                NewMember {
                    name: "Ben".into(),
                    capacity_percent: Some(0),
                    ..Default::default()
                },
            )
            .unwrap_err()
            .into();
        assert_eq!(e.kind, ErrorKind::Invalid);
        assert_eq!(e.field.as_deref(), Some("capacity_percent"));
        assert_eq!(s.members(team).unwrap().len(), 1);
        assert!(s
            .add_member(
                999,
                NewMember {
                    name: "Zoe".into(),
                    ..Default::default()
                }
            )
            .is_err());
    }
}
