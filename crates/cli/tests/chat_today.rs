//! `rotation today --json` is JSON (the stand-up message as data), and the chat post made by
//! `publish --post-today` names the same people on duty: captured by a local listener standing in
//! for the webhook, in the Slack and Teams formats. A webhook that never answers hits the time-out
//! with one sentence; the URL appears in no output and not in the database file.
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;

mod support;
use support::Db;

/// The demo database (laid out around today, as the CLI's `demo` does).
fn demo() -> Db {
    let db = Db::new();
    db.ok(&["demo"]);
    db
}

/// Runs `sprintshield --db … args` with `env` set; returns (exit code, stdout, stderr).
fn run(db: &Db, env: &[(&str, &str)], args: &[&str]) -> (i32, String, String) {
    let mut cmd = Command::cargo_bin("sprintshield").unwrap();
    cmd.env_remove("SPRINTSHIELD_DB").arg("--db").arg(db.path()).args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// A webhook on 127.0.0.1 answering one POST with `status`; the body arrives on the channel.
fn webhook(status: &'static str) -> (String, mpsc::Receiver<Value>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
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
        tx.send(serde_json::from_slice(&body).unwrap()).unwrap();
    });
    (
        format!("http://127.0.0.1:{port}/services/T0CLI/B0CLI/xoxCliSeCrEt{port}"),
        rx,
    )
}

/// `(policy, person on duty)` from `rotation today --json`.
fn on_duty(today: &Value) -> Vec<(String, Option<String>)> {
    today["duties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["policy"].as_str().unwrap().to_owned(),
                d["on_duty"]["name"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

#[test]
fn rotation_today_json_is_the_message_as_data() {
    let db = demo();
    let today = db.json(&["rotation", "today", "--team", "Phoenix"]);
    assert_eq!(today["team"], "Phoenix");
    assert_eq!(today["zone"], "Europe/Berlin");
    let policies: Vec<String> = on_duty(&today).into_iter().map(|(p, _)| p).collect();
    assert_eq!(policies, ["Batman", "Dev of the Week"]);
    assert!(today["date"].as_str().unwrap().len() == 10, "{today}");
    assert!(today["working_day"].is_boolean());
    assert_eq!(today["changes"], serde_json::json!([]));
    // The Dev of the Week always has someone (a weekly turn covers every day).
    assert!(today["duties"][1]["on_duty"]["name"].is_string(), "{today}");
    // The text form is drawn from the same lines.
    let text = db.ok(&["rotation", "today", "--team", "Phoenix"]);
    assert!(text.starts_with("Stand-up for Phoenix, "), "{text}");
    for (policy, who) in on_duty(&today) {
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("{policy}: ")))
            .unwrap_or_else(|| panic!("{policy} in {text}"));
        if let Some(who) = who {
            assert!(line.contains(&who), "{line}");
        }
    }
    db.rejected(&["rotation", "today", "--team", "Nobody", "--json"], "Nobody");
}

fn post_today(format: &str, status: &'static str) -> (Value, Value, Db, String) {
    let db = demo();
    let (url, rx) = webhook(status);
    let var = format!("SS_CLI_HOOK_{}", format.to_uppercase());
    let (code, out, err) = run(
        &db,
        &[],
        &[
            "publish",
            "setup",
            "--team",
            "Phoenix",
            "--webhook-env",
            &var,
            "--format",
            format,
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    let today = db.json(&["rotation", "today", "--team", "Phoenix"]);
    let (code, out, err) = run(&db, &[(&var, &url)], &["publish", "--team", "Phoenix", "--post-today"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("Posted the stand-up message to 127.0.0.1:"), "{out}");
    for s in [&out, &err] {
        assert!(!s.contains("xoxCliSeCrEt"), "the URL stays out of the output: {s}");
    }
    let posted = rx.recv_timeout(Duration::from_secs(10)).unwrap();
    (today, posted, db, url)
}

#[test]
fn the_slack_post_names_whom_rotation_today_names() {
    let (today, posted, db, url) = post_today("slack", "200 OK");
    let text = posted["text"].as_str().unwrap();
    assert!(text.starts_with("*Stand-up for Phoenix, "), "{text}");
    let sections: Vec<&str> = posted["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|b| b["text"]["text"].as_str())
        .collect();
    for (policy, who) in on_duty(&today) {
        let entry = format!("*{policy}*: {}", who.clone().unwrap_or_default());
        assert!(text.contains(&entry), "{entry:?} not in {text}");
        assert!(
            sections.iter().any(|s| s.starts_with(&entry)),
            "{entry:?} not in the blocks"
        );
    }
    let file = std::fs::read(db.path()).unwrap();
    assert!(
        !file.windows(url.len()).any(|w| w == url.as_bytes()),
        "the database file does not hold the URL"
    );
}

#[test]
fn the_teams_post_is_an_adaptive_card_naming_whom_rotation_today_names() {
    let (today, posted, _, _) = post_today("teams", "202 Accepted");
    assert_eq!(posted["type"], "message");
    let att = &posted["attachments"][0];
    assert_eq!(att["contentType"], "application/vnd.microsoft.card.adaptive");
    let card = &att["content"];
    assert_eq!(card["type"], "AdaptiveCard");
    let body = serde_json::to_string(&card["body"]).unwrap();
    for (policy, who) in on_duty(&today) {
        if let Some(who) = who {
            assert!(
                body.contains(&format!("{policy}: {who}")),
                "{policy}: {who} not in {body}"
            );
        }
    }
}

#[test]
fn a_webhook_that_never_answers_hits_the_time_out() {
    let db = demo();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    thread::spawn(move || {
        let (stream, _) = listener.accept().unwrap();
        thread::sleep(Duration::from_secs(40));
        drop(stream);
    });
    let url = format!("http://127.0.0.1:{port}/hooks/xoxSilentCli");
    run(
        &db,
        &[],
        &[
            "publish",
            "setup",
            "--team",
            "Phoenix",
            "--webhook-env",
            "SS_CLI_SILENT",
        ],
    );
    let started = Instant::now();
    let (code, out, err) = run(
        &db,
        &[("SS_CLI_SILENT", &url)],
        &["publish", "--team", "Phoenix", "--post-today"],
    );
    let took = started.elapsed();
    assert_eq!(code, 1, "{out}{err}");
    assert_eq!(
        err.trim_end(),
        format!("error: the chat server at 127.0.0.1:{port} did not answer within 10 s, so the message may not have arrived; try again later")
    );
    assert!(took < Duration::from_secs(20), "bounded by the 10 s time-out: {took:?}");
    println!("a silent webhook gave up after {} ms", took.as_millis());
    let status = db.json(&["publish", "status", "--team", "Phoenix"]);
    assert!(
        status.to_string().contains("SS_CLI_SILENT") && !status.to_string().contains("xoxSilentCli"),
        "{status}"
    );
}
