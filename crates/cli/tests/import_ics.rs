//! `import ics` through the real binary with files as real calendars write them: a Google export
//! whose fold splits an accented character and whose attendees have no `mailto:`, the guessed
//! kind of absence and `--kind-for`, and hostile files (empty, binary, 50 MB, deeply nested,
//! `COUNT=1000000`, `FREQ=SECONDLY`) — each one line, nothing written, quickly.
use std::time::{Duration, Instant};

mod support;
use support::Db;

fn team(db: &Db) {
    db.ok(&["team", "add", "Phoenix", "--zone", "Europe/Berlin"]);
    for (name, email) in [("José María", "jose@example.com"), ("Ana", "ana@example.com")] {
        db.ok(&["member", "add", "--team", "Phoenix", name, "--email", email]);
    }
}

/// A Google export: `SUMMARY` folded inside "é" (the bytes C3 | A9 on two lines), attendees as
/// bare and percent-encoded addresses, categories and titles that say the kind.
fn google_bytes() -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(
        b"BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nVERSION:2.0\r\n\
BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270301\r\nDTEND;VALUE=DATE:20270306\r\nUID:jose-1@google.com\r\n\
ATTENDEE;CN=Jos\xC3\xA9 Mar\xC3\xADa;PARTSTAT=ACCEPTED:jose@example.com\r\nSUMMARY:Jos\xC3",
    );
    out.extend_from_slice(b"\r\n \xA9 Mar\xC3\xADa \xE2\x80\x93 Urlaub an der K\xC3\xBCste\r\nEND:VEVENT\r\n");
    out.extend_from_slice(
        b"BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270405\r\nUID:ana-1@google.com\r\n\
ATTENDEE:mailto:ana%40example.com\r\nCATEGORIES:Sick\r\nSUMMARY:Ana out\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    );
    out
}

#[test]
fn google_file_with_a_split_character_imports_with_guessed_and_chosen_kinds() {
    let db = Db::new();
    team(&db);
    let file = db.file("google.ics");
    std::fs::write(&file, google_bytes()).unwrap();
    let f = file.to_str().unwrap();
    let base = [
        "import",
        "ics",
        "--team",
        "Phoenix",
        "--file",
        f,
        "--from",
        "2027-01-01",
        "--to",
        "2027-12-31",
    ];
    let preview = db.ok(&base);
    assert!(preview.contains("would import 2 time off"), "{preview}");
    assert!(preview.contains("José María – Urlaub an der Küste"), "{preview}");
    assert!(preview.contains("vacation (\"urlaub\" in the title)"), "{preview}");
    assert!(preview.contains("sick (category \"Sick\")"), "{preview}");
    assert!(preview.contains("--kind-for"), "{preview}");

    let mut args = base.to_vec();
    args.extend_from_slice(&["--kind-for", "ana-1@google.com=training", "--apply"]);
    assert!(db.ok(&args).contains("imported 2 time off"));
    let stored = db.json(&["timeoff", "list", "--team", "Phoenix"]);
    let kinds: Vec<(&str, &str)> = stored
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["days"]["first"].as_str().unwrap(), t["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(kinds, [("2027-03-01", "vacation"), ("2027-04-05", "training")]);

    let mut typo = base.to_vec();
    typo.extend_from_slice(&["--kind-for", "nobody@google.com=sick"]);
    db.rejected(&typo, "no event with UID \"nobody@google.com\"");
    let mut bad = base.to_vec();
    bad.extend_from_slice(&["--kind-for", "ana-1@google.com=beach"]);
    db.rejected(&bad, "beach");
}

#[test]
fn hostile_files_are_one_line_quickly_and_write_nothing() {
    let db = Db::new();
    team(&db);
    let event = |rule: &str| {
        format!(
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20270101T090000Z\r\nRRULE:{rule}\r\n\
             ATTENDEE:mailto:ana@example.com\r\nSUMMARY:Loop\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        )
        .into_bytes()
    };
    let mut nested = b"BEGIN:VCALENDAR\r\n".to_vec();
    nested.extend(b"BEGIN:VEVENT\r\n".repeat(50_000));
    nested.extend(b"END:VEVENT\r\n".repeat(50_000));
    nested.extend(b"END:VCALENDAR\r\n");
    let mut huge = b"BEGIN:VCALENDAR\r\n".to_vec();
    huge.extend(b"X-PAD:0123456789012345678901234567890123456789012345678901234567890123456789\r\n".repeat(700_000));
    huge.extend(b"END:VCALENDAR\r\n");
    assert!(huge.len() > 50_000_000);
    let cases: Vec<(&str, Vec<u8>, Option<&str>)> = vec![
        ("empty.ics", Vec::new(), Some("no BEGIN:VCALENDAR")),
        (
            "photo.ics",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            Some("binary file"),
        ),
        ("huge.ics", huge, Some("larger than 10 MB")),
        ("nested.ics", nested, None),
        ("count.ics", event("FREQ=DAILY;COUNT=1000000"), None),
        ("secondly.ics", event("FREQ=SECONDLY"), None),
    ];
    for (name, bytes, error) in cases {
        let file = db.file(name);
        std::fs::write(&file, bytes).unwrap();
        let f = file.to_str().unwrap();
        let args = [
            "import",
            "ics",
            "--team",
            "Phoenix",
            "--file",
            f,
            "--from",
            "2027-01-01",
            "--to",
            "2027-03-31",
            "--apply",
        ];
        let started = Instant::now();
        match error {
            Some(needle) => db.rejected(&args, needle),
            None => {
                let out = db.ok(&args);
                if name == "count.ics" {
                    // Every day from 1 Jan to 31 Mar, one day each: the range ends the expansion.
                    assert!(out.contains("imported 90 time off"), "{name}: {out}");
                } else if name == "secondly.ics" {
                    assert!(
                        out.contains("imported 0 time off") && out.contains("every second"),
                        "{out}"
                    );
                } else {
                    assert!(out.contains("imported 0 time off"), "{name}: {out}");
                }
            }
        }
        // Not a speed target (that is the import benchmark): a guard that expansion is bounded.
        let took = started.elapsed();
        assert!(took < Duration::from_secs(60), "{name} took {took:?}");
        eprintln!("{name}: {took:?}");
    }
    let stored = db.json(&["timeoff", "list", "--team", "Phoenix"]);
    assert_eq!(
        stored.as_array().unwrap().len(),
        90,
        "only the daily rule's days in the range"
    );
}
