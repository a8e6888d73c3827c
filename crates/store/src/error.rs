//! Storage errors and their translation to the user-facing [`AppError`].
use sprintshield_core::{AppError, ErrorKind, Invalid};

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A rule rejected the input, or a named record does not exist.
    #[error(transparent)]
    App(#[from] AppError),
    /// SQLite failed.
    #[error("database error: {0}")]
    Sql(#[from] rusqlite::Error),
    /// A schema migration failed.
    #[error("database upgrade failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    /// The database file could not be created or copied.
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
}

impl From<Invalid> for StoreError {
    fn from(e: Invalid) -> Self {
        StoreError::App(e.into())
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::App(app) => app,
            other => AppError::new(ErrorKind::Storage, other.to_string()),
        }
    }
}

/// Result of a store operation.
pub type Result<T> = std::result::Result<T, StoreError>;

/// Whether `e` is a UNIQUE constraint violation (a duplicate name).
pub(crate) fn is_unique_violation(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _) if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE)
}

/// What kind of SQLite failure an error is, for the application layer to explain it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SqlFailure {
    /// Another connection held the lock past the busy timeout.
    Busy,
    /// The file or folder is read-only.
    ReadOnly,
    /// The disk is full.
    Full,
    /// The file is not a database or is damaged.
    Corrupt,
    /// The file cannot be opened.
    CannotOpen,
    /// A constraint (unique, check, foreign key) refused the write.
    Constraint,
    /// Anything else.
    Other,
}

impl SqlFailure {
    /// Classifies `e` by SQLite's primary result code.
    pub fn of(e: &rusqlite::Error) -> SqlFailure {
        use rusqlite::ErrorCode as C;
        match e.sqlite_error_code() {
            Some(C::DatabaseBusy | C::DatabaseLocked) => SqlFailure::Busy,
            Some(C::ReadOnly) => SqlFailure::ReadOnly,
            Some(C::DiskFull) => SqlFailure::Full,
            Some(C::DatabaseCorrupt | C::NotADatabase) => SqlFailure::Corrupt,
            Some(C::CannotOpen) => SqlFailure::CannotOpen,
            Some(C::ConstraintViolation) => SqlFailure::Constraint,
            _ => SqlFailure::Other,
        }
    }
}
