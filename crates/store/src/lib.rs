//! Sprintshield's storage: one SQLite file, opened in one place ([`Store::open`]), migrated by
//! numbered `migrations/NN-name/up.sql` files, and every SQL statement of the product.
//!
//! The store maps rows to `sprintshield_core` types and back: loaders, savers and migrations. It
//! holds no orchestration (that is `sprintshield-service`'s: one operation per user action, in
//! one transaction it opens with [`Store::in_transaction`]) and no IPC types. Savers call core's
//! validating constructors and turn UNIQUE/foreign-key refusals into sentences; a rejected write
//! changes nothing.
#![deny(missing_docs)]

pub mod calendar;
pub mod chat_pending;
mod checkpoint;
mod connection;
pub mod demo;
mod error;
mod freeze_edit;
mod import_csv;
pub mod interrupts;
pub mod members;
pub mod publish;
pub mod releases;
mod restore;
pub mod rotation;
pub mod sprints;
pub mod team_data;
pub mod teams;
pub mod time_off;

pub use checkpoint::{CheckpointStats, Checkpointer, DEFERRED_AUTOCHECKPOINT_PAGES};
pub use connection::{default_db_path, Store, APP_IDENTIFIER};
pub use error::{Result, SqlFailure, StoreError};
pub use restore::ChatLine;
