//! Property test of calendar import against a real database file: any mix of valid events,
//! malformed lines, broken events and unknown attendees, imported with `apply`, either writes
//! exactly what the preview proposed or nothing at all, and never panics.
//!
//! A trigger in the test database rejects any time off or holiday titled "BOOM", so some imports
//! fail half-way through the transaction; those must leave every table as it was.
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use rusqlite::types::ValueRef;
use rusqlite::Connection;
use sprintshield_core::calendar::mapping::KindChoice;
use sprintshield_core::calendar::requests::{ImportAs, ImportPreview, ImportRequest};
use sprintshield_core::time_off::TimeOffKind;
use sprintshield_core::Id;
use sprintshield_service::{OpenMode, Sprintshield};

/// One event (or stray line) of the generated file.
#[derive(Debug, Clone)]
enum Piece {
    /// A well-formed all-day event for a known member (index) or an unknown address.
    Event {
        who: Option<usize>,
        offset: i64,
        days: i64,
        title: &'static str,
        free: bool,
    },
    /// A line that is not a content line, inside an event or between events.
    Garbage { text: String, inside: bool },
    /// An event without a start, or ending before it starts.
    Broken { no_start: bool },
}

const TITLES: [&str; 8] = [
    "Vacation",
    "Dentist",
    "Conference, Lisbon",
    "Parental leave",
    "Sick",
    "Moving day",
    "Wedding",
    "BOOM",
];

fn piece() -> impl Strategy<Value = Piece> {
    prop_oneof![
        12 => (
            prop::option::weighted(0.8, 0usize..6),
            0i64..300,
            1i64..6,
            prop::sample::select(TITLES.to_vec()),
            prop::bool::weighted(0.2),
        )
            .prop_map(|(who, offset, days, title, free)| Piece::Event { who, offset, days, title, free }),
        1 => ("[a-zA-Z;= ]{1,20}", prop::bool::weighted(0.7)).prop_map(|(text, inside)| Piece::Garbage { text, inside }),
        1 => any::<bool>().prop_map(|no_start| Piece::Broken { no_start }),
    ]
}

fn ics(pieces: &[Piece], emails: &[String]) -> String {
    let base = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    let date = |d: NaiveDate| d.format("%Y%m%d").to_string();
    let mut out = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//prop//test//EN\r\n");
    for (i, p) in pieces.iter().enumerate() {
        match p {
            Piece::Event {
                who,
                offset,
                days,
                title,
                free,
            } => {
                let first = base + Duration::days(*offset);
                let email = match who {
                    Some(k) => emails[k % emails.len()].clone(),
                    None => format!("stranger{i}@nowhere.example"),
                };
                out.push_str(&format!(
                    "BEGIN:VEVENT\r\nUID:e{i}@prop\r\nDTSTART;VALUE=DATE:{}\r\nDTEND;VALUE=DATE:{}\r\n\
                     SUMMARY:{}\r\nATTENDEE:mailto:{email}\r\nTRANSP:{}\r\nEND:VEVENT\r\n",
                    date(first),
                    date(first + Duration::days(*days)),
                    title.replace(',', "\\,"),
                    if *free { "TRANSPARENT" } else { "OPAQUE" },
                ));
            }
            Piece::Garbage { text, inside: true } => {
                out.push_str(&format!("BEGIN:VEVENT\r\nUID:g{i}@prop\r\n{text}\r\nEND:VEVENT\r\n"))
            }
            Piece::Garbage { text, inside: false } => out.push_str(&format!("{text}\r\n")),
            Piece::Broken { no_start: true } => out.push_str(&format!(
                "BEGIN:VEVENT\r\nUID:b{i}@prop\r\nSUMMARY:Half\r\nEND:VEVENT\r\n"
            )),
            Piece::Broken { no_start: false } => out.push_str(&format!(
                "BEGIN:VEVENT\r\nUID:b{i}@prop\r\nDTSTART:20270510T100000Z\r\nDTEND:20270509T100000Z\r\n\
                 SUMMARY:Backwards\r\nATTENDEE:mailto:{}\r\nEND:VEVENT\r\n",
                emails[0]
            )),
        }
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

/// Separates cells of a row in a snapshot.
const SEP: char = '\u{1f}';

/// Every row of every table, as text, by table: the whole database's content.
fn snapshot(path: &Path) -> BTreeMap<String, Vec<String>> {
    let conn = Connection::open(path).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    tables
        .into_iter()
        .map(|t| {
            let mut st = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
            let n = st.column_count();
            let mut rows: Vec<String> = st
                .query_map([], |r| {
                    let cells: Vec<String> = (0..n)
                        .map(|i| match r.get_ref(i).unwrap() {
                            ValueRef::Null => "NULL".to_owned(),
                            ValueRef::Integer(v) => v.to_string(),
                            ValueRef::Real(v) => v.to_string(),
                            ValueRef::Text(b) | ValueRef::Blob(b) => String::from_utf8_lossy(b).into_owned(),
                        })
                        .collect();
                    Ok(cells.join(&SEP.to_string()))
                })
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            rows.sort();
            (t, rows)
        })
        .collect()
}

/// The demo database (Phoenix and its members) with the "BOOM" trigger, made once and copied
/// for every case.
struct Base {
    _dir: tempfile::TempDir,
    path: PathBuf,
    team: Id,
    emails: Vec<String>,
}

fn base() -> &'static Base {
    static BASE: OnceLock<Base> = OnceLock::new();
    BASE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let (path, team, emails) = base_db(dir.path());
        Base {
            _dir: dir,
            path,
            team,
            emails,
        }
    })
}

fn base_db(dir: &Path) -> (PathBuf, Id, Vec<String>) {
    let path = dir.join("base.db");
    let mut s = Sprintshield::open(&path, OpenMode::CreateIfMissing).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
    s.load_demo(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(), now)
        .unwrap();
    let team = s.team_by_name("Phoenix").unwrap().id;
    let emails: Vec<String> = s
        .members(team)
        .unwrap()
        .into_iter()
        .filter_map(|m| m.spec.email)
        .collect();
    drop(s);
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(
        "CREATE TRIGGER boom_time_off BEFORE INSERT ON time_off WHEN NEW.note = 'BOOM'
             BEGIN SELECT RAISE(ABORT, 'boom'); END;
         CREATE TRIGGER boom_holiday BEFORE INSERT ON holiday WHEN NEW.name = 'BOOM'
             BEGIN SELECT RAISE(ABORT, 'boom'); END;
         PRAGMA wal_checkpoint(TRUNCATE);",
    )
    .unwrap();
    (path, team, emails)
}

/// What an applied preview adds: time off as "member|first|last|kind|note", holidays as
/// "team|date|name", each with its count.
fn expected_rows(p: &ImportPreview, team: Id) -> (Vec<String>, Vec<String>) {
    let mut time_off: Vec<String> = p
        .proposal
        .time_off
        .iter()
        .filter(|t| !t.duplicate)
        .map(|t| {
            format!(
                "{}|{}|{}|{}|{}",
                t.member_id,
                t.days.first,
                t.days.last,
                t.kind.name(),
                t.summary
            )
        })
        .collect();
    let mut holidays: Vec<String> = p
        .proposal
        .holidays
        .iter()
        .filter(|h| !h.duplicate)
        .map(|h| format!("{team}|{}|{}", h.date, h.name))
        .collect();
    time_off.sort();
    holidays.sort();
    (time_off, holidays)
}

/// The rows of `table` in `after` that are not in `before`, reduced by `key`.
fn added(
    before: &BTreeMap<String, Vec<String>>,
    after: &BTreeMap<String, Vec<String>>,
    table: &str,
    key: impl Fn(&[&str]) -> String,
) -> Vec<String> {
    let mut out: Vec<String> = after[table]
        .iter()
        .filter(|r| !before[table].contains(r))
        .map(|r| {
            let cells: Vec<&str> = r.split(SEP).collect();
            key(&cells)
        })
        .collect();
    out.sort();
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn import_writes_exactly_the_preview_or_nothing(
        pieces in prop::collection::vec(piece(), 0..12),
        holidays in prop::bool::weighted(0.3),
        cut in prop::option::weighted(0.1, 0usize..2000),
        chosen in prop::collection::vec((0usize..12, 0usize..4), 0..2),
    ) {
        let Base { path: base_path, team, emails, .. } = base();
        let team = *team;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("case.db");
        std::fs::copy(base_path, &path).unwrap();
        let mut text = ics(&pieces, emails);
        if let Some(c) = cut {
            let at = (0..=c.min(text.len())).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
            text.truncate(at);
        }
        let req = ImportRequest {
            team_id: team,
            text,
            kind: if holidays { ImportAs::Holidays } else { ImportAs::TimeOff },
            from: NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
            to: NaiveDate::from_ymd_opt(2027, 12, 31).unwrap(),
            kinds: chosen
                .iter()
                .map(|(i, k)| KindChoice { uid: format!("e{i}@prop"), kind: TimeOffKind::ALL[*k] })
                .collect(),
        };
        let before = snapshot(&path);
        let mut s = Sprintshield::open(&path, OpenMode::MustExist).unwrap();
        let preview = s.import_preview(&req);
        prop_assert_eq!(&snapshot(&path), &before, "a preview writes nothing");
        let applied = s.import_calendar(&req).map(|o| o.value);
        drop(s);
        let after = snapshot(&path);
        match (&preview, &applied) {
            (Err(_), Err(_)) => prop_assert_eq!(&after, &before),
            (Ok(p), Err(e)) => {
                // Only the trigger may fail a write the preview allowed, and then nothing stays.
                let (t, h) = expected_rows(p, team);
                let boom = t.iter().chain(&h).any(|r| r.ends_with("|BOOM"));
                prop_assert!(boom, "apply failed although the preview was fine: {:?}", e);
                prop_assert_eq!(&after, &before, "a failed apply leaves nothing half-written");
            }
            (Ok(p), Ok(a)) => {
                prop_assert!(a.applied && !p.applied);
                for c in &req.kinds {
                    prop_assert!(p.proposal.time_off.iter().filter(|t| t.uid == c.uid).all(|t| t.kind == c.kind));
                }
                prop_assert_eq!(&a.proposal, &p.proposal, "apply writes what the preview showed");
                let (want_time_off, want_holidays) = expected_rows(p, team);
                prop_assert!(!want_time_off.iter().chain(&want_holidays).any(|r| r.ends_with("|BOOM")));
                let got_time_off = added(&before, &after, "time_off", |c| {
                    format!("{}|{}|{}|{}|{}", c[1], c[2], c[3], c[4], c[5])
                });
                let got_holidays = added(&before, &after, "holiday", |c| {
                    format!("{}|{}|{}", c[1], c[2], c[3])
                });
                prop_assert_eq!(got_time_off, want_time_off);
                prop_assert_eq!(got_holidays, want_holidays);
                for (table, rows) in &after {
                    let grew = after[table].len() - before[table].len();
                    let want = match table.as_str() {
                        "time_off" => a.time_off_to_write,
                        "holiday" => a.holidays_to_write,
                        _ => 0,
                    };
                    prop_assert_eq!(grew, want, "rows added to {}", table);
                    prop_assert!(before[table].iter().all(|r| rows.contains(r)), "{} lost rows", table);
                }
            }
            (Err(e), Ok(_)) => prop_assert!(false, "the preview failed ({:?}) but apply wrote", e),
        }
    }
}
