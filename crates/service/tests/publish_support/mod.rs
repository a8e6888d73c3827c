//! What the publish tests share: the demo team Phoenix publishing to a test server (Radicale,
//! Xandikos) started for the test, the checks every server runs ([`mirror`], [`edited`]), and a
//! calendar server that fails on cue (a killed server, a lost answer).
#![allow(dead_code)]
pub mod edited;
pub mod mirror;

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use sprintshield_caldav::radicale::{Radicale, PASSWORD, USER};
use sprintshield_caldav::servers::TestServer;
use sprintshield_caldav::{CalDavConnector, OsSecrets};
use sprintshield_core::publish::server::Fetched;
use sprintshield_core::publish::{CalendarServer, CalendarTarget, Connector, ServerError};
use sprintshield_core::Id;
use sprintshield_service::{PublishOptions, Sprintshield};

/// The demo's "now".
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap()
}

/// A day.
pub fn d(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// Two weeks of the demo's plan.
pub fn two_weeks() -> PublishOptions {
    PublishOptions {
        from: Some(d("2026-11-23")),
        to: Some(d("2026-12-06")),
        force: false,
    }
}

/// The demo loaded on 2026-11-22 in `s`, Phoenix's id.
pub fn demo_in(s: &mut Sprintshield) -> Id {
    s.load_demo(d("2026-11-22"), now()).unwrap();
    s.team_by_name("Phoenix").unwrap().id
}

/// The demo, and Phoenix set up to publish to `server`'s collection `phoenix` with the password
/// in the environment variable `var` (set here).
pub fn demo_publishing_to(server: &dyn TestServer, var: &str) -> (Sprintshield, Id) {
    let mut s = Sprintshield::open_in_memory().unwrap();
    let team = demo_in(&mut s);
    std::env::set_var(var, PASSWORD);
    s.set_calendar_target(team, &server.collection_url("phoenix"), USER, var, false, vec![])
        .unwrap();
    (s, team)
}

/// The connector the faces use, with a short time-out.
pub fn connector() -> CalDavConnector {
    CalDavConnector {
        timeout: Duration::from_secs(10),
    }
}

/// Where the faces read passwords: the OS keyring, or (as these tests set up) the environment.
pub fn secrets() -> OsSecrets {
    OsSecrets::default()
}

/// The collection's path on the server.
pub fn phoenix_path() -> String {
    format!("/{USER}/phoenix/")
}

/// What the wrapped server does when the trip wire is hit.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Trip {
    /// Kill the server before the write is sent (the write fails: unreachable).
    KillBefore,
    /// Send the write (the server stores it), then lose the answer (a time-out).
    LoseAnswer,
}

/// Opens the real CalDAV client, wrapped so that the write number `after` (0-based) trips.
pub struct Flaky {
    pub server: Rc<RefCell<Radicale>>,
    pub after: usize,
    pub trip: Trip,
}

impl Connector for Flaky {
    fn connect(&self, target: &CalendarTarget, password: &str) -> Result<Box<dyn CalendarServer>, ServerError> {
        Ok(Box::new(FlakyServer {
            inner: connector().connect(target, password)?,
            server: self.server.clone(),
            left: self.after,
            trip: self.trip,
        }))
    }
}

struct FlakyServer {
    inner: Box<dyn CalendarServer>,
    server: Rc<RefCell<Radicale>>,
    left: usize,
    trip: Trip,
}

impl FlakyServer {
    fn write<T>(
        &mut self,
        f: impl FnOnce(&mut dyn CalendarServer) -> Result<T, ServerError>,
    ) -> Result<T, ServerError> {
        if self.left > 0 {
            self.left -= 1;
            return f(self.inner.as_mut());
        }
        match self.trip {
            Trip::KillBefore => {
                self.server.borrow_mut().kill();
                f(self.inner.as_mut())
            }
            Trip::LoseAnswer => {
                f(self.inner.as_mut())?;
                self.left = usize::MAX;
                Err(ServerError::Timeout(1))
            }
        }
    }
}

impl CalendarServer for FlakyServer {
    fn collection_exists(&mut self, c: &str) -> Result<bool, ServerError> {
        self.inner.collection_exists(c)
    }
    fn make_calendar(&mut self, c: &str, n: &str) -> Result<(), ServerError> {
        self.inner.make_calendar(c, n)
    }
    fn create(&mut self, h: &str, ics: &str) -> Result<Option<String>, ServerError> {
        self.write(|s| s.create(h, ics))
    }
    fn update(&mut self, h: &str, ics: &str, e: &str) -> Result<Option<String>, ServerError> {
        self.write(|s| s.update(h, ics, e))
    }
    fn overwrite(&mut self, h: &str, ics: &str) -> Result<Option<String>, ServerError> {
        self.write(|s| s.overwrite(h, ics))
    }
    fn delete(&mut self, h: &str, e: Option<&str>) -> Result<(), ServerError> {
        self.write(|s| s.delete(h, e))
    }
    fn fetch(&mut self, h: &str) -> Result<Option<Fetched>, ServerError> {
        self.inner.fetch(h)
    }
    fn requests(&self) -> usize {
        self.inner.requests()
    }
}
