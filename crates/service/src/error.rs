//! Turning storage failures into sentences: a face never shows a SQLite message. The technical
//! detail goes to the log; the user reads what happened and what to do.
use sprintshield_core::{AppError, ErrorKind};
use sprintshield_store::{SqlFailure, StoreError};

/// Result of every operation.
pub type Result<T> = std::result::Result<T, AppError>;

/// The user-facing error for a store failure.
pub(crate) fn from_store(e: StoreError) -> AppError {
    match e {
        StoreError::App(app) => app,
        StoreError::Sql(sql) => {
            let failure = SqlFailure::of(&sql);
            tracing::warn!(error = %sql, ?failure, "database error");
            let message = match failure {
                SqlFailure::Busy => {
                    "the database is busy: another Sprintshield (the app or a script) kept it locked for too long; \
                     nothing was changed — try again"
                }
                SqlFailure::ReadOnly => "the database file is read-only; nothing was changed",
                SqlFailure::Full => "the disk is full; nothing was changed",
                SqlFailure::Corrupt => {
                    "the database file is damaged; restore the copy made before the last upgrade (<file>.before-vN.bak)"
                }
                SqlFailure::CannotOpen => "the database file cannot be opened; check the path and its permissions",
                SqlFailure::Constraint => {
                    "the change contradicts data already stored (someone may have changed it at the same time); \
                     nothing was changed — reload and try again"
                }
                SqlFailure::Other => "the database could not carry out this change; nothing was changed",
            };
            AppError::new(ErrorKind::Storage, message)
        }
        StoreError::Migration(m) => {
            tracing::error!(error = %m, "schema upgrade failed");
            AppError::new(
                ErrorKind::Storage,
                "the database could not be upgraded to this version of Sprintshield; it was left as it was",
            )
        }
        StoreError::Io(io) => {
            tracing::warn!(error = %io, "database file error");
            AppError::new(
                ErrorKind::Storage,
                format!("the database file could not be created or copied ({})", io.kind()),
            )
        }
    }
}
