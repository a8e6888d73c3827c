//! Where a team's plan is published: a CalDAV calendar collection and a chat webhook.
//!
//! Secrets are never part of a target: the password stays in the OS keyring or in an environment
//! variable whose *name* is stored ([`PasswordSource`]), the webhook URL in an environment
//! variable (so neither the database file nor a log can leak them).
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::secret::PasswordSource;
use crate::calendar::sources::ExportWhat;
use crate::{named_enum, Id, Invalid};

named_enum! {
    /// The JSON a chat webhook accepts.
    pub enum ChatFormat ("chat format") {
        Slack = "slack", "Slack-compatible JSON (Slack, Mattermost, Rocket.Chat, Discord /slack)", ["mattermost", "rocketchat", "discord"];
        Teams = "teams", "Microsoft Teams Workflows (Adaptive Card)", ["msteams", "ms_teams"];
    }
}

/// The longest URL or user name accepted.
const MAX_URL: usize = 2000;

/// A team's calendar on a CalDAV server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CalendarTarget {
    /// The team.
    pub team_id: Id,
    /// The calendar collection's URL (`http(s)://host/path/`), ending with `/`.
    pub collection_url: String,
    /// The user name the server knows.
    pub user: String,
    /// Where the password is kept: an environment variable or the OS keyring.
    pub password_source: PasswordSource,
    /// With [`PasswordSource::Env`], the name of the environment variable that holds the
    /// password (never the password); empty with the keyring.
    pub password_env: String,
    /// Also publish each member's own turns to a collection of their own ("my duties").
    pub per_member: bool,
    /// What is published: turns, and optionally sprints and releases.
    pub what: Vec<ExportWhat>,
    /// When the last publish finished, if one did.
    pub last_published_at: Option<DateTime<Utc>>,
}

impl CalendarTarget {
    /// A checked target whose password is in an environment variable: an `http://` or
    /// `https://` URL (a `/` is added at its end when missing), a user name, an environment
    /// variable name (letters, digits and `_`, not starting with a digit), and what to publish
    /// (turns, sprints, releases; time off is never published).
    pub fn new(
        team_id: Id,
        collection_url: &str,
        user: &str,
        password_env: &str,
        per_member: bool,
        what: Vec<ExportWhat>,
    ) -> Result<Self, Invalid> {
        let mut t = Self::checked(team_id, collection_url, user, per_member, what)?;
        t.password_env = env_name("password_env", password_env)?;
        Ok(t)
    }

    /// A checked target (as [`CalendarTarget::new`]) whose password is in the OS keyring, under
    /// [`super::secret::KeyringEntry::for_target`].
    pub fn in_keyring(
        team_id: Id,
        collection_url: &str,
        user: &str,
        per_member: bool,
        what: Vec<ExportWhat>,
    ) -> Result<Self, Invalid> {
        let mut t = Self::checked(team_id, collection_url, user, per_member, what)?;
        t.password_source = PasswordSource::Keyring;
        Ok(t)
    }

    /// The checks both sources share; the password is then in the environment variable "".
    fn checked(
        team_id: Id,
        collection_url: &str,
        user: &str,
        per_member: bool,
        what: Vec<ExportWhat>,
    ) -> Result<Self, Invalid> {
        let url = collection_url.trim();
        let lower = url.to_ascii_lowercase();
        let rest = lower
            .strip_prefix("https://")
            .or_else(|| lower.strip_prefix("http://"))
            .ok_or_else(|| {
                Invalid::new(
                    "collection_url",
                    format!(
                        "\"{}\" is not a calendar URL; give one starting with https:// (or http://)",
                        crate::text::shown(url)
                    ),
                )
            })?;
        if rest.is_empty()
            || rest.starts_with('/')
            || url.len() > MAX_URL
            || url.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            return Err(Invalid::new(
                "collection_url",
                format!("\"{}\" is not a calendar URL; give the server's address and the calendar's path, e.g. https://dav.example.com/ana/phoenix/", crate::text::shown(url)),
            ));
        }
        let mut collection_url = url.to_owned();
        if !collection_url.ends_with('/') {
            collection_url.push('/');
        }
        let user = user.trim();
        if user.is_empty() || user.len() > 200 || user.chars().any(char::is_control) {
            return Err(Invalid::new(
                "user",
                "give the user name the calendar server knows you by",
            ));
        }
        if what.contains(&ExportWhat::TimeOff) {
            return Err(Invalid::new(
                "what",
                "time off is not published to the team calendar; choose turns, sprints or releases",
            ));
        }
        let mut kinds = Vec::new();
        for w in what {
            if !kinds.contains(&w) {
                kinds.push(w);
            }
        }
        if kinds.is_empty() {
            kinds.push(ExportWhat::Turns);
        }
        Ok(Self {
            team_id,
            collection_url,
            user: user.to_owned(),
            password_source: PasswordSource::Env,
            password_env: String::new(),
            per_member,
            what: kinds,
            last_published_at: None,
        })
    }

    /// Where the password comes from, for sentences: "the OS keyring" or "$VAR".
    pub fn password_origin(&self) -> String {
        match self.password_source {
            PasswordSource::Keyring => "the OS keyring".to_owned(),
            PasswordSource::Env => format!("${}", self.password_env),
        }
    }

    /// The host (and port) of the server, for sentences ("dav.example.com").
    pub fn host(&self) -> &str {
        host_of(&self.collection_url)
    }

    /// The collection of one member's own turns: the team collection's URL with `-<member>`
    /// added to its last segment (`…/phoenix/` → `…/phoenix-ana-souza/`).
    pub fn member_collection(&self, member_name: &str) -> String {
        let base = self.collection_url.trim_end_matches('/');
        format!("{base}-{}/", slug(member_name))
    }
}

/// A team's chat webhook, named by the environment variable that holds its URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChatTarget {
    /// The team.
    pub team_id: Id,
    /// The name of the environment variable holding the webhook URL (never the URL).
    pub webhook_env: String,
    /// What JSON the webhook takes.
    pub format: ChatFormat,
    /// When a message was last posted, if one was.
    pub last_posted_at: Option<DateTime<Utc>>,
}

impl ChatTarget {
    /// A checked chat target (the variable name as for [`CalendarTarget::new`]).
    pub fn new(team_id: Id, webhook_env: &str, format: ChatFormat) -> Result<Self, Invalid> {
        Ok(Self {
            team_id,
            webhook_env: env_name("webhook_env", webhook_env)?,
            format,
            last_posted_at: None,
        })
    }
}

/// Checks an environment variable *name*; refuses what looks like a secret pasted in its place.
pub fn env_name(field: &'static str, name: &str) -> Result<String, Invalid> {
    let name = name.trim();
    let valid = !name.is_empty()
        && name.len() <= 100
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !valid {
        return Err(Invalid::new(
            field,
            "give the NAME of an environment variable (letters, digits and _, e.g. SPRINTSHIELD_CALDAV_PASSWORD), not the secret itself",
        ));
    }
    Ok(name.to_owned())
}

/// The `host[:port]` part of an `http(s)://` URL.
pub fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    rest.rsplit_once('@').map_or(rest, |(_, h)| h)
}

/// A URL-safe ASCII slug of a name: common Latin accents folded (`é` → `e`), other characters
/// dropped, words joined with `-`.
fn slug(text: &str) -> String {
    let mut s = String::new();
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        let folded = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ą' => "a",
            'ç' | 'ć' | 'č' => "c",
            'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ě' => "e",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'ł' => "l",
            'ñ' | 'ń' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o",
            'ś' | 'š' => "s",
            'ß' => "ss",
            'ù' | 'ú' | 'û' | 'ü' | 'ů' => "u",
            'ý' | 'ÿ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            c if c.is_ascii_alphanumeric() => {
                s.push(c);
                continue;
            }
            c if c.is_alphanumeric() => "",
            _ => "-",
        };
        s.push_str(folded);
    }
    let s = s.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-");
    if s.is_empty() {
        "member".to_owned()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_target_is_checked_and_normalised() {
        let t = CalendarTarget::new(1, " https://dav.example.com/ana/phoenix ", "ana", "PW", false, vec![]).unwrap();
        assert_eq!(t.collection_url, "https://dav.example.com/ana/phoenix/");
        assert_eq!(t.what, vec![ExportWhat::Turns]);
        assert_eq!(t.host(), "dav.example.com");
        assert_eq!(
            t.member_collection("Ana Souza"),
            "https://dav.example.com/ana/phoenix-ana-souza/"
        );
        for bad in ["ftp://x/", "dav.example.com/x", "https:///x", "https://a b/"] {
            assert_eq!(
                CalendarTarget::new(1, bad, "ana", "PW", false, vec![])
                    .unwrap_err()
                    .field,
                "collection_url",
                "{bad}"
            );
        }
        assert_eq!(
            CalendarTarget::new(1, "http://h/", " ", "PW", false, vec![])
                .unwrap_err()
                .field,
            "user"
        );
        assert!(CalendarTarget::new(1, "http://h/", "a", "PW", false, vec![ExportWhat::TimeOff]).is_err());
        assert_eq!(t.password_source, PasswordSource::Env);
        assert_eq!(t.password_origin(), "$PW");
        let k = CalendarTarget::in_keyring(1, "https://dav.example.com/ana/phoenix", "ana", false, vec![]).unwrap();
        assert_eq!(
            (k.password_source, k.password_env.as_str()),
            (PasswordSource::Keyring, "")
        );
        assert_eq!(k.password_origin(), "the OS keyring");
        assert_eq!(
            CalendarTarget::in_keyring(1, "ftp://x/", "ana", false, vec![])
                .unwrap_err()
                .field,
            "collection_url"
        );
    }

    #[test]
    fn a_secret_pasted_as_a_variable_name_is_refused() {
        for bad in [
            "hunter2!",
            "https://hooks.slack.com/services/T0/B0/x",
            "",
            "1PW",
            "MY VAR",
        ] {
            assert!(env_name("webhook_env", bad).is_err(), "{bad}");
        }
        assert_eq!(env_name("x", " SPRINTSHIELD_PW ").unwrap(), "SPRINTSHIELD_PW");
        assert_eq!(ChatFormat::parse("Teams").unwrap(), ChatFormat::Teams);
        assert_eq!(ChatFormat::parse("mattermost").unwrap(), ChatFormat::Slack);
    }

    #[test]
    fn host_drops_scheme_credentials_and_path() {
        assert_eq!(host_of("http://127.0.0.1:5232/ana/cal/"), "127.0.0.1:5232");
        assert_eq!(host_of("https://u:p@h.example/x"), "h.example");
    }
}
