//! The managed state: the one open store behind a mutex, shared by every command.
use std::path::PathBuf;
use std::sync::Mutex;

use sprintshield_core::{AppError, ErrorKind};
use sprintshield_store::Store;

/// Everything commands share.
pub struct AppState {
    store: Mutex<Store>,
    /// Where the database file lives (shown in the About panel).
    pub db_path: PathBuf,
}

impl AppState {
    /// Wraps an open store.
    pub fn new(store: Store, db_path: PathBuf) -> Self {
        Self {
            store: Mutex::new(store),
            db_path,
        }
    }

    /// Runs `f` with the store; store errors become [`AppError`]s.
    pub fn with<T>(&self, f: impl FnOnce(&mut Store) -> sprintshield_store::Result<T>) -> Result<T, AppError> {
        let mut guard = self.store.lock().map_err(|_| {
            AppError::new(
                ErrorKind::Storage,
                "the database is unavailable after an earlier failure; restart the app",
            )
        })?;
        f(&mut guard).map_err(AppError::from)
    }
}
