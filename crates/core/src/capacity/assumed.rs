//! Duty covers for past sprints that have no stored turns.
//!
//! A team that started using Sprintshield after some sprints were already closed has no turns
//! for them. Counting those sprints as full-focus (nobody on duty) inflates their focus
//! person-days, so their velocity per focus day reads too low and the forecast of every shielded
//! sprint falls with it. The assumption made instead: **the team's current policies applied to
//! the past** — every policy puts one member on duty for the whole working window of every
//! working day of the sprint, at the policy's focus share. Who it is only matters for part-timers:
//! a daily policy rotates through its pool day by day, a weekly one week by week, a per-sprint
//! one keeps one person for the sprint, a standing one its fixed member (or the stand-in while
//! away); anyone away or not yet active that day is skipped for the next in the pool.
//! The forecast lists the sprints this was applied to, so the assumption is never silent.
use chrono::{Datelike, Duration, NaiveDate};

use super::cover::DutyCover;
use super::CapacitySettings;
use crate::member::Member;
use crate::rotation::{DutyPolicy, PolicyKind};
use crate::team::Team;
use crate::time::{resolve_local, DateSpan};
use crate::time_off::{Holiday, TimeOff};
use crate::Id;

/// Suffix of the label of an assumed cover, e.g. "Batman (assumed)".
pub const ASSUMED_SUFFIX: &str = " (assumed)";

/// What [`assumed_covers`] reads.
#[derive(Debug, Clone, Copy)]
pub struct PastDuty<'a> {
    /// The team (zone, working days).
    pub team: &'a Team,
    /// Its members.
    pub members: &'a [Member],
    /// Their time off.
    pub time_off: &'a [TimeOff],
    /// Team holidays.
    pub holidays: &'a [Holiday],
    /// The team's current policies.
    pub policies: &'a [DutyPolicy],
    /// The working window.
    pub settings: CapacitySettings,
}

/// Covers for `sprint` (the `nth` sprint of the team, for per-sprint rotation) as the current
/// policies would have had them: one per policy per working day, over the working window.
/// Same input, same covers.
pub fn assumed_covers(input: &PastDuty<'_>, sprint: DateSpan, nth: usize) -> Vec<DutyCover> {
    let mut out = Vec::new();
    let zone = input.team.spec.zone;
    for policy in input.policies.iter().filter(|p| p.team_id == input.team.id) {
        let pool: Vec<&Member> = match &policy.spec.standing {
            Some(s) => [Some(s.member_id), s.stand_in_id]
                .into_iter()
                .flatten()
                .filter_map(|id| input.members.iter().find(|m| m.id == id))
                .collect(),
            None => policy.eligible(input.members),
        };
        if pool.is_empty() {
            continue;
        }
        let share = f64::from(policy.spec.focus_share_percent.min(100)) / 100.0;
        for (i, day) in sprint.iter_days().enumerate() {
            if !working(input, day) {
                continue;
            }
            let slot = match policy.spec.kind {
                PolicyKind::Daily => i,
                PolicyKind::Weekly => day.iso_week().week() as usize,
                PolicyKind::Sprint => nth,
                PolicyKind::Standing => 0,
            };
            let start_at = if policy.spec.kind == PolicyKind::Standing {
                0
            } else {
                slot % pool.len()
            };
            let Some(member) = (0..pool.len())
                .map(|k| pool[(start_at + k) % pool.len()])
                .find(|m| available(input, m, day))
            else {
                continue;
            };
            let s = input.settings;
            out.push(DutyCover {
                member_id: member.id,
                start: resolve_local(zone, day.and_time(s.workday_start)),
                end: resolve_local(zone, day.and_time(s.workday_end)),
                focus_share: share,
                label: format!("{}{ASSUMED_SUFFIX}", policy.spec.name),
            });
        }
    }
    out
}

fn working(input: &PastDuty<'_>, day: NaiveDate) -> bool {
    input.team.spec.working_days.includes(day) && !input.holidays.iter().any(|h| h.date == day)
}

fn available(input: &PastDuty<'_>, m: &Member, day: NaiveDate) -> bool {
    m.is_active_on(day) && !away(input.time_off, m.id, day)
}

fn away(time_off: &[TimeOff], member: Id, day: NaiveDate) -> bool {
    time_off
        .iter()
        .any(|t| t.spec.member_id == member && t.spec.days.contains(day))
}

/// Whether any of `covers` touches `span` (local days in the team's zone).
pub(crate) fn touches(team: &Team, covers: &[DutyCover], span: DateSpan) -> bool {
    let zone = team.spec.zone;
    let from = resolve_local(zone, span.first.and_hms_opt(0, 0, 0).expect("midnight"));
    let to = resolve_local(
        zone,
        (span.last + Duration::days(1)).and_hms_opt(0, 0, 0).expect("midnight"),
    );
    covers.iter().any(|c| c.start < to && from < c.end)
}
