//! The webhook poster against a local HTTP listener: what arrives, refusals, a server that never
//! answers (the time-out), one that is not there, and that no error or debug print carries the URL.
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use serde_json::json;
use sprintshield_chat::{post, Webhook};

/// One request as the listener saw it.
struct Seen {
    request_line: String,
    headers: Vec<(String, String)>,
    body: String,
}

fn read_request(stream: &mut TcpStream) -> Seen {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    reader.read_line(&mut request_line).unwrap();
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let (k, v) = line.split_once(':').unwrap();
        headers.push((k.trim().to_ascii_lowercase(), v.trim().to_owned()));
    }
    let len: usize = headers
        .iter()
        .find(|(k, _)| k == "content-length")
        .map(|(_, v)| v.parse().unwrap())
        .unwrap_or(0);
    let mut body = vec![0; len];
    reader.read_exact(&mut body).unwrap();
    Seen {
        request_line: request_line.trim_end().to_owned(),
        headers,
        body: String::from_utf8(body).unwrap(),
    }
}

/// A listener that answers one request with `status` and `body`; the request comes back on the
/// channel.
fn answering(status: &'static str, body: &'static str) -> (String, mpsc::Receiver<Seen>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let seen = read_request(&mut stream);
        let answer = format!(
            "HTTP/1.1 {status}\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(answer.as_bytes()).unwrap();
        tx.send(seen).unwrap();
    });
    (format!("http://127.0.0.1:{port}/services/T000/B000/SeCrEtToKeN123"), rx)
}

#[test]
fn posts_the_json_and_reports_delivery() {
    let (url, rx) = answering("200 OK", "ok");
    let body = json!({ "text": "Batman: Ana", "blocks": [] });
    let done = post(&Webhook::parse(&url).unwrap(), &body, Duration::from_secs(5)).unwrap();
    assert_eq!(done.status, 200);
    let seen = rx.recv_timeout(Duration::from_secs(5)).unwrap();
    assert_eq!(seen.request_line, "POST /services/T000/B000/SeCrEtToKeN123 HTTP/1.1");
    let header = |k: &str| seen.headers.iter().find(|(h, _)| h == k).map(|(_, v)| v.clone());
    assert_eq!(
        header("content-type").as_deref(),
        Some("application/json; charset=utf-8")
    );
    assert!(header("user-agent").unwrap().starts_with("Sprintshield/"));
    let got: serde_json::Value = serde_json::from_str(&seen.body).unwrap();
    assert_eq!(got, body);
}

#[test]
fn a_refusal_is_one_sentence_with_the_status_and_reason_but_not_the_url() {
    let (url, _rx) = answering("404 Not Found", "no_service");
    let e = post(
        &Webhook::parse(&url).unwrap(),
        &json!({"text": "x"}),
        Duration::from_secs(5),
    )
    .unwrap_err();
    assert_eq!(
        e.message(),
        format!(
            "the chat server at {} refused the message (HTTP 404 Not Found: no_service); the webhook may have been removed or its URL mistyped",
            url.trim_start_matches("http://").split('/').next().unwrap()
        )
    );
    assert!(!e.message().contains("SeCrEtToKeN123"));
}

#[test]
fn a_server_echoing_the_url_does_not_leak_it_into_the_error() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let url = format!("http://127.0.0.1:{port}/hooks/SeCrEtToKeN123");
    let echo = format!("bad payload for {url}");
    thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        read_request(&mut stream);
        let answer = format!(
            "HTTP/1.1 400 Bad Request\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{echo}",
            echo.len()
        );
        stream.write_all(answer.as_bytes()).unwrap();
    });
    let e = post(&Webhook::parse(&url).unwrap(), &json!({}), Duration::from_secs(5)).unwrap_err();
    assert!(!e.message().contains("SeCrEtToKeN123"), "{e}");
    assert!(
        e.message()
            .contains("HTTP 400 Bad Request: bad payload for (the webhook URL)"),
        "{e}"
    );
}

#[test]
fn a_server_that_never_answers_hits_the_time_out() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    // Accepts and reads, then holds the connection open without answering.
    let (tx, rx) = mpsc::channel::<()>();
    thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        read_request(&mut stream);
        let _ = rx.recv_timeout(Duration::from_secs(30));
        drop(stream);
    });
    let url = format!("http://127.0.0.1:{port}/hooks/SeCrEtToKeN123");
    let started = Instant::now();
    let e = post(
        &Webhook::parse(&url).unwrap(),
        &json!({"text": "x"}),
        Duration::from_millis(500),
    )
    .unwrap_err();
    let took = started.elapsed();
    tx.send(()).ok();
    assert!(took < Duration::from_secs(5), "the time-out bounds the wait: {took:?}");
    assert!(took >= Duration::from_millis(450), "{took:?}");
    assert_eq!(
        e.message(),
        format!("the chat server at 127.0.0.1:{port} did not answer within 0.5 s, so the message may not have arrived; try again later")
    );
}

#[test]
fn nobody_listening_is_said_plainly() {
    let port = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let url = format!("http://127.0.0.1:{port}/hooks/SeCrEtToKeN123");
    let e = post(
        &Webhook::parse(&url).unwrap(),
        &json!({"text": "x"}),
        Duration::from_secs(5),
    )
    .unwrap_err();
    assert!(
        e.message()
            .starts_with(&format!("the chat server at 127.0.0.1:{port} refused the connection"))
            || e.message()
                .starts_with(&format!("could not connect to the chat server at 127.0.0.1:{port}")),
        "{e}"
    );
    assert!(!e.message().contains("SeCrEtToKeN123"));
}

#[test]
fn urls_are_checked_without_repeating_them() {
    for bad in [
        "ftp://example.com/x",
        "hooks.slack.com/services/SeCrEt",
        "https:///SeCrEt",
        "https://a b/SeCrEt",
    ] {
        let e = Webhook::parse(bad).unwrap_err();
        assert!(!e.message().contains("SeCrEt"), "{e}");
        assert!(e.message().starts_with("the webhook URL"), "{e}");
    }
    let hook = Webhook::parse("https://user:pw@hooks.example.com/services/SeCrEt").unwrap();
    assert_eq!(hook.host(), "hooks.example.com");
    assert_eq!(format!("{hook:?}"), "Webhook(hooks.example.com/…)");
}
