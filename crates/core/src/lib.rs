//! Sprintshield's domain: the rules about teams, members, time off, sprints and interrupts,
//! and (in later modules) rotations, capacity, forecasts, releases and calendars.
//!
//! This crate knows nothing of SQLite, Tauri, files or the clock. Everything it needs comes in as
//! values — `now`, the team's zone, the members, the time off — so every rule is a pure function
//! that is cheap to test. Input from the outside world is validated here, on construction: a
//! [`sprint::Sprint`] whose end precedes its start cannot exist.
#![deny(missing_docs)]

pub mod calendar;
pub mod capacity;
pub mod demo;
pub mod error;
pub mod forecast;
pub mod import_csv;
pub mod insights;
pub mod interrupt;
pub mod lifecycle;
pub mod member;
mod named;
pub mod publish;
pub mod release;
pub mod rotation;
pub mod simulate;
pub mod sprint;
pub mod standup;
pub mod team;
pub mod text;
pub mod time;
pub mod time_off;
pub mod zones;

pub use error::{AppError, ErrorKind, Invalid};

/// Row identifier of a stored entity (SQLite rowid).
pub type Id = i64;
