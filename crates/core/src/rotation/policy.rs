//! Duty policies: the rule a team follows to pick who shields it from interrupts — daily
//! ("Batman"), weekly ("Op of the Week"), per sprint, or standing (a fixed person with a stand-in).
//!
//! Raw input is a [`NewPolicy`]; [`NewPolicy::validate`] fills the defaults of its kind and
//! returns a [`PolicySpec`]. The stored record is a [`DutyPolicy`].
use chrono::{NaiveTime, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::member::Member;
use crate::text::{shown, validate_line, validate_name, CHECKLIST_ITEMS_MAX, CHECKLIST_ITEM_MAX, NAME_MAX};
use crate::time::parse_weekday;
use crate::{named_enum, Id, Invalid};

named_enum! {
    /// How the turns of a policy are cut.
    pub enum PolicyKind ("policy kind") {
        Daily = "daily", "Daily (one person per working day)", ["batman", "day"];
        Weekly = "weekly", "Weekly (handoff on a weekday)", ["week", "op_of_the_week"];
        Sprint = "sprint", "Per sprint (one person per sprint)", ["per_sprint"];
        Standing = "standing", "Standing (a fixed person with a stand-in)", ["fixed"];
    }
}

/// When one turn hands over to the next, as a wall-clock time in the team's zone.
/// `weekday` matters only for weekly policies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Handoff {
    /// Weekday of the handoff (weekly policies).
    pub weekday: Weekday,
    /// Local wall-clock time of the handoff.
    pub time: NaiveTime,
}

/// Multipliers that make some duty hours weigh more in the fairness load.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct LoadWeights {
    /// Hours on a day the team does not work (weekend). Default 1.5.
    pub weekend: f64,
    /// Hours on a team holiday. Default 2.0.
    pub holiday: f64,
    /// Hours on a release day. Default 1.5.
    pub release_day: f64,
}

impl Default for LoadWeights {
    fn default() -> Self {
        Self {
            weekend: 1.5,
            holiday: 2.0,
            release_day: 1.5,
        }
    }
}

/// Who holds a standing duty, and who covers the days they are away.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StandingCover {
    /// The fixed member (e.g. the tech lead).
    pub member_id: Id,
    /// Who covers while the fixed member is away; without one the fixed member keeps the turn.
    pub stand_in_id: Option<Id>,
}

/// A duty policy as the user typed it; [`NewPolicy::validate`] turns it into a [`PolicySpec`].
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct NewPolicy {
    /// Name, e.g. "Batman" or "Op of the Week".
    pub name: String,
    /// Daily, weekly, per sprint or standing.
    pub kind: PolicyKind,
    /// `"MON 12:00"` (weekly) or `"09:30"` (daily, sprint); the kind's default when absent.
    #[ts(optional)]
    pub handoff: Option<String>,
    /// Eligible member ids; empty = every member that can take duty.
    #[serde(default)]
    pub pool: Vec<Id>,
    /// Percent of capacity the person on duty still gives to sprint work (0–100).
    #[ts(optional)]
    pub focus_share_percent: Option<i64>,
    /// Duty checklist; the kind's default when absent.
    #[ts(optional)]
    pub checklist: Option<Vec<String>>,
    /// The policy this one escalates to (possibly another team's).
    #[ts(optional)]
    pub escalates_to: Option<Id>,
    /// Trainees who may shadow turns.
    #[serde(default)]
    pub shadow_pool: Vec<Id>,
    /// Minimum number of other turns between two turns of one person (0–20); 1 when absent.
    #[ts(optional)]
    pub min_gap_turns: Option<i64>,
    /// Load multipliers; defaults when absent.
    #[ts(optional)]
    pub weights: Option<LoadWeights>,
    /// Standing policies: the fixed member.
    #[ts(optional)]
    pub standing_member_id: Option<Id>,
    /// Standing policies: the stand-in.
    #[ts(optional)]
    pub stand_in_id: Option<Id>,
}

/// A validated duty policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PolicySpec {
    /// Name, 1–80 characters.
    pub name: String,
    /// How turns are cut.
    pub kind: PolicyKind,
    /// Handoff weekday (weekly) and local time.
    pub handoff: Handoff,
    /// Eligible member ids, sorted; empty = every member that can take duty.
    pub pool: Vec<Id>,
    /// Percent of capacity still given to sprint work while on duty.
    pub focus_share_percent: u8,
    /// Duty checklist shown to whoever is on duty.
    pub checklist: Vec<String>,
    /// The policy this one escalates to.
    pub escalates_to: Option<Id>,
    /// Trainees who may shadow turns, sorted.
    pub shadow_pool: Vec<Id>,
    /// Minimum number of other turns between two turns of one person, where the pool allows.
    pub min_gap_turns: u8,
    /// Load multipliers.
    pub weights: LoadWeights,
    /// The fixed member and stand-in (standing policies only).
    pub standing: Option<StandingCover>,
}

/// A stored duty policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DutyPolicy {
    /// Row id.
    pub id: Id,
    /// The team the policy belongs to.
    pub team_id: Id,
    /// The validated fields.
    #[serde(flatten)]
    #[ts(flatten)]
    pub spec: PolicySpec,
}

impl DutyPolicy {
    /// Members who can take turns of this policy: the pool, or — with an empty pool — every
    /// member of the policy's own team who takes duty (never members of other teams that happen
    /// to be known, e.g. through an escalation pair). Sorted by id.
    pub fn eligible<'a>(&self, members: &'a [Member]) -> Vec<&'a Member> {
        let mut v = self.spec.eligible(members);
        if self.spec.pool.is_empty() {
            v.retain(|m| m.team_id == self.team_id);
        }
        v
    }
}

/// The Op-of-the-Week working agreement (seed 001), the default checklist of weekly policies.
pub const WEEKLY_CHECKLIST: [&str; 8] = [
    "Respond to all critical pages (failed hardware or software, high load events)",
    "Communicate status to the team while issues are worked; include the escalation and the dev team as appropriate",
    "File defects for application problems that need the escalation or the dev team",
    "Own issues raised during your turn to completion, coordinating more people as needed",
    "Attend the Scrum of Scrums and give status on new ops issues",
    "Respond to all incoming operations interrupt requests",
    "Drive critical security patches and workarounds to completion",
    "Review nightly jobs, including backups, for errors",
];

/// The Batman agreement (seed 000), the default checklist of daily policies.
pub const DAILY_CHECKLIST: [&str; 2] = [
    "Respond to essential production issues today so the rest of the team stays focused",
    "Hand over at tomorrow's stand-up with a note on what is still open",
];

impl PolicyKind {
    fn default_handoff(self) -> Handoff {
        let time = match self {
            PolicyKind::Weekly => NaiveTime::from_hms_opt(12, 0, 0),
            PolicyKind::Standing => NaiveTime::from_hms_opt(0, 0, 0),
            PolicyKind::Daily | PolicyKind::Sprint => NaiveTime::from_hms_opt(9, 0, 0),
        };
        Handoff {
            weekday: Weekday::Mon,
            time: time.expect("valid time"),
        }
    }

    fn default_focus_share(self) -> u8 {
        match self {
            PolicyKind::Daily | PolicyKind::Sprint => 0,
            PolicyKind::Weekly => 20,
            PolicyKind::Standing => 50,
        }
    }

    fn default_checklist(self) -> Vec<String> {
        let items: &[&str] = match self {
            PolicyKind::Weekly => &WEEKLY_CHECKLIST,
            PolicyKind::Daily => &DAILY_CHECKLIST,
            PolicyKind::Sprint | PolicyKind::Standing => &[],
        };
        items.iter().map(|s| (*s).to_owned()).collect()
    }
}

/// Parses a handoff for `kind`: `"MON 12:00"` / `"12:00"` for weekly (Monday when no day is
/// given), `"09:30"` for daily and sprint policies. Standing policies take no handoff.
pub fn parse_handoff(kind: PolicyKind, text: &str) -> Result<Handoff, Invalid> {
    let parts: Vec<&str> = text.split_whitespace().collect();
    let (day, time) = match parts.as_slice() {
        [time] => (None, *time),
        [day, time] => (
            Some(parse_weekday(day).map_err(|e| Invalid::new("handoff", e.message))?),
            *time,
        ),
        _ => return Err(handoff_error(text)),
    };
    let time = NaiveTime::parse_from_str(time, "%H:%M").map_err(|_| handoff_error(text))?;
    match (kind, day) {
        (PolicyKind::Standing, _) => Err(Invalid::new(
            "handoff",
            "a standing duty has no handoff; the stand-in covers whole days while the fixed member is away",
        )),
        (PolicyKind::Daily | PolicyKind::Sprint, Some(_)) => Err(Invalid::new(
            "handoff",
            format!("a {} handoff is a time only, e.g. 09:30; drop the weekday", kind.name()),
        )),
        _ => Ok(Handoff {
            weekday: day.unwrap_or(Weekday::Mon),
            time,
        }),
    }
}

fn handoff_error(text: &str) -> Invalid {
    Invalid::new(
        "handoff",
        format!(
            "\"{}\" is not a handoff; write a time like 09:30, or a weekday and time like \"MON 12:00\"",
            shown(text)
        ),
    )
}

fn sorted_unique(field: &'static str, ids: &[Id]) -> Result<Vec<Id>, Invalid> {
    let mut v = ids.to_vec();
    v.sort_unstable();
    let before = v.len();
    v.dedup();
    if v.len() != before {
        return Err(Invalid::new(field, "a member is listed twice"));
    }
    Ok(v)
}

fn validate_checklist(items: Vec<String>) -> Result<Vec<String>, Invalid> {
    let items: Vec<&String> = items.iter().filter(|s| !s.trim().is_empty()).collect();
    if items.len() > CHECKLIST_ITEMS_MAX {
        return Err(Invalid::new(
            "checklist",
            format!(
                "the checklist has {} items; keep it to at most {CHECKLIST_ITEMS_MAX}",
                items.len()
            ),
        ));
    }
    items
        .iter()
        .enumerate()
        .map(|(i, s)| validate_line("checklist", &format!("checklist item {}", i + 1), s, CHECKLIST_ITEM_MAX))
        .collect()
}

fn validate_weights(w: LoadWeights) -> Result<LoadWeights, Invalid> {
    for (name, v) in [
        ("weekend", w.weekend),
        ("holiday", w.holiday),
        ("release day", w.release_day),
    ] {
        if !v.is_finite() || !(0.1..=10.0).contains(&v) {
            return Err(Invalid::new(
                "weights",
                format!("the {name} weight must be between 0.1 and 10, not {v}"),
            ));
        }
    }
    Ok(w)
}

fn validate_standing(
    kind: PolicyKind,
    fixed: Option<Id>,
    stand_in: Option<Id>,
) -> Result<Option<StandingCover>, Invalid> {
    if kind != PolicyKind::Standing {
        if fixed.is_some() || stand_in.is_some() {
            return Err(Invalid::new(
                "standing_member_id",
                "only a standing duty has a fixed member and a stand-in",
            ));
        }
        return Ok(None);
    }
    let Some(member_id) = fixed else {
        return Err(Invalid::new(
            "standing_member_id",
            "a standing duty needs the member who holds it (e.g. the tech lead)",
        ));
    };
    if stand_in == Some(member_id) {
        return Err(Invalid::new(
            "stand_in_id",
            "the stand-in must be someone other than the fixed member",
        ));
    }
    Ok(Some(StandingCover {
        member_id,
        stand_in_id: stand_in,
    }))
}

impl NewPolicy {
    /// A policy of `kind` named `name` with every other field left to its default.
    pub fn new(name: impl Into<String>, kind: PolicyKind) -> Self {
        Self {
            name: name.into(),
            kind,
            handoff: None,
            pool: Vec::new(),
            focus_share_percent: None,
            checklist: None,
            escalates_to: None,
            shadow_pool: Vec::new(),
            min_gap_turns: None,
            weights: None,
            standing_member_id: None,
            stand_in_id: None,
        }
    }

    /// Checks every field and fills the defaults of the kind: handoff (daily 09:00, weekly
    /// Monday 12:00, sprint 09:00), focus share (daily 0 %, weekly 20 %, sprint 0 %, standing
    /// 50 %), checklist (weekly: the Op-of-the-Week working agreement), minimum gap 1 turn.
    pub fn validate(self) -> Result<PolicySpec, Invalid> {
        let name = validate_name("name", "duty policy", &self.name, NAME_MAX)?;
        let kind = self.kind;
        let handoff = match self.handoff.as_deref().map(str::trim) {
            None | Some("") => kind.default_handoff(),
            Some(text) => parse_handoff(kind, text)?,
        };
        let focus = self.focus_share_percent.unwrap_or(kind.default_focus_share().into());
        if !(0..=100).contains(&focus) {
            return Err(Invalid::new(
                "focus_share_percent",
                format!("the focus share must be between 0 and 100 percent, not {focus}"),
            ));
        }
        let gap = self.min_gap_turns.unwrap_or(1);
        if !(0..=20).contains(&gap) {
            return Err(Invalid::new(
                "min_gap_turns",
                format!("the minimum gap must be between 0 and 20 turns, not {gap}"),
            ));
        }
        let standing = validate_standing(kind, self.standing_member_id, self.stand_in_id)?;
        Ok(PolicySpec {
            name,
            kind,
            handoff,
            pool: sorted_unique("pool", &self.pool)?,
            focus_share_percent: focus as u8,
            checklist: validate_checklist(self.checklist.unwrap_or_else(|| kind.default_checklist()))?,
            escalates_to: self.escalates_to,
            shadow_pool: sorted_unique("shadow_pool", &self.shadow_pool)?,
            min_gap_turns: gap as u8,
            weights: validate_weights(self.weights.unwrap_or_default())?,
            standing,
        })
    }
}

impl PolicySpec {
    /// Checks that every member the policy names (pool, shadow pool, fixed member, stand-in)
    /// is one of `members` (the team's), and that pool members can take duty.
    pub fn check_members(&self, members: &[Member]) -> Result<(), Invalid> {
        let find = |id: Id| members.iter().find(|m| m.id == id);
        for &id in &self.pool {
            match find(id) {
                None => return Err(Invalid::new("pool", format!("member {id} is not in this team"))),
                Some(m) if !m.spec.can_take_duty => {
                    return Err(Invalid::new(
                        "pool",
                        format!(
                            "{} is marked as not taking duty; allow it first or leave them out",
                            m.spec.name
                        ),
                    ))
                }
                Some(_) => {}
            }
        }
        let others = self.shadow_pool.iter().map(|id| ("shadow_pool", *id)).chain(
            self.standing
                .iter()
                .flat_map(|s| {
                    [
                        ("standing_member_id", Some(s.member_id)),
                        ("stand_in_id", s.stand_in_id),
                    ]
                })
                .filter_map(|(f, id)| id.map(|id| (f, id))),
        );
        for (field, id) in others {
            if find(id).is_none() {
                return Err(Invalid::new(field, format!("member {id} is not in this team")));
            }
        }
        Ok(())
    }

    /// The members who may take turns: the pool, or every member that can take duty when the
    /// pool is empty. Sorted by id.
    pub fn eligible<'a>(&self, members: &'a [Member]) -> Vec<&'a Member> {
        let mut v: Vec<&Member> = members
            .iter()
            .filter(|m| m.spec.can_take_duty && (self.pool.is_empty() || self.pool.binary_search(&m.id).is_ok()))
            .collect();
        v.sort_by_key(|m| m.id);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new(kind: &str) -> NewPolicy {
        NewPolicy::new("Op of the Week", PolicyKind::parse(kind).unwrap())
    }

    #[test]
    fn weekly_defaults_follow_the_ow_agreement() {
        let p = new("weekly").validate().unwrap();
        assert_eq!(p.handoff.weekday, Weekday::Mon);
        assert_eq!(p.handoff.time, NaiveTime::from_hms_opt(12, 0, 0).unwrap());
        assert_eq!(p.focus_share_percent, 20);
        assert_eq!(p.checklist.len(), 8);
        assert!(p.checklist[7].contains("nightly jobs"));
        assert_eq!(p.min_gap_turns, 1);
    }

    #[test]
    fn handoff_parses_weekday_and_time_per_kind() {
        let h = parse_handoff(PolicyKind::Weekly, "thu 18:30").unwrap();
        assert_eq!((h.weekday, h.time.to_string()), (Weekday::Thu, "18:30:00".to_owned()));
        assert_eq!(
            parse_handoff(PolicyKind::Daily, "09:30").unwrap().time.to_string(),
            "09:30:00"
        );
        assert_eq!(
            parse_handoff(PolicyKind::Daily, "MON 09:30").unwrap_err().field,
            "handoff"
        );
        assert!(parse_handoff(PolicyKind::Weekly, "noonish")
            .unwrap_err()
            .message
            .contains("MON 12:00"));
        assert!(parse_handoff(PolicyKind::Standing, "09:00").is_err());
    }

    #[test]
    fn bad_inputs_name_their_field() {
        let mut p = new("weekly");
        p.focus_share_percent = Some(120);
        assert_eq!(p.validate().unwrap_err().field, "focus_share_percent");
        assert!(PolicyKind::parse("rota")
            .unwrap_err()
            .message
            .contains("daily, weekly, sprint, standing"));
        let mut p = new("daily");
        p.pool = vec![1, 2, 1];
        assert_eq!(p.validate().unwrap_err().field, "pool");
        let mut p = new("daily");
        p.weights = Some(LoadWeights {
            weekend: 0.0,
            ..LoadWeights::default()
        });
        assert_eq!(p.validate().unwrap_err().field, "weights");
    }

    #[test]
    fn standing_needs_a_fixed_member_distinct_from_stand_in() {
        assert_eq!(new("standing").validate().unwrap_err().field, "standing_member_id");
        let mut p = new("standing");
        p.standing_member_id = Some(3);
        p.stand_in_id = Some(3);
        assert_eq!(p.clone().validate().unwrap_err().field, "stand_in_id");
        p.stand_in_id = Some(4);
        let s = p.validate().unwrap();
        assert_eq!(s.focus_share_percent, 50);
        assert_eq!(s.standing.unwrap().stand_in_id, Some(4));
        let mut p = new("daily");
        p.standing_member_id = Some(3);
        assert!(p.validate().is_err());
    }
}
