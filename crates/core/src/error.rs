//! Errors as the scrum master sees them.
//!
//! [`Invalid`] is what a validation rule returns: the field at fault and a sentence that says what
//! is wrong and how to fix it. [`AppError`] is the closed error type that crosses every boundary
//! (IPC, CLI): a [`ErrorKind`] the UI can branch on, never a string to match.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A rejected input: which field, and a sentence a scrum master understands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Invalid {
    /// The input field at fault (`"end"`, `"zone"`, …), so forms can show the error inline.
    pub field: &'static str,
    /// What is wrong, in plain words.
    pub message: String,
}

impl Invalid {
    /// Builds a validation error for `field`.
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }
}

/// The closed set of error kinds that cross IPC and the CLI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The input was rejected; nothing was written.
    Invalid,
    /// A named team, member, sprint or other record does not exist.
    NotFound,
    /// The input clashes with stored data (duplicate name, overlapping sprint).
    Conflict,
    /// The database could not be read or written.
    Storage,
    /// A server the plan is published to (calendar, chat) refused, failed or did not answer.
    Remote,
}

/// An error as shown to the user: `{ kind, message, field }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    /// What kind of failure this is.
    pub kind: ErrorKind,
    /// One clear sentence.
    pub message: String,
    /// The form field at fault, when there is one.
    pub field: Option<String>,
}

impl AppError {
    /// An error of `kind` with `message` and no field.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            field: None,
        }
    }

    /// A "not found" error.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::NotFound, message)
    }

    /// A "conflict" error on `field`.
    pub fn conflict(field: &str, message: impl Into<String>) -> Self {
        Self {
            kind: ErrorKind::Conflict,
            message: message.into(),
            field: Some(field.to_owned()),
        }
    }
}

impl From<Invalid> for AppError {
    fn from(e: Invalid) -> Self {
        Self {
            kind: ErrorKind::Invalid,
            message: e.message,
            field: Some(e.field.to_owned()),
        }
    }
}
