//! Sprintshield's storage: one SQLite file, opened in one place ([`Store::open`]), migrated by
//! numbered `migrations/NN-name/up.sql` files, and every SQL statement of the product.
//!
//! The store maps rows to `sprintshield_core` types and back. It validates nothing itself: input is
//! validated by core *before* a transaction starts, rules that need stored data (sprint overlap,
//! duplicate names) run inside the transaction, and a rejected write changes nothing.
#![deny(missing_docs)]

pub mod calendar;
mod checkpoint;
mod connection;
pub mod demo;
mod error;
pub mod interrupts;
pub mod members;
pub mod releases;
pub mod rotation;
mod rotation_ops;
pub mod sprints;
pub mod team_data;
pub mod teams;
pub mod time_off;

pub use checkpoint::{CheckpointStats, Checkpointer, DEFERRED_AUTOCHECKPOINT_PAGES};
pub use connection::{default_db_path, Store, APP_IDENTIFIER};
pub use error::{Result, StoreError};
