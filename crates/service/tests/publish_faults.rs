//! Publishing when things go wrong, against a real Radicale: a refused password marks nothing
//! published; a server killed mid-publish (or an answer lost after the server stored the event)
//! leaves a state the next publish completes with exactly the rest and no duplicates; an event
//! edited on the server is reported and left alone, overwritten only with `force`; a server that
//! does not answer hits the time-out.
mod publish_support;

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::net::TcpListener;
use std::rc::Rc;
use std::time::{Duration, Instant};

use sprintshield_caldav::radicale::{Radicale, USER};
use sprintshield_caldav::CalDavConnector;
use sprintshield_core::ErrorKind;

use publish_support::*;

#[test]
fn a_refused_password_is_one_sentence_and_nothing_is_marked_published() {
    let server = Radicale::start();
    let (mut s, team) = demo_publishing_to(&server, "SPRINTSHIELD_TEST_PW_WRONG");
    std::env::set_var("SPRINTSHIELD_TEST_PW_WRONG", "not-the-password");
    let err = s
        .publish(team, now(), &two_weeks(), &connector(), &secrets())
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Remote);
    assert!(
        err.message
            .starts_with("the calendar server refused the password for ana@example.com"),
        "{}",
        err.message
    );
    assert!(!err.message.contains("not-the-password"));
    let status = s.publish_status(team, now()).unwrap();
    assert_eq!(status.published_events, 0);
    assert_eq!(status.calendar.unwrap().last_published_at, None);
    assert!(server.list(&phoenix_path()).is_empty());
    // An unset variable says which one.
    std::env::remove_var("SPRINTSHIELD_TEST_PW_WRONG");
    let err = s
        .publish(team, now(), &two_weeks(), &connector(), &secrets())
        .unwrap_err();
    assert!(
        err.message.contains("SPRINTSHIELD_TEST_PW_WRONG, which is not set"),
        "{}",
        err.message
    );
}

fn resume_after(trip: Trip, var: &str) {
    let server = Rc::new(RefCell::new(Radicale::start()));
    let (mut s, team) = demo_publishing_to(&*server.borrow(), var);
    let total = s.publish_preview(team, now(), &two_weeks()).unwrap().created;
    assert!(total > 6);
    let flaky = Flaky {
        server: server.clone(),
        after: 4,
        trip,
    };
    let err = s.publish(team, now(), &two_weeks(), &flaky, &secrets()).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Remote);
    assert!(
        err.message.contains(&format!("4 of {total} changes were published")) && err.message.contains("publish again"),
        "{}",
        err.message
    );
    assert_eq!(
        s.publish_status(team, now()).unwrap().published_events,
        4,
        "each write was recorded as it succeeded"
    );
    if trip == Trip::KillBefore {
        assert!(err.message.contains("cannot be reached"), "{}", err.message);
        server.borrow_mut().restart();
    }
    // The next publish sends exactly the rest.
    let pending = s.publish_preview(team, now(), &two_weeks()).unwrap();
    assert_eq!(pending.created, total - 4);
    let done = s.publish(team, now(), &two_weeks(), &connector(), &secrets()).unwrap();
    assert_eq!(done.created, total - 4);
    assert!(done.conflicts.is_empty(), "{:?}", done.conflicts);
    let listed = server.borrow().list(&phoenix_path());
    assert_eq!(listed.len(), total, "nothing lost, nothing twice");
    let uids: BTreeSet<String> = listed
        .iter()
        .map(|(h, _)| {
            let text = server.borrow().get(h).unwrap();
            assert_eq!(text.matches("BEGIN:VEVENT").count(), 1);
            text.lines().find(|l| l.starts_with("UID:")).unwrap().trim().to_owned()
        })
        .collect();
    assert_eq!(uids.len(), total);
    assert_eq!(
        s.publish(team, now(), &two_weeks(), &connector(), &secrets())
            .unwrap()
            .requests,
        0
    );
}

#[test]
fn a_server_killed_mid_publish_gets_exactly_the_rest_next_time() {
    resume_after(Trip::KillBefore, "SPRINTSHIELD_TEST_PW_KILLED");
}

#[test]
fn an_answer_lost_after_the_server_stored_the_event_is_not_sent_twice() {
    resume_after(Trip::LoseAnswer, "SPRINTSHIELD_TEST_PW_LOST");
}

#[test]
fn an_event_edited_on_the_server_is_reported_and_overwritten_only_with_force() {
    let server = Radicale::start();
    edited::an_event_edited_on_the_server_is_reported_and_overwritten_only_with_force(
        &server,
        "SPRINTSHIELD_TEST_PW_EDITED",
    );
}

#[test]
fn a_server_that_does_not_answer_hits_the_time_out() {
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!(
        "http://127.0.0.1:{}/{USER}/phoenix/",
        silent.local_addr().unwrap().port()
    );
    let mut s = sprintshield_service::Sprintshield::open_in_memory().unwrap();
    let team = demo_in(&mut s);
    std::env::set_var("SPRINTSHIELD_TEST_PW_SILENT", "x");
    s.set_calendar_target(team, &url, USER, "SPRINTSHIELD_TEST_PW_SILENT", false, vec![])
        .unwrap();
    let started = Instant::now();
    let err = s
        .publish(
            team,
            now(),
            &two_weeks(),
            &CalDavConnector {
                timeout: Duration::from_secs(1),
            },
            &secrets(),
        )
        .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(10), "{:?}", started.elapsed());
    assert_eq!(err.kind, ErrorKind::Remote);
    assert!(err.message.contains("did not answer within 1 s"), "{}", err.message);
    assert_eq!(s.publish_status(team, now()).unwrap().published_events, 0);
}
