//! The CalDAV adapter of a publish: [`CalDav`] implements
//! [`sprintshield_core::publish::CalendarServer`] over HTTP(S) with `libdav` (a maintained client,
//! pimsync's), and [`CalDavConnector`] opens one for a team's target with the password the publish
//! read through [`OsSecrets`] (the OS keyring or an environment variable). No rule lives here: which resources to write is decided
//! by core, the order and the bookkeeping by the service.
//!
//! Every request is bounded by a time-out (connection included). Calls block: each one runs on a
//! small single-thread runtime owned by the client, so the synchronous service can call it from
//! the CLI or from the app's blocking command pool.
//!
//! The calendar collection is created with `MKCALENDAR` (RFC 4791 §5.3.1), sent through libdav's
//! raw request API: libdav's own `CreateCalendar` sends an extended `MKCOL` (RFC 5689), which not
//! every CalDAV server supports.
#![deny(missing_docs)]

mod client;
mod errors;
mod keyring;

pub use client::{CalDav, CalDavConnector, DEFAULT_TIMEOUT};
pub use keyring::OsSecrets;

#[cfg(feature = "radicale")]
mod local_server;
#[cfg(feature = "radicale")]
pub mod radicale;
#[cfg(feature = "radicale")]
pub mod secret_service;
#[cfg(feature = "radicale")]
pub mod servers;
#[cfg(feature = "radicale")]
pub mod xandikos;
