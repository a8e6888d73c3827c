//! Calendar import: files as Google, Outlook and a national holiday calendar write them, repeat
//! rules, floating times, unknown zones, member mapping, duplicates, and a property test that no
//! input makes the parser panic.
use chrono::NaiveDate;
use proptest::prelude::*;
use sprintshield_core::calendar::import::{parse_ics, MessageLevel};
use sprintshield_core::calendar::mapping::{mark_duplicates, propose_holidays, propose_time_off, skip_non_absences};
use sprintshield_core::member::{Member, MemberSpec};
use sprintshield_core::time::DateSpan;
use sprintshield_core::time_off::{Holiday, TimeOff, TimeOffKind, TimeOffSpec};

const BERLIN: chrono_tz::Tz = chrono_tz::Europe::Berlin;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn year_2026() -> DateSpan {
    DateSpan {
        first: d("2026-01-01"),
        last: d("2026-12-31"),
    }
}

fn span(a: &str, b: &str) -> DateSpan {
    DateSpan {
        first: d(a),
        last: d(b),
    }
}

fn member(id: i64, name: &str, email: Option<&str>) -> Member {
    Member {
        id,
        team_id: 1,
        spec: MemberSpec {
            name: name.into(),
            email: email.map(str::to_owned),
            capacity_percent: 100,
            skills: vec![],
            active_from: None,
            active_until: None,
            can_take_duty: true,
            colour: "#336699".into(),
        },
    }
}

const GOOGLE: &str = "BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nVERSION:2.0\r\n\
X-WR-CALNAME:Team vacations\r\nX-WR-TIMEZONE:Europe/Berlin\r\n\
BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nTZOFFSETFROM:+0200\r\n\
TZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n\
BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260810\r\nDTEND;VALUE=DATE:20260822\r\nUID:abc123@google.com\r\n\
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Ann Lee;X-NUM-GUESTS=0:mailto:Ann\r\n \
@Example.com\r\nSUMMARY:Summer vacation\\, Italy\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:x\r\n\
TRIGGER:-P1D\r\nEND:VALARM\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nDTSTART;TZID=Europe/Berlin:20260105T090000\r\nDTEND;TZID=Europe/Berlin:20260105T170000\r\n\
RRULE:FREQ=WEEKLY;UNTIL=20260202T080000Z;BYDAY=MO\r\nEXDATE;TZID=Europe/Berlin:20260119T090000\r\n\
UID:weekly@google.com\r\nORGANIZER;CN=Bo Chen:mailto:bo@example.com\r\nSUMMARY:Bo's Monday off\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nDTSTART;TZID=Europe/Berlin:20260127T090000\r\nDTEND;TZID=Europe/Berlin:20260127T170000\r\n\
RECURRENCE-ID;TZID=Europe/Berlin:20260126T090000\r\nUID:weekly@google.com\r\nSUMMARY:Bo's Monday off (moved)\r\n\
ORGANIZER;CN=Bo Chen:mailto:bo@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

const OUTLOOK: &str = "BEGIN:VCALENDAR\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\nVERSION:2.0\n\
METHOD:PUBLISH\nBEGIN:VTIMEZONE\nTZID:W. Europe Standard Time\nBEGIN:STANDARD\nDTSTART:16011028T030000\n\
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nEND:STANDARD\nEND:VTIMEZONE\n\
BEGIN:VEVENT\nSUMMARY:Cy - training\nDTSTART;TZID=\"W. Europe Standard Time\":20260316T000000\n\
DTEND;TZID=\"W. Europe Standard Time\":20260318T000000\nUID:040000008200E00074C5B7101A82E008\n\
X-MICROSOFT-CDO-ALLDAYEVENT:TRUE\nEND:VEVENT\n\
BEGIN:VEVENT\nSUMMARY:Somewhere else\nDTSTART;TZID=Mars Standard Time:20260401T090000\nUID:mars\nEND:VEVENT\n\
BEGIN:VEVENT\nSUMMARY:Floating\nDTSTART:20260402T220000\nDTEND:20260403T020000\nUID:float\nEND:VEVENT\n\
BEGIN:VEVENT\nSUMMARY:Cancelled trip\nSTATUS:CANCELLED\nDTSTART;VALUE=DATE:20260405\nUID:gone\nEND:VEVENT\n\
END:VCALENDAR\n";

const HOLIDAYS: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Holidays//DE//EN\r\n\
BEGIN:VEVENT\r\nUID:newyear@holidays\r\nDTSTART;VALUE=DATE:20200101\r\nRRULE:FREQ=YEARLY\r\nSUMMARY:Neujahr\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:xmas@holidays\r\nDTSTART;VALUE=DATE:20261225\r\nDTEND;VALUE=DATE:20261227\r\n\
SUMMARY:Weihnachten\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:thanks@holidays\r\nDTSTART;VALUE=DATE:20261126\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH\r\n\
SUMMARY:Thanksgiving\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

#[test]
fn google_export_with_rrule_exdate_and_moved_occurrence() {
    let r = parse_ics(GOOGLE, BERLIN, year_2026()).unwrap();
    assert!(r.messages.is_empty(), "{:?}", r.messages);
    let vac = &r.items[0];
    assert_eq!(vac.summary, "Summer vacation, Italy");
    assert_eq!(vac.days, span("2026-08-10", "2026-08-21"), "DTEND is exclusive");
    assert_eq!(
        vac.attendees[0].email.as_deref(),
        Some("ann@example.com"),
        "unfolded and lower-cased"
    );
    assert_eq!(vac.attendees[0].name.as_deref(), Some("Ann Lee"));
    let mondays: Vec<NaiveDate> = r
        .items
        .iter()
        .filter(|i| i.uid == "weekly@google.com")
        .map(|i| i.days.first)
        .collect();
    // Weekly Mondays until 2 Feb 09:00 Berlin; 19 Jan excluded; 26 Jan moved to the 27th.
    assert_eq!(
        mondays,
        [d("2026-01-05"), d("2026-01-12"), d("2026-02-02"), d("2026-01-27")]
    );
}

const MIXED: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n\
BEGIN:VEVENT\r\nUID:ooo@example.com\r\nDTSTART;VALUE=DATE:20260601\r\nDTEND;VALUE=DATE:20260606\r\n\
TRANSP:OPAQUE\r\nSUMMARY:Out of office\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:standup@example.com\r\nDTSTART:20260601T070000Z\r\nDTEND:20260601T071500Z\r\n\
RRULE:FREQ=DAILY;COUNT=3\r\nTRANSP:TRANSPARENT\r\nSUMMARY:Reminder\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:vacation@example.com\r\nDTSTART;VALUE=DATE:20260615\r\nDTEND;VALUE=DATE:20260620\r\n\
TRANSP:TRANSPARENT\r\nSUMMARY:Vacation\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:release-1-7-production@sprintshield\r\nDTSTART:20260606T070000Z\r\n\
DTEND:20260606T080000Z\r\nSUMMARY:Production release: Phoenix 7\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:timeoff-3@sprintshield\r\nDTSTART;VALUE=DATE:20260610\r\nSUMMARY:Away: Ann\r\n\
END:VEVENT\r\nEND:VCALENDAR\r\n";

#[test]
fn free_events_and_own_non_absences_are_skipped_with_one_message_each() {
    let mut r = parse_ics(MIXED, BERLIN, year_2026()).unwrap();
    assert_eq!(r.items.len(), 7, "three occurrences of the daily reminder");
    skip_non_absences(&mut r, true);
    let uids: Vec<&str> = r.items.iter().map(|i| i.uid.as_str()).collect();
    // A free all-day event is still an absence (Google and Outlook make all-day entries free).
    assert_eq!(
        uids,
        ["ooo@example.com", "vacation@example.com", "timeoff-3@sprintshield"]
    );
    let texts: Vec<(&str, &str)> = r
        .messages
        .iter()
        .map(|m| (m.summary.as_str(), m.text.as_str()))
        .collect();
    assert_eq!(texts.len(), 2, "one message per event, not per occurrence: {texts:?}");
    assert_eq!(texts[0].0, "Reminder");
    assert!(texts[0].1.starts_with("it is not an absence (free/transparent)"));
    assert_eq!(texts[1].0, "Production release: Phoenix 7");
    assert!(texts[1].1.contains("not an absence (a Sprintshield release event)"));
    assert!(r.messages.iter().all(|m| m.level == MessageLevel::Skipped));

    // Holidays: free days are kept (holiday calendars mark them free), own events still go.
    let mut h = parse_ics(MIXED, BERLIN, year_2026()).unwrap();
    skip_non_absences(&mut h, false);
    assert_eq!(h.items.len(), 6);
    assert_eq!(h.messages.len(), 1);
}

#[test]
fn outlook_windows_zone_floating_unknown_and_cancelled() {
    let r = parse_ics(OUTLOOK, BERLIN, year_2026()).unwrap();
    let training = r.items.iter().find(|i| i.summary == "Cy - training").unwrap();
    assert_eq!(
        training.days,
        span("2026-03-16", "2026-03-17"),
        "midnight-to-midnight ends the day before"
    );
    let float = r.items.iter().find(|i| i.uid == "float").unwrap();
    assert_eq!(float.days, span("2026-04-02", "2026-04-03"));
    let msg = |s: &str| r.messages.iter().find(|m| m.summary == s).unwrap();
    assert_eq!(msg("Floating").level, MessageLevel::Note);
    assert!(msg("Floating").text.contains("Europe/Berlin"));
    assert_eq!(msg("Somewhere else").level, MessageLevel::Skipped);
    assert!(msg("Somewhere else").text.contains("Mars Standard Time"));
    assert!(msg("Cancelled trip").text.contains("cancelled"));
    assert!(r.items.iter().all(|i| i.uid != "mars" && i.uid != "gone"));
}

#[test]
fn holiday_calendar_expands_yearly_rules_in_range_including_nth_weekdays() {
    let r = parse_ics(HOLIDAYS, BERLIN, year_2026()).unwrap();
    assert!(r.messages.is_empty(), "{:?}", r.messages);
    let p = propose_holidays(&r.items);
    let days: Vec<(NaiveDate, &str)> = p.holidays.iter().map(|h| (h.date, h.name.as_str())).collect();
    assert_eq!(
        days,
        [
            (d("2026-01-01"), "Neujahr"),
            (d("2026-12-25"), "Weihnachten"),
            (d("2026-12-26"), "Weihnachten"),
            (d("2026-11-26"), "Thanksgiving"),
        ]
    );
}

#[test]
fn malformed_files_are_one_clear_error() {
    for (text, says) in [
        ("", "no BEGIN:VCALENDAR"),
        ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\n", "cut off"),
        (
            "SUMMARY:x\nBEGIN:VCALENDAR\nEND:VCALENDAR\n",
            "line 1: \"SUMMARY:x\" appears outside",
        ),
        ("BEGIN:VCALENDAR\nEND:VCALENDAR\ngarbage", "cut off"),
    ] {
        let e = parse_ics(text, BERLIN, year_2026()).unwrap_err();
        assert_eq!(e.field, "file");
        assert!(e.message.contains(says), "{:?} -> {}", text, e.message);
    }
    // A line inside a calendar that is not a content line is skipped, as calendar clients do.
    let r = parse_ics(
        "BEGIN:VCALENDAR\nthis is not a property\nEND:VCALENDAR\n",
        BERLIN,
        year_2026(),
    )
    .unwrap();
    assert!(r.items.is_empty() && r.messages.is_empty());
}

#[test]
fn events_are_mapped_to_members_by_email_name_or_title() {
    let members = [
        member(1, "Ann Lee", Some("ANN@example.com")),
        member(2, "Bo Chen", Some("bo@example.com")),
        member(3, "Cy", None),
    ];
    let mut items = parse_ics(GOOGLE, BERLIN, year_2026()).unwrap().items;
    items.extend(parse_ics(OUTLOOK, BERLIN, year_2026()).unwrap().items);
    let p = propose_time_off(&items, &members);
    let who = |summary: &str| -> Vec<(i64, String)> {
        p.time_off
            .iter()
            .filter(|t| t.summary == summary)
            .map(|t| (t.member_id, t.matched_by.clone()))
            .collect()
    };
    assert_eq!(
        who("Summer vacation, Italy"),
        [(1, "attendee e-mail ann@example.com".to_owned())]
    );
    assert_eq!(who("Bo's Monday off").len(), 3);
    assert!(who("Bo's Monday off")
        .iter()
        .all(|(id, how)| *id == 2 && how.starts_with("organizer")));
    assert_eq!(who("Cy - training"), [(3, "name \"Cy\" in the title".to_owned())]);
    let floating = p.unmatched.iter().find(|u| u.summary == "Floating").unwrap();
    assert!(floating.reason.contains("matches a member"), "{}", floating.reason);
}

#[test]
fn unknown_attendee_is_unmatched_with_the_address() {
    let text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nSUMMARY:Off\nDTSTART;VALUE=DATE:20260301\n\
                ATTENDEE:mailto:zed@example.com\nEND:VEVENT\nEND:VCALENDAR\n";
    let items = parse_ics(text, BERLIN, year_2026()).unwrap().items;
    let p = propose_time_off(&items, &[member(1, "Ann Lee", Some("ann@example.com"))]);
    assert!(p.time_off.is_empty());
    assert!(p.unmatched[0].reason.contains("zed@example.com"));
}

#[test]
fn re_import_marks_existing_time_off_and_holidays_as_duplicates() {
    let members = [member(1, "Ann Lee", Some("ann@example.com"))];
    let items = parse_ics(GOOGLE, BERLIN, year_2026()).unwrap().items;
    let mut p = propose_time_off(&items, &members);
    let stored = TimeOff {
        id: 9,
        spec: TimeOffSpec {
            member_id: 1,
            days: span("2026-08-08", "2026-08-23"),
            kind: TimeOffKind::Vacation,
            note: String::new(),
        },
    };
    mark_duplicates(&mut p, std::slice::from_ref(&stored), &[]);
    assert!(p.time_off[0].duplicate);
    let other = TimeOff {
        spec: TimeOffSpec {
            member_id: 2,
            ..stored.spec.clone()
        },
        ..stored
    };
    mark_duplicates(&mut p, &[other], &[]);
    assert!(!p.time_off[0].duplicate, "someone else's time off is not a duplicate");

    let items = parse_ics(HOLIDAYS, BERLIN, year_2026()).unwrap().items;
    let mut h = propose_holidays(&items);
    let xmas = Holiday {
        id: 1,
        team_id: 1,
        date: d("2026-12-25"),
        name: "Christmas".into(),
    };
    mark_duplicates(&mut h, &[], &[xmas]);
    let dup: Vec<bool> = h.holidays.iter().map(|x| x.duplicate).collect();
    assert_eq!(dup, [false, true, false, false]);
}

/// A valid file to mutate.
fn seed_file() -> String {
    format!("{GOOGLE}{HOLIDAYS}")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn random_text_never_panics(text in "(?s).{0,400}") {
        let _ = parse_ics(&text, BERLIN, year_2026());
    }

    #[test]
    fn calendar_like_text_never_panics(
        lines in proptest::collection::vec(
            prop_oneof![
                Just("BEGIN:VCALENDAR".to_owned()), Just("END:VCALENDAR".to_owned()),
                Just("BEGIN:VEVENT".to_owned()), Just("END:VEVENT".to_owned()),
                "DTSTART(;VALUE=DATE|;TZID=[A-Za-z/_]{0,15})?:[0-9TZ]{0,17}",
                "DTEND(;VALUE=DATE)?:[0-9TZ]{0,17}",
                "DURATION:[-+PTWDHMS0-9]{0,12}",
                "RRULE:(FREQ=[A-Z]{0,7};)?(INTERVAL=[0-9]{0,7};)?(COUNT=[0-9]{0,7};)?(UNTIL=[0-9TZ]{0,16};)?(BYDAY=[A-Z0-9,+-]{0,10})?",
                "EXDATE(;VALUE=DATE)?:[0-9TZ,]{0,30}",
                "RECURRENCE-ID:[0-9TZ]{0,16}",
                "(ATTENDEE|ORGANIZER)(;CN=\"?[^\r\n]{0,10}\"?)?:[^\r\n]{0,20}",
                "SUMMARY:[^\r\n]{0,20}",
                " [^\r\n]{0,10}",
            ],
            0..30,
        )
    ) {
        let text = lines.join("\r\n");
        let _ = parse_ics(&text, BERLIN, year_2026());
    }

    #[test]
    fn mutated_files_never_panic(cut in 0usize..2000, insert in "[^\r]{0,5}", drop in 0usize..40) {
        let mut text = seed_file();
        let at = (cut % text.len()..=text.len()).find(|i| text.is_char_boundary(*i)).unwrap_or(text.len());
        let end = (at + drop..=text.len()).find(|i| text.is_char_boundary(*i)).unwrap_or(text.len()).min(text.len());
        text.replace_range(at..end, &insert);
        if let Ok(r) = parse_ics(&text, BERLIN, year_2026()) {
            for item in r.items {
                prop_assert!(item.days.first <= item.days.last);
            }
        }
    }
}
