//! Where a calendar password is kept, and the keeper as a publish sees it.
//!
//! A password is never part of a target nor of the database: the target only says where it is —
//! an environment variable named at set-up, or the OS keyring (the Secret Service on Linux) under
//! an entry derived from the target's URL and user ([`KeyringEntry::for_target`]). The keyring is
//! reached through the [`Secrets`] trait, which the faces fill with the real OS keyring
//! (`sprintshield-caldav`) and tests with whatever they need. Nothing here does any input or
//! output.
use std::fmt;

use super::target::{host_of, CalendarTarget};
use crate::named_enum;

named_enum! {
    /// Where a calendar target's password is kept.
    pub enum PasswordSource ("password source") {
        Env = "env", "an environment variable named at set-up", ["environment", "password_env"];
        Keyring = "keyring", "the OS keyring (Secret Service)", ["secret_service", "os_keyring"];
    }
}

/// The service name of every entry Sprintshield keeps in the OS keyring.
pub const KEYRING_SERVICE: &str = "sprintshield-caldav";

/// One entry in the OS keyring: what finds it (service and account) and what a person sees in a
/// keyring manager (the label). None of it is secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyringEntry {
    /// Always [`KEYRING_SERVICE`].
    pub service: String,
    /// The user on the calendar server and the collection's URL: `ana@example.com at
    /// https://dav.example.com/ana/phoenix/`.
    pub account: String,
    /// "Sprintshield: calendar password for ana@example.com at dav.example.com".
    pub label: String,
}

impl KeyringEntry {
    /// The entry holding the password of `target`'s user for its collection. Two teams that
    /// publish to the same collection as the same user share it.
    pub fn for_target(target: &CalendarTarget) -> KeyringEntry {
        Self::of(&target.collection_url, &target.user)
    }

    /// The entry for a collection URL (as a checked target holds it) and a user.
    pub fn of(collection_url: &str, user: &str) -> KeyringEntry {
        KeyringEntry {
            service: KEYRING_SERVICE.to_owned(),
            account: format!("{user} at {collection_url}"),
            label: format!(
                "Sprintshield: calendar password for {user} at {}",
                host_of(collection_url)
            ),
        }
    }
}

/// Why the OS keyring could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecretError {
    /// No keyring service runs here (no session bus, or nothing on it answers for the Secret
    /// Service); what was found.
    Unavailable(String),
    /// The keyring is locked and cannot be unlocked without a person at a desktop prompt.
    Locked,
    /// Anything else the keyring answered.
    Other(String),
}

impl fmt::Display for SecretError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SecretError::Unavailable(why) => write!(f, "no OS keyring (Secret Service) runs here ({why})"),
            SecretError::Locked => f.write_str("the OS keyring is locked"),
            SecretError::Other(why) => write!(f, "the OS keyring failed ({why})"),
        }
    }
}

/// Where passwords come from: the OS keyring and the environment.
pub trait Secrets {
    /// Keeps `secret` under `entry`, replacing what was there.
    fn keep(&self, entry: &KeyringEntry, secret: &str) -> Result<(), SecretError>;
    /// The secret kept under `entry`; `None` when the keyring holds none.
    fn find(&self, entry: &KeyringEntry) -> Result<Option<String>, SecretError>;
    /// Forgets the secret under `entry`; one that is not there is fine.
    fn forget(&self, entry: &KeyringEntry) -> Result<(), SecretError>;
    /// The value of the environment variable `name`, when it is set (and not empty).
    fn env(&self, name: &str) -> Option<String>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_names_the_user_and_the_collection_but_holds_no_secret() {
        let t = CalendarTarget::new(1, "https://dav.example.com/ana/phoenix", "ana", "PW", false, vec![]).unwrap();
        let e = KeyringEntry::for_target(&t);
        assert_eq!(e.service, "sprintshield-caldav");
        assert_eq!(e.account, "ana at https://dav.example.com/ana/phoenix/");
        assert_eq!(e.label, "Sprintshield: calendar password for ana at dav.example.com");
        assert_eq!(PasswordSource::parse("Keyring").unwrap(), PasswordSource::Keyring);
        assert_eq!(PasswordSource::parse("environment").unwrap(), PasswordSource::Env);
    }
}
