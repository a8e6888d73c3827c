//! What-if toggles for sprint planning: "what if Ana is on duty the whole sprint?", "what if Ben
//! is away?", "what if Cleo cancels her vacation?". Each toggle changes the covers or the time off
//! of one member for the planned sprint only; history and stored data are never touched.
//!
//! Toggles apply in order. An extra duty cover does not stack with the member's planned turns:
//! like every cover, the one that leaves the least focus on a day counts. Nobody else is taken
//! off duty when a member is put on it.
use chrono::Duration;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::cover::DutyCover;
use crate::member::Member;
use crate::team::Team;
use crate::time::{resolve_local, DateSpan};
use crate::time_off::{TimeOff, TimeOffKind, TimeOffSpec};
use crate::{Id, Invalid};

/// Label of the cover a [`WhatIf::OnDuty`] toggle adds.
pub const WHAT_IF_DUTY: &str = "What-if duty";

/// One toggle of the what-if panel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WhatIf {
    /// The member is on duty for the whole sprint, keeping `focus_share_percent` for sprint work.
    OnDuty {
        /// The member.
        member_id: Id,
        /// Percent of capacity left for sprint work while on duty (0–100).
        focus_share_percent: u8,
    },
    /// The member is away for the whole sprint.
    Away {
        /// The member.
        member_id: Id,
    },
    /// The member's time off inside the sprint is dropped (they are back).
    Back {
        /// The member.
        member_id: Id,
    },
}

impl WhatIf {
    /// The member the toggle is about.
    pub fn member_id(&self) -> Id {
        match self {
            WhatIf::OnDuty { member_id, .. } | WhatIf::Away { member_id } | WhatIf::Back { member_id } => *member_id,
        }
    }
}

/// Covers and time off after the what-ifs, with one sentence per applied toggle.
#[derive(Debug, Clone, PartialEq)]
pub struct Adjusted {
    /// Duty covers: the planned ones plus the what-if duty.
    pub covers: Vec<DutyCover>,
    /// Time off: the stored one, minus dropped days, plus what-if absences.
    pub time_off: Vec<TimeOff>,
    /// What each toggle did, in order.
    pub notes: Vec<String>,
}

/// Applies `what_ifs` in order to the `covers` and `time_off` of `team` for `sprint`. Rejects a
/// toggle for someone who is not in `members` and a focus share above 100 %.
pub fn apply_what_ifs(
    team: &Team,
    members: &[Member],
    sprint: DateSpan,
    covers: &[DutyCover],
    time_off: &[TimeOff],
    what_ifs: &[WhatIf],
) -> Result<Adjusted, Invalid> {
    let mut out = Adjusted {
        covers: covers.to_vec(),
        time_off: time_off.to_vec(),
        notes: Vec::new(),
    };
    for w in what_ifs {
        let member = members.iter().find(|m| m.id == w.member_id()).ok_or_else(|| {
            Invalid::new(
                "what_if",
                format!(
                    "member {} is not in team {}; pick one of its members",
                    w.member_id(),
                    team.spec.name
                ),
            )
        })?;
        let name = &member.spec.name;
        match *w {
            WhatIf::OnDuty {
                member_id,
                focus_share_percent,
            } => {
                if focus_share_percent > 100 {
                    return Err(Invalid::new(
                        "what_if",
                        format!("a focus share is 0 % to 100 %, not {focus_share_percent} %"),
                    ));
                }
                let zone = team.spec.zone;
                let start = resolve_local(zone, sprint.first.and_hms_opt(0, 0, 0).expect("midnight"));
                let end = resolve_local(
                    zone,
                    (sprint.last + Duration::days(1))
                        .and_hms_opt(0, 0, 0)
                        .expect("midnight"),
                );
                out.covers.push(DutyCover {
                    member_id,
                    start,
                    end,
                    focus_share: f64::from(focus_share_percent) / 100.0,
                    label: WHAT_IF_DUTY.to_owned(),
                });
                out.notes.push(format!(
                    "what if {name} is on duty the whole sprint at {focus_share_percent} % focus"
                ));
            }
            WhatIf::Away { member_id } => {
                out.time_off.push(TimeOff {
                    id: 0,
                    spec: TimeOffSpec {
                        member_id,
                        days: sprint,
                        kind: TimeOffKind::Other,
                        note: "what-if: away the whole sprint".to_owned(),
                    },
                });
                out.notes.push(format!("what if {name} is away the whole sprint"));
            }
            WhatIf::Back { member_id } => {
                let had = out
                    .time_off
                    .iter()
                    .any(|t| t.spec.member_id == member_id && t.spec.days.overlaps(&sprint));
                out.time_off = out
                    .time_off
                    .into_iter()
                    .flat_map(|t| outside(t, member_id, sprint))
                    .collect();
                out.notes.push(if had {
                    format!("what if {name} is back: their time off in the sprint is dropped")
                } else {
                    format!("what if {name} is back: they had no time off in the sprint")
                });
            }
        }
    }
    Ok(out)
}

/// The parts of `t` outside `sprint` when it belongs to `member_id`; `t` unchanged otherwise.
fn outside(t: TimeOff, member_id: Id, sprint: DateSpan) -> Vec<TimeOff> {
    if t.spec.member_id != member_id || !t.spec.days.overlaps(&sprint) {
        return vec![t];
    }
    let days = t.spec.days;
    let mut parts = Vec::new();
    if days.first < sprint.first {
        parts.push(DateSpan {
            first: days.first,
            last: sprint.first - Duration::days(1),
        });
    }
    if days.last > sprint.last {
        parts.push(DateSpan {
            first: sprint.last + Duration::days(1),
            last: days.last,
        });
    }
    parts
        .into_iter()
        .map(|days| TimeOff {
            id: t.id,
            spec: TimeOffSpec { days, ..t.spec.clone() },
        })
        .collect()
}
