//! Where a team's plan is published: a CalDAV calendar collection and a chat webhook.
//!
//! Secrets are never part of a target: the password and the webhook URL stay in the OS keyring or
//! in an environment variable whose *name* is stored ([`PasswordSource`], [`WebhookSource`]), so
//! neither the database file nor a log can leak them.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::secret::{KeyringEntry, PasswordSource};
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

named_enum! {
    /// Where a chat target's webhook URL is kept.
    pub enum WebhookSource ("webhook source") {
        Env = "env", "an environment variable named at set-up", ["environment", "webhook_env"];
        Keyring = "keyring", "the OS keyring (Secret Service)", ["secret_service", "os_keyring"];
    }
}

/// The service name of the OS keyring entries holding chat webhook URLs (the calendar passwords
/// are under [`super::secret::KEYRING_SERVICE`]).
pub const CHAT_KEYRING_SERVICE: &str = "sprintshield-chat";

/// A team's chat webhook: where its URL is kept (an environment variable named here, or the OS
/// keyring) and the JSON it takes. The URL itself is never part of a target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChatTarget {
    /// The team.
    pub team_id: Id,
    /// Where the webhook URL is kept: an environment variable or the OS keyring.
    pub webhook_source: WebhookSource,
    /// With [`WebhookSource::Env`], the name of the environment variable holding the webhook URL
    /// (never the URL); empty with the keyring.
    pub webhook_env: String,
    /// What JSON the webhook takes.
    pub format: ChatFormat,
    /// When a message was last posted, if one was.
    pub last_posted_at: Option<DateTime<Utc>>,
}

impl ChatTarget {
    /// A checked chat target whose URL is in an environment variable (the variable name as for
    /// [`CalendarTarget::new`]).
    pub fn new(team_id: Id, webhook_env: &str, format: ChatFormat) -> Result<Self, Invalid> {
        Ok(Self {
            team_id,
            webhook_source: WebhookSource::Env,
            webhook_env: env_name("webhook_env", webhook_env)?,
            format,
            last_posted_at: None,
        })
    }

    /// A chat target whose URL is in the OS keyring, under [`ChatTarget::keyring_entry`].
    pub fn in_keyring(team_id: Id, format: ChatFormat) -> Self {
        Self {
            team_id,
            webhook_source: WebhookSource::Keyring,
            webhook_env: String::new(),
            format,
            last_posted_at: None,
        }
    }

    /// The OS keyring entry holding the team's webhook URL: service [`CHAT_KEYRING_SERVICE`],
    /// account `team <id>` (team ids are never reused, so a removed team's entry can never be
    /// read for another team), labelled with the team's name for keyring managers.
    pub fn keyring_entry(team_id: Id, team_name: &str) -> KeyringEntry {
        KeyringEntry {
            service: CHAT_KEYRING_SERVICE.to_owned(),
            account: format!("team {team_id}"),
            label: format!("Sprintshield: chat webhook URL for {team_name}"),
        }
    }

    /// Where the URL comes from, for sentences: "the OS keyring" or "$VAR".
    pub fn url_origin(&self) -> String {
        match self.webhook_source {
            WebhookSource::Keyring => "the OS keyring".to_owned(),
            WebhookSource::Env => format!("${}", self.webhook_env),
        }
    }
}

/// Checks a webhook URL given at set-up: an `https://` address with a host, or an `http://` one
/// on this computer (`localhost`, `127.x.x.x`, `[::1]`: a local test listener), no spaces or
/// control characters, at most 2000 characters. Returns it trimmed. The error never repeats the
/// URL (it is a secret: whoever has it can post to the channel).
pub fn webhook_url(url: &str) -> Result<String, Invalid> {
    let url = url.trim();
    let field = "webhook_url";
    if url.is_empty() {
        return Err(Invalid::new(
            field,
            "paste the chat's incoming-webhook URL (it was empty)",
        ));
    }
    let lower = url.to_ascii_lowercase();
    let (rest, plain) = match (lower.strip_prefix("https://"), lower.strip_prefix("http://")) {
        (Some(rest), _) => (rest, false),
        (None, Some(rest)) => (rest, true),
        (None, None) => {
            return Err(Invalid::new(
                field,
                "that is not a webhook URL; paste the address from the chat's incoming-webhook settings, starting with https://",
            ))
        }
    };
    let host = host_of(rest);
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host.split(':').next().unwrap_or_default(),
    };
    let local = name == "localhost" || name.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback());
    if host.is_empty() || url.len() > MAX_URL || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Invalid::new(
            field,
            "the webhook URL has no host name, contains spaces or is too long; paste it again from the chat's webhook settings",
        ));
    }
    if plain && !local {
        return Err(Invalid::new(
            field,
            "the webhook URL must start with https:// (a plain http:// address would send it unencrypted over the network)",
        ));
    }
    Ok(url.to_owned())
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
    fn a_webhook_url_is_https_or_local_and_never_echoed() {
        assert_eq!(
            webhook_url(" https://hooks.slack.com/services/T0/B0/xoxSeCrEt ").unwrap(),
            "https://hooks.slack.com/services/T0/B0/xoxSeCrEt"
        );
        for ok in [
            "http://127.0.0.1:8080/hooks/x",
            "http://localhost/x",
            "http://[::1]:9/x",
            "HTTPS://h.example/x",
        ] {
            assert!(webhook_url(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "hooks.slack.com/services/xoxSeCrEt",
            "http://chat.example.com/hooks/xoxSeCrEt",
            "http://localhost.evil.example/xoxSeCrEt",
            "http://127.evil.example/xoxSeCrEt",
            "https:///xoxSeCrEt",
            "https://h.example/xo xSeCrEt",
            "ftp://h.example/xoxSeCrEt",
        ] {
            let e = webhook_url(bad).unwrap_err();
            assert_eq!(e.field, "webhook_url", "{bad}");
            assert!(
                !e.message.contains("xoxSeCrEt") && !e.message.contains('\n'),
                "{bad}: {}",
                e.message
            );
        }
        let long = format!("https://h.example/{}", "x".repeat(2000));
        assert!(webhook_url(&long).is_err());
    }

    #[test]
    fn a_chat_target_says_where_its_url_is_kept() {
        let env = ChatTarget::new(4, "HOOK", ChatFormat::Slack).unwrap();
        assert_eq!(
            (env.webhook_source, env.url_origin().as_str()),
            (WebhookSource::Env, "$HOOK")
        );
        let k = ChatTarget::in_keyring(4, ChatFormat::Teams);
        assert_eq!((k.webhook_source, k.webhook_env.as_str()), (WebhookSource::Keyring, ""));
        assert_eq!(k.url_origin(), "the OS keyring");
        let e = ChatTarget::keyring_entry(4, "Phoenix");
        assert_eq!(
            (e.service.as_str(), e.account.as_str(), e.label.as_str()),
            (
                "sprintshield-chat",
                "team 4",
                "Sprintshield: chat webhook URL for Phoenix"
            )
        );
        assert_ne!(e.service, super::super::secret::KEYRING_SERVICE);
        assert_eq!(WebhookSource::parse("keyring").unwrap(), WebhookSource::Keyring);
    }

    #[test]
    fn host_drops_scheme_credentials_and_path() {
        assert_eq!(host_of("http://127.0.0.1:5232/ana/cal/"), "127.0.0.1:5232");
        assert_eq!(host_of("https://u:p@h.example/x"), "h.example");
    }
}
