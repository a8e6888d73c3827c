//! The managed state: the one open database behind a mutex, shared by every command.
use std::path::PathBuf;
use std::sync::Mutex;

use sprintshield_core::{AppError, ErrorKind};
use sprintshield_service::Sprintshield;

/// Everything commands share.
pub struct AppState {
    app: Mutex<Sprintshield>,
    /// Where the database file lives (shown in the About panel).
    pub db_path: PathBuf,
}

impl AppState {
    /// Wraps an open database.
    pub fn new(app: Sprintshield, db_path: PathBuf) -> Self {
        Self {
            app: Mutex::new(app),
            db_path,
        }
    }

    /// Runs one operation.
    pub fn with<T>(&self, f: impl FnOnce(&mut Sprintshield) -> Result<T, AppError>) -> Result<T, AppError> {
        let mut guard = self.app.lock().map_err(|_| {
            AppError::new(
                ErrorKind::Storage,
                "the database is unavailable after an earlier failure; restart the app",
            )
        })?;
        f(&mut guard)
    }
}
