//! What the secret-keeping tests share: a log kept in memory (to search every line written at
//! trace level), every byte of the database with its side files, and pointing the test at its
//! private D-Bus session (the real GNOME Keyring started for it).
#![allow(dead_code)]
use std::io::Write;
use std::sync::{Arc, Mutex};

/// Everything logged, kept in memory.
#[derive(Clone, Default)]
pub struct Log(pub Arc<Mutex<Vec<u8>>>);

impl Write for Log {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Every byte of the database: the file and SQLite's side files.
pub fn database_bytes(path: &std::path::Path) -> String {
    let mut all = Vec::new();
    for suffix in ["", "-wal", "-shm", "-journal"] {
        if let Ok(b) = std::fs::read(format!("{}{suffix}", path.display())) {
            all.extend(b);
        }
    }
    String::from_utf8_lossy(&all).into_owned()
}

/// Points the keyring client at the test's own session bus. Each test binary using it holds one
/// test, so nothing else reads the environment meanwhile.
pub fn use_bus(address: &str) {
    std::env::set_var("DBUS_SESSION_BUS_ADDRESS", address);
}
