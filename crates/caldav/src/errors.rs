//! From HTTP outcomes to [`ServerError`]s.
use http::StatusCode;
use libdav::dav::{RequestError, WebDavError};
use sprintshield_core::publish::ServerError;

/// What an HTTP status means for a publish.
pub fn from_status(status: StatusCode) -> ServerError {
    match status {
        StatusCode::UNAUTHORIZED => ServerError::Unauthorized,
        StatusCode::PRECONDITION_FAILED => ServerError::PreconditionFailed,
        s => ServerError::Other(
            Some(s.as_u16()),
            s.canonical_reason().unwrap_or("").to_ascii_lowercase(),
        ),
    }
}

/// The innermost cause of a failed connection, in a few words ("connection refused").
pub fn transport<E: std::error::Error + 'static>(e: &E) -> ServerError {
    let mut cause: &(dyn std::error::Error + 'static) = e;
    while let Some(next) = cause.source() {
        cause = next;
    }
    if let Some(io) = cause.downcast_ref::<std::io::Error>() {
        return ServerError::Unreachable(match io.kind() {
            std::io::ErrorKind::ConnectionRefused => "connection refused".to_owned(),
            std::io::ErrorKind::ConnectionReset => "connection reset".to_owned(),
            std::io::ErrorKind::ConnectionAborted => "connection aborted".to_owned(),
            std::io::ErrorKind::TimedOut => "connection timed out".to_owned(),
            _ => io.to_string(),
        });
    }
    ServerError::Unreachable(cause.to_string())
}

/// A libdav request error.
pub fn from_request<E: std::error::Error + 'static>(e: &RequestError<E>) -> ServerError {
    match e {
        RequestError::Client(c) => transport(c),
        RequestError::Http(h) => ServerError::Unreachable(h.to_string()),
    }
}

/// A libdav WebDAV error.
pub fn from_webdav<E: std::error::Error + 'static>(e: &WebDavError<E>) -> ServerError {
    match e {
        WebDavError::Request(r) => from_request(r),
        WebDavError::BadStatusCode(s) => from_status(*s),
        WebDavError::PreconditionFailed(p) => {
            ServerError::Other(Some(403), format!("the server refused the event ({p})"))
        }
        other => ServerError::Other(None, other.to_string()),
    }
}

/// Whether a libdav error is only "that resource is not there".
pub fn is_not_found<E>(e: &WebDavError<E>) -> bool {
    matches!(e, WebDavError::BadStatusCode(StatusCode::NOT_FOUND | StatusCode::GONE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_map_to_what_a_publish_acts_on() {
        assert_eq!(from_status(StatusCode::UNAUTHORIZED), ServerError::Unauthorized);
        assert_eq!(
            from_status(StatusCode::PRECONDITION_FAILED),
            ServerError::PreconditionFailed
        );
        assert_eq!(
            from_status(StatusCode::FORBIDDEN),
            ServerError::Other(Some(403), "forbidden".into())
        );
    }

    #[test]
    fn a_refused_connection_says_so() {
        let io = std::io::Error::new(std::io::ErrorKind::ConnectionRefused, "x");
        assert_eq!(transport(&io), ServerError::Unreachable("connection refused".into()));
    }
}
