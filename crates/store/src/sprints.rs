//! Sprints of a team.
use rusqlite::{params, OptionalExtension, Row};
use sprintshield_core::sprint::{check_no_overlap, NewSprint, Sprint, SprintSpec};
use sprintshield_core::{AppError, Id};

use crate::error::is_unique_violation;
use crate::members::date_col;
use crate::{Result, Store};

const COLUMNS: &str = "id, team_id, name, start_date, end_date, goal, committed_points, completed_points";

fn from_row(r: &Row) -> rusqlite::Result<Sprint> {
    Ok(Sprint {
        id: r.get(0)?,
        team_id: r.get(1)?,
        spec: SprintSpec {
            name: r.get(2)?,
            start: date_col(r, 3)?,
            end: date_col(r, 4)?,
            goal: r.get(5)?,
            committed_points: r.get(6)?,
        },
        completed_points: r.get(7)?,
    })
}

fn list(conn: &rusqlite::Connection, team_id: Id) -> Result<Vec<Sprint>> {
    let mut st = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM sprint WHERE team_id = ?1 ORDER BY start_date"
    ))?;
    let rows = st.query_map([team_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Inserts a sprint after checking, inside the caller's transaction, that it overlaps no other.
pub(crate) fn insert_sprint(
    tx: &rusqlite::Connection,
    team_id: Id,
    spec: &SprintSpec,
    completed: Option<f64>,
) -> Result<Sprint> {
    check_no_overlap(spec, &list(tx, team_id)?, None)?;
    let res = tx.execute(
        "INSERT INTO sprint (team_id, name, start_date, end_date, goal, committed_points, completed_points)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            team_id,
            spec.name,
            spec.start.to_string(),
            spec.end.to_string(),
            spec.goal,
            spec.committed_points,
            completed
        ],
    );
    match res {
        Err(e) if is_unique_violation(&e) => Err(AppError::conflict(
            "name",
            format!("the team already has a sprint called \"{}\"", spec.name),
        )
        .into()),
        Err(e) => Err(e.into()),
        Ok(_) => Ok(Sprint {
            id: tx.last_insert_rowid(),
            team_id,
            spec: spec.clone(),
            completed_points: completed,
        }),
    }
}

impl Store {
    /// Validates and stores a sprint. Rejects a sprint that overlaps another of the team, or a duplicate name.
    pub fn create_sprint(&mut self, team_id: Id, new: NewSprint) -> Result<Sprint> {
        let spec = new.validate()?;
        self.team(team_id)?;
        let tx = self.conn.savepoint()?;
        let sprint = insert_sprint(&tx, team_id, &spec, None)?;
        tx.commit()?;
        Ok(sprint)
    }

    /// The team's sprints, oldest first.
    pub fn sprints(&self, team_id: Id) -> Result<Vec<Sprint>> {
        list(&self.conn, team_id)
    }

    /// The sprint with `id`, or a "not found" error.
    pub fn sprint(&self, id: Id) -> Result<Sprint> {
        self.conn
            .query_row(&format!("SELECT {COLUMNS} FROM sprint WHERE id = ?1"), [id], from_row)
            .optional()?
            .ok_or_else(|| AppError::not_found(format!("there is no sprint with id {id}")).into())
    }

    /// The team's sprint called `name` (case-insensitive), or a "not found" error.
    pub fn sprint_by_name(&self, team_id: Id, name: &str) -> Result<Sprint> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM sprint WHERE team_id = ?1 AND name = ?2"),
                params![team_id, name.trim()],
                from_row,
            )
            .optional()?
            .ok_or_else(|| AppError::not_found(format!("there is no sprint called \"{name}\" in this team")).into())
    }
}

impl Store {
    /// Sets (closing, correcting) or clears (reopening) the sprint's completed points.
    pub fn set_completed(&mut self, sprint_id: Id, points: Option<f64>) -> Result<Sprint> {
        let n = self.conn.execute(
            "UPDATE sprint SET completed_points = ?2 WHERE id = ?1",
            params![sprint_id, points],
        )?;
        if n == 0 {
            return Err(AppError::not_found(format!("there is no sprint with id {sprint_id}")).into());
        }
        self.sprint(sprint_id)
    }

    /// Replaces the sprint's fields (its points stay); refuses an overlap with another sprint of
    /// the team and a duplicate name.
    pub fn update_sprint(&mut self, sprint_id: Id, spec: &SprintSpec) -> Result<Sprint> {
        let old = self.sprint(sprint_id)?;
        check_no_overlap(spec, &list(&self.conn, old.team_id)?, Some(sprint_id))?;
        let res = self.conn.execute(
            "UPDATE sprint SET name = ?2, start_date = ?3, end_date = ?4, goal = ?5, committed_points = ?6 WHERE id = ?1",
            params![
                sprint_id,
                spec.name,
                spec.start.to_string(),
                spec.end.to_string(),
                spec.goal,
                spec.committed_points
            ],
        );
        match res {
            Err(e) if is_unique_violation(&e) => Err(AppError::conflict(
                "name",
                format!("the team already has a sprint called \"{}\"", spec.name),
            )
            .into()),
            Err(e) => Err(e.into()),
            Ok(_) => self.sprint(sprint_id),
        }
    }

    /// Deletes a sprint (its release pins go with it) and returns it.
    pub fn delete_sprint(&mut self, sprint_id: Id) -> Result<Sprint> {
        self.conn
            .query_row(
                &format!("DELETE FROM sprint WHERE id = ?1 RETURNING {COLUMNS}"),
                [sprint_id],
                from_row,
            )
            .optional()?
            .ok_or_else(|| AppError::not_found(format!("there is no sprint with id {sprint_id}")).into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sprintshield_core::team::{NewTeam, TeamKind};
    use sprintshield_core::ErrorKind;

    fn new(name: &str, start: &str, end: &str) -> NewSprint {
        NewSprint {
            name: name.into(),
            start: start.into(),
            end: end.into(),
            goal: String::new(),
            committed_points: Some(40.0),
        }
    }

    #[test]
    fn overlapping_sprint_is_rejected_and_nothing_written() {
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
        s.create_sprint(t.id, new("S1", "2026-06-01", "2026-06-12")).unwrap();
        let e: AppError = s
            .create_sprint(t.id, new("S2", "2026-06-10", "2026-06-20"))
            .unwrap_err()
            .into();
        assert_eq!(e.kind, ErrorKind::Invalid);
        assert!(e.message.contains("overlaps"));
        let e: AppError = s
            .create_sprint(t.id, new("s1", "2026-07-01", "2026-07-10"))
            .unwrap_err()
            .into();
        assert_eq!(e.kind, ErrorKind::Conflict);
        assert_eq!(s.sprints(t.id).unwrap().len(), 1);
        // Points are checked by core's closing rule (lifecycle::check_close) before they get here.
        let closed = s
            .set_completed(s.sprint_by_name(t.id, "S1").unwrap().id, Some(37.0))
            .unwrap();
        assert_eq!(s.sprint(closed.id).unwrap().completed_points, Some(37.0));
        assert!(s.set_completed(424242, Some(3.0)).is_err());
        assert_eq!(s.set_completed(closed.id, None).unwrap().completed_points, None);
    }
}
