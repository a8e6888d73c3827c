//! Calendar import of files shaped like the ones real calendars write: a national holiday
//! calendar (yearly fixed days, "nth weekday" holidays and Easter-style dated lists), an Outlook
//! export with Windows zone names, a Google export whose folds split accented characters and whose
//! attendees have no `mailto:`, and a file whose only zone is its own `VTIMEZONE`. Then a property
//! test: whatever the exporter writes imports back to the same time off, in any zone, across DST.
use chrono::{Duration, NaiveDate, NaiveTime};
use proptest::prelude::*;
use sprintshield_core::calendar::export_ics;
use sprintshield_core::calendar::import::{parse_ics, text_from_bytes, ImportResult, MessageLevel};
use sprintshield_core::calendar::mapping::{propose_holidays, propose_time_off, skip_non_absences};
use sprintshield_core::calendar::sources::{time_off_events, turn_events};
use sprintshield_core::member::{Member, MemberSpec};
use sprintshield_core::rotation::{DutyPolicy, NewPolicy, PolicyKind, Turn};
use sprintshield_core::time::{resolve_local, DateSpan};
use sprintshield_core::time_off::{TimeOff, TimeOffKind, TimeOffSpec};

const BERLIN: chrono_tz::Tz = chrono_tz::Europe::Berlin;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn year(y: i32) -> DateSpan {
    DateSpan {
        first: NaiveDate::from_ymd_opt(y, 1, 1).unwrap(),
        last: NaiveDate::from_ymd_opt(y, 12, 31).unwrap(),
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

fn message<'a>(r: &'a ImportResult, summary: &str) -> (&'a MessageLevel, &'a str) {
    let m = r
        .messages
        .iter()
        .find(|m| m.summary == summary)
        .unwrap_or_else(|| panic!("no message for {summary}: {:?}", r.messages));
    (&m.level, m.text.as_str())
}

/// German and US public holidays as a holiday calendar publishes them: fixed days as yearly rules
/// (with `BYMONTH`/`BYMONTHDAY`, or bare `FREQ=YEARLY`), "nth weekday" days as `BYDAY=3MO`,
/// `-1MO`, `4TH`, and the Easter-dependent days as one dated event per year.
const NATIONAL: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Holidays//DE+US//EN\r\n\
X-WR-CALNAME:Public holidays\r\nX-WR-TIMEZONE:Europe/Berlin\r\n\
BEGIN:VEVENT\r\nUID:neujahr@holidays\r\nDTSTART;VALUE=DATE:20000101\r\nDTEND;VALUE=DATE:20000102\r\n\
RRULE:FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1\r\nSUMMARY:Neujahr\r\nTRANSP:TRANSPARENT\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:arbeit@holidays\r\nDTSTART;VALUE=DATE:20000501\r\nRRULE:FREQ=YEARLY\r\nSUMMARY:Tag der Arbeit\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:einheit@holidays\r\nDTSTART;VALUE=DATE:19901003\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=3\r\n\
SUMMARY:Tag der Deutschen Einheit\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:weihnachten@holidays\r\nDTSTART;VALUE=DATE:20001225\r\nDTEND;VALUE=DATE:20001227\r\n\
RRULE:FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25\r\nSUMMARY:Weihnachten\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:mlk@holidays\r\nDTSTART;VALUE=DATE:20000117\r\nRRULE:FREQ=YEARLY;BYMONTH=1;BYDAY=3MO\r\n\
SUMMARY:Martin Luther King Jr. Day\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:presidents@holidays\r\nDTSTART;VALUE=DATE:20000221\r\nRRULE:FREQ=YEARLY;BYMONTH=2;BYDAY=3MO\r\n\
SUMMARY:Presidents' Day\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:memorial@holidays\r\nDTSTART;VALUE=DATE:20000529\r\nRRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO\r\n\
SUMMARY:Memorial Day\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:labor@holidays\r\nDTSTART;VALUE=DATE:20000904\r\nRRULE:FREQ=YEARLY;BYMONTH=9;BYDAY=1MO\r\n\
SUMMARY:Labor Day\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:thanks@holidays\r\nDTSTART;VALUE=DATE:20001123\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH\r\n\
SUMMARY:Thanksgiving\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:kf2027@holidays\r\nDTSTART;VALUE=DATE:20270326\r\nSUMMARY:Karfreitag\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:om2027@holidays\r\nDTSTART;VALUE=DATE:20270329\r\nSUMMARY:Ostermontag\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:ch2027@holidays\r\nDTSTART;VALUE=DATE:20270506\r\nSUMMARY:Christi Himmelfahrt\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:pm2027@holidays\r\nDTSTART;VALUE=DATE:20270517\r\nSUMMARY:Pfingstmontag\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:kf2028@holidays\r\nDTSTART;VALUE=DATE:20280414\r\nSUMMARY:Karfreitag\r\nEND:VEVENT\r\n\
END:VCALENDAR\r\n";

#[test]
fn national_holiday_calendar_gives_every_holiday_of_the_year() {
    let r = parse_ics(NATIONAL, BERLIN, year(2027)).unwrap();
    assert!(r.messages.is_empty(), "{:?}", r.messages);
    let mut days: Vec<(NaiveDate, String)> = propose_holidays(&r.items)
        .holidays
        .into_iter()
        .map(|h| (h.date, h.name))
        .collect();
    days.sort();
    let want = [
        ("2027-01-01", "Neujahr"),
        ("2027-01-18", "Martin Luther King Jr. Day"),
        ("2027-02-15", "Presidents' Day"),
        ("2027-03-26", "Karfreitag"),
        ("2027-03-29", "Ostermontag"),
        ("2027-05-01", "Tag der Arbeit"),
        ("2027-05-06", "Christi Himmelfahrt"),
        ("2027-05-17", "Pfingstmontag"),
        ("2027-05-31", "Memorial Day"),
        ("2027-09-06", "Labor Day"),
        ("2027-10-03", "Tag der Deutschen Einheit"),
        ("2027-11-25", "Thanksgiving"),
        ("2027-12-25", "Weihnachten"),
        ("2027-12-26", "Weihnachten"),
    ];
    let want: Vec<(NaiveDate, String)> = want.iter().map(|(a, b)| (d(a), b.to_string())).collect();
    assert_eq!(days, want);
}

/// An Outlook export: Windows zone names in `TZID` (quoted and not) with Outlook's own
/// `VTIMEZONE`s, `MAILTO:` in capitals, an event that ends before it starts, one with both
/// `DTEND` and `DURATION`, and one with a zone nobody knows.
const OUTLOOK: &str = "BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\nVERSION:2.0\r\n\
METHOD:PUBLISH\r\nX-MS-OLK-FORCEINSPECTOROPEN:TRUE\r\n\
BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16011028T030000\r\n\
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n\
BEGIN:DAYLIGHT\r\nDTSTART:16010325T020000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nTZOFFSETFROM:+0100\r\n\
TZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n\
BEGIN:VTIMEZONE\r\nTZID:Eastern Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16011104T020000\r\n\
RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nEND:STANDARD\r\n\
BEGIN:DAYLIGHT\r\nDTSTART:16010311T020000\r\nRRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3\r\nTZOFFSETFROM:-0500\r\n\
TZOFFSETTO:-0400\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n\
BEGIN:VEVENT\r\nCLASS:PUBLIC\r\nSUMMARY:Cy - Schulung\r\n\
DTSTART;TZID=\"W. Europe Standard Time\":20270329T000000\r\nDTEND;TZID=\"W. Europe Standard Time\":20270331T000000\r\n\
UID:040000008200E00074C5B7101A82E00800000000A0\r\nORGANIZER;CN=Cy Park:MAILTO:Cy.Park@Example.com\r\n\
X-MICROSOFT-CDO-ALLDAYEVENT:TRUE\r\nX-MICROSOFT-CDO-BUSYSTATUS:OOF\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nSUMMARY:Ann - Konferenz New York\r\n\
DTSTART;TZID=Eastern Standard Time:20270314T203000\r\nDTEND;TZID=Eastern Standard Time:20270315T180000\r\n\
UID:040000008200E00074C5B7101A82E00800000000A1\r\nATTENDEE;CN=Ann Lee;RSVP=TRUE:MAILTO:ann@example.com\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nSUMMARY:Backwards\r\nDTSTART;TZID=W. Europe Standard Time:20270410T090000\r\n\
DTEND;TZID=W. Europe Standard Time:20270409T090000\r\nUID:back\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nSUMMARY:Both ends\r\nDTSTART;TZID=W. Europe Standard Time:20270412T090000\r\n\
DTEND;TZID=W. Europe Standard Time:20270412T170000\r\nDURATION:PT2H\r\nUID:both\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nSUMMARY:On Mars\r\nDTSTART;TZID=Mars Standard Time:20270401T090000\r\nUID:mars\r\nEND:VEVENT\r\n\
END:VCALENDAR\r\n";

#[test]
fn outlook_export_with_windows_zone_names() {
    let r = parse_ics(OUTLOOK, BERLIN, year(2027)).unwrap();
    let item = |s: &str| r.items.iter().find(|i| i.summary == s).unwrap();
    // Midnight to midnight in Berlin across the DST change of 28 March: two days.
    assert_eq!(
        item("Cy - Schulung").days,
        DateSpan {
            first: d("2027-03-29"),
            last: d("2027-03-30")
        }
    );
    assert_eq!(item("Cy - Schulung").kind.kind, TimeOffKind::Training);
    assert_eq!(
        item("Cy - Schulung").organizer.as_ref().unwrap().email.as_deref(),
        Some("cy.park@example.com")
    );
    // 20:30 in New York on 14 March (EDT since that morning) is 01:30 on the 15th in Berlin (CET).
    assert_eq!(
        item("Ann - Konferenz New York").days,
        DateSpan {
            first: d("2027-03-15"),
            last: d("2027-03-15")
        }
    );
    assert_eq!(item("Ann - Konferenz New York").kind.kind, TimeOffKind::Training);
    assert_eq!(message(&r, "Backwards").0, &MessageLevel::Skipped);
    assert_eq!(
        message(&r, "Backwards").1,
        "it ends (2027-04-09 09:00) before it starts (2027-04-10 09:00)"
    );
    assert_eq!(message(&r, "Both ends").0, &MessageLevel::Note);
    assert!(message(&r, "Both ends")
        .1
        .contains("both an end (DTEND) and a DURATION"));
    assert_eq!(
        item("Both ends").days,
        DateSpan {
            first: d("2027-04-12"),
            last: d("2027-04-12")
        }
    );
    assert!(message(&r, "On Mars").1.contains("\"Mars Standard Time\" is unknown"));
    assert!(r.items.iter().all(|i| i.uid != "back" && i.uid != "mars"));
}

/// A Google export as bytes: a long accented title folded at 75 octets in the middle of "é" and
/// of "ü", attendees as a bare address, a percent-encoded `mailto:` and an `EMAIL` parameter.
fn google_bytes() -> Vec<u8> {
    let mut b = b"BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nVERSION:2.0\r\n\
CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-TIMEZONE:Europe/Berlin\r\n\
BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270802\r\nDTEND;VALUE=DATE:20270814\r\nDTSTAMP:20270101T000000Z\r\n\
UID:7kukuqrfedlm2f9t1jg9nqh0h4@google.com\r\n\
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Ren\xC3\xA9e Fran\xC3\xA7ois;X-NUM-GUESTS=0:renee@example.com\r\n\
SUMMARY:Ren\xC3"
        .to_vec();
    b.extend_from_slice(b"\r\n \xA9e Fran\xC3\xA7ois \xE2\x80\x93 Sommerferien in M\xC3");
    b.extend_from_slice(b"\r\n \xBCnchen und S\xC3\xBCdtirol\r\nEND:VEVENT\r\n");
    b.extend_from_slice(
        b"BEGIN:VEVENT\r\nDTSTART:20270906T070000Z\r\nDTEND:20270910T150000Z\r\nUID:2ab@google.com\r\n\
ATTENDEE;CN=J\xC3\xB6rg:mailto:j%C3%B6rg%40example.com\r\nATTENDEE;EMAIL=bo@example.com:urn:uuid:5f1c\r\n\
CATEGORIES:Sick\r\nSUMMARY:Out\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    );
    b
}

#[test]
fn google_export_with_split_characters_and_attendees_without_mailto() {
    let text = text_from_bytes(&google_bytes(), "google.ics").unwrap();
    let r = parse_ics(&text, BERLIN, year(2027)).unwrap();
    assert!(r.messages.is_empty(), "{:?}", r.messages);
    let members = [
        member(1, "Renée François", Some("renee@example.com")),
        member(2, "Jörg", Some("jörg@example.com")),
        member(3, "Bo", Some("bo@example.com")),
    ];
    let p = propose_time_off(&r.items, &members);
    assert!(p.unmatched.is_empty(), "{:?}", p.unmatched);
    let rows: Vec<(i64, &str, TimeOffKind, NaiveDate, NaiveDate)> = p
        .time_off
        .iter()
        .map(|t| (t.member_id, t.summary.as_str(), t.kind, t.days.first, t.days.last))
        .collect();
    assert_eq!(
        rows,
        [
            (
                1,
                "Renée François – Sommerferien in München und Südtirol",
                TimeOffKind::Vacation,
                d("2027-08-02"),
                d("2027-08-13")
            ),
            (2, "Out", TimeOffKind::Sick, d("2027-09-06"), d("2027-09-10")),
            (3, "Out", TimeOffKind::Sick, d("2027-09-06"), d("2027-09-10")),
        ]
    );
    assert_eq!(p.time_off[0].kind_reason, "\"sommerferien\" in the title");
    assert_eq!(p.time_off[1].matched_by, "attendee e-mail jörg@example.com");
}

/// A file whose only zone is its own: "Office" with US-style DST rules (second Sunday of March
/// to first Sunday of November, -05:00/-04:00), which no name reveals.
const CUSTOM_ZONE: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example Corp//Scheduler 2.1//EN\r\n\
BEGIN:VTIMEZONE\r\nTZID:Office\r\nBEGIN:DAYLIGHT\r\nDTSTART:20070311T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n\
TZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nTZNAME:Office summer\r\nEND:DAYLIGHT\r\n\
BEGIN:STANDARD\r\nDTSTART:20071104T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\n\
TZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nTZNAME:Office winter\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n\
BEGIN:VEVENT\r\nUID:before@corp\r\nDTSTART;TZID=Office:20270313T213000\r\nDURATION:PT1H\r\n\
SUMMARY:Saturday evening, winter time\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:after@corp\r\nDTSTART;TZID=Office:20270314T213000\r\nDURATION:PT1H\r\n\
SUMMARY:Sunday evening, summer time\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:weekly@corp\r\nDTSTART;TZID=Office:20270301T190000\r\nDTEND;TZID=Office:20270301T200000\r\n\
RRULE:FREQ=WEEKLY;COUNT=3\r\nSUMMARY:Monday late call\r\nEND:VEVENT\r\n\
END:VCALENDAR\r\n";

#[test]
fn a_zone_the_file_defines_itself_is_used_with_its_rules() {
    let r = parse_ics(CUSTOM_ZONE, BERLIN, year(2027)).unwrap();
    assert!(r.messages.is_empty(), "{:?}", r.messages);
    let first = |s: &str| -> Vec<NaiveDate> {
        r.items
            .iter()
            .filter(|i| i.summary == s)
            .map(|i| i.days.first)
            .collect()
    };
    // 21:30 at -05:00 is 02:30 UTC, 03:30 in Berlin: the next day there.
    assert_eq!(first("Saturday evening, winter time"), [d("2027-03-14")]);
    // 21:30 at -04:00 is 01:30 UTC, 02:30 in Berlin: also the next day — read as Berlin time
    // (the error a reader makes when it ignores the file's zone) it would be the 14th.
    assert_eq!(first("Sunday evening, summer time"), [d("2027-03-15")]);
    // 19:00 at -05:00 = 01:00 Berlin next day; on 15 March (-04:00) it is 00:00 Berlin next day.
    assert_eq!(
        first("Monday late call"),
        [d("2027-03-02"), d("2027-03-09"), d("2027-03-16")]
    );
}

/// Zones the property test exports in and imports into: DST in both hemispheres, a 30-minute
/// DST (Lord Howe), none at all (Kolkata), and UTC.
const ZONES: [chrono_tz::Tz; 7] = [
    chrono_tz::Europe::Berlin,
    chrono_tz::America::New_York,
    chrono_tz::America::Sao_Paulo,
    chrono_tz::Australia::Lord_Howe,
    chrono_tz::Pacific::Auckland,
    chrono_tz::Asia::Kolkata,
    chrono_tz::UTC,
];

/// Days around the DST changes of 2027 in those zones, and ordinary days.
const AROUND: [&str; 8] = [
    "2027-03-14",
    "2027-03-28",
    "2027-04-04",
    "2027-09-26",
    "2027-10-03",
    "2027-10-31",
    "2027-11-07",
    "2027-06-15",
];

fn team() -> Vec<Member> {
    vec![
        member(1, "Ann Lee", Some("ann@example.com")),
        member(2, "Sick Sam", Some("sam@example.com")),
        member(3, "José Ferien", Some("JOSE@example.com")),
        member(4, "Cy", None),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn what_the_exporter_writes_imports_back_as_the_same_time_off(
        stretches in prop::collection::vec((0usize..4, 0usize..8, -3i64..4, 0i64..9, 0usize..4), 1..8),
        export_zone in 0usize..7,
        team_zone in 0usize..7,
        turn_hours in prop::collection::vec((0usize..8, 0u32..24, 1i64..30), 0..5),
    ) {
        let members = team();
        let mut time_off: Vec<TimeOff> = Vec::new();
        for (i, (who, around, shift, len, kind)) in stretches.iter().enumerate() {
            let first = d(AROUND[*around]) + Duration::days(*shift);
            let days = DateSpan { first, last: first + Duration::days(*len) };
            let member_id = members[*who].id;
            // Stored time off of one member never overlaps (the store refuses it).
            if time_off.iter().any(|t| t.spec.member_id == member_id && t.spec.days.overlaps(&days)) {
                continue;
            }
            time_off.push(TimeOff {
                id: i as i64 + 1,
                spec: TimeOffSpec { member_id, days, kind: TimeOffKind::ALL[*kind], note: format!("note {i}") },
            });
        }
        let zone = ZONES[export_zone];
        let mut events = time_off_events(&time_off, &members);
        // Duty turns in the same file (some across DST changes) must not come back as time off.
        let policy = DutyPolicy { id: 7, team_id: 1, spec: NewPolicy::new("Op of the Week", PolicyKind::Weekly).validate().unwrap() };
        let turns: Vec<Turn> = turn_hours.iter().enumerate().map(|(i, (around, h, len))| {
            let start = resolve_local(zone, d(AROUND[*around]).and_time(NaiveTime::from_hms_opt(*h, 0, 0).unwrap()));
            Turn::generated(policy.id, members[i % members.len()].id, start, start + Duration::hours(*len))
        }).collect();
        events.extend(turn_events(&turns, std::slice::from_ref(&policy), &members, zone));
        let stamp = "2027-01-01T00:00:00Z".parse().unwrap();
        let text = export_ics("Phoenix", zone, &events, stamp);

        let mut read = parse_ics(&text, ZONES[team_zone], year(2027)).unwrap();
        prop_assert!(read.messages.is_empty(), "{:?}", read.messages);
        skip_non_absences(&mut read, true);
        let p = propose_time_off(&read.items, &members);
        prop_assert!(p.unmatched.is_empty(), "{:?}", p.unmatched);
        let mut got: Vec<(i64, DateSpan, TimeOffKind)> =
            p.time_off.iter().map(|t| (t.member_id, t.days, t.kind)).collect();
        let mut want: Vec<(i64, DateSpan, TimeOffKind)> =
            time_off.iter().map(|t| (t.spec.member_id, t.spec.days, t.spec.kind)).collect();
        got.sort_by_key(|(m, d, _)| (*m, d.first));
        want.sort_by_key(|(m, d, _)| (*m, d.first));
        prop_assert_eq!(got, want);
    }
}
