//! From imported calendar items to proposed time off or holidays for one team: matching items to
//! members, and marking proposals that already exist so a re-import skips them. Pure functions;
//! the caller shows the proposal as a preview and writes it in one transaction.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::import::{ImportMessage, ImportResult, ImportedItem, ImportedPerson, MessageLevel};
use super::own_non_absence;
use crate::member::Member;
use crate::time::DateSpan;
use crate::time_off::{Holiday, TimeOff, TimeOffKind};
use crate::{Id, Invalid};

/// The longest item accepted as time off, in days (the time-off rule's own limit).
const MAX_TIME_OFF_DAYS: i64 = 366;
/// The longest item accepted as holidays, in days.
const MAX_HOLIDAY_DAYS: i64 = 31;

/// A stretch of time off the import would create.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProposedTimeOff {
    /// The member.
    pub member_id: Id,
    /// The member's name, for the preview.
    pub member_name: String,
    /// The days, inclusive.
    pub days: DateSpan,
    /// The event title (becomes the note).
    pub summary: String,
    /// The event UID.
    pub uid: String,
    /// How the member was found, e.g. "attendee e-mail ann@example.com".
    pub matched_by: String,
    /// The kind of time off it is written as: guessed from the event, or chosen by the user.
    pub kind: TimeOffKind,
    /// Why that kind: `category "Vacation"`, `"urlaub" in the title`, `chosen`, or empty when
    /// nothing pointed to a kind (other).
    pub kind_reason: String,
    /// The line of the event's `BEGIN:VEVENT`.
    pub line: usize,
    /// Already stored (or proposed earlier in this import); skipped when writing.
    pub duplicate: bool,
}

/// The user's choice of kind for every proposed time off of one event (all its occurrences and
/// members), named by the event's UID.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct KindChoice {
    /// The event's UID.
    pub uid: String,
    /// The kind to write.
    pub kind: TimeOffKind,
}

/// A team holiday the import would create.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProposedHoliday {
    /// The day.
    pub date: NaiveDate,
    /// The event title.
    pub name: String,
    /// The event UID.
    pub uid: String,
    /// Already stored (or proposed earlier in this import); skipped when writing.
    pub duplicate: bool,
}

/// An item the import will not use, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UnmatchedItem {
    /// The event title.
    pub summary: String,
    /// Its days.
    pub days: DateSpan,
    /// Why it is not imported, in plain words.
    pub reason: String,
}

/// What an import would write: the preview.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct ImportProposal {
    /// Proposed time off.
    pub time_off: Vec<ProposedTimeOff>,
    /// Proposed holidays.
    pub holidays: Vec<ProposedHoliday>,
    /// Items not used.
    pub unmatched: Vec<UnmatchedItem>,
}

/// Takes out of `read` the items that are not absences, with one `Skipped` message per event
/// (not per occurrence): Sprintshield's own duty turns, sprints, reviews and release events (by
/// UID) always, and, when `skip_free`, every event shown as free (`TRANSP:TRANSPARENT`) — a
/// duty turn or a reminder does not keep anyone away. Importing time off skips free events;
/// importing holidays does not (national holiday calendars mark their days as free).
pub fn skip_non_absences(read: &mut ImportResult, skip_free: bool) {
    let mut kept = Vec::with_capacity(read.items.len());
    let mut skipped: Vec<ImportMessage> = Vec::new();
    for item in std::mem::take(&mut read.items) {
        let free = skip_free && item.free;
        let why = match own_non_absence(&item.uid) {
            Some(what) if free => Some(format!("it is not an absence ({what}, free/transparent)")),
            Some(what) => Some(format!("it is not an absence ({what})")),
            None if free => {
                Some("it is not an absence (free/transparent); mark it busy in the calendar to import it".to_owned())
            }
            None => None,
        };
        match why {
            None => kept.push(item),
            Some(text) => {
                if !skipped.iter().any(|m| m.line == item.line) {
                    skipped.push(ImportMessage {
                        line: item.line,
                        summary: item.summary,
                        level: MessageLevel::Skipped,
                        text,
                    });
                }
            }
        }
    }
    read.items = kept;
    read.messages.extend(skipped);
    read.messages.sort_by_key(|m| m.line);
}

/// Proposes time off for `members` from `items`. A member is found, in this order, by an
/// attendee's e-mail or name; when no attendee matches, by the organizer's e-mail or name (all
/// case-insensitive); failing that, by exactly one member's name appearing as words in the title.
/// An item with several matching attendees proposes time off for each.
pub fn propose_time_off(items: &[ImportedItem], members: &[Member]) -> ImportProposal {
    let mut out = ImportProposal::default();
    for item in items {
        if item.days.days() > MAX_TIME_OFF_DAYS {
            out.unmatched
                .push(unmatched(item, "it is longer than a year; enter long absences by hand"));
            continue;
        }
        let found = match_members(item, members);
        if found.is_empty() {
            out.unmatched.push(unmatched(item, &no_match_reason(item)));
        }
        for (m, how) in found {
            out.time_off.push(ProposedTimeOff {
                member_id: m.id,
                member_name: m.spec.name.clone(),
                days: item.days,
                summary: item.summary.clone(),
                uid: item.uid.clone(),
                matched_by: how,
                kind: item.kind.kind,
                kind_reason: item.kind.reason.clone(),
                line: item.line,
                duplicate: false,
            });
        }
    }
    out
}

/// Proposes one team holiday per day of each item (a national holiday calendar); items longer
/// than 31 days are left out as unlikely holidays.
pub fn propose_holidays(items: &[ImportedItem]) -> ImportProposal {
    let mut out = ImportProposal::default();
    for item in items {
        if item.days.days() > MAX_HOLIDAY_DAYS {
            out.unmatched
                .push(unmatched(item, "it is longer than a month, which is not a holiday"));
            continue;
        }
        out.holidays.extend(item.days.iter_days().map(|date| ProposedHoliday {
            date,
            name: item.summary.clone(),
            uid: item.uid.clone(),
            duplicate: false,
        }));
    }
    out
}

/// Applies the user's kinds to the proposed time off of the events they name. A UID that names
/// no proposed time off is an error on `kinds` (a typo would otherwise be silently ignored).
pub fn choose_kinds(proposal: &mut ImportProposal, choices: &[KindChoice]) -> Result<(), Invalid> {
    for choice in choices {
        let mut found = false;
        for p in proposal.time_off.iter_mut().filter(|p| p.uid == choice.uid) {
            p.kind = choice.kind;
            p.kind_reason = "chosen".to_owned();
            found = true;
        }
        if !found {
            return Err(Invalid::new(
                "kinds",
                format!(
                    "no event with UID \"{}\" is proposed as time off; check the UID in the preview",
                    choice.uid
                ),
            ));
        }
    }
    Ok(())
}

/// Marks proposals that already exist: time off whose days lie within stored time off of the
/// same member, and holidays on a day that already has one; also the second of two equal
/// proposals in the same import.
pub fn mark_duplicates(proposal: &mut ImportProposal, time_off: &[TimeOff], holidays: &[Holiday]) {
    for i in 0..proposal.time_off.len() {
        let p = &proposal.time_off[i];
        let stored = time_off.iter().any(|t| {
            t.spec.member_id == p.member_id && t.spec.days.first <= p.days.first && p.days.last <= t.spec.days.last
        });
        let earlier = proposal.time_off[..i]
            .iter()
            .any(|q| q.member_id == p.member_id && q.days == p.days);
        proposal.time_off[i].duplicate = stored || earlier;
    }
    for i in 0..proposal.holidays.len() {
        let d = proposal.holidays[i].date;
        let stored = holidays.iter().any(|h| h.date == d);
        let earlier = proposal.holidays[..i].iter().any(|q| q.date == d);
        proposal.holidays[i].duplicate = stored || earlier;
    }
}

/// Sets aside (as unmatched, with the reason) proposed time off that overlaps stored time off of
/// the same member only partly, or another proposal of the same file for the same member:
/// writing it would make two records for one absence. Duplicates stay (they are skipped anyway).
pub fn set_aside_overlaps(proposal: &mut ImportProposal, stored: &[TimeOff]) {
    let mut kept: Vec<ProposedTimeOff> = Vec::with_capacity(proposal.time_off.len());
    for p in std::mem::take(&mut proposal.time_off) {
        let clash = stored
            .iter()
            .find(|t| t.spec.member_id == p.member_id && t.spec.days.overlaps(&p.days));
        let earlier = kept
            .iter()
            .any(|q| !q.duplicate && q.member_id == p.member_id && q.days.overlaps(&p.days) && q.days != p.days);
        match clash {
            Some(t) if !p.duplicate => proposal.unmatched.push(UnmatchedItem {
                summary: p.summary.clone(),
                days: p.days,
                reason: format!(
                    "{} already has time off from {} to {} that overlaps it; edit that one instead",
                    p.member_name, t.spec.days.first, t.spec.days.last
                ),
            }),
            _ if earlier && !p.duplicate => proposal.unmatched.push(UnmatchedItem {
                summary: p.summary.clone(),
                days: p.days,
                reason: format!("it overlaps another item for {} in the same file", p.member_name),
            }),
            _ => kept.push(p),
        }
    }
    proposal.time_off = kept;
}

fn unmatched(item: &ImportedItem, reason: &str) -> UnmatchedItem {
    UnmatchedItem {
        summary: item.summary.clone(),
        days: item.days,
        reason: reason.to_owned(),
    }
}

fn match_members<'m>(item: &ImportedItem, members: &'m [Member]) -> Vec<(&'m Member, String)> {
    let mut found: Vec<(&Member, String)> = Vec::new();
    for person in &item.attendees {
        if let Some((m, how)) = match_person(person, "attendee", members) {
            if !found.iter().any(|(f, _)| f.id == m.id) {
                found.push((m, how));
            }
        }
    }
    if found.is_empty() {
        found.extend(
            item.organizer
                .as_ref()
                .and_then(|p| match_person(p, "organizer", members)),
        );
    }
    if found.is_empty() {
        let named: Vec<&Member> = members
            .iter()
            .filter(|m| title_names(&item.summary, &m.spec.name))
            .collect();
        if let [only] = named.as_slice() {
            found.push((only, format!("name \"{}\" in the title", only.spec.name)));
        }
    }
    found
}

fn match_person<'m>(p: &ImportedPerson, role: &str, members: &'m [Member]) -> Option<(&'m Member, String)> {
    if let Some(email) = &p.email {
        let hit = members.iter().find(|m| {
            m.spec
                .email
                .as_deref()
                .is_some_and(|e| e.trim().eq_ignore_ascii_case(email))
        });
        if let Some(m) = hit {
            return Some((m, format!("{role} e-mail {email}")));
        }
    }
    let name = p.name.as_deref()?;
    members
        .iter()
        .find(|m| m.spec.name.trim().eq_ignore_ascii_case(name.trim()))
        .map(|m| (m, format!("{role} name {name}")))
}

/// Whether `name` appears in `title` as whole words, case-insensitive.
fn title_names(title: &str, name: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (t, n) = (words(title), words(name));
    !n.is_empty() && t.windows(n.len()).any(|w| w == n.as_slice())
}

fn no_match_reason(item: &ImportedItem) -> String {
    let named: Vec<String> = item
        .attendees
        .iter()
        .chain(item.organizer.iter())
        .filter_map(|p| p.email.clone().or_else(|| p.name.clone()))
        .collect();
    if named.is_empty() {
        "no attendee, organizer or member name in the title matches a member of the team".to_owned()
    } else {
        format!(
            "none of {} is a member of the team (check their e-mail addresses)",
            named.join(", ")
        )
    }
}
