//! Calendar files: building an export for a team (turns, time off, sprints, releases) with the
//! bookkeeping that keeps re-exports stable, and importing time off or holidays from a file in
//! one transaction.
//!
//! Bookkeeping: for each export *scope* (team, member, policy and kinds chosen) every UID ever
//! written is stored with a hash of its content and its `SEQUENCE`. A re-export keeps the
//! sequence of an unchanged event, raises it when the content changed, and writes an event that
//! disappeared (inside the exported range) once more as `STATUS:CANCELLED` with a raised sequence;
//! after that it is not written again unless it comes back.
use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::params;
use serde::{Deserialize, Serialize};
use sprintshield_core::calendar::import::{parse_ics, ImportMessage};
use sprintshield_core::calendar::mapping::{
    mark_duplicates, propose_holidays, propose_time_off, skip_non_absences, ImportProposal, UnmatchedItem,
};
use sprintshield_core::calendar::sources::{release_events, sprint_events, time_off_events, turn_events, ExportWhat};
use sprintshield_core::calendar::{export_ics, CalendarEvent, EventTime};
use sprintshield_core::time::{resolve_local, DateSpan};
use sprintshield_core::time_off::{TimeOffKind, TimeOffSpec};
use sprintshield_core::{named_enum, AppError, Id, Invalid};
use ts_rs::TS;

use crate::{teams, time_off, Result, Store};

/// What to export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportRequest {
    /// The team.
    pub team_id: Id,
    /// Only this member's turns and time off.
    pub member_id: Option<Id>,
    /// Only this duty policy's turns.
    pub policy_id: Option<Id>,
    /// Which kinds of events; at least one.
    pub what: Vec<ExportWhat>,
    /// First day of the range.
    pub from: NaiveDate,
    /// Last day of the range, inclusive.
    pub to: NaiveDate,
}

/// An export: the events (with sequences and cancellations already applied) and the file text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportPreview {
    /// The calendar's name (`X-WR-CALNAME`).
    pub calname: String,
    /// A file name to suggest, e.g. `phoenix-2026-11-23-2027-01-31.ics`.
    pub file_name: String,
    /// Every event written, cancelled ones included, in file order.
    pub events: Vec<CalendarEvent>,
    /// Events never exported before in this scope.
    pub new_events: usize,
    /// Events exported before whose content changed (sequence raised).
    pub changed_events: usize,
    /// Events exported before that are gone (written as cancelled).
    pub cancelled_events: usize,
    /// The `.ics` text.
    pub text: String,
}

named_enum! {
    /// What an imported file holds.
    pub enum ImportAs ("import kind") {
        TimeOff = "time_off", "Time off of members", ["timeoff", "away"];
        Holidays = "holidays", "Team holidays", ["holiday"];
    }
}

/// What to import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportRequest {
    /// The team.
    pub team_id: Id,
    /// The file's text.
    pub text: String,
    /// Time off or holidays.
    pub kind: ImportAs,
    /// First day of the range read (repeating events are expanded within it).
    pub from: NaiveDate,
    /// Last day of the range, inclusive.
    pub to: NaiveDate,
}

/// What an import would write (or wrote).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportPreview {
    /// Proposed time off and holidays (duplicates marked) and unused items with reasons.
    pub proposal: ImportProposal,
    /// Notes and skipped events from reading the file.
    pub messages: Vec<ImportMessage>,
    /// Stretches of time off that are (or were) written.
    pub time_off_to_write: usize,
    /// Holidays that are (or were) written.
    pub holidays_to_write: usize,
    /// Whether it was written.
    pub applied: bool,
}

/// A stable 64-bit FNV-1a hash of the event's content (sequence and status left out), as hex.
fn content_hash(e: &CalendarEvent) -> String {
    let mut plain = e.clone();
    plain.sequence = 0;
    plain.cancelled = false;
    let text = serde_json::to_string(&plain).expect("events serialise");
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

fn first_day(e: &CalendarEvent, zone: Tz) -> NaiveDate {
    match e.when {
        EventTime::AllDay { first, .. } => first,
        EventTime::Timed { start, .. } => start.with_timezone(&zone).date_naive(),
    }
}

struct Recorded {
    hash: String,
    sequence: u32,
    event: String,
    first_day: NaiveDate,
    cancelled: bool,
}

fn slug(text: &str) -> String {
    let s: String = text
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    s.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-")
}

impl Store {
    fn export_events(&self, req: &ExportRequest, span: DateSpan, zone: Tz) -> Result<(String, Vec<CalendarEvent>)> {
        let team = self.team(req.team_id)?;
        let members = self.members(team.id)?;
        let member = match req.member_id {
            Some(id) => Some(
                members
                    .iter()
                    .find(|m| m.id == id)
                    .cloned()
                    .ok_or_else(|| AppError::not_found(format!("member {id} is not in {}", team.spec.name)))?,
            ),
            None => None,
        };
        let policies = self.policies(team.id)?;
        let policy =
            match req.policy_id {
                Some(id) => Some(policies.iter().find(|p| p.id == id).cloned().ok_or_else(|| {
                    AppError::not_found(format!("duty policy {id} is not one of {}'s", team.spec.name))
                })?),
                None => None,
            };
        let start = resolve_local(zone, span.first.and_hms_opt(0, 0, 0).expect("midnight"));
        let end = resolve_local(
            zone,
            (span.last + Duration::days(1)).and_hms_opt(0, 0, 0).expect("midnight"),
        );
        let mut events = Vec::new();
        for what in dedup(&req.what) {
            match what {
                ExportWhat::Turns => {
                    let turns: Vec<_> = self
                        .turns(team.id, start, end)?
                        .into_iter()
                        .filter(|t| member.as_ref().is_none_or(|m| m.id == t.member_id))
                        .filter(|t| policy.as_ref().is_none_or(|p| p.id == t.policy_id))
                        .collect();
                    // A turn may be held by someone of another team (an escalation rotation).
                    let mut named = members.clone();
                    for t in &turns {
                        if named.iter().all(|m| m.id != t.member_id) {
                            named.push(self.member(t.member_id)?);
                        }
                    }
                    events.extend(turn_events(&turns, &policies, &named));
                }
                ExportWhat::TimeOff => {
                    let away: Vec<_> = self
                        .time_off(team.id)?
                        .into_iter()
                        .filter(|t| t.spec.days.overlaps(&span))
                        .filter(|t| member.as_ref().is_none_or(|m| m.id == t.spec.member_id))
                        .collect();
                    events.extend(time_off_events(&away, &members));
                }
                ExportWhat::Sprints => {
                    let sprints: Vec<_> = self
                        .sprints(team.id)?
                        .into_iter()
                        .filter(|s| s.span().overlaps(&span))
                        .collect();
                    events.extend(sprint_events(&team.spec.name, &sprints));
                }
                ExportWhat::Releases => {
                    for t in self
                        .release_trains()?
                        .into_iter()
                        .filter(|t| t.train.spec.dev_team_id == team.id || t.train.spec.ops_team_id == team.id)
                    {
                        let plan = self.plan_train(t.train.id, None, None)?;
                        let releases: Vec<_> = plan
                            .releases
                            .into_iter()
                            .filter(|r| span.contains(r.production_day) || (r.rc_push >= start && r.rc_push < end))
                            .collect();
                        let ops_members = self.members(t.train.spec.ops_team_id)?;
                        events.extend(release_events(t.train.id, &releases, &ops_members, zone));
                    }
                }
            }
        }
        let mut calname = team.spec.name.clone();
        if let Some(m) = &member {
            calname = format!("{calname}: {}", m.spec.name);
        }
        if let Some(p) = &policy {
            calname = format!("{calname} ({})", p.spec.name);
        }
        Ok((calname, events))
    }

    /// Builds the calendar file for `req`, stamped `dtstamp`, in the team's zone. With `record`,
    /// stores the bookkeeping (in one transaction) so the next export of the same scope raises
    /// sequences and cancels removed events; without it nothing is written (a preview).
    /// Rejects an empty choice of kinds, a range ending before it starts or longer than ten years,
    /// and a member or policy of another team.
    pub fn export_calendar(
        &mut self,
        req: &ExportRequest,
        dtstamp: DateTime<Utc>,
        record: bool,
    ) -> Result<ExportPreview> {
        if req.what.is_empty() {
            return Err(Invalid::new("what", "choose what to export: turns, time off, sprints or releases").into());
        }
        let span = DateSpan::new(req.from, req.to, "to")?;
        if span.days() > 3660 {
            return Err(Invalid::new("to", "export at most ten years at a time").into());
        }
        let zone = self.team(req.team_id)?.spec.zone;
        let (calname, mut events) = self.export_events(req, span, zone)?;
        let mut kinds: Vec<&str> = dedup(&req.what).iter().map(|w| w.name()).collect();
        kinds.sort_unstable();
        let scope = format!(
            "team={};member={};policy={};what={}",
            req.team_id,
            req.member_id.map_or("*".to_owned(), |m| m.to_string()),
            req.policy_id.map_or("*".to_owned(), |p| p.to_string()),
            kinds.join(",")
        );
        let recorded = self.recorded_exports(&scope)?;
        let (mut new_events, mut changed_events) = (0, 0);
        let mut hashes = HashMap::new();
        for e in &mut events {
            let hash = content_hash(e);
            match recorded.get(&e.uid) {
                None => new_events += 1,
                Some(r) if r.hash == hash && !r.cancelled => e.sequence = r.sequence,
                Some(r) => {
                    e.sequence = r.sequence + 1;
                    changed_events += 1;
                }
            }
            hashes.insert(e.uid.clone(), hash);
        }
        let mut gone: Vec<(CalendarEvent, String)> = Vec::new();
        for (uid, r) in &recorded {
            if r.cancelled || hashes.contains_key(uid) || !span.contains(r.first_day) {
                continue;
            }
            let mut e: CalendarEvent = serde_json::from_str(&r.event).map_err(|err| {
                AppError::new(
                    sprintshield_core::ErrorKind::Storage,
                    format!("export bookkeeping is unreadable: {err}"),
                )
            })?;
            e.sequence = r.sequence + 1;
            e.cancelled = true;
            gone.push((e, r.hash.clone()));
        }
        let cancelled_events = gone.len();
        if record {
            let tx = self.conn.transaction()?;
            for e in &events {
                tx.execute(
                    "INSERT INTO export_event (scope, uid, hash, sequence, event, first_day, cancelled)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0)
                     ON CONFLICT (scope, uid) DO UPDATE SET hash = excluded.hash, sequence = excluded.sequence,
                         event = excluded.event, first_day = excluded.first_day, cancelled = 0",
                    params![
                        scope,
                        e.uid,
                        hashes[&e.uid],
                        e.sequence,
                        serde_json::to_string(e).expect("events serialise"),
                        first_day(e, zone).to_string()
                    ],
                )?;
            }
            for (e, _) in &gone {
                tx.execute(
                    "UPDATE export_event SET sequence = ?3, cancelled = 1 WHERE scope = ?1 AND uid = ?2",
                    params![scope, e.uid, e.sequence],
                )?;
            }
            tx.commit()?;
        }
        events.extend(gone.into_iter().map(|(e, _)| e));
        events.sort_by(|a, b| (a.when.sort_key(), &a.uid).cmp(&(b.when.sort_key(), &b.uid)));
        let text = export_ics(&calname, zone, &events, dtstamp);
        Ok(ExportPreview {
            file_name: format!("{}-{}-{}.ics", slug(&calname), span.first, span.last),
            calname,
            events,
            new_events,
            changed_events,
            cancelled_events,
            text,
        })
    }

    fn recorded_exports(&self, scope: &str) -> Result<HashMap<String, Recorded>> {
        let mut st = self
            .conn
            .prepare("SELECT uid, hash, sequence, event, first_day, cancelled FROM export_event WHERE scope = ?1")?;
        let rows = st.query_map([scope], |r| {
            Ok((
                r.get::<_, String>(0)?,
                Recorded {
                    hash: r.get(1)?,
                    sequence: r.get(2)?,
                    event: r.get(3)?,
                    first_day: crate::members::date_col(r, 4)?,
                    cancelled: r.get(5)?,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Reads an `.ics` file for the team and proposes time off (members matched by attendee
    /// e-mail or name) or holidays, marking what already exists as duplicates and listing what
    /// cannot be used with a reason (time off that overlaps recorded time off only partly is
    /// listed there too). With `apply`, writes every non-duplicate proposal in one transaction:
    /// all of it or, on any error, nothing.
    pub fn import_calendar(&mut self, req: &ImportRequest, apply: bool) -> Result<ImportPreview> {
        let span = DateSpan::new(req.from, req.to, "to")?;
        let team = self.team(req.team_id)?;
        let mut read = parse_ics(&req.text, team.spec.zone, span)?;
        // Duty turns, sprints and releases (and anything else shown as free) keep nobody away.
        skip_non_absences(&mut read, req.kind == ImportAs::TimeOff);
        let members = self.members(team.id)?;
        let stored_time_off = self.time_off(team.id)?;
        let stored_holidays = self.holidays(team.id)?;
        let mut proposal = match req.kind {
            ImportAs::TimeOff => propose_time_off(&read.items, &members),
            ImportAs::Holidays => propose_holidays(&read.items),
        };
        mark_duplicates(&mut proposal, &stored_time_off, &stored_holidays);
        let mut kept = Vec::with_capacity(proposal.time_off.len());
        for p in std::mem::take(&mut proposal.time_off) {
            let clash = stored_time_off
                .iter()
                .find(|t| t.spec.member_id == p.member_id && t.spec.days.overlaps(&p.days));
            let earlier = kept
                .iter()
                .any(|q: &sprintshield_core::calendar::mapping::ProposedTimeOff| {
                    !q.duplicate && q.member_id == p.member_id && q.days.overlaps(&p.days) && q.days != p.days
                });
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
        let time_off_to_write = proposal.time_off.iter().filter(|p| !p.duplicate).count();
        let holidays_to_write = proposal.holidays.iter().filter(|p| !p.duplicate).count();
        if apply {
            let tx = self.conn.transaction()?;
            for p in proposal.time_off.iter().filter(|p| !p.duplicate) {
                let note: String = p.summary.chars().take(200).collect();
                time_off::insert_time_off(
                    &tx,
                    &TimeOffSpec {
                        member_id: p.member_id,
                        days: p.days,
                        kind: TimeOffKind::Other,
                        note,
                    },
                )?;
            }
            for h in proposal.holidays.iter().filter(|p| !p.duplicate) {
                let name: String = h.name.chars().take(80).collect();
                teams::insert_holiday(&tx, team.id, h.date, &name)?;
            }
            tx.commit()?;
        }
        Ok(ImportPreview {
            proposal,
            messages: read.messages,
            time_off_to_write,
            holidays_to_write,
            applied: apply,
        })
    }
}

fn dedup(what: &[ExportWhat]) -> Vec<ExportWhat> {
    let mut out: Vec<ExportWhat> = Vec::new();
    for w in what {
        if !out.contains(w) {
            out.push(*w);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn demo() -> (Store, Id) {
        let mut s = Store::open_in_memory().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
        s.load_demo(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(), now)
            .unwrap();
        let id = s.team_by_name("Phoenix").unwrap().id;
        (s, id)
    }

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn turns_req(team_id: Id) -> ExportRequest {
        ExportRequest {
            team_id,
            member_id: None,
            policy_id: None,
            what: vec![ExportWhat::Turns],
            from: d("2026-11-23"),
            to: d("2026-12-06"),
        }
    }

    #[test]
    fn re_export_keeps_uids_raises_sequence_and_cancels_once() {
        let (mut s, team) = demo();
        let stamp = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
        let req = turns_req(team);
        let preview = s.export_calendar(&req, stamp, false).unwrap();
        assert!(preview.events.len() > 5);
        assert_eq!(preview.new_events, preview.events.len());
        // A preview records nothing: exporting for real still sees every event as new.
        let first = s.export_calendar(&req, stamp, true).unwrap();
        assert_eq!(first.new_events, first.events.len());
        assert_eq!(first.text, preview.text);
        let again = s.export_calendar(&req, stamp, true).unwrap();
        assert_eq!(
            (again.new_events, again.changed_events, again.cancelled_events),
            (0, 0, 0)
        );
        assert_eq!(again.text, first.text);

        // Change one turn's member and drop another.
        let from = resolve_local(chrono_tz::Europe::Berlin, d("2026-11-23").and_hms_opt(0, 0, 0).unwrap());
        let to = resolve_local(chrono_tz::Europe::Berlin, d("2026-12-07").and_hms_opt(0, 0, 0).unwrap());
        let mut turns = s.turns(team, from, to).unwrap();
        let members = s.members(team).unwrap();
        let other = members.iter().find(|m| m.id != turns[0].member_id).unwrap().id;
        turns[0].member_id = other;
        s.update_turns(&turns[..1]).unwrap();
        let dropped = turns.last().unwrap().clone();
        let policy = dropped.policy_id;
        let keep: Vec<_> = s
            .all_turns(team)
            .unwrap()
            .into_iter()
            .filter(|t| t.policy_id == policy && t.id != dropped.id)
            .collect();
        s.save_turns(&[policy], &keep).unwrap();

        let third = s.export_calendar(&req, stamp, true).unwrap();
        assert_eq!(
            (third.new_events, third.changed_events, third.cancelled_events),
            (0, 1, 1)
        );
        let changed = third.events.iter().find(|e| e.sequence == 1 && !e.cancelled).unwrap();
        assert!(changed
            .summary
            .contains(&members.iter().find(|m| m.id == other).unwrap().spec.name));
        assert!(third.text.contains("STATUS:CANCELLED"));
        assert!(third.text.contains("SEQUENCE:1"));
        let fourth = s.export_calendar(&req, stamp, true).unwrap();
        assert_eq!(fourth.cancelled_events, 0, "a removed event is cancelled once");
        assert!(!fourth.text.contains("STATUS:CANCELLED"));
        assert_eq!(fourth.events.len(), third.events.len() - 1);
    }

    #[test]
    fn export_rejects_bad_requests() {
        let (mut s, team) = demo();
        let stamp = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
        let mut req = turns_req(team);
        req.what.clear();
        assert!(s.export_calendar(&req, stamp, true).is_err());
        let mut req = turns_req(team);
        req.to = d("2026-11-01");
        assert!(s.export_calendar(&req, stamp, true).is_err());
        let mut req = turns_req(team);
        let atlas = s.team_by_name("Atlas").unwrap().id;
        req.member_id = Some(s.members(atlas).unwrap()[0].id);
        assert!(s.export_calendar(&req, stamp, true).is_err());
    }

    #[test]
    fn import_previews_applies_once_and_skips_duplicates() {
        let (mut s, team) = demo();
        let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n\
            BEGIN:VEVENT\r\nUID:a@x\r\nDTSTART;VALUE=DATE:20270301\r\nDTEND;VALUE=DATE:20270304\r\n\
            SUMMARY:Ski trip\r\nATTENDEE;CN=Ana:mailto:ana@phoenix.example\r\nEND:VEVENT\r\n\
            BEGIN:VEVENT\r\nUID:b@x\r\nDTSTART;VALUE=DATE:20270310\r\nSUMMARY:Stranger\r\n\
            ATTENDEE:mailto:nobody@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let req = ImportRequest {
            team_id: team,
            text: ics.into(),
            kind: ImportAs::TimeOff,
            from: d("2027-01-01"),
            to: d("2027-12-31"),
        };
        let before = s.time_off(team).unwrap().len();
        let preview = s.import_calendar(&req, false).unwrap();
        assert_eq!(preview.time_off_to_write, 1);
        assert_eq!(preview.proposal.unmatched.len(), 1);
        assert!(preview.proposal.unmatched[0].reason.contains("nobody@example.com"));
        assert_eq!(s.time_off(team).unwrap().len(), before, "a preview writes nothing");
        let applied = s.import_calendar(&req, true).unwrap();
        assert!(applied.applied);
        let after = s.time_off(team).unwrap();
        assert_eq!(after.len(), before + 1);
        assert!(after
            .iter()
            .any(|t| t.spec.days.first == d("2027-03-01") && t.spec.days.last == d("2027-03-03")));
        let again = s.import_calendar(&req, true).unwrap();
        assert_eq!(again.time_off_to_write, 0);
        assert!(again.proposal.time_off[0].duplicate);
        assert_eq!(s.time_off(team).unwrap().len(), before + 1);

        let broken = ImportRequest {
            text: "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n".into(),
            ..req.clone()
        };
        assert!(s.import_calendar(&broken, true).is_err());
        let holidays = ImportRequest {
            kind: ImportAs::Holidays,
            ..req
        };
        let before = s.holidays(team).unwrap().len();
        let h = s.import_calendar(&holidays, true).unwrap();
        assert_eq!(h.holidays_to_write, 4);
        assert_eq!(s.holidays(team).unwrap().len(), before + 4);
    }
}
