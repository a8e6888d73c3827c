//! The calendar server as a publish sees it: a few conditional WebDAV writes. The CalDAV adapter
//! (`sprintshield-caldav`) implements [`CalendarServer`] over HTTP with a time-out on every
//! request; tests can implement it in memory. Nothing here does any input or output.
use std::fmt;

use super::target::CalendarTarget;

/// Why a request to the calendar server failed, in terms the publish operation acts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServerError {
    /// The server refused the user name or password (401/403).
    Unauthorized,
    /// The resource changed on the server since it was written (412 on a conditional write).
    PreconditionFailed,
    /// No answer within the time-out, in seconds.
    Timeout(u64),
    /// The server could not be reached at all (refused connection, unknown host, …).
    Unreachable(String),
    /// Any other answer: the HTTP status, if there was one, and what it said.
    Other(Option<u16>, String),
}

impl fmt::Display for ServerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ServerError::Unauthorized => f.write_str("the server refused the password"),
            ServerError::PreconditionFailed => f.write_str("the resource was changed on the server"),
            ServerError::Timeout(s) => write!(f, "no answer within {s} s"),
            ServerError::Unreachable(why) => write!(f, "cannot be reached ({why})"),
            ServerError::Other(Some(code), why) => write!(f, "answered {code} {why}"),
            ServerError::Other(None, why) => f.write_str(why),
        }
    }
}

/// A resource as read back from the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// Its text.
    pub text: String,
    /// Its ETag, when the server sent one.
    pub etag: Option<String>,
}

/// A calendar server. Every `href` and collection is an absolute path on the server
/// (`/ana/phoenix/turn-….ics`); ETags are passed back exactly as the server sent them.
pub trait CalendarServer {
    /// Whether the calendar collection at `collection` exists.
    fn collection_exists(&mut self, collection: &str) -> Result<bool, ServerError>;
    /// Creates the calendar collection at `collection` (`MKCALENDAR`) named `display_name`.
    fn make_calendar(&mut self, collection: &str, display_name: &str) -> Result<(), ServerError>;
    /// Writes a new resource (`PUT` with `If-None-Match: *`); its new ETag, if sent.
    fn create(&mut self, href: &str, ics: &str) -> Result<Option<String>, ServerError>;
    /// Replaces a resource still at `etag` (`PUT` with `If-Match`); its new ETag, if sent.
    fn update(&mut self, href: &str, ics: &str, etag: &str) -> Result<Option<String>, ServerError>;
    /// Replaces a resource whatever it holds (`PUT` without a condition: `--force`).
    fn overwrite(&mut self, href: &str, ics: &str) -> Result<Option<String>, ServerError>;
    /// Deletes a resource (with `If-Match` when `etag` is given). A resource already gone is fine.
    fn delete(&mut self, href: &str, etag: Option<&str>) -> Result<(), ServerError>;
    /// Reads a resource back; `None` when there is none.
    fn fetch(&mut self, href: &str) -> Result<Option<Fetched>, ServerError>;
    /// How many HTTP requests were sent so far.
    fn requests(&self) -> usize;
}

/// Opens a [`CalendarServer`] for a target with its password (which the publish read from where
/// the target keeps it, through [`super::secret::Secrets`]).
pub trait Connector {
    /// A server for `target`, logging in as its user with `password`.
    fn connect(&self, target: &CalendarTarget, password: &str) -> Result<Box<dyn CalendarServer>, ServerError>;
}

/// The path part of an `http(s)://host/path` URL (`/` when there is none).
pub fn path_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.find('/').map_or("/", |i| &rest[i..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_of_a_url() {
        assert_eq!(path_of("http://127.0.0.1:5232/ana/phoenix/"), "/ana/phoenix/");
        assert_eq!(path_of("https://h.example"), "/");
    }
}
