//! Release trains, freeze windows and releases placed by hand: their rows.
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row};
use sprintshield_core::release::{
    FreezeSpan, FreezeWindow, MonthDay, ReleasePin, ReleaseTrain, ReleaseTrainSpec, RoutineEvents, StoredFreeze,
    TrainInfo,
};
use sprintshield_core::team::validate_name;
use sprintshield_core::time::DateSpan;
use sprintshield_core::{AppError, Id, Invalid};

use crate::error::is_unique_violation;
use crate::members::date_col;
use crate::{Result, Store};

const TRAIN_COLUMNS: &str = "r.id, r.name, r.dev_team_id, r.ops_team_id, r.lag_weeks, r.routine, d.name, o.name";

fn conv<E: std::error::Error + Send + Sync + 'static>(i: usize, e: E) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
}

fn train_from_row(r: &Row) -> rusqlite::Result<TrainInfo> {
    let routine: String = r.get(5)?;
    Ok(TrainInfo {
        train: ReleaseTrain {
            id: r.get(0)?,
            spec: ReleaseTrainSpec {
                dev_team_id: r.get(2)?,
                ops_team_id: r.get(3)?,
                lag_weeks: r.get(4)?,
                routine: serde_json::from_str::<RoutineEvents>(&routine).map_err(|e| conv(5, e))?,
            },
        },
        name: r.get(1)?,
        dev_team: r.get(6)?,
        ops_team: r.get(7)?,
    })
}

pub(crate) fn md_text(md: MonthDay) -> String {
    format!("{:02}-{:02}", md.month, md.day)
}

fn md_col(r: &Row, i: usize) -> rusqlite::Result<MonthDay> {
    let text: String = r.get(i)?;
    let bad = || conv(i, Invalid::new("month_day", format!("\"{text}\" is not MM-DD")));
    let (m, d) = text.split_once('-').ok_or_else(bad)?;
    let (m, d) = (m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
    MonthDay::new("month_day", m, d).map_err(|e| conv(i, e))
}

fn freeze_from_row(r: &Row) -> rusqlite::Result<StoredFreeze> {
    let kind: String = r.get(3)?;
    let span = if kind == "once" {
        FreezeSpan::Once {
            days: DateSpan {
                first: date_col(r, 4)?,
                last: date_col(r, 5)?,
            },
        }
    } else {
        FreezeSpan::Yearly {
            from: md_col(r, 6)?,
            to: md_col(r, 7)?,
        }
    };
    Ok(StoredFreeze {
        id: r.get(0)?,
        team_id: r.get(1)?,
        window: FreezeWindow { name: r.get(2)?, span },
    })
}

impl Store {
    /// Validates and stores a release train from `dev_team_id` to `ops_team_id`. `name` defaults
    /// to "<dev>-<ops>". Rejects a duplicate name, the same team twice and a lag outside 1–12 weeks.
    pub fn add_release_train(
        &mut self,
        name: Option<&str>,
        dev_team_id: Id,
        ops_team_id: Id,
        lag_weeks: Option<i64>,
        routine: Option<RoutineEvents>,
    ) -> Result<TrainInfo> {
        let spec = ReleaseTrainSpec::new(dev_team_id, ops_team_id, lag_weeks, routine)?;
        let dev = self.team(dev_team_id)?;
        let ops = self.team(ops_team_id)?;
        let name = match name {
            Some(n) => validate_name("name", "release train", n, 80)?,
            None => format!("{}-{}", dev.spec.name, ops.spec.name),
        };
        let res = self.conn.execute(
            "INSERT INTO release_train (name, dev_team_id, ops_team_id, lag_weeks, routine) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                name,
                dev_team_id,
                ops_team_id,
                spec.lag_weeks,
                serde_json::to_string(&spec.routine).expect("routine serialises")
            ],
        );
        match res {
            Err(e) if is_unique_violation(&e) => {
                Err(AppError::conflict("name", format!("a release train called \"{name}\" already exists")).into())
            }
            Err(e) => Err(e.into()),
            Ok(_) => self.release_train(self.conn.last_insert_rowid()),
        }
    }

    /// Changes a train's lag (when `lag_weeks` is given) and routine events; the next plan uses
    /// them. Validated like a new train; pins placed by hand stay where they are.
    pub fn update_release_train(
        &mut self,
        id: Id,
        lag_weeks: Option<i64>,
        routine: RoutineEvents,
    ) -> Result<TrainInfo> {
        let current = self.release_train(id)?;
        let spec = &current.train.spec;
        let lag = lag_weeks.unwrap_or(i64::from(spec.lag_weeks));
        let spec = ReleaseTrainSpec::new(spec.dev_team_id, spec.ops_team_id, Some(lag), Some(routine))?;
        self.conn.execute(
            "UPDATE release_train SET lag_weeks = ?2, routine = ?3 WHERE id = ?1",
            params![
                id,
                spec.lag_weeks,
                serde_json::to_string(&spec.routine).expect("routine serialises")
            ],
        )?;
        self.release_train(id)
    }

    /// All release trains, by name.
    pub fn release_trains(&self) -> Result<Vec<TrainInfo>> {
        let mut st = self.conn.prepare(&format!(
            "SELECT {TRAIN_COLUMNS} FROM release_train r JOIN team d ON d.id = r.dev_team_id
             JOIN team o ON o.id = r.ops_team_id ORDER BY r.name"
        ))?;
        let rows = st.query_map([], train_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The release train with `id`, or a "not found" error.
    pub fn release_train(&self, id: Id) -> Result<TrainInfo> {
        self.conn
            .query_row(
                &format!(
                    "SELECT {TRAIN_COLUMNS} FROM release_train r JOIN team d ON d.id = r.dev_team_id
                     JOIN team o ON o.id = r.ops_team_id WHERE r.id = ?1"
                ),
                [id],
                train_from_row,
            )
            .optional()?
            .ok_or_else(|| AppError::not_found(format!("there is no release train with id {id}")).into())
    }

    /// The release train called `name` (case-insensitive), or a "not found" error listing them.
    pub fn release_train_by_name(&self, name: &str) -> Result<TrainInfo> {
        let all = self.release_trains()?;
        let names: Vec<String> = all.iter().map(|t| t.name.clone()).collect();
        all.into_iter()
            .find(|t| t.name.eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| {
                let hint = if names.is_empty() {
                    "there are none yet; add one with release-train add".to_owned()
                } else {
                    format!("trains: {}", names.join(", "))
                };
                AppError::not_found(format!("there is no release train called \"{name}\" ({hint})")).into()
            })
    }

    /// Stores a freeze window for the team. Rejects a second freeze with the same name.
    pub fn add_freeze(&mut self, team_id: Id, window: FreezeWindow) -> Result<StoredFreeze> {
        self.team(team_id)?;
        let (kind, first, last, from, to) = crate::freeze_edit::span_cols(&window.span);
        let res = self.conn.execute(
            "INSERT INTO freeze_window (team_id, name, kind, first_day, last_day, from_md, to_md)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![team_id, window.name, kind, first, last, from, to],
        );
        match res {
            Err(e) if is_unique_violation(&e) => Err(crate::freeze_edit::duplicate(&window.name)),
            Err(e) => Err(e.into()),
            Ok(_) => Ok(StoredFreeze {
                id: self.conn.last_insert_rowid(),
                team_id,
                window,
            }),
        }
    }

    /// The freeze windows of `team_id`, or of every team when `None`, by team then name.
    pub fn freezes(&self, team_id: Option<Id>) -> Result<Vec<StoredFreeze>> {
        let mut st = self.conn.prepare(
            "SELECT id, team_id, name, kind, first_day, last_day, from_md, to_md FROM freeze_window
             WHERE ?1 IS NULL OR team_id = ?1 ORDER BY team_id, name",
        )?;
        let rows = st.query_map([team_id], freeze_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Deletes a freeze window and returns it.
    pub fn delete_freeze(&mut self, id: Id) -> Result<StoredFreeze> {
        self.conn
            .query_row(
                "DELETE FROM freeze_window WHERE id = ?1
                 RETURNING id, team_id, name, kind, first_day, last_day, from_md, to_md",
                [id],
                freeze_from_row,
            )
            .optional()?
            .ok_or_else(|| AppError::not_found(format!("there is no freeze window with id {id}")).into())
    }

    /// Places the release of `sprint_id` on `production_day` by hand (replacing an earlier pin).
    /// Rejects a sprint that is not the train's dev team's.
    pub fn pin_release(&mut self, train_id: Id, sprint_id: Id, production_day: NaiveDate) -> Result<ReleasePin> {
        let train = self.release_train(train_id)?;
        let sprint = self.sprint(sprint_id)?;
        if sprint.team_id != train.train.spec.dev_team_id {
            return Err(AppError::conflict(
                "sprint",
                format!("{} is not a sprint of {}", sprint.spec.name, train.dev_team),
            )
            .into());
        }
        self.conn.execute(
            "INSERT INTO release_pin (train_id, sprint_id, production_day) VALUES (?1, ?2, ?3)
             ON CONFLICT (train_id, sprint_id) DO UPDATE SET production_day = excluded.production_day",
            params![train_id, sprint_id, production_day.to_string()],
        )?;
        Ok(ReleasePin {
            sprint_id,
            production_day,
        })
    }

    /// Removes a hand placement; the planner places the release again. Removing none is fine.
    pub fn unpin_release(&mut self, train_id: Id, sprint_id: Id) -> Result<()> {
        self.conn.execute(
            "DELETE FROM release_pin WHERE train_id = ?1 AND sprint_id = ?2",
            params![train_id, sprint_id],
        )?;
        Ok(())
    }

    /// The releases of the train placed by hand.
    pub fn release_pins(&self, train_id: Id) -> Result<Vec<ReleasePin>> {
        let mut st = self
            .conn
            .prepare("SELECT sprint_id, production_day FROM release_pin WHERE train_id = ?1 ORDER BY sprint_id")?;
        let rows = st.query_map([train_id], |r| {
            Ok(ReleasePin {
                sprint_id: r.get(0)?,
                production_day: date_col(r, 1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Store {
    /// Deletes a release train (its pins go with it) and returns it.
    pub fn delete_release_train(&mut self, id: Id) -> Result<TrainInfo> {
        let train = self.release_train(id)?;
        self.conn.execute("DELETE FROM release_train WHERE id = ?1", [id])?;
        Ok(train)
    }
}
