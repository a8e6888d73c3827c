//! Shared by the CLI integration tests: a temporary database and helpers that run the real
//! `sprintshield` binary on it.
#![allow(dead_code)] // each test file uses its own subset

use std::path::PathBuf;

use assert_cmd::Command;
use tempfile::TempDir;

/// A temporary folder holding the test's database (`t.db`) and any files it writes.
pub struct Db(pub TempDir);

impl Db {
    /// An empty database.
    pub fn new() -> Db {
        Db(tempfile::tempdir().unwrap())
    }
    /// The database file.
    pub fn path(&self) -> PathBuf {
        self.0.path().join("t.db")
    }
    /// A file next to the database.
    pub fn file(&self, name: &str) -> PathBuf {
        self.0.path().join(name)
    }
    /// A `sprintshield --db <t.db>` command whose keyring is the test's own Secret Service (a
    /// real GNOME Keyring on a private D-Bus bus); add the arguments.
    pub fn cli_with_keyring(&self, keyring: &sprintshield_caldav::secret_service::SecretService) -> Command {
        let mut c = Command::cargo_bin("sprintshield").unwrap();
        c.env_remove("SPRINTSHIELD_DB")
            .envs(keyring.env())
            .arg("--db")
            .arg(self.path());
        c
    }
    /// Every byte of the database: the file and SQLite's side files (to search for a secret).
    pub fn bytes(&self) -> String {
        let mut all = Vec::new();
        for suffix in ["", "-wal", "-shm"] {
            if let Ok(b) = std::fs::read(format!("{}{suffix}", self.path().display())) {
                all.extend(b);
            }
        }
        String::from_utf8_lossy(&all).into_owned()
    }
    /// Runs `sprintshield --db <t.db> args…`.
    pub fn cmd(&self, args: &[&str]) -> assert_cmd::assert::Assert {
        Command::cargo_bin("sprintshield")
            .unwrap()
            .env_remove("SPRINTSHIELD_DB")
            .arg("--db")
            .arg(self.path())
            .args(args)
            .assert()
    }
    /// Runs and asserts success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        String::from_utf8(self.cmd(args).success().get_output().stdout.clone()).unwrap()
    }
    /// Runs with `--json` and parses stdout.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        serde_json::from_str(&self.ok(&all)).unwrap()
    }
    /// Asserts exit 1, nothing on stdout, and exactly one stderr line `error: …` containing `needle`.
    pub fn rejected(&self, args: &[&str], needle: &str) {
        let out = self.cmd(args).code(1).stdout("").get_output().clone();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "one line expected, got: {err}");
        assert!(err.starts_with("error: ") && err.contains(needle), "{err}");
    }
}
