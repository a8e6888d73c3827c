//! Where the publish gets the calendar password, through the injected `Secrets` (here an honest
//! in-memory keyring whose state each case sets, and which counts its reads; the real Secret
//! Service is in `publish_keyring.rs`): the password is read only when something is to be sent; a
//! locked keyring, a keyring without the entry and an unset variable are each one sentence that
//! says what to do, and nothing is marked published; a set-up the keyring refuses, or with an
//! empty password, changes nothing.
mod publish_support;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use sprintshield_caldav::radicale::{Radicale, PASSWORD, USER};
use sprintshield_core::publish::{KeyringEntry, PasswordSource, SecretError, Secrets};
use sprintshield_core::ErrorKind;

use publish_support::*;

/// A keyring in memory: its entries, whether it is locked or absent, and how often it was read.
#[derive(Default)]
struct MemoryKeyring {
    entries: RefCell<HashMap<(String, String), String>>,
    state: Cell<Option<fn() -> SecretError>>,
    reads: Cell<usize>,
}

impl MemoryKeyring {
    fn failing(&self, e: Option<fn() -> SecretError>) {
        self.state.set(e);
    }
    fn check(&self) -> Result<(), SecretError> {
        match self.state.get() {
            Some(e) => Err(e()),
            None => Ok(()),
        }
    }
}

impl Secrets for MemoryKeyring {
    fn keep(&self, entry: &KeyringEntry, secret: &str) -> Result<(), SecretError> {
        self.check()?;
        self.entries
            .borrow_mut()
            .insert((entry.service.clone(), entry.account.clone()), secret.to_owned());
        Ok(())
    }
    fn find(&self, entry: &KeyringEntry) -> Result<Option<String>, SecretError> {
        self.reads.set(self.reads.get() + 1);
        self.check()?;
        Ok(self
            .entries
            .borrow()
            .get(&(entry.service.clone(), entry.account.clone()))
            .cloned())
    }
    fn forget(&self, entry: &KeyringEntry) -> Result<(), SecretError> {
        self.check()?;
        self.entries
            .borrow_mut()
            .remove(&(entry.service.clone(), entry.account.clone()));
        Ok(())
    }
    fn env(&self, _name: &str) -> Option<String> {
        None
    }
}

#[test]
fn the_password_comes_from_where_the_target_says_and_failures_are_one_sentence() {
    let server = Radicale::start();
    let mut s = sprintshield_service::Sprintshield::open_in_memory().unwrap();
    let team = demo_in(&mut s);
    let url = server.collection_url("phoenix");
    let keyring = MemoryKeyring::default();

    // Set-up: an empty password, or a keyring that is not there, changes nothing.
    let err = s
        .set_calendar_target_in_keyring(team, &url, USER, "", false, vec![], &keyring)
        .unwrap_err();
    assert_eq!((err.kind, err.field.as_deref()), (ErrorKind::Invalid, Some("password")));
    keyring.failing(Some(|| SecretError::Unavailable("no session bus".into())));
    let err = s
        .set_calendar_target_in_keyring(team, &url, USER, PASSWORD, false, vec![], &keyring)
        .unwrap_err();
    assert_eq!(
        err.message,
        "no OS keyring (Secret Service) runs here (no session bus), so the password cannot be stored in it; keep the password in an environment variable instead and give its NAME with --password-env VAR"
    );
    assert_eq!(s.publish_status(team, now()).unwrap().calendar, None);

    keyring.failing(None);
    let t = s
        .set_calendar_target_in_keyring(team, &url, USER, PASSWORD, false, vec![], &keyring)
        .unwrap();
    assert_eq!(t.password_source, PasswordSource::Keyring);
    assert_eq!(keyring.entries.borrow().len(), 1);

    // A locked keyring at publish: one sentence, nothing sent or marked.
    keyring.failing(Some(|| SecretError::Locked));
    let err = s
        .publish(team, now(), &two_weeks(), &connector(), &keyring)
        .unwrap_err();
    assert_eq!(
        err.message,
        "the OS keyring is locked, so the password for ana@example.com cannot be read; unlock it (log in to the desktop session) and try again, or use --password-env VAR"
    );
    let status = s.publish_status(team, now()).unwrap();
    assert_eq!(
        (status.published_events, status.calendar.unwrap().last_published_at),
        (0, None)
    );
    assert!(server.list(&phoenix_path()).is_empty());

    // The entry gone from the keyring: say so, and how to put it back.
    keyring.failing(None);
    keyring.entries.borrow_mut().clear();
    let err = s
        .publish(team, now(), &two_weeks(), &connector(), &keyring)
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    assert!(
        err.message
            .starts_with("the OS keyring holds no password for ana@example.com at 127.0.0.1:")
            && err.message.ends_with("; set the calendar up again to store it"),
        "{}",
        err.message
    );

    // With the password back, the publish reads it once; with nothing to send, not at all.
    s.set_calendar_target_in_keyring(team, &url, USER, PASSWORD, false, vec![], &keyring)
        .unwrap();
    let one_week = sprintshield_service::PublishOptions {
        to: Some(d("2026-11-29")),
        ..two_weeks()
    };
    let before = keyring.reads.get();
    let done = s.publish(team, now(), &one_week, &connector(), &keyring).unwrap();
    assert!(done.created > 0);
    assert_eq!(keyring.reads.get(), before + 1);
    let again = s.publish(team, now(), &one_week, &connector(), &keyring).unwrap();
    assert_eq!(again.requests, 0);
    assert_eq!(
        keyring.reads.get(),
        before + 1,
        "nothing to send: the keyring is not asked"
    );

    // An environment-variable target reads the environment (here: unset), never the keyring.
    s.set_calendar_target(team, &url, USER, "SPRINTSHIELD_TEST_PW_NOWHERE", false, vec![])
        .unwrap();
    let err = s
        .publish(team, now(), &two_weeks(), &connector(), &keyring)
        .unwrap_err();
    assert_eq!(
        err.message,
        "the password for ana@example.com is read from the environment variable SPRINTSHIELD_TEST_PW_NOWHERE, which is not set; set it and publish again"
    );
    assert_eq!(keyring.reads.get(), before + 1);
}
