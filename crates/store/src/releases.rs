//! Release trains, freeze windows and releases placed by hand, and loading everything the release
//! planner reads for one train.
use chrono::{Duration, NaiveDate};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use sprintshield_core::release::{
    duty_cover_from_turns, plan_releases, FreezeSpan, FreezeWindow, MonthDay, Release, ReleaseInputs, ReleasePin,
    ReleaseTrain, ReleaseTrainSpec, RoutineEvents,
};
use sprintshield_core::sprint::Sprint;
use sprintshield_core::team::validate_name;
use sprintshield_core::time::DateSpan;
use sprintshield_core::time_off::Holiday;
use sprintshield_core::{AppError, Id, Invalid};
use ts_rs::TS;

use crate::error::is_unique_violation;
use crate::members::date_col;
use crate::{Result, Store};

/// A stored release train with its name and the names of both teams.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TrainInfo {
    /// The train (id, teams, lag, routine events).
    #[serde(flatten)]
    #[ts(flatten)]
    pub train: ReleaseTrain,
    /// Unique name, e.g. "Phoenix-Atlas".
    pub name: String,
    /// The dev team's name.
    pub dev_team: String,
    /// The ops team's name.
    pub ops_team: String,
}

/// A stored freeze window of a team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StoredFreeze {
    /// Row id.
    pub id: Id,
    /// The team it belongs to.
    pub team_id: Id,
    /// Name and span.
    #[serde(flatten)]
    #[ts(flatten)]
    pub window: FreezeWindow,
}

/// A concrete frozen stretch, for a timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FrozenDays {
    /// The freeze window's name.
    pub name: String,
    /// The frozen days, inclusive.
    pub days: DateSpan,
}

/// The planned releases of one train, with what a timeline shows around them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TrainPlan {
    /// The train.
    pub train: TrainInfo,
    /// The ops team's zone (IANA name); every local time is read there.
    pub zone: String,
    /// The days the plan covers: from the first sprint's start to the last release.
    pub range: DateSpan,
    /// The dev sprints released, by end.
    pub sprints: Vec<Sprint>,
    /// One release per sprint.
    pub releases: Vec<Release>,
    /// Frozen stretches in the range (freezes of both teams).
    pub freezes: Vec<FrozenDays>,
    /// Ops team holidays in the range.
    pub holidays: Vec<Holiday>,
}

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

fn md_text(md: MonthDay) -> String {
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

/// Parses `MM-DD..MM-DD` (a yearly freeze, e.g. `12-20..01-06`).
pub fn parse_yearly(text: &str) -> std::result::Result<(MonthDay, MonthDay), Invalid> {
    let bad = || {
        Invalid::new(
            "yearly",
            format!("\"{text}\" is not a yearly span; write MM-DD..MM-DD, e.g. 12-20..01-06"),
        )
    };
    let (a, b) = text.trim().split_once("..").ok_or_else(bad)?;
    let md = |field: &'static str, s: &str| -> std::result::Result<MonthDay, Invalid> {
        let (m, d) = s.trim().split_once('-').ok_or_else(bad)?;
        MonthDay::new(field, m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?)
    };
    Ok((md("from", a)?, md("to", b)?))
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
        let (kind, first, last, from, to) = match window.span {
            FreezeSpan::Once { days } => (
                "once",
                Some(days.first.to_string()),
                Some(days.last.to_string()),
                None,
                None,
            ),
            FreezeSpan::Yearly { from, to } => ("yearly", None, None, Some(md_text(from)), Some(md_text(to))),
        };
        let res = self.conn.execute(
            "INSERT INTO freeze_window (team_id, name, kind, first_day, last_day, from_md, to_md)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![team_id, window.name, kind, first, last, from, to],
        );
        match res {
            Err(e) if is_unique_violation(&e) => Err(AppError::conflict(
                "name",
                format!("the team already has a freeze window called \"{}\"", window.name),
            )
            .into()),
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

    /// Deletes a freeze window.
    pub fn delete_freeze(&mut self, id: Id) -> Result<()> {
        match self.conn.execute("DELETE FROM freeze_window WHERE id = ?1", [id])? {
            0 => Err(AppError::not_found(format!("there is no freeze window with id {id}")).into()),
            _ => Ok(()),
        }
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

    /// Plans the releases of the train's sprints that end within `range` (all sprints when
    /// `None`), reading the ops team's holidays, time off, members and duty turns, the freezes of
    /// both teams and the pins. `preview` is a pin tried without storing it (dragging on the
    /// timeline); it replaces a stored pin of the same sprint.
    pub fn plan_train(&self, train_id: Id, range: Option<DateSpan>, preview: Option<ReleasePin>) -> Result<TrainPlan> {
        let info = self.release_train(train_id)?;
        let spec = &info.train.spec;
        let ops = self.team(spec.ops_team_id)?;
        let sprints: Vec<Sprint> = self
            .sprints(spec.dev_team_id)?
            .into_iter()
            .filter(|s| range.is_none_or(|r| r.contains(s.spec.end)))
            .collect();
        let holidays = self.holidays(spec.ops_team_id)?;
        let stored_freezes: Vec<StoredFreeze> = self
            .freezes(None)?
            .into_iter()
            .filter(|f| f.team_id == spec.ops_team_id || f.team_id == spec.dev_team_id)
            .collect();
        let freezes: Vec<FreezeWindow> = stored_freezes.iter().map(|f| f.window.clone()).collect();
        let members = self.members(spec.ops_team_id)?;
        let cover = duty_cover_from_turns(&self.all_turns(spec.ops_team_id)?, &members);
        let time_off = self.time_off(spec.ops_team_id)?;
        let mut pins = self.release_pins(train_id)?;
        if let Some(p) = preview {
            pins.retain(|q| q.sprint_id != p.sprint_id);
            pins.push(p);
        }
        let inputs = ReleaseInputs {
            sprints: &sprints,
            ops_holidays: &holidays,
            freezes: &freezes,
            duty_cover: &cover,
            ops_time_off: &time_off,
            pins: &pins,
        };
        let releases = plan_releases(spec, &inputs, ops.spec.zone);
        let first = sprints.iter().map(|s| s.spec.start).min();
        let last = releases.iter().map(|r| r.production_day).max();
        let shown = match (first, last, range) {
            (Some(a), Some(b), _) => DateSpan {
                first: a,
                last: b.max(a) + Duration::days(7),
            },
            (_, _, Some(r)) => r,
            _ => {
                let d = NaiveDate::from_ymd_opt(2000, 1, 1).expect("valid date");
                DateSpan { first: d, last: d }
            }
        };
        let mut frozen: Vec<FrozenDays> = stored_freezes
            .iter()
            .flat_map(|f| {
                f.window.spans_in(shown).into_iter().map(|days| FrozenDays {
                    name: f.window.name.clone(),
                    days,
                })
            })
            .collect();
        frozen.sort_by_key(|f| (f.days.first, f.name.clone()));
        let mut sprints = sprints;
        sprints.sort_by_key(|s| (s.spec.end, s.id));
        Ok(TrainPlan {
            zone: ops.spec.zone.name().to_owned(),
            range: shown,
            sprints,
            releases,
            freezes: frozen,
            holidays: holidays.into_iter().filter(|h| shown.contains(h.date)).collect(),
            train: info,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, TimeZone, Utc};

    fn demo() -> Store {
        let mut s = Store::open_in_memory().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
        s.load_demo(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(), now)
            .unwrap();
        s
    }

    #[test]
    fn trains_freezes_and_pins_round_trip() {
        let mut s = demo();
        let dev = s.team_by_name("Phoenix").unwrap().id;
        let ops = s.team_by_name("Atlas").unwrap().id;
        // The demo links Phoenix to Atlas already.
        let t = s.release_train_by_name("phoenix-atlas").unwrap();
        assert_eq!((t.train.spec.dev_team_id, t.train.spec.ops_team_id), (dev, ops));
        assert_eq!(t.train.spec.lag_weeks, 2);
        assert!(s.add_release_train(None, dev, ops, None, None).is_err());
        assert!(s.add_release_train(Some("Self"), dev, dev, None, None).is_err());
        let other = s.add_release_train(Some("Fast lane"), dev, ops, Some(1), None).unwrap();
        assert_eq!(other.name, "Fast lane");
        let friday = RoutineEvents {
            release_weekday: chrono::Weekday::Fri,
            ..RoutineEvents::default()
        };
        let changed = s.update_release_train(other.train.id, None, friday.clone()).unwrap();
        assert_eq!(
            (changed.train.spec.lag_weeks, &changed.train.spec.routine),
            (1, &friday)
        );
        let bad = RoutineEvents {
            min_lag_days: 0,
            ..friday.clone()
        };
        let err = AppError::from(s.update_release_train(other.train.id, Some(3), bad).unwrap_err());
        assert_eq!(err.field.as_deref(), Some("min_lag_days"));
        assert_eq!(
            s.release_train(other.train.id).unwrap(),
            changed,
            "a rejected change writes nothing"
        );
        let plan = s.plan_train(other.train.id, None, None).unwrap();
        assert!(plan
            .releases
            .iter()
            .all(|r| r.production_day.weekday() == chrono::Weekday::Fri || r.pinned));
        assert_eq!(s.release_trains().unwrap().len(), 2);

        let (from, to) = parse_yearly("12-15..01-06").unwrap();
        let f = s
            .add_freeze(ops, FreezeWindow::yearly("Holiday season", from, to).unwrap())
            .unwrap();
        assert!(s
            .add_freeze(ops, FreezeWindow::yearly("holiday SEASON", from, to).unwrap())
            .is_err());
        assert!(parse_yearly("12-20").is_err());
        assert!(s.freezes(Some(ops)).unwrap().contains(&f));

        let plan = s.plan_train(t.train.id, None, None).unwrap();
        assert_eq!(plan.releases.len(), plan.sprints.len());
        assert!(!plan.freezes.is_empty(), "the year-end freeze is in range");
        // No release lands in the year-end freeze: the planner moves them and says why.
        for r in &plan.releases {
            assert!(!f.window.contains(r.production_day), "{r:?}");
        }
        assert!(plan.releases.iter().any(|r| r.moved_from.is_some()));
        // Each release is either covered by someone on Atlas duty or warns that nobody is.
        use sprintshield_core::release::WarningKind;
        assert!(plan
            .releases
            .iter()
            .all(|r| !r.on_duty.is_empty() || r.warnings.iter().any(|w| w.kind == WarningKind::NoDutyCover)));

        let sprint = plan.sprints[0].id;
        let day = plan.releases[0].production_day + Duration::days(7);
        let preview = s
            .plan_train(
                t.train.id,
                None,
                Some(ReleasePin {
                    sprint_id: sprint,
                    production_day: day,
                }),
            )
            .unwrap();
        assert!(preview.releases.iter().any(|r| r.pinned && r.production_day == day));
        assert!(
            s.release_pins(t.train.id).unwrap().is_empty(),
            "a preview stores nothing"
        );
        s.pin_release(t.train.id, sprint, day).unwrap();
        s.pin_release(t.train.id, sprint, day + Duration::days(7)).unwrap();
        assert_eq!(
            s.release_pins(t.train.id).unwrap()[0].production_day,
            day + Duration::days(7)
        );
        let atlas_sprint = s.sprints(ops).unwrap()[0].id;
        assert!(s.pin_release(t.train.id, atlas_sprint, day).is_err());
        s.unpin_release(t.train.id, sprint).unwrap();
        assert!(s.release_pins(t.train.id).unwrap().is_empty());
        assert_eq!(s.integrity_check().unwrap(), "ok");
    }
}
