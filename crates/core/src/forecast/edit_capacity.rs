//! What a rotation edit does to the sprint's focus capacity (shown while dragging): the capacity
//! model run on the team's data before and after the changed turns. It lives with the forecast,
//! not the rotation, so dependencies point one way: forecast and capacity read rotation's turns;
//! rotation knows nothing of the capacity model.
use super::{sprint_capacity, TeamData};
use crate::capacity::CapacitySettings;
use crate::rotation::{CapacityChange, Turn};
use crate::Invalid;

/// The capacity change of `changed` turns in the sprint the edit falls in (the one holding the
/// local day the first changed turn starts on), by the forecast's capacity model over the team's
/// data; `None` when that day is in no sprint.
pub fn capacity_change(data: &TeamData, changed: &[Turn]) -> Result<Option<CapacityChange>, Invalid> {
    let Some(day) = changed
        .first()
        .map(|t| t.start.with_timezone(&data.team.spec.zone).date_naive())
    else {
        return Ok(None);
    };
    let Some(sprint) = data.sprints.iter().find(|s| s.span().contains(day)) else {
        return Ok(None);
    };
    let before = sprint_capacity(data, sprint.id, &[], CapacitySettings::default())?
        .report
        .team_total
        .value;
    let mut after_data = data.clone();
    for t in changed {
        if let Some(slot) = after_data.turns.iter_mut().find(|x| x.id.is_some() && x.id == t.id) {
            *slot = t.clone();
        }
    }
    let after = sprint_capacity(&after_data, sprint.id, &[], CapacitySettings::default())?
        .report
        .team_total
        .value;
    Ok(Some(CapacityChange {
        sprint: sprint.spec.name.clone(),
        before,
        after,
    }))
}
