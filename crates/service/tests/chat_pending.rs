//! What a publish changed reaches the chat even when the chat failed at first: the change lines
//! are kept (in the transaction that marks the publish done) until a post carrying them is
//! delivered, so the next post — after a publish with nothing new, or "post today's duty" —
//! carries them, once. Also: the poster is injected like the calendar connector, and the Today
//! card's copy says what changed since the last publish and whom it affects.
//!
//! The calendar is an in-memory server (what it stores is not under test here; the Radicale tests
//! cover that); the chat is a local HTTP listener, posted to through the faces' poster.
mod chat_support;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Duration;

use chat_support::{demo, now, webhook_answering};
use sprintshield_caldav::OsSecrets;
use sprintshield_chat::{ChatError, Delivered, Webhook};
use sprintshield_core::publish::secret::{KeyringEntry, SecretError, Secrets};
use sprintshield_core::publish::server::Fetched;
use sprintshield_core::publish::{CalendarServer, CalendarTarget, Connector, ServerError};
use sprintshield_core::standup::{ChatFormat, NOT_PUBLISHED};
use sprintshield_core::{ErrorKind, Id};
use sprintshield_service::{EditAt, PublishOptions, Sprintshield};

/// A calendar server in memory: resources by href, ETags counting writes.
#[derive(Default, Clone)]
struct Memory {
    resources: Rc<RefCell<HashMap<String, (String, String)>>>,
    collections: Rc<RefCell<Vec<String>>>,
    requests: Rc<Cell<usize>>,
    /// Writes the server still takes before it goes away (`None`: no limit).
    writes_left: Rc<Cell<Option<usize>>>,
}

impl Connector for Memory {
    fn connect(&self, _target: &CalendarTarget, _password: &str) -> Result<Box<dyn CalendarServer>, ServerError> {
        Ok(Box::new(self.clone()))
    }
}

impl Memory {
    fn tick(&self) -> String {
        self.requests.set(self.requests.get() + 1);
        format!("\"{}\"", self.requests.get())
    }

    /// Counts a write; fails like a server that went away once the limit is reached.
    fn write(&self) -> Result<String, ServerError> {
        match self.writes_left.get() {
            Some(0) => Err(ServerError::Unreachable("connection refused".into())),
            Some(n) => {
                self.writes_left.set(Some(n - 1));
                Ok(self.tick())
            }
            None => Ok(self.tick()),
        }
    }
}

impl CalendarServer for Memory {
    fn collection_exists(&mut self, c: &str) -> Result<bool, ServerError> {
        self.tick();
        Ok(self.collections.borrow().iter().any(|x| x == c))
    }
    fn make_calendar(&mut self, c: &str, _name: &str) -> Result<(), ServerError> {
        self.tick();
        self.collections.borrow_mut().push(c.to_owned());
        Ok(())
    }
    fn create(&mut self, href: &str, ics: &str) -> Result<Option<String>, ServerError> {
        let etag = self.write()?;
        let mut r = self.resources.borrow_mut();
        if r.contains_key(href) {
            return Err(ServerError::PreconditionFailed);
        }
        r.insert(href.to_owned(), (ics.to_owned(), etag.clone()));
        Ok(Some(etag))
    }
    fn update(&mut self, href: &str, ics: &str, etag: &str) -> Result<Option<String>, ServerError> {
        let new = self.write()?;
        let mut r = self.resources.borrow_mut();
        match r.get(href) {
            Some((_, e)) if e == etag => {
                r.insert(href.to_owned(), (ics.to_owned(), new.clone()));
                Ok(Some(new))
            }
            _ => Err(ServerError::PreconditionFailed),
        }
    }
    fn overwrite(&mut self, href: &str, ics: &str) -> Result<Option<String>, ServerError> {
        let new = self.write()?;
        self.resources
            .borrow_mut()
            .insert(href.to_owned(), (ics.to_owned(), new.clone()));
        Ok(Some(new))
    }
    fn delete(&mut self, href: &str, _etag: Option<&str>) -> Result<(), ServerError> {
        self.write()?;
        self.resources.borrow_mut().remove(href);
        Ok(())
    }
    fn fetch(&mut self, href: &str) -> Result<Option<Fetched>, ServerError> {
        self.tick();
        Ok(self.resources.borrow().get(href).map(|(text, etag)| Fetched {
            text: text.clone(),
            etag: Some(etag.clone()),
        }))
    }
    fn requests(&self) -> usize {
        self.requests.get()
    }
}

/// The calendar password from the environment only (no keyring here).
struct EnvOnly;

impl Secrets for EnvOnly {
    fn keep(&self, _: &KeyringEntry, _: &str) -> Result<(), SecretError> {
        unreachable!("the tests keep no password in a keyring")
    }
    fn find(&self, _: &KeyringEntry) -> Result<Option<String>, SecretError> {
        Ok(None)
    }
    fn forget(&self, _: &KeyringEntry) -> Result<(), SecretError> {
        Ok(())
    }
    fn env(&self, name: &str) -> Option<String> {
        std::env::var(name).ok().filter(|v| !v.is_empty())
    }
}

/// Phoenix publishing to an in-memory calendar (already published once) and posting to the
/// webhook in `var`, which holds `url`.
fn publishing(var: &str, url: &str) -> (Sprintshield, Id, Memory) {
    let mut app = Sprintshield::open_in_memory().unwrap();
    let team = demo(&mut app).id;
    let pw = format!("{var}_PW");
    std::env::set_var(&pw, "secret");
    app.set_calendar_target(team, "https://dav.example.com/ana/phoenix/", "ana", &pw, false, vec![])
        .unwrap();
    let server = Memory::default();
    app.publish(team, now(), &PublishOptions::default(), &server, &EnvOnly)
        .unwrap();
    std::env::set_var(var, url);
    app.set_chat_target(team, var, ChatFormat::Slack).unwrap();
    (app, team, server)
}

/// Tomorrow's Batman turn handed to someone else; the lines a publish now would send.
fn override_tomorrow(app: &mut Sprintshield, team: Id) -> Vec<String> {
    override_in(app, team, 1)
}

/// The Batman turn `days` from now handed to someone else; the lines a publish now would send.
fn override_in(app: &mut Sprintshield, team: Id, days: i64) -> Vec<String> {
    let batman = app.policy_by_name(team, "Batman").unwrap();
    let tomorrow = now() + chrono::Duration::days(days);
    let on = app.standup(team, tomorrow).unwrap().duties[0].on_duty.clone().unwrap();
    let other = app
        .members(team)
        .unwrap()
        .into_iter()
        .find(|m| m.id != on.member_id && m.spec.can_take_duty)
        .unwrap();
    app.apply_edit_at(team, batman.id, tomorrow, EditAt::Override { member_id: other.id })
        .unwrap();
    let lines = app
        .publish_preview(team, now(), &PublishOptions::default())
        .unwrap()
        .affected;
    assert!(!lines.is_empty());
    println!("the override's lines: {lines:?}");
    lines
}

#[test]
fn a_failed_post_keeps_the_changes_and_the_next_post_carries_them_once() {
    let (url, rx) = webhook_answering(&["500 Internal Server Error", "200 OK", "200 OK"]);
    let (mut app, team, server) = publishing("SS_TEST_PENDING_HOOK", &url);
    let lines = override_tomorrow(&mut app, team);

    // The calendar takes the change; the chat refuses the post.
    let r = app
        .publish(team, now(), &PublishOptions::default(), &server, &EnvOnly)
        .unwrap();
    assert_eq!(r.affected, lines);
    assert_eq!(app.chat_waiting(team).unwrap(), lines, "kept with the publish");
    let e = app
        .post_standup(team, now(), &sprintshield_chat::post, &OsSecrets::default())
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Remote);
    assert!(e.message.contains("HTTP 500"), "{e:?}");
    let refused = rx.recv_timeout(Duration::from_secs(5)).unwrap();
    for l in &lines {
        assert!(refused.json["text"].as_str().unwrap().contains(l.as_str()));
    }
    assert_eq!(app.chat_waiting(team).unwrap(), lines, "a refused post keeps them");
    assert_eq!(app.chat_target(team).unwrap().unwrap().last_posted_at, None);

    // The next publish has nothing new for the calendar, but the chat still has to hear it.
    let again = app
        .publish(team, now(), &PublishOptions::default(), &server, &EnvOnly)
        .unwrap();
    assert_eq!(again.created + again.updated + again.deleted, 0);
    let posted = app
        .post_standup(team, now(), &sprintshield_chat::post, &OsSecrets::default())
        .unwrap();
    let got = rx.recv_timeout(Duration::from_secs(5)).unwrap();
    assert_eq!(got.json, posted.standup.slack(), "what arrived is the message");
    let text = got.json["text"].as_str().unwrap();
    for l in &lines {
        assert_eq!(text.matches(l.as_str()).count(), 1, "{l:?} once in:\n{text}");
    }
    assert_eq!(posted.standup.changes, lines);
    assert!(
        posted.headline.ends_with(&format!(
            ", with {} change{}",
            lines.len(),
            if lines.len() == 1 { "" } else { "s" }
        )),
        "{}",
        posted.headline
    );
    assert!(
        app.chat_waiting(team).unwrap().is_empty(),
        "a delivered post clears them"
    );
    assert_eq!(app.chat_target(team).unwrap().unwrap().last_posted_at, Some(now()));

    // "Post today's duty" afterwards says who is on duty and no old change.
    let today = app
        .post_standup(team, now(), &sprintshield_chat::post, &OsSecrets::default())
        .unwrap();
    let got = rx.recv_timeout(Duration::from_secs(5)).unwrap();
    assert!(today.standup.changes.is_empty());
    assert!(!got.json["text"]
        .as_str()
        .unwrap()
        .contains("Changed since the last publish"));
}

#[test]
fn the_poster_is_injected_and_a_failure_it_reports_keeps_the_changes() {
    let (mut app, team, server) = publishing(
        "SS_TEST_INJECTED_HOOK",
        "https://hooks.example.com/services/xoxInjected",
    );
    let lines = override_tomorrow(&mut app, team);
    app.publish(team, now(), &PublishOptions::default(), &server, &EnvOnly)
        .unwrap();

    let tries = Cell::new(0);
    let seen = RefCell::new(Vec::new());
    let flaky = |hook: &Webhook, body: &serde_json::Value, _: Duration| {
        tries.set(tries.get() + 1);
        seen.borrow_mut().push(body.clone());
        if tries.get() == 1 {
            Err(ChatError::new(format!(
                "the chat server at {} did not answer within 10 s",
                hook.host()
            )))
        } else {
            Ok(Delivered {
                status: 200,
                elapsed: Duration::from_millis(3),
            })
        }
    };
    let e = app
        .post_standup(team, now(), &flaky, &OsSecrets::default())
        .unwrap_err();
    assert_eq!(
        e.message,
        "the chat server at hooks.example.com did not answer within 10 s"
    );
    assert_eq!(app.chat_waiting(team).unwrap(), lines);

    // Another change published meanwhile joins the earlier lines, after them.
    let later = {
        let batman = app.policy_by_name(team, "Batman").unwrap();
        let day = now() + chrono::Duration::days(2);
        let on = app.standup(team, day).unwrap().duties[0].on_duty.clone().unwrap();
        let other = app
            .members(team)
            .unwrap()
            .into_iter()
            .find(|m| m.id != on.member_id && m.spec.can_take_duty)
            .unwrap();
        app.apply_edit_at(team, batman.id, day, EditAt::Override { member_id: other.id })
            .unwrap();
        app.publish(team, now(), &PublishOptions::default(), &server, &EnvOnly)
            .unwrap()
            .affected
    };
    let posted = app.post_standup(team, now(), &flaky, &OsSecrets::default()).unwrap();
    let mut expected = lines.clone();
    for l in later {
        if !expected.contains(&l) {
            expected.push(l);
        }
    }
    assert_eq!(posted.standup.changes, expected);
    assert_eq!(seen.borrow()[1], posted.standup.slack());
    assert!(app.chat_waiting(team).unwrap().is_empty());
}

#[test]
fn without_a_chat_nothing_is_kept_for_it() {
    let mut app = Sprintshield::open_in_memory().unwrap();
    let team = demo(&mut app).id;
    std::env::set_var("SS_TEST_NOCHAT_PW", "secret");
    app.set_calendar_target(
        team,
        "https://dav.example.com/ana/phoenix/",
        "ana",
        "SS_TEST_NOCHAT_PW",
        false,
        vec![],
    )
    .unwrap();
    let server = Memory::default();
    app.publish(team, now(), &PublishOptions::default(), &server, &EnvOnly)
        .unwrap();
    override_tomorrow(&mut app, team);
    app.publish(team, now(), &PublishOptions::default(), &server, &EnvOnly)
        .unwrap();
    assert!(app.chat_waiting(team).unwrap().is_empty());
    // A chat set up later starts from today, not from old changes.
    std::env::set_var("SS_TEST_NOCHAT_HOOK", "https://hooks.example.com/x");
    app.set_chat_target(team, "SS_TEST_NOCHAT_HOOK", ChatFormat::Teams)
        .unwrap();
    assert!(app.chat_status(team, &OsSecrets::default()).unwrap().waiting.is_empty());
}

#[test]
fn the_copy_says_what_changed_since_the_last_publish_and_whom_it_affects() {
    let (url, _rx) = webhook_answering(&[]);
    let (mut app, team, server) = publishing("SS_TEST_COPY_HOOK", &url);
    assert!(
        app.standup(team, now()).unwrap().changes.is_empty(),
        "just published: nothing changed"
    );

    // An override not published yet: in the copy, marked as such.
    let lines = override_tomorrow(&mut app, team);
    let started = std::time::Instant::now();
    let m = app.standup(team, now()).unwrap();
    println!(
        "the copy with its change section (a 90-day publish preview): {:.1} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    let marked: Vec<String> = lines.iter().map(|l| format!("{l} {NOT_PUBLISHED}")).collect();
    assert_eq!(m.changes, marked);
    let md = m.markdown();
    assert!(md.contains("**Changed since the last publish**"), "{md}");
    for l in &lines {
        assert!(md.contains(l.as_str()), "{md}");
    }

    // Published but not yet posted: the copy and the chat both carry it, unmarked.
    app.publish(team, now(), &PublishOptions::default(), &server, &EnvOnly)
        .unwrap();
    assert_eq!(app.standup(team, now()).unwrap().changes, lines);
}

#[test]
fn a_publish_that_stops_part_way_keeps_what_it_sent_and_the_rest_follows_with_the_next() {
    let (mut app, team, server) = publishing("SS_TEST_PARTWAY_HOOK", "https://hooks.example.com/services/xoxPartway");
    override_in(&mut app, team, 1);
    let all = override_in(&mut app, team, 2);
    let preview = app.publish_preview(team, now(), &PublishOptions::default()).unwrap();
    assert_eq!(preview.updated, 2, "{preview:?}");

    // The server goes away after the first of the two writes.
    server.writes_left.set(Some(1));
    let e = app
        .publish(team, now(), &PublishOptions::default(), &server, &EnvOnly)
        .unwrap_err();
    assert!(e.message.contains("1 of 2 changes were published"), "{e:?}");
    let first = app.chat_waiting(team).unwrap();
    assert!(!first.is_empty(), "what reached the calendar waits for the chat");

    // The next publish sends the rest; the chat then hears about both turns, each line once.
    server.writes_left.set(None);
    let rest = app
        .publish(team, now(), &PublishOptions::default(), &server, &EnvOnly)
        .unwrap();
    assert_eq!(rest.updated, 1);
    let waiting = app.chat_waiting(team).unwrap();
    assert!(waiting.len() > first.len(), "{waiting:?}");
    assert_eq!(waiting[..first.len()], first[..]);
    let ok = |_: &Webhook, _: &serde_json::Value, _: Duration| {
        Ok(Delivered {
            status: 200,
            elapsed: Duration::ZERO,
        })
    };
    let posted = app.post_standup(team, now(), &ok, &OsSecrets::default()).unwrap();
    for line in &posted.standup.changes {
        assert_eq!(posted.standup.changes.iter().filter(|l| *l == line).count(), 1);
    }
    // Everyone the two overrides affect is named.
    for person in all.iter().chain(&first).map(|l| l.split(':').next().unwrap()) {
        assert!(
            posted
                .standup
                .changes
                .iter()
                .any(|l| l.starts_with(&format!("{person}:"))),
            "{person} in {:?}",
            posted.standup.changes
        );
    }
    println!(
        "a publish stopped after 1 of 2 writes, then completed; the chat got: {:?}",
        posted.standup.changes
    );
}
