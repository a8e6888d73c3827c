//! `sprintshield publish` when the chat fails after the calendar took the changes: the command
//! says so in one line and that the changes wait; the next `publish` (nothing new for the
//! calendar) posts them, once, and the one after posts nothing. Against a real Radicale and a
//! local webhook that answers 500 to the first POST and 200 after. Meanwhile `rotation today` lists
//! the waiting changes.
mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use assert_cmd::Command;
use chrono::Utc;
use sprintshield_caldav::radicale::{Radicale, PASSWORD, USER};
use support::Db;

/// A webhook on 127.0.0.1 answering its POSTs in turn with `statuses`; the bodies arrive on the
/// channel.
fn webhook(statuses: &[&'static str]) -> (String, mpsc::Receiver<serde_json::Value>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = mpsc::channel();
    let statuses = statuses.to_vec();
    thread::spawn(move || {
        for status in statuses {
            let (stream, _) = listener.accept().unwrap();
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
            let answer = format!("HTTP/1.1 {status}\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
            stream.write_all(answer.as_bytes()).unwrap();
            let _ = tx.send(serde_json::from_slice(&body).unwrap());
        }
    });
    (
        format!("http://127.0.0.1:{port}/services/T0PEND/B0PEND/pendSeCrEt{port}"),
        rx,
    )
}

#[test]
fn changes_the_chat_refused_are_posted_once_by_the_next_publish() {
    let server = Radicale::start();
    let (hook, posts) = webhook(&["500 Internal Server Error", "200 OK"]);
    let db = Db::new();
    db.ok(&["demo"]);
    let url = server.collection_url("phoenix");
    let run = |args: &[&str]| {
        let out = Command::cargo_bin("sprintshield")
            .unwrap()
            .env_remove("SPRINTSHIELD_DB")
            .env("PENDING_CALDAV_PW", PASSWORD)
            .env("PENDING_HOOK", &hook)
            .arg("--db")
            .arg(db.path())
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (code, _, err) = run(&[
        "publish",
        "setup",
        "--team",
        "Phoenix",
        "--caldav",
        &url,
        "--user",
        USER,
        "--password-env",
        "PENDING_CALDAV_PW",
        "--webhook-env",
        "PENDING_HOOK",
    ]);
    assert_eq!(code, 0, "{err}");
    // Two weeks from today keep the first publish short.
    let from = Utc::now().date_naive().to_string();
    let to = (Utc::now().date_naive() + chrono::Duration::days(13)).to_string();
    let range = ["--from", from.as_str(), "--to", to.as_str()];
    let (_, preview, _) = run(&[&["--json", "publish", "--team", "Phoenix", "--dry-run"][..], &range[..]].concat());
    let affected: Vec<String> =
        serde_json::from_value(serde_json::from_str::<serde_json::Value>(&preview).unwrap()["affected"].clone())
            .unwrap();
    assert!(!affected.is_empty());

    // The calendar takes the plan; the chat refuses: one line, and the changes wait.
    let (code, out, err) = run(&[&["publish", "--team", "Phoenix"][..], &range[..]].concat());
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.starts_with("Published "), "the calendar part is reported: {out}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(
            "error: the calendar was published, but the stand-up message was not posted: the chat server at 127.0.0.1:"
        ),
        "{err}"
    );
    assert!(err.contains("(HTTP 500 Internal Server Error"), "{err}");
    assert!(
        err.trim_end().ends_with(&format!(
            "the {} changes wait for the next post (publish again, or use --post-today)",
            affected.len()
        )),
        "{err}"
    );
    let refused = posts.recv_timeout(Duration::from_secs(10)).unwrap();
    assert!(refused["text"]
        .as_str()
        .unwrap()
        .contains("Changed since the last publish"));
    // `rotation today` says so too, as the Today card's copy does.
    let (code, today, _) = run(&["rotation", "today", "--team", "Phoenix"]);
    assert_eq!(code, 0);
    let (_, section) = today
        .split_once("Changed since the last publish:\n")
        .unwrap_or_else(|| panic!("{today}"));
    let shown: Vec<&str> = section.lines().map(str::trim).collect();
    assert_eq!(shown, affected, "{today}");

    // Nothing new for the calendar, but the waiting changes go to the chat, each once.
    let (code, out, err) = run(&[&["publish", "--team", "Phoenix"][..], &range[..]].concat());
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.starts_with("Nothing to publish"), "{out}");
    assert!(out.contains(&format!(", with {} changes", affected.len())), "{out}");
    let posted = posts.recv_timeout(Duration::from_secs(10)).unwrap();
    let text = posted["text"].as_str().unwrap();
    for line in &affected {
        assert_eq!(text.matches(&format!("• {line}")).count(), 1, "{line} once in:\n{text}");
    }

    // Told once: the next publish posts nothing.
    let (code, out, _) = run(&[&["publish", "--team", "Phoenix"][..], &range[..]].concat());
    assert_eq!(code, 0);
    assert!(!out.contains("Posted"), "{out}");
    assert!(!String::from_utf8_lossy(&std::fs::read(db.path()).unwrap()).contains("pendSeCrEt"));
}
