//! Sprintshield's application layer: one public operation per user action, shared by both faces
//! (the desktop shell in `src-tauri/` and the `sprintshield` CLI).
//!
//! An operation takes `now` (nothing below it reads the clock), loads what it needs once, asks
//! `sprintshield-core` for the answer and, when it writes, does its whole read-modify-write inside
//! one transaction that takes SQLite's write lock at its start (`BEGIN IMMEDIATE`): a plan that
//! runs while the CLI overrides a turn either sees the override or runs after it, never writes
//! over it. Writes return an [`Outcome`]: the value plus what changed ([`Changes`]), which undo,
//! the UI's refresh and publishing read. Every error leaves as a [`sprintshield_core::AppError`]
//! with a sentence a scrum master understands; no SQLite message reaches a face.
#![deny(missing_docs)]

mod additions;
mod calendar;
mod changes;
mod chat;
mod corrections;
mod demo;
mod error;
mod forecast;
mod import_csv;
mod insights;
mod loaded;
mod planner_start;
mod policy_check;
mod publish;
mod records;
mod releases;
mod removals;
mod rotation;
mod simulation;
pub mod sprint_status;
mod undo;
mod zones;

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use loaded::Loaded;

use sprintshield_core::AppError;
use sprintshield_store::Store;

pub use additions::TurnMoves;
pub use changes::{Changes, Outcome, PublishedResource, Record, RecordChange};
pub use chat::{ChatPoster, ChatStatus, PostReport, CHAT_TIMEOUT, HTTP_LOG_CAP};
pub use corrections::EditEffect;
pub use error::Result;
pub use forecast::ForecastQuery;
pub use publish::{PublishChange, PublishOptions, PublishReport, PublishStatus, DEFAULT_PUBLISH_DAYS};
pub use rotation::{EditAt, EditResult};
pub use sprintshield_store::{default_db_path, Checkpointer};

/// An open Sprintshield database and every operation on it.
pub struct Sprintshield {
    store: Store,
    path: Option<PathBuf>,
    /// Writes made through this connection so far (kept planner data is current only while no
    /// other write has been made; see `loaded`).
    own_writes: u64,
    /// The planner's last loaded rotation context, kept while it is current.
    loaded: RefCell<Option<Loaded>>,
}

/// How [`Sprintshield::open`] treats a database file that does not exist yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Create it (and its folder) when missing.
    CreateIfMissing,
    /// Refuse, naming the path: a mistyped `--db` must not silently start an empty database.
    MustExist,
}

impl Sprintshield {
    /// Opens the database at `path` (migrating it; see `Store::open`). With
    /// [`OpenMode::MustExist`] a missing file is an error that names it and says how to create one.
    pub fn open(path: &Path, mode: OpenMode) -> Result<Sprintshield> {
        if mode == OpenMode::MustExist && !path.exists() {
            return Err(AppError::not_found(format!(
                "there is no Sprintshield database at {}; check the path, or create one with `sprintshield --db {} init`",
                path.display(),
                path.display()
            )));
        }
        let store = Store::open(path).map_err(error::from_store)?;
        Ok(Sprintshield::with(store, Some(path.to_path_buf())))
    }

    /// A fresh in-memory database (tests, previews).
    pub fn open_in_memory() -> Result<Sprintshield> {
        Ok(Sprintshield::with(
            Store::open_in_memory().map_err(error::from_store)?,
            None,
        ))
    }

    fn with(store: Store, path: Option<PathBuf>) -> Sprintshield {
        Sprintshield {
            store,
            path,
            own_writes: 0,
            loaded: RefCell::new(None),
        }
    }

    /// Where the database file is, if it is a file.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The schema version (number of applied migrations).
    pub fn schema_version(&self) -> Result<usize> {
        self.store.schema_version().map_err(error::from_store)
    }

    /// `PRAGMA integrity_check`: `"ok"` when the file is sound.
    pub fn integrity_check(&self) -> Result<String> {
        self.store.integrity_check().map_err(error::from_store)
    }

    /// Leaves SQLite's log checkpoints to a background [`Checkpointer`] (the app does this so no
    /// user's commit pays for a checkpoint).
    pub fn defer_checkpoints(&self) -> Result<()> {
        self.store.defer_checkpoints().map_err(error::from_store)
    }

    /// Runs a read: one consistent snapshot of the database for everything `f` loads.
    fn read<T>(&self, f: impl FnOnce(&Store) -> sprintshield_store::Result<T>) -> Result<T> {
        self.store.in_read_transaction(|s| f(s)).map_err(error::from_store)
    }

    /// Runs a write and undoes it: the preview of an operation is the operation itself, rolled
    /// back, so "re-plans 9 turns" is what saving will do.
    fn dry_run<T>(&mut self, f: impl FnOnce(&mut Store) -> sprintshield_store::Result<T>) -> Result<T> {
        self.store.in_rolled_back_transaction(f).map_err(error::from_store)
    }

    /// Runs a write: `f` loads, decides and writes inside one transaction that holds the write
    /// lock from its first statement; all of it is committed, or (on any error) none of it.
    fn write<T>(&mut self, f: impl FnOnce(&mut Store) -> sprintshield_store::Result<T>) -> Result<T> {
        self.own_writes += 1;
        self.store.in_transaction(f).map_err(error::from_store)
    }
}
