//! Shared by the chat tests: a local HTTP listener standing in for a chat's incoming webhook
//! (it captures the POST and answers like Slack or a Teams Workflow), and the demo team.
#![allow(dead_code)] // each test file uses its own subset

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use sprintshield_core::team::Team;
use sprintshield_service::Sprintshield;

/// One POST as the listener received it.
pub struct Captured {
    /// "POST /path HTTP/1.1".
    pub request_line: String,
    /// The body, parsed.
    pub json: serde_json::Value,
}

fn read_request(stream: &mut TcpStream) -> Captured {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    reader.read_line(&mut request_line).unwrap();
    let mut len = 0usize;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let line = line.trim_end();
        if line.is_empty() {
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
    Captured {
        request_line: request_line.trim_end().to_owned(),
        json: serde_json::from_slice(&body).unwrap(),
    }
}

/// A webhook that accepts one POST with `status` (e.g. "200 OK", "202 Accepted"). Returns its
/// URL (with a secret-looking path) and the channel the captured request arrives on.
pub fn webhook(status: &'static str) -> (String, mpsc::Receiver<Captured>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let seen = read_request(&mut stream);
        let answer = format!("HTTP/1.1 {status}\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
        stream.write_all(answer.as_bytes()).unwrap();
        tx.send(seen).unwrap();
    });
    (
        format!("http://127.0.0.1:{port}/services/T0DEMO/B0DEMO/xoxSeCrEt{port}"),
        rx,
    )
}

/// A webhook that answers its POSTs in turn with `statuses` (e.g. "500 Internal Server Error",
/// then "200 OK"), capturing each; its URL and the channel the captured requests arrive on.
pub fn webhook_answering(statuses: &[&'static str]) -> (String, mpsc::Receiver<Captured>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = mpsc::channel();
    let statuses = statuses.to_vec();
    thread::spawn(move || {
        for status in statuses {
            let (mut stream, _) = listener.accept().unwrap();
            let seen = read_request(&mut stream);
            let answer = format!("HTTP/1.1 {status}\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
            stream.write_all(answer.as_bytes()).unwrap();
            tx.send(seen).unwrap();
        }
    });
    (
        format!("http://127.0.0.1:{port}/services/T0DEMO/B0DEMO/xoxSeCrEt{port}"),
        rx,
    )
}

/// A webhook that reads the POST and never answers (held for 30 s at most).
pub fn silent_webhook() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        read_request(&mut stream);
        thread::sleep(Duration::from_secs(30));
        drop(stream);
    });
    format!("http://127.0.0.1:{port}/hooks/xoxSilent{port}")
}

/// Wednesday 2 December 2026, 10:00 in Berlin (09:00 UTC): a working day for Phoenix, after
/// Batman's 09:30 handoff.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0).unwrap()
}

/// The demo loaded on that day, and Phoenix (daily Batman and weekly Dev of the Week).
pub fn demo(app: &mut Sprintshield) -> Team {
    app.load_demo(NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(), now())
        .unwrap();
    app.team_by_name("Phoenix").unwrap()
}
