//! Sprintshield's chat adapter: one HTTP POST of a JSON message to a team chat's incoming webhook
//! (Slack, Mattermost, Rocket.Chat, Discord's `/slack` endpoint, a Microsoft Teams Workflow).
//!
//! A webhook URL is a secret: whoever has it can post to the channel. It is held in a
//! [`Webhook`] whose `Debug` shows only the host, and no error of this crate ever contains it —
//! errors name the host and say what went wrong in one sentence. Nothing here logs.
//!
//! Every request is bounded by one time-out covering connecting, sending and reading the answer.
#![deny(missing_docs)]

use std::fmt;
use std::io::Read;
use std::time::{Duration, Instant};

/// The longest part of a refusal's body quoted in an error (Slack answers `no_service`,
/// `invalid_payload`; Teams answers a short JSON error).
const QUOTE_MAX: usize = 120;

/// A webhook URL, checked to be an `http(s)` address; its `Debug` shows only the host.
#[derive(Clone)]
pub struct Webhook {
    url: String,
    host: String,
}

impl fmt::Debug for Webhook {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Webhook({}/…)", self.host)
    }
}

impl Webhook {
    /// Checks that `url` is an `https://` (or, for a chat server on the local network,
    /// `http://`) address with a host. The error never repeats the URL.
    pub fn parse(url: &str) -> Result<Webhook, ChatError> {
        let url = url.trim();
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .ok_or_else(|| ChatError::new("the webhook URL is not a web address; it must start with https://"))?;
        let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
        // Credentials in the URL (user:password@host) are part of the secret, not the host.
        let host = authority.rsplit('@').next().unwrap_or_default();
        if host.is_empty() || url.chars().any(char::is_whitespace) {
            return Err(ChatError::new(
                "the webhook URL has no host name or contains spaces; paste it again from the chat's webhook settings",
            ));
        }
        Ok(Webhook {
            url: url.to_owned(),
            host: host.to_owned(),
        })
    }

    /// The host the webhook posts to (not secret; used in error sentences).
    pub fn host(&self) -> &str {
        &self.host
    }
}

/// A failed post, as one sentence that names the host but never the URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChatError {
    message: String,
}

impl ChatError {
    /// A failure saying `message` (one sentence that names the host, never the URL). Public so
    /// that a stand-in poster (a test's) can fail like this one.
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
        }
    }

    /// The sentence.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ChatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ChatError {}

/// A message the chat server accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Delivered {
    /// The HTTP status of the answer (200 for Slack, 202 for a Teams Workflow).
    pub status: u16,
    /// How long the request took.
    pub elapsed: Duration,
}

fn seconds(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s.fract() == 0.0 {
        format!("{s:.0} s")
    } else {
        format!("{s:.1} s")
    }
}

/// The reason in a refusal's body, on one line, shortened, with the URL taken out should the
/// server echo it.
fn quote(body: &str, hook: &Webhook) -> String {
    let one: String = body
        .replace(&hook.url, "(the webhook URL)")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut out: String = one.chars().take(QUOTE_MAX).collect();
    if one.chars().count() > QUOTE_MAX {
        out.push('…');
    }
    out
}

fn failure(e: ureq::Error, hook: &Webhook, timeout: Duration) -> ChatError {
    let host = hook.host();
    let msg = match e {
        ureq::Error::Timeout(_) => format!(
            "the chat server at {host} did not answer within {}, so the message may not have arrived; try again later",
            seconds(timeout)
        ),
        ureq::Error::HostNotFound => {
            format!("could not find the chat server {host}; check the webhook URL and the network")
        }
        ureq::Error::ConnectionFailed => {
            format!("could not connect to the chat server at {host}; is it reachable from this computer?")
        }
        ureq::Error::Io(io) => match io.kind() {
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => format!(
                "the chat server at {host} did not answer within {}, so the message may not have arrived; try again later",
                seconds(timeout)
            ),
            std::io::ErrorKind::ConnectionRefused => {
                format!("the chat server at {host} refused the connection; is it running, and is the webhook URL right?")
            }
            _ => format!("the connection to the chat server at {host} failed ({io})"),
        },
        ureq::Error::Tls(_) | ureq::Error::Rustls(_) | ureq::Error::Pem(_) | ureq::Error::TlsRequired => {
            format!("could not set up a secure connection to the chat server at {host}; check that the webhook URL is right")
        }
        ureq::Error::TooManyRedirects | ureq::Error::RedirectFailed => {
            format!("the chat server at {host} sent the message elsewhere instead of taking it; check the webhook URL")
        }
        ureq::Error::BadUri(_) | ureq::Error::Http(_) => {
            "the webhook URL is not a valid web address; paste it again from the chat's webhook settings".into()
        }
        _ => format!("the message could not be sent to the chat server at {host}"),
    };
    ChatError::new(msg)
}

/// Posts `body` as JSON to `hook`, waiting at most `timeout` for the whole exchange. Success is
/// any 2xx answer; anything else is one sentence naming the host, the HTTP status and the
/// server's short reason.
pub fn post(hook: &Webhook, body: &serde_json::Value, timeout: Duration) -> Result<Delivered, ChatError> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .max_redirects(0)
        .user_agent(concat!("Sprintshield/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let started = Instant::now();
    let payload = serde_json::to_vec(body).expect("a JSON value always serialises");
    let mut answer = agent
        .post(&hook.url)
        .header("Content-Type", "application/json; charset=utf-8")
        .send(&payload[..])
        .map_err(|e| failure(e, hook, timeout))?;
    let status = answer.status().as_u16();
    let mut text = String::new();
    // The reason is read best-effort: a refusal is reported even if its body cannot be read.
    let _ = answer.body_mut().as_reader().take(4 * 1024).read_to_string(&mut text);
    if (200..300).contains(&status) {
        return Ok(Delivered {
            status,
            elapsed: started.elapsed(),
        });
    }
    let reason = answer.status().canonical_reason().unwrap_or("error");
    let said = quote(&text, hook);
    let hint = match status {
        401 | 403 | 404 | 410 => "; the webhook may have been removed or its URL mistyped",
        400 | 413 | 422 => "; it did not accept the message's format (is the chat target's format right?)",
        429 => "; it asks to wait before posting again",
        500..=599 => "; the chat service has a problem, try again later",
        _ => "",
    };
    Err(ChatError::new(if said.is_empty() {
        format!(
            "the chat server at {} refused the message (HTTP {status} {reason}){hint}",
            hook.host
        )
    } else {
        format!(
            "the chat server at {} refused the message (HTTP {status} {reason}: {said}){hint}",
            hook.host
        )
    }))
}
