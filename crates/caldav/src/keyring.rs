//! [`OsSecrets`]: the passwords of calendar targets in the OS keyring — on Linux the Secret
//! Service (GNOME Keyring, KWallet's bridge, KeePassXC), reached over the session D-Bus with
//! `keyring-core` and its pure-Rust `zbus` store — and in environment variables.
//!
//! The secret travels over D-Bus encrypted (the Secret Service's Diffie-Hellman session), is never
//! logged, and lives in this process only as long as a publish needs it. The keyring is opened on
//! first use, so a publish whose password is in an environment variable never touches D-Bus.
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use keyring_core::{CredentialStore, Entry, Error};
use sprintshield_core::publish::{KeyringEntry, SecretError, Secrets};

/// The OS keyring and the process environment.
#[derive(Default)]
pub struct OsSecrets {
    store: Mutex<Option<Arc<CredentialStore>>>,
}

impl std::fmt::Debug for OsSecrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OsSecrets").finish_non_exhaustive()
    }
}

impl OsSecrets {
    /// The Secret Service store, connected on first use.
    fn store(&self) -> Result<Arc<CredentialStore>, SecretError> {
        let mut held = self.store.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(s) = held.as_ref() {
            return Ok(s.clone());
        }
        let store: Arc<CredentialStore> =
            zbus_secret_service_keyring_store::Store::new().map_err(|e| unavailable(&e))?;
        *held = Some(store.clone());
        Ok(store)
    }

    fn entry(&self, entry: &KeyringEntry) -> Result<Entry, SecretError> {
        let store = self.store()?;
        let label = HashMap::from([("label", entry.label.as_str())]);
        Entry::new_in_store_with_modifiers(&store, &entry.service, &entry.account, &label).map_err(|e| other(&e))
    }
}

impl Secrets for OsSecrets {
    fn keep(&self, entry: &KeyringEntry, secret: &str) -> Result<(), SecretError> {
        self.entry(entry)?.set_password(secret).map_err(|e| other(&e))
    }

    fn find(&self, entry: &KeyringEntry) -> Result<Option<String>, SecretError> {
        match self.entry(entry)?.get_password() {
            Ok(p) => Ok(Some(p)),
            Err(Error::NoEntry) => Ok(None),
            Err(e) => Err(other(&e)),
        }
    }

    fn forget(&self, entry: &KeyringEntry) -> Result<(), SecretError> {
        match self.entry(entry)?.delete_credential() {
            Ok(()) | Err(Error::NoEntry) => Ok(()),
            Err(e) => Err(other(&e)),
        }
    }

    fn env(&self, name: &str) -> Option<String> {
        std::env::var(name).ok().filter(|v| !v.is_empty())
    }
}

/// Opening the keyring failed: there is no Secret Service to talk to. The innermost cause in a
/// few words ("org.freedesktop.secrets was not provided by any .service files").
fn unavailable(e: &Error) -> SecretError {
    match e {
        Error::NoStorageAccess(_) => SecretError::Locked,
        _ => SecretError::Unavailable(innermost(e)),
    }
}

/// A keyring answer other than "no such entry".
fn other(e: &Error) -> SecretError {
    match e {
        Error::NoStorageAccess(_) => SecretError::Locked,
        _ => SecretError::Other(innermost(e)),
    }
}

fn innermost(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = e;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string()
}
