//! The CalDAV adapter against a real Radicale: MKCALENDAR, conditional PUTs, 412 on a stale
//! ETag, DELETE, a refused password, a server that does not answer, and one nobody listens on.
use std::net::TcpListener;
use std::time::{Duration, Instant};

use sprintshield_caldav::radicale::{free_port, Radicale, PASSWORD, USER};
use sprintshield_caldav::CalDav;
use sprintshield_core::publish::{CalendarServer, ServerError};

const EVENT: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:t1@sprintshield\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260105T100000Z\r\nDTEND:20260105T110000Z\r\nSUMMARY:Batman: Ana\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

fn client(url: &str, password: &str) -> CalDav {
    CalDav::connect(url, USER, password, Duration::from_secs(5)).unwrap()
}

#[test]
fn writes_are_conditional_and_a_stale_etag_is_refused() {
    let server = Radicale::start();
    let url = server.collection_url("phoenix");
    let path = format!("/{USER}/phoenix/");
    let mut dav = client(&url, PASSWORD);
    assert!(!dav.collection_exists(&url).unwrap());
    dav.make_calendar(&url, "Phoenix & co").unwrap();
    assert!(dav.collection_exists(&url).unwrap());
    let href = format!("{path}t1.ics");
    let etag = dav.create(&href, EVENT).unwrap().expect("Radicale sends an ETag");
    assert_eq!(
        dav.create(&href, EVENT),
        Err(ServerError::PreconditionFailed),
        "If-None-Match: * refuses a second create"
    );
    let changed = EVENT.replace("Batman: Ana", "Batman: Ben");
    let etag2 = dav.update(&href, &changed, &etag).unwrap().unwrap();
    assert_ne!(etag, etag2);
    assert_eq!(
        dav.update(&href, EVENT, &etag),
        Err(ServerError::PreconditionFailed),
        "a stale ETag is refused"
    );
    assert!(
        server.get(&href).unwrap().contains("Batman: Ben"),
        "read back with plain HTTP"
    );
    assert_eq!(server.list(&path), vec![(href.clone(), etag2.clone())]);
    assert_eq!(dav.delete(&href, Some(&etag)), Err(ServerError::PreconditionFailed));
    dav.delete(&href, Some(&etag2)).unwrap();
    assert_eq!(server.get(&href), None);
    dav.delete(&href, Some(&etag2)).unwrap();
    assert_eq!(dav.fetch(&href).unwrap(), None);
    assert!(dav.requests() >= 10);
}

#[test]
fn a_wrong_password_is_unauthorized() {
    let server = Radicale::start();
    let url = server.collection_url("phoenix");
    let mut dav = client(&url, "not-the-password");
    assert_eq!(dav.collection_exists(&url), Err(ServerError::Unauthorized));
}

#[test]
fn a_server_that_never_answers_hits_the_time_out() {
    // Accepts connections but never answers.
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!(
        "http://127.0.0.1:{}/{USER}/phoenix/",
        silent.local_addr().unwrap().port()
    );
    let mut dav = CalDav::connect(&url, USER, PASSWORD, Duration::from_millis(700)).unwrap();
    let started = Instant::now();
    assert_eq!(dav.collection_exists(&url), Err(ServerError::Timeout(1)));
    assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
}

#[test]
fn nobody_listening_is_unreachable() {
    let url = format!("http://127.0.0.1:{}/{USER}/phoenix/", free_port());
    let mut dav = client(&url, PASSWORD);
    assert_eq!(
        dav.collection_exists(&url),
        Err(ServerError::Unreachable("connection refused".into()))
    );
}

/// The app's commands run on Tauri's async runtime: the blocking client still works there.
#[tokio::test(flavor = "multi_thread")]
async fn works_when_called_from_inside_a_multi_thread_runtime() {
    let server = Radicale::start();
    let url = server.collection_url("inside");
    let mut dav = client(&url, PASSWORD);
    assert!(!dav.collection_exists(&url).unwrap());
}

#[tokio::test(flavor = "current_thread")]
async fn works_when_called_from_inside_a_current_thread_runtime() {
    let server = Radicale::start();
    let url = server.collection_url("inside");
    let mut dav = client(&url, PASSWORD);
    dav.make_calendar(&url, "Inside").unwrap();
    assert!(dav.collection_exists(&url).unwrap());
}
