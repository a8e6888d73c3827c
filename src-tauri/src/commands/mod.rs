//! IPC commands: each calls one `sprintshield-service` operation; no rules live here. Errors cross IPC as
//! `AppError { kind, message, field }`.
//!
//! Every command is `#[tauri::command(async)]`: it runs on Tauri's blocking pool, not on the main
//! thread that also carries IPC replies and the window, so a slow query never stalls a repaint.
pub mod app;
pub mod calendar;
pub mod chat;
pub mod chat_keyring;
pub mod forecast;
pub mod import_csv;
pub mod insights;
pub mod interrupts;
pub mod publish;
pub mod publish_keyring;
pub mod releases;
pub mod rotation;
pub mod sprints;
pub mod teams;

/// Result of every command.
pub type CmdResult<T> = Result<T, sprintshield_core::AppError>;
