//! `sprintshield publish` end to end against a real Radicale: setup stores only the variable's
//! name, the published events are the turns `rotation show --json` lists (read back with plain
//! PROPFIND/GET), a second publish sends nothing, a refused password is one line and publishes
//! nothing, and the password is in neither the database file nor anything printed.
mod support;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::mpsc;
use std::thread;

use assert_cmd::Command;
use chrono::{Duration, NaiveDate, Utc};
use sprintshield_caldav::radicale::{Radicale, PASSWORD, USER};
use support::Db;

fn run(db: &Db, pw: &str, args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("sprintshield")
        .unwrap()
        .env_remove("SPRINTSHIELD_DB")
        .env("PHOENIX_CALDAV_PW", pw)
        .arg("--db")
        .arg(db.path())
        .args(args)
        .assert()
}

fn stdout(a: assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.success().get_output().stdout.clone()).unwrap()
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(&text[..10], "%Y-%m-%d").unwrap()
}

#[test]
fn publish_sends_the_turns_rotation_show_lists_and_nothing_twice() {
    let server = Radicale::start();
    let db = Db::new();
    db.ok(&["demo"]);
    let url = server.collection_url("phoenix");
    let said = stdout(run(
        &db,
        PASSWORD,
        &[
            "publish",
            "setup",
            "--team",
            "Phoenix",
            "--caldav",
            &url,
            "--user",
            USER,
            "--password-env",
            "PHOENIX_CALDAV_PW",
        ],
    ));
    assert!(said.contains("password from $PHOENIX_CALDAV_PW"), "{said}");

    let today = Utc::now().date_naive();
    let (from, to) = (today + Duration::days(7), today + Duration::days(20));
    let (from, to) = (from.to_string(), to.to_string());
    let range = ["--from", from.as_str(), "--to", to.as_str()];
    let mut dry = vec!["publish", "--team", "Phoenix", "--dry-run"];
    dry.extend(range);
    let preview = stdout(run(&db, PASSWORD, &dry));
    assert!(preview.starts_with("Publish "), "{preview}");
    assert!(preview.contains("Who is affected:"), "{preview}");
    assert!(
        server.list(&format!("/{USER}/phoenix/")).is_empty(),
        "a dry run sends nothing"
    );

    let mut publish = vec!["--json", "publish", "--team", "Phoenix"];
    publish.extend(range);
    let first: serde_json::Value = serde_json::from_str(&stdout(run(&db, PASSWORD, &publish))).unwrap();
    let created = first["calendar"]["created"].as_u64().unwrap() as usize;
    assert!(first["calendar"]["calendar_created"].as_bool().unwrap());

    // Read back independently: one resource per turn, holding that turn's policy and member.
    let listed = server.list(&format!("/{USER}/phoenix/"));
    assert_eq!(listed.len(), created);
    let mut on_server: BTreeMap<String, usize> = BTreeMap::new();
    for (href, _) in &listed {
        let text = server.get(href).unwrap().replace("\r\n ", "").replace("\n ", "");
        let summary = text
            .lines()
            .find_map(|l| l.trim_end().strip_prefix("SUMMARY:"))
            .unwrap()
            .to_owned();
        *on_server.entry(summary).or_default() += 1;
    }
    let policies = db.json(&["policy", "list", "--team", "Phoenix"]);
    let daily: Vec<&str> = policies
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["kind"] == "daily")
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    let shown = db.json(&["rotation", "show", "--team", "Phoenix", "--from", &from, "--to", &to]);
    let (first_day, last_day) = (day(&from), day(&to));
    let mut expected: BTreeMap<String, usize> = BTreeMap::new();
    for t in shown.as_array().unwrap() {
        let policy = t["policy"].as_str().unwrap();
        let start = day(t["start"].as_str().unwrap());
        let ends = chrono::DateTime::parse_from_rfc3339(t["end"].as_str().unwrap()).unwrap() - Duration::seconds(1);
        let shown_in_range = if daily.contains(&policy) {
            start >= first_day && start <= last_day
        } else {
            start <= last_day && ends.date_naive() >= first_day
        };
        if shown_in_range {
            *expected
                .entry(format!("{policy}: {}", t["member"].as_str().unwrap()))
                .or_default() += 1;
        }
    }
    assert_eq!(
        on_server, expected,
        "the calendar holds exactly the turns rotation show lists"
    );

    // A second publish sends no request.
    let second: serde_json::Value = serde_json::from_str(&stdout(run(&db, PASSWORD, &publish))).unwrap();
    assert_eq!(second["calendar"]["requests"], 0);
    assert_eq!(second["calendar"]["unchanged"].as_u64().unwrap() as usize, created);
    let status: serde_json::Value = serde_json::from_str(&stdout(run(
        &db,
        PASSWORD,
        &["--json", "publish", "status", "--team", "Phoenix"],
    )))
    .unwrap();
    assert_eq!(status["published_events"].as_u64().unwrap() as usize, created);
    assert_eq!(status["calendar"]["password_env"], "PHOENIX_CALDAV_PW");

    // The password is nowhere in the database file (nor its log).
    for suffix in ["", "-wal"] {
        let mut p = db.path().into_os_string();
        p.push(suffix);
        if let Ok(bytes) = std::fs::read(&p) {
            assert!(
                !String::from_utf8_lossy(&bytes).contains(PASSWORD),
                "{p:?} holds the password"
            );
        }
    }
}

#[test]
fn a_refused_password_is_one_line_and_publishes_nothing() {
    let server = Radicale::start();
    let db = Db::new();
    db.ok(&["demo"]);
    let url = server.collection_url("phoenix");
    stdout(run(
        &db,
        "wrong",
        &[
            "publish",
            "setup",
            "--team",
            "Phoenix",
            "--caldav",
            &url,
            "--user",
            USER,
            "--password-env",
            "PHOENIX_CALDAV_PW",
        ],
    ));
    let out = run(&db, "wrong-pw-value", &["publish", "--team", "Phoenix"])
        .code(1)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("error: the calendar server refused the password for ana@example.com"),
        "{err}"
    );
    assert!(!err.contains("wrong-pw-value"));
    assert!(String::from_utf8(out.stdout).unwrap().is_empty());
    let status: serde_json::Value = serde_json::from_str(&stdout(run(
        &db,
        "x",
        &["--json", "publish", "status", "--team", "Phoenix"],
    )))
    .unwrap();
    assert_eq!(status["published_events"], 0);
    assert!(status["calendar"]["last_published_at"].is_null());
    // Setup refuses a secret where a variable name belongs, and needs a target.
    db.rejected(
        &[
            "publish",
            "setup",
            "--team",
            "Phoenix",
            "--caldav",
            &url,
            "--user",
            USER,
            "--password-env",
            "s3cret!",
        ],
        "NAME of an environment variable",
    );
    db.rejected(&["publish", "setup", "--team", "Phoenix"], "say where to publish");
    db.rejected(&["publish", "--team", "Nobody"], "Nobody");
}

/// A webhook on 127.0.0.1 answering each POST with 200; the bodies arrive on the channel.
fn webhook() -> (String, mpsc::Receiver<serde_json::Value>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        for stream in listener.incoming() {
            let stream = stream.unwrap();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut len = 0usize;
            loop {
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                if line.trim_end().is_empty() {
                    break;
                }
                if let Some((k, v)) = line.split_once(':') {
                    if k.eq_ignore_ascii_case("content-length") {
                        len = v.trim().parse().unwrap();
                    }
                }
            }
            let mut body = vec![0; len];
            reader.read_exact(&mut body).unwrap();
            let mut stream = stream;
            stream
                .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
                .unwrap();
            let _ = tx.send(serde_json::from_slice(&body).unwrap());
        }
    });
    (
        format!("http://127.0.0.1:{port}/services/T0PUB/B0PUB/pubSeCrEt{port}"),
        rx,
    )
}

#[test]
fn a_publish_that_changed_the_calendar_posts_who_is_affected_to_the_chat() {
    let server = Radicale::start();
    let (hook, posts) = webhook();
    let db = Db::new();
    db.ok(&["demo"]);
    let url = server.collection_url("phoenix");
    let with_hook = |args: &[&str]| {
        Command::cargo_bin("sprintshield")
            .unwrap()
            .env_remove("SPRINTSHIELD_DB")
            .env("PHOENIX_CALDAV_PW", PASSWORD)
            .env("PHOENIX_HOOK", &hook)
            .arg("--db")
            .arg(db.path())
            .args(args)
            .assert()
    };
    stdout(with_hook(&[
        "publish",
        "setup",
        "--team",
        "Phoenix",
        "--caldav",
        &url,
        "--user",
        USER,
        "--password-env",
        "PHOENIX_CALDAV_PW",
        "--webhook-env",
        "PHOENIX_HOOK",
    ]));
    let said = stdout(with_hook(&["publish", "--team", "Phoenix"]));
    assert!(said.contains("Posted the stand-up message to 127.0.0.1:"), "{said}");
    let post = posts.recv_timeout(std::time::Duration::from_secs(10)).unwrap();
    let text = post["text"].as_str().unwrap();
    assert!(text.contains("Changed since the last publish"), "{text}");
    assert!(
        text.contains(": now on duty"),
        "who is affected is in the message: {text}"
    );
    // Nothing changed: nothing is published and nothing is posted.
    let again = stdout(with_hook(&["publish", "--team", "Phoenix"]));
    assert!(again.starts_with("Nothing to publish"), "{again}");
    assert!(!again.contains("Posted"), "{again}");
    assert!(posts.recv_timeout(std::time::Duration::from_millis(300)).is_err());
    // The hook's URL is not in the database.
    assert!(!String::from_utf8_lossy(&std::fs::read(db.path()).unwrap()).contains("pubSeCrEt"));
}
