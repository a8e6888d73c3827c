//! Calendar operations: export a team's turns, time off, sprints and releases as `.ics` (preview,
//! or save to a file and remember what was written so the next export updates instead of
//! duplicating), and import time off or holidays from a file.
use std::path::Path;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use sprintshield_core::calendar::import::parse_ics;
use sprintshield_core::calendar::mapping::{
    choose_kinds, mark_duplicates, propose_holidays, propose_time_off, set_aside_overlaps, skip_non_absences,
};
use sprintshield_core::calendar::reconcile::{distinct_kinds, export_scope, file_name, first_day, last_day, reconcile};
use sprintshield_core::calendar::requests::{ExportPreview, ExportRequest, ImportAs, ImportPreview, ImportRequest};
use sprintshield_core::calendar::sources::{release_events, sprint_events, time_off_events, turn_events, ExportWhat};
use sprintshield_core::calendar::{export_ics, CalendarEvent};
use sprintshield_core::time::{resolve_local, DateSpan};
use sprintshield_core::time_off::TimeOffSpec;
use sprintshield_core::{AppError, ErrorKind, Invalid};
use sprintshield_store::Store;

use crate::{Changes, Outcome, Record, Result, Sprintshield};

/// The longest range exported at once, in days (ten years).
const MAX_EXPORT_DAYS: i64 = 3660;
/// Imported summaries longer than this are cut when they become a time-off note.
const MAX_IMPORTED_NOTE: usize = 200;
/// Imported summaries longer than this are cut when they become a holiday's name.
const MAX_IMPORTED_NAME: usize = 80;

/// The calendar's name and its events (sequences not set yet).
fn export_events(
    s: &Store,
    req: &ExportRequest,
    span: DateSpan,
    zone: Tz,
) -> sprintshield_store::Result<(String, Vec<CalendarEvent>)> {
    let team = s.team(req.team_id)?;
    let members = s.members(team.id)?;
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
    let policies = s.policies(team.id)?;
    let policy =
        match req.policy_id {
            Some(id) => {
                Some(policies.iter().find(|p| p.id == id).cloned().ok_or_else(|| {
                    AppError::not_found(format!("duty policy {id} is not one of {}'s", team.spec.name))
                })?)
            }
            None => None,
        };
    let start = resolve_local(zone, span.first.and_time(chrono::NaiveTime::MIN));
    let end = resolve_local(zone, (span.last + Duration::days(1)).and_time(chrono::NaiveTime::MIN));
    let mut events = Vec::new();
    for what in distinct_kinds(&req.what) {
        match what {
            ExportWhat::Turns => {
                let turns: Vec<_> = s
                    .turns(team.id, start, end)?
                    .into_iter()
                    .filter(|t| member.as_ref().is_none_or(|m| m.id == t.member_id))
                    .filter(|t| policy.as_ref().is_none_or(|p| p.id == t.policy_id))
                    .collect();
                // A turn may be held by someone of another team (an escalation rotation).
                let mut named = members.clone();
                for t in &turns {
                    if named.iter().all(|m| m.id != t.member_id) {
                        named.push(s.member(t.member_id)?);
                    }
                }
                events.extend(turn_events(&turns, &policies, &named, zone));
            }
            ExportWhat::TimeOff => {
                let away: Vec<_> = s
                    .time_off(team.id)?
                    .into_iter()
                    .filter(|t| t.spec.days.overlaps(&span))
                    .filter(|t| member.as_ref().is_none_or(|m| m.id == t.spec.member_id))
                    .collect();
                events.extend(time_off_events(&away, &members));
            }
            ExportWhat::Sprints => {
                let sprints: Vec<_> = s
                    .sprints(team.id)?
                    .into_iter()
                    .filter(|x| x.span().overlaps(&span))
                    .collect();
                events.extend(sprint_events(&team.spec.name, &sprints));
            }
            ExportWhat::Releases => {
                for t in s
                    .release_trains()?
                    .into_iter()
                    .filter(|t| t.train.spec.dev_team_id == team.id || t.train.spec.ops_team_id == team.id)
                {
                    let plan = crate::releases::plan_train(s, t.train.id, None, None)?;
                    let releases: Vec<_> = plan
                        .releases
                        .into_iter()
                        .filter(|r| span.contains(r.production_day) || (r.rc_push >= start && r.rc_push < end))
                        .collect();
                    let ops_members = s.members(t.train.spec.ops_team_id)?;
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

/// What an export writes into the bookkeeping.
struct Bookkeeping {
    scope: String,
    live: Vec<CalendarEvent>,
    hashes: std::collections::HashMap<String, String>,
    gone: Vec<CalendarEvent>,
    zone: Tz,
}

/// Builds the export of `req` stamped `dtstamp`, reconciled with what its scope wrote before,
/// and what to remember if it is saved.
fn build(
    s: &Store,
    req: &ExportRequest,
    dtstamp: DateTime<Utc>,
) -> sprintshield_store::Result<(ExportPreview, Bookkeeping)> {
    if req.what.is_empty() {
        return Err(Invalid::new("what", "choose what to export: turns, time off, sprints or releases").into());
    }
    let span = DateSpan::new(req.from, req.to, "to")?;
    if span.days() > MAX_EXPORT_DAYS {
        return Err(Invalid::new("to", "export at most ten years at a time").into());
    }
    let zone = s.team(req.team_id)?.spec.zone;
    let (calname, mut events) = export_events(s, req, span, zone)?;
    // A daily turn is drawn on its first day: one that started before the range is not shown in it.
    events.retain(|e| first_day(e, zone) <= span.last && last_day(e, zone) >= span.first);
    let scope = export_scope(req);
    let done = reconcile(events, &s.recorded_exports(&scope)?, span, zone);
    let mut events = done.events.clone();
    events.extend(done.gone.iter().cloned());
    events.sort_by(|a, b| (a.when.sort_key(), &a.uid).cmp(&(b.when.sort_key(), &b.uid)));
    let text = export_ics(&calname, zone, &events, dtstamp);
    let preview = ExportPreview {
        file_name: file_name(&calname, span),
        calname,
        events,
        new_events: done.new_events,
        changed_events: done.changed_events,
        cancelled_events: done.gone.len(),
        text,
    };
    let book = Bookkeeping {
        scope,
        live: done.events,
        hashes: done.hashes,
        gone: done.gone,
        zone,
    };
    Ok((preview, book))
}

/// An import's preview with the time off and holidays (day, name) it writes when applied.
type Proposed = (ImportPreview, Vec<TimeOffSpec>, Vec<(NaiveDate, String)>);

/// Reads the file text of `req` and proposes what to import, with the records to write.
fn propose(s: &Store, req: &ImportRequest) -> sprintshield_store::Result<Proposed> {
    let span = DateSpan::new(req.from, req.to, "to")?;
    let team = s.team(req.team_id)?;
    let mut read = parse_ics(&req.text, team.spec.zone, span)?;
    // Duty turns, sprints and releases (and anything else shown as free) keep nobody away.
    skip_non_absences(&mut read, req.kind == ImportAs::TimeOff);
    let members = s.members(team.id)?;
    let stored_time_off = s.time_off(team.id)?;
    let mut proposal = match req.kind {
        ImportAs::TimeOff => propose_time_off(&read.items, &members),
        ImportAs::Holidays => propose_holidays(&read.items),
    };
    choose_kinds(&mut proposal, &req.kinds)?;
    mark_duplicates(&mut proposal, &stored_time_off, &s.holidays(team.id)?);
    set_aside_overlaps(&mut proposal, &stored_time_off);
    let time_off: Vec<TimeOffSpec> = proposal
        .time_off
        .iter()
        .filter(|p| !p.duplicate)
        .map(|p| TimeOffSpec {
            member_id: p.member_id,
            days: p.days,
            kind: p.kind,
            note: p.summary.chars().take(MAX_IMPORTED_NOTE).collect(),
        })
        .collect();
    let holidays: Vec<_> = proposal
        .holidays
        .iter()
        .filter(|p| !p.duplicate)
        .map(|h| (h.date, h.name.chars().take(MAX_IMPORTED_NAME).collect::<String>()))
        .collect();
    let preview = ImportPreview {
        proposal,
        messages: read.messages,
        time_off_to_write: time_off.len(),
        holidays_to_write: holidays.len(),
        applied: false,
    };
    Ok((preview, time_off, holidays))
}

impl Sprintshield {
    /// What an export would contain; nothing is recorded.
    pub fn export_preview(&self, req: &ExportRequest, now: DateTime<Utc>) -> Result<ExportPreview> {
        self.read(|s| build(s, req, now).map(|(preview, _)| preview))
    }

    /// Exports and remembers what was written (so the next export raises sequences and cancels
    /// removed events); `write` puts the text where it belongs (a file, stdout). When `write`
    /// fails nothing is remembered.
    pub fn export_calendar(
        &mut self,
        req: &ExportRequest,
        now: DateTime<Utc>,
        write: impl FnOnce(&ExportPreview) -> std::io::Result<()>,
    ) -> Result<ExportPreview> {
        self.write(|s| {
            let (preview, book) = build(s, req, now)?;
            write(&preview).map_err(|e| {
                AppError::new(
                    ErrorKind::Storage,
                    format!("the calendar could not be written ({e}); nothing was recorded"),
                )
            })?;
            s.record_export(&book.scope, &book.live, &book.hashes, &book.gone, book.zone)?;
            Ok(preview)
        })
    }

    /// Exports to the file at `path` and remembers what was written.
    pub fn save_export(&mut self, req: &ExportRequest, path: &Path, now: DateTime<Utc>) -> Result<ExportPreview> {
        self.export_calendar(req, now, |p| std::fs::write(path, &p.text))
    }

    /// Reads an `.ics` text for the team and proposes time off (members matched by attendee
    /// e-mail or name) or holidays, marking what exists as duplicates and listing what cannot be
    /// used with a reason; nothing is written.
    pub fn import_preview(&self, req: &ImportRequest) -> Result<ImportPreview> {
        self.read(|s| propose(s, req).map(|(preview, _, _)| preview))
    }

    /// Like [`Sprintshield::import_preview`], then writes every non-duplicate proposal in one
    /// transaction (all of it or, on any error, nothing).
    pub fn import_calendar(&mut self, req: &ImportRequest) -> Result<Outcome<ImportPreview>> {
        self.write(|s| {
            let (mut preview, time_off, holidays) = propose(s, req)?;
            let (away, days) = s.write_import(req.team_id, &time_off, &holidays)?;
            preview.applied = true;
            let mut changes = Changes::none();
            for t in away {
                changes.records.extend(Changes::created(Record::TimeOff(t)).records);
            }
            for h in days {
                changes.records.extend(Changes::created(Record::Holiday(h)).records);
            }
            Ok(Outcome::new(preview, changes))
        })
    }
}
