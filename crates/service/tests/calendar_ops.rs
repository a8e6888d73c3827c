//! Calendar operations of the service over the demo teams: export (a preview records nothing; a
//! saved export is remembered only when its text was written, so re-exports keep UIDs, raise the
//! sequence of a changed event and cancel a removed one exactly once), rejected export requests,
//! and import (preview writes nothing, apply writes once and reports exactly what it created,
//! duplicates are skipped, a broken file writes nothing, holidays).
//!
//! Ported from the store's unit tests (before the service existed, the store exported and
//! imported).
use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use sprintshield_core::calendar::requests::{ExportPreview, ExportRequest, ImportAs, ImportRequest};
use sprintshield_core::calendar::sources::ExportWhat;
use sprintshield_core::rotation::Edit;
use sprintshield_core::time::{resolve_local, DateSpan};
use sprintshield_core::{ErrorKind, Id};
use sprintshield_service::{Record, RecordChange, Sprintshield};

fn stamp() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap()
}

fn d(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// The demo loaded on 2026-11-22, and the id of its team Phoenix.
fn demo() -> (Sprintshield, Id) {
    let mut s = Sprintshield::open_in_memory().unwrap();
    s.load_demo(d("2026-11-22"), stamp()).unwrap();
    let id = s.team_by_name("Phoenix").unwrap().id;
    (s, id)
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

/// Saves an export, as the app does once the file is written.
fn save(s: &mut Sprintshield, req: &ExportRequest) -> ExportPreview {
    let mut written = None;
    let done = s
        .export_calendar(req, stamp(), |p| {
            written = Some(p.text.clone());
            Ok(())
        })
        .unwrap();
    assert_eq!(
        written.as_deref(),
        Some(done.text.as_str()),
        "the text given to write is the export"
    );
    done
}

#[test]
fn re_export_keeps_uids_raises_sequence_and_cancels_once() {
    let (mut s, team) = demo();
    let req = turns_req(team);
    let preview = s.export_preview(&req, stamp()).unwrap();
    assert!(preview.events.len() > 5);
    assert_eq!(preview.new_events, preview.events.len());
    // An export whose text could not be written records nothing either.
    let err = s
        .export_calendar(&req, stamp(), |_| Err(std::io::Error::other("disk full")))
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Storage, "{err:?}");
    assert!(err.message.contains("nothing was recorded"), "{}", err.message);
    // So exporting for real still sees every event as new.
    let first = save(&mut s, &req);
    assert_eq!(first.new_events, first.events.len());
    assert_eq!(first.text, preview.text);
    let again = save(&mut s, &req);
    assert_eq!(
        (again.new_events, again.changed_events, again.cancelled_events),
        (0, 0, 0)
    );
    assert_eq!(again.text, first.text);
    // A preview after a saved export sees it too (and records nothing itself).
    let seen = s.export_preview(&req, stamp()).unwrap();
    assert_eq!((seen.new_events, seen.changed_events, seen.cancelled_events), (0, 0, 0));

    // Change one turn's member (an override) and drop another (as undoing its creation would).
    let zone = s.team(team).unwrap().spec.zone;
    let from = resolve_local(zone, d("2026-11-23").and_hms_opt(0, 0, 0).unwrap());
    let to = resolve_local(zone, d("2026-12-07").and_hms_opt(0, 0, 0).unwrap());
    // Turns that start inside the range: a daily turn begun before it is drawn on its own day,
    // outside the export.
    let turns: Vec<_> = s
        .turns(team, from, to)
        .unwrap()
        .into_iter()
        .filter(|t| t.start >= from)
        .collect();
    let members = s.members(team).unwrap();
    let other = members
        .iter()
        .find(|m| m.id != turns[0].member_id && m.spec.can_take_duty)
        .unwrap();
    let range = DateSpan::new(req.from, req.to, "to").unwrap();
    let edit = Edit::Override {
        turn_id: turns[0].id.unwrap(),
        member_id: other.id,
    };
    s.apply_edit(team, range, edit, stamp()).unwrap();
    let dropped = turns.last().unwrap().clone();
    assert_ne!(dropped.id, turns[0].id);
    s.restore_turns(team, range, std::slice::from_ref(&dropped), &[], stamp())
        .unwrap();
    assert!(s.turns(team, from, to).unwrap().iter().all(|t| t.id != dropped.id));

    let third = save(&mut s, &req);
    assert_eq!(
        (third.new_events, third.changed_events, third.cancelled_events),
        (0, 1, 1)
    );
    let changed = third.events.iter().find(|e| e.sequence == 1 && !e.cancelled).unwrap();
    assert!(changed.summary.contains(&other.spec.name), "{}", changed.summary);
    // The changed event keeps its UID.
    assert!(first.events.iter().any(|e| e.uid == changed.uid));
    assert!(third.text.contains("STATUS:CANCELLED"));
    assert!(third.text.contains("SEQUENCE:1"));
    let fourth = save(&mut s, &req);
    assert_eq!(fourth.cancelled_events, 0, "a removed event is cancelled once");
    assert!(!fourth.text.contains("STATUS:CANCELLED"));
    assert_eq!(fourth.events.len(), third.events.len() - 1);
}

#[test]
fn export_rejects_bad_requests() {
    let (mut s, team) = demo();
    let atlas = s.team_by_name("Atlas").unwrap().id;
    let mut nothing = turns_req(team);
    nothing.what.clear();
    let mut backwards = turns_req(team);
    backwards.to = d("2026-11-01");
    let mut too_long = turns_req(team);
    too_long.to = d("2040-01-01");
    let mut stranger = turns_req(team);
    stranger.member_id = Some(s.members(atlas).unwrap()[0].id);
    let cases = [
        (nothing, ErrorKind::Invalid, Some("what")),
        (backwards, ErrorKind::Invalid, Some("to")),
        (too_long, ErrorKind::Invalid, Some("to")),
        (stranger, ErrorKind::NotFound, None),
    ];
    for (req, kind, field) in cases {
        let err = s.export_preview(&req, stamp()).unwrap_err();
        assert_eq!((err.kind, err.field.as_deref()), (kind, field), "{req:?}: {err:?}");
        let mut called = false;
        let err = s
            .export_calendar(&req, stamp(), |_| {
                called = true;
                Ok(())
            })
            .unwrap_err();
        assert_eq!((err.kind, err.field.as_deref()), (kind, field), "{req:?}: {err:?}");
        assert!(!called, "a rejected export writes no file");
    }
    // Nothing was recorded by the rejected exports: a good one still finds every event new.
    let good = save(&mut s, &turns_req(team));
    assert_eq!(good.new_events, good.events.len());
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
        kinds: Vec::new(),
    };
    let before = s.time_off(team).unwrap();
    let preview = s.import_preview(&req).unwrap();
    assert_eq!(preview.time_off_to_write, 1);
    assert!(!preview.applied);
    assert_eq!(preview.proposal.unmatched.len(), 1);
    assert!(preview.proposal.unmatched[0].reason.contains("nobody@example.com"));
    assert_eq!(s.time_off(team).unwrap(), before, "a preview writes nothing");

    let applied = s.import_calendar(&req).unwrap();
    assert!(applied.value.applied);
    assert_eq!(applied.value.time_off_to_write, 1);
    let after = s.time_off(team).unwrap();
    assert_eq!(after.len(), before.len() + 1);
    let new: Vec<_> = after.iter().filter(|t| !before.contains(t)).cloned().collect();
    assert_eq!(new.len(), 1);
    assert_eq!(
        (new[0].spec.days.first, new[0].spec.days.last),
        (d("2027-03-01"), d("2027-03-03"))
    );
    // The outcome lists exactly the created time off.
    assert_eq!(
        applied.changes.records,
        vec![RecordChange {
            before: None,
            after: Some(Record::TimeOff(new[0].clone())),
        }]
    );
    assert!(applied.changes.turns.is_empty());

    let again = s.import_calendar(&req).unwrap();
    assert_eq!(again.value.time_off_to_write, 0);
    assert!(again.value.proposal.time_off[0].duplicate);
    assert!(again.changes.is_empty(), "{:?}", again.changes);
    assert_eq!(s.time_off(team).unwrap(), after);

    let broken = ImportRequest {
        text: "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n".into(),
        ..req.clone()
    };
    let holidays_before = s.holidays(team).unwrap();
    assert!(s.import_preview(&broken).is_err());
    assert!(s.import_calendar(&broken).is_err());
    assert_eq!(s.time_off(team).unwrap(), after, "a broken file writes nothing");
    assert_eq!(s.holidays(team).unwrap(), holidays_before);

    let holidays = ImportRequest {
        kind: ImportAs::Holidays,
        ..req
    };
    let preview = s.import_preview(&holidays).unwrap();
    assert_eq!(preview.holidays_to_write, 4);
    assert_eq!(s.holidays(team).unwrap(), holidays_before, "a preview writes nothing");
    let h = s.import_calendar(&holidays).unwrap();
    assert_eq!(h.value.holidays_to_write, 4);
    let now_holidays = s.holidays(team).unwrap();
    assert_eq!(now_holidays.len(), holidays_before.len() + 4);
    assert_eq!(s.time_off(team).unwrap(), after, "a holiday import adds no time off");
    // The outcome lists exactly the created holidays, each as created.
    let created: BTreeSet<_> = now_holidays
        .iter()
        .filter(|x| !holidays_before.contains(x))
        .map(|x| x.id)
        .collect();
    assert_eq!(created.len(), 4);
    let mut reported = BTreeSet::new();
    for change in &h.changes.records {
        assert_eq!(change.before, None);
        match &change.after {
            Some(Record::Holiday(x)) => {
                assert!(now_holidays.contains(x), "{x:?}");
                reported.insert(x.id);
            }
            other => panic!("an import reports only created holidays here: {other:?}"),
        }
    }
    assert_eq!(h.changes.records.len(), 4);
    assert_eq!(reported, created);
}
