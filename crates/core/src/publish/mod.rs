//! Publishing the plan to the team: a CalDAV calendar that stays current, and who is affected.
//!
//! Everything here is pure. [`target`] holds what a team publishes to (a calendar collection and a
//! chat webhook, secrets only *named*, never held); [`secret`] where a password is kept (an
//! environment variable or the OS keyring) and the keeper's trait; [`resources`] turns the plan's events into one
//! calendar resource per event, written by the `.ics` export's own writer so UIDs, `SEQUENCE`,
//! `TRANSP` and `VTIMEZONE` are the export's; [`diff`] compares them with what was last published
//! and lists the creates, updates and deletes; [`affected`] says, per person, what those changes
//! mean for them ("Ana Souza: Tue 8 Dec → Thu 10 Dec"); [`server`] is the calendar server as the
//! publish operation sees it (the CalDAV adapter in `sprintshield-caldav` implements it).
pub mod affected;
pub mod diff;
pub mod resources;
pub mod secret;
pub mod server;
pub mod target;

pub use affected::affected_lines;
pub use diff::{plan_publish, Action, ActionKind, PublishPlan};
pub use resources::{resource_href, resource_ics, same_event, Holder, Published};
pub use secret::{KeyringEntry, PasswordSource, SecretError, Secrets};
pub use server::{CalendarServer, Connector, ServerError};
pub use target::{webhook_url, CalendarTarget, ChatFormat, ChatTarget, WebhookSource, CHAT_KEYRING_SERVICE};
