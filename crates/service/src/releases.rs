//! Release operations: trains, freeze windows, hand placements (pins) and the plan of a train,
//! which reads the ops team's holidays, time off, duty turns, both teams' freezes and the pins.
use chrono::NaiveDate;
use sprintshield_core::release::{
    duty_cover_from_turns, plan_releases, train_plan, FreezeWindow, ReleaseInputs, ReleasePin, RoutineEvents,
    StoredFreeze, TrainInfo, TrainPlan,
};
use sprintshield_core::sprint::Sprint;
use sprintshield_core::time::DateSpan;
use sprintshield_core::Id;
use sprintshield_store::Store;

use crate::{Changes, Outcome, Record, Result, Sprintshield};

/// Plans the releases of the train's sprints that end within `range` (all when `None`);
/// `preview` is a pin tried without storing it (it replaces a stored pin of the same sprint).
pub(crate) fn plan_train(
    s: &Store,
    train_id: Id,
    range: Option<DateSpan>,
    preview: Option<ReleasePin>,
) -> sprintshield_store::Result<TrainPlan> {
    plan_with(s, s.release_train(train_id)?, range, preview, true)
}

/// The plan of `info`; without `cover` the ops duty turns and time off are not read, so the
/// days are right but duty warnings are left out (enough for the release days of a rotation).
fn plan_with(
    s: &Store,
    info: TrainInfo,
    range: Option<DateSpan>,
    preview: Option<ReleasePin>,
    cover: bool,
) -> sprintshield_store::Result<TrainPlan> {
    let train_id = info.train.id;
    let spec = info.train.spec.clone();
    let ops = s.team(spec.ops_team_id)?;
    let sprints: Vec<Sprint> = s
        .sprints(spec.dev_team_id)?
        .into_iter()
        .filter(|x| range.is_none_or(|r| r.contains(x.spec.end)))
        .collect();
    let holidays = s.holidays(spec.ops_team_id)?;
    let stored_freezes: Vec<StoredFreeze> = s
        .freezes(None)?
        .into_iter()
        .filter(|f| f.team_id == spec.ops_team_id || f.team_id == spec.dev_team_id)
        .collect();
    let freezes: Vec<FreezeWindow> = stored_freezes.iter().map(|f| f.window.clone()).collect();
    let (cover, time_off) = if cover {
        let members = s.members(spec.ops_team_id)?;
        (
            duty_cover_from_turns(&s.all_turns(spec.ops_team_id)?, &members),
            s.time_off(spec.ops_team_id)?,
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let mut pins = s.release_pins(train_id)?;
    if let Some(p) = preview {
        pins.retain(|q| q.sprint_id != p.sprint_id);
        pins.push(p);
    }
    let releases = plan_releases(
        &spec,
        &ReleaseInputs {
            sprints: &sprints,
            ops_holidays: &holidays,
            freezes: &freezes,
            duty_cover: &cover,
            ops_time_off: &time_off,
            pins: &pins,
        },
        ops.spec.zone,
    );
    Ok(train_plan(
        info,
        ops.spec.zone,
        sprints,
        releases,
        &stored_freezes,
        holidays,
        range,
    ))
}

/// The production days of every train either of `teams` is part of: the rotation weighs duty on
/// those days more (the duty person is on high alert during a release).
pub(crate) fn production_days(s: &Store, teams: &[Id]) -> sprintshield_store::Result<Vec<NaiveDate>> {
    let mut days = Vec::new();
    for t in s.release_trains()? {
        let (dev, ops) = (t.train.spec.dev_team_id, t.train.spec.ops_team_id);
        if teams.contains(&dev) || teams.contains(&ops) {
            days.extend(
                plan_with(s, t, None, None, false)?
                    .releases
                    .iter()
                    .map(|r| r.production_day),
            );
        }
    }
    days.sort_unstable();
    days.dedup();
    Ok(days)
}

impl Sprintshield {
    /// Every release train, by name.
    pub fn release_trains(&self) -> Result<Vec<TrainInfo>> {
        self.read(|s| s.release_trains())
    }

    /// The release train with `id`.
    pub fn release_train(&self, id: Id) -> Result<TrainInfo> {
        self.read(|s| s.release_train(id))
    }

    /// The release train called `name` (case-insensitive).
    pub fn release_train_by_name(&self, name: &str) -> Result<TrainInfo> {
        self.read(|s| s.release_train_by_name(name))
    }

    /// Adds a release train from `dev_team_id` to `ops_team_id` (name defaults to "<dev>-<ops>",
    /// lag to 2 weeks).
    pub fn add_release_train(
        &mut self,
        name: Option<&str>,
        dev_team_id: Id,
        ops_team_id: Id,
        lag_weeks: Option<i64>,
        routine: Option<RoutineEvents>,
    ) -> Result<Outcome<TrainInfo>> {
        let train = self.write(|s| s.add_release_train(name, dev_team_id, ops_team_id, lag_weeks, routine))?;
        Ok(Outcome::new(
            train.clone(),
            Changes::created(Record::ReleaseTrain(train)),
        ))
    }

    /// Changes a train's lag (kept when `None`) and routine events.
    pub fn update_release_train(
        &mut self,
        id: Id,
        lag_weeks: Option<i64>,
        routine: RoutineEvents,
    ) -> Result<Outcome<TrainInfo>> {
        let (before, after) = self.write(|s| {
            let before = s.release_train(id)?;
            Ok((before, s.update_release_train(id, lag_weeks, routine)?))
        })?;
        Ok(Outcome::new(
            after.clone(),
            Changes::edited(Record::ReleaseTrain(before), Record::ReleaseTrain(after)),
        ))
    }

    /// The train's planned releases (of the sprints ending in `range`, all when `None`), with a
    /// pin tried without storing it.
    pub fn plan_train(&self, train_id: Id, range: Option<DateSpan>, preview: Option<ReleasePin>) -> Result<TrainPlan> {
        self.read(|s| plan_train(s, train_id, range, preview))
    }

    /// Places the release of `sprint_id` on `production_day` by hand.
    pub fn pin_release(
        &mut self,
        train_id: Id,
        sprint_id: Id,
        production_day: NaiveDate,
    ) -> Result<Outcome<ReleasePin>> {
        let (before, pin) = self.write(|s| {
            let before = s.release_pins(train_id)?.into_iter().find(|p| p.sprint_id == sprint_id);
            Ok((before, s.pin_release(train_id, sprint_id, production_day)?))
        })?;
        let record = |pin| Record::ReleasePin { train_id, pin };
        let changes = match before {
            Some(b) => Changes::edited(record(b), record(pin)),
            None => Changes::created(record(pin)),
        };
        Ok(Outcome::new(pin, changes))
    }

    /// Lets the planner place a sprint's release again.
    pub fn unpin_release(&mut self, train_id: Id, sprint_id: Id) -> Result<Outcome<()>> {
        let before = self.write(|s| {
            let before = s.release_pins(train_id)?.into_iter().find(|p| p.sprint_id == sprint_id);
            s.unpin_release(train_id, sprint_id)?;
            Ok(before)
        })?;
        let changes = before.map_or_else(Changes::none, |pin| {
            Changes::removed(Record::ReleasePin { train_id, pin })
        });
        Ok(Outcome::new((), changes))
    }

    /// Freeze windows of one team, or of all teams.
    pub fn freezes(&self, team_id: Option<Id>) -> Result<Vec<StoredFreeze>> {
        self.read(|s| s.freezes(team_id))
    }

    /// Stores a freeze window for the team.
    pub fn add_freeze(&mut self, team_id: Id, window: FreezeWindow) -> Result<Outcome<StoredFreeze>> {
        let f = self.write(|s| s.add_freeze(team_id, window))?;
        Ok(Outcome::new(f.clone(), Changes::created(Record::Freeze(f))))
    }

    /// Deletes a freeze window.
    pub fn delete_freeze(&mut self, id: Id) -> Result<Outcome<()>> {
        let before = self.write(|s| s.delete_freeze(id))?;
        Ok(Outcome::new((), Changes::removed(Record::Freeze(before))))
    }
}
