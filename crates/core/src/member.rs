//! Members: people in a team, with a capacity percent (part-time), skills and active dates.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text::{shown, validate_line, validate_name, EMAIL_MAX, NAME_MAX, SKILLS_MAX, SKILL_MAX};
use crate::time::parse_date;
use crate::{Id, Invalid};

/// A member as the user typed it; [`NewMember::validate`] turns it into a [`MemberSpec`].
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct NewMember {
    /// Display name, unique in the team.
    pub name: String,
    /// Optional e-mail (used to match calendar attendees).
    #[ts(optional)]
    pub email: Option<String>,
    /// Share of a full-time week, 1–100; 100 when absent.
    #[ts(optional)]
    pub capacity_percent: Option<i64>,
    /// Skill tags, e.g. `["db", "frontend"]`.
    #[serde(default)]
    pub skills: Vec<String>,
    /// First active day `YYYY-MM-DD`, when the member joins later.
    #[ts(optional)]
    pub active_from: Option<String>,
    /// Last active day `YYYY-MM-DD`, when the member leaves.
    #[ts(optional)]
    pub active_until: Option<String>,
    /// Whether the member may be put on duty; true when absent.
    #[ts(optional)]
    pub can_take_duty: Option<bool>,
    /// Colour `#rrggbb`; one is picked from the name when absent.
    #[ts(optional)]
    pub colour: Option<String>,
}

/// A validated member, ready to store.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MemberSpec {
    /// Display name, unique in the team.
    pub name: String,
    /// E-mail, if known.
    pub email: Option<String>,
    /// Share of a full-time week, 1–100.
    pub capacity_percent: u8,
    /// Skill tags, trimmed, lower-case, without duplicates.
    pub skills: Vec<String>,
    /// First active day, if the member joins later.
    pub active_from: Option<NaiveDate>,
    /// Last active day, if the member leaves.
    pub active_until: Option<NaiveDate>,
    /// Whether the member may be put on duty.
    pub can_take_duty: bool,
    /// Colour `#rrggbb`.
    pub colour: String,
}

/// A stored member.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Member {
    /// Row id.
    pub id: Id,
    /// The member's team.
    pub team_id: Id,
    /// The member's validated fields.
    #[serde(flatten)]
    #[ts(flatten)]
    pub spec: MemberSpec,
}

impl Member {
    /// Whether the member is active (joined and not yet left) on `day`.
    pub fn is_active_on(&self, day: NaiveDate) -> bool {
        self.spec.active_from.is_none_or(|f| f <= day) && self.spec.active_until.is_none_or(|u| day <= u)
    }
}

/// A calm palette; members without a colour get one picked from their name.
const PALETTE: [&str; 10] = [
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#6b8e23",
];

/// The colour for a new member of a team whose members already wear `used` (`#rrggbb`, any
/// case): the first palette colour nobody wears; when all are taken, the one worn least often
/// (the earliest in the palette on a tie), so colours repeat in palette order, evenly.
pub fn first_free_colour(used: &[String]) -> String {
    let worn = |c: &str| used.iter().filter(|u| u.trim().eq_ignore_ascii_case(c)).count();
    PALETTE
        .iter()
        .min_by_key(|c| worn(c))
        .map(|c| (*c).to_owned())
        .unwrap_or_else(|| PALETTE[0].to_owned())
}

fn colour_for(name: &str) -> String {
    let sum: usize = name.bytes().map(usize::from).sum();
    PALETTE[sum % PALETTE.len()].to_owned()
}

impl NewMember {
    /// Checks every field; the first problem found is returned.
    pub fn validate(self) -> Result<MemberSpec, Invalid> {
        let name = validate_name("name", "member", &self.name, NAME_MAX)?;
        let email = match self.email.as_deref() {
            None => None,
            Some(e) => Some(validate_line("email", "e-mail address", e, EMAIL_MAX)?).filter(|e| !e.is_empty()),
        };
        if let Some(e) = &email {
            if !e.contains('@') || e.contains(char::is_whitespace) || e.starts_with('@') || e.ends_with('@') {
                return Err(Invalid::new(
                    "email",
                    format!("\"{}\" is not an e-mail address", shown(e)),
                ));
            }
        }
        let pct = self.capacity_percent.unwrap_or(100);
        if !(1..=100).contains(&pct) {
            return Err(Invalid::new(
                "capacity_percent",
                format!("capacity must be between 1 and 100 percent of a full-time week, not {pct}"),
            ));
        }
        let skills = validate_skills(&self.skills)?;
        let active_from = opt_date("active_from", self.active_from.as_deref())?;
        let active_until = opt_date("active_until", self.active_until.as_deref())?;
        if let (Some(f), Some(u)) = (active_from, active_until) {
            if u < f {
                return Err(Invalid::new(
                    "active_until",
                    format!("the member leaves ({u}) before joining ({f})"),
                ));
            }
        }
        let colour = match self.colour.as_deref().map(str::trim) {
            None | Some("") => colour_for(&name),
            Some(c) if c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|ch| ch.is_ascii_hexdigit()) => {
                c.to_ascii_lowercase()
            }
            Some(c) => {
                return Err(Invalid::new(
                    "colour",
                    format!("\"{}\" is not a colour; use #rrggbb", shown(c)),
                ))
            }
        };
        Ok(MemberSpec {
            name,
            email,
            capacity_percent: pct as u8,
            skills,
            active_from,
            active_until,
            can_take_duty: self.can_take_duty.unwrap_or(true),
            colour,
        })
    }
}

/// Skill tags: each trimmed, plain text, at most [`SKILL_MAX`] characters, lower-cased; empty ones
/// dropped, duplicates merged, sorted; at most [`SKILLS_MAX`] of them.
fn validate_skills(raw: &[String]) -> Result<Vec<String>, Invalid> {
    let mut skills = Vec::new();
    for s in raw {
        if s.trim().is_empty() {
            continue;
        }
        skills.push(validate_name("skills", "skill", s, SKILL_MAX)?.to_lowercase());
    }
    skills.sort();
    skills.dedup();
    if skills.len() > SKILLS_MAX {
        return Err(Invalid::new(
            "skills",
            format!(
                "a member can have at most {SKILLS_MAX} skills, not {}; keep the ones you plan with",
                skills.len()
            ),
        ));
    }
    Ok(skills)
}

fn opt_date(field: &'static str, text: Option<&str>) -> Result<Option<NaiveDate>, Invalid> {
    match text.map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => parse_date(field, t).map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new(name: &str) -> NewMember {
        NewMember {
            name: name.into(),
            ..Default::default()
        }
    }

    fn palette() -> Vec<String> {
        PALETTE.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn first_free_colour_takes_the_first_unused_one() {
        assert_eq!(first_free_colour(&[]), PALETTE[0]);
        assert_eq!(first_free_colour(&[PALETTE[0].to_uppercase()]), PALETTE[1]);
        assert_eq!(first_free_colour(&[PALETTE[1].into(), "#123456".into()]), PALETTE[0]);
    }

    #[test]
    fn first_free_colour_cycles_when_all_are_taken() {
        let mut used = palette();
        assert_eq!(first_free_colour(&used), PALETTE[0]);
        // Adding members one by one walks the palette again, evenly.
        let mut picked = Vec::new();
        for _ in 0..12 {
            let c = first_free_colour(&used);
            picked.push(c.clone());
            used.push(c);
        }
        assert_eq!(&picked[..10], &palette()[..]);
        assert_eq!(&picked[10..], &palette()[..2]);
    }

    #[test]
    fn a_team_of_ten_gets_ten_distinct_colours() {
        let mut used: Vec<String> = Vec::new();
        for _ in 0..10 {
            used.push(first_free_colour(&used));
        }
        let mut distinct = used.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), 10);
    }

    #[test]
    fn defaults_are_full_time_and_on_duty() {
        let m = new("Ana").validate().unwrap();
        assert_eq!(m.capacity_percent, 100);
        assert!(m.can_take_duty);
        assert!(m.colour.starts_with('#'));
    }

    #[test]
    fn capacity_out_of_range_is_rejected() {
        for pct in [0, 101, -5] {
            let mut m = new("Ana");
            m.capacity_percent = Some(pct);
            let e = m.validate().unwrap_err();
            assert_eq!(e.field, "capacity_percent");
            assert!(e.message.contains("between 1 and 100"));
        }
    }

    #[test]
    fn leaving_before_joining_is_rejected() {
        let mut m = new("Ana");
        m.active_from = Some("2026-05-01".into());
        m.active_until = Some("2026-04-01".into());
        assert_eq!(m.validate().unwrap_err().field, "active_until");
    }

    #[test]
    fn bad_email_and_colour_are_rejected_skills_normalised() {
        let mut m = new("Ana");
        m.email = Some("ana at example".into());
        assert_eq!(m.clone().validate().unwrap_err().field, "email");
        m.email = Some("ana@example.com".into());
        m.colour = Some("red".into());
        assert_eq!(m.clone().validate().unwrap_err().field, "colour");
        m.colour = None;
        m.skills = vec![" DB ".into(), "db".into(), "".into(), "Frontend".into()];
        assert_eq!(m.validate().unwrap().skills, vec!["db", "frontend"]);
    }
}
