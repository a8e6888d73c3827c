//! The stand-up message and the team's chat: compose it (the Today card's "Copy for stand-up",
//! `rotation today`), set where it goes (a webhook whose URL is kept in the OS keyring, or in an
//! environment variable the target only names), and post it through a [`ChatPoster`] the caller
//! passes in (the faces pass the HTTP one, `sprintshield_chat::post`; tests pass one that fails on
//! cue), as a publish receives its calendar connector.
//!
//! What a publish changed is kept for the chat ([`keep_for_chat`], called by the publish in the
//! transaction that marks it done; [`keep_sent_for_chat`] for a publish that stopped part-way,
//! with what it had sent) until a post carrying it is delivered: a chat that refused a message or
//! did not answer hears about those changes with the next post, once.
//!
//! Posting reads the URL through the injected [`Secrets`] (the OS keyring entry
//! [`ChatTarget::keyring_entry`], or the environment variable) at the moment of the post and hands
//! it to the poster; it is never stored in the database, logged, returned or put in an error.
//! Setting up with the URL itself stores it in the keyring *before* the target records
//! `keyring`, so a target never points at an entry that was not written.
//!
//! The keyring entry belongs to the team id (ids are never reused). Removing the team leaves it in
//! the keyring, so undoing the removal (which restores the target row) posts again at once; the
//! next keyring set-up of the team replaces it. Setting the team up with an environment variable
//! instead also leaves it (nothing reads it while the target says `env`). The message is composed in one read,
//! the POST runs outside any transaction (a slow chat server never holds the database's write
//! lock), and only a delivered message is recorded as posted.
use std::time::Duration;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use sprintshield_chat::{ChatError, Delivered, Webhook};
use sprintshield_core::publish::{
    affected_lines, webhook_url, Action, ChatTarget, SecretError, Secrets, WebhookSource,
};
use sprintshield_core::standup::{change_lines, published_until, standup, ChatFormat, Standup};
use sprintshield_core::{AppError, ErrorKind, Id, Invalid};
use sprintshield_store::Store;
use ts_rs::TS;

use crate::{Changes, Outcome, PublishOptions, Result, Sprintshield};

/// How long a post may take, connecting and answering included, unless the caller says otherwise.
pub const CHAT_TIMEOUT: Duration = Duration::from_secs(10);

/// The log filter directive every face adds to its own (`EnvFilter`/`Targets` syntax): the HTTP
/// client of `sprintshield_chat::post` (ureq) writes the whole request URL — the webhook's secret
/// path — into its records whenever its trace level is on, and redacts it otherwise, so its
/// records are capped at debug whatever level a log is set to.
pub const HTTP_LOG_CAP: &str = "ureq=debug";

/// Sends a message to a chat's incoming webhook. `sprintshield_chat::post` (HTTPS with a
/// time-out) is one, as is any function or closure of its shape.
pub trait ChatPoster {
    /// Posts `body` as JSON to `hook`, waiting at most `timeout`; a failure is one sentence that
    /// names the host, never the URL.
    fn post(
        &self,
        hook: &Webhook,
        body: &serde_json::Value,
        timeout: Duration,
    ) -> std::result::Result<Delivered, ChatError>;
}

impl<F> ChatPoster for F
where
    F: Fn(&Webhook, &serde_json::Value, Duration) -> std::result::Result<Delivered, ChatError>,
{
    fn post(
        &self,
        hook: &Webhook,
        body: &serde_json::Value,
        timeout: Duration,
    ) -> std::result::Result<Delivered, ChatError> {
        self(hook, body, timeout)
    }
}

/// A stand-up message the chat server accepted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PostReport {
    /// The message as posted.
    pub standup: Standup,
    /// The JSON format it was posted in.
    pub format: ChatFormat,
    /// The chat server's host (the URL itself is a secret and is not reported).
    pub host: String,
    /// The HTTP status of the answer.
    pub status: u16,
    /// How long the post took, in milliseconds.
    pub elapsed_ms: u64,
    /// When it was posted (the `now` of the operation; recorded as the target's last post).
    pub posted_at: DateTime<Utc>,
    /// "Posted the stand-up message to hooks.slack.com, with 2 changes".
    pub headline: String,
}

/// Where a team's chat stands, for the Publish dialog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ChatStatus {
    /// The chat target, if one is set.
    pub target: Option<ChatTarget>,
    /// Why the webhook URL cannot be found where this runs, as one sentence (the environment
    /// variable is not set in the app's or the shell's environment, the OS keyring holds no entry
    /// or cannot be reached, the value is not a web address); `None` when it can. The URL itself
    /// is never read out.
    pub url_missing: Option<String>,
    /// What publishes changed that the chat has not been told about yet, oldest first.
    pub waiting: Vec<String>,
}

fn no_target(team: &str) -> AppError {
    AppError::not_found(format!(
        "{team} has no chat target yet; set one with `sprintshield publish setup --team \"{team}\" --webhook-env VARIABLE`"
    ))
}

/// A keyring failure about the chat's webhook URL, in the calendar password's words.
fn keyring_sentence(e: &SecretError, doing: &str) -> AppError {
    crate::publish::keyring_sentence(e, doing, "the webhook URL", "--webhook-env VAR")
}

/// The webhook of `team`'s `target`, read now through `secrets` from where the target says it
/// is kept (the OS keyring or the environment variable it names).
fn webhook(team: &str, target: &ChatTarget, secrets: &dyn Secrets) -> Result<Webhook> {
    let (url, origin, field) = match target.webhook_source {
        WebhookSource::Env => {
            let var = &target.webhook_env;
            let url = secrets.env(var).filter(|u| !u.trim().is_empty()).ok_or_else(|| {
                Invalid::new(
                    "webhook_env",
                    format!(
                        "the environment variable {var}, which holds {team}'s chat webhook URL, is not set; set it to the webhook URL before posting"
                    ),
                )
            })?;
            (url, format!("in the environment variable {var}"), "webhook_env")
        }
        WebhookSource::Keyring => {
            let doing = format!("{team}'s chat webhook URL cannot be read");
            let entry = ChatTarget::keyring_entry(target.team_id, team);
            let url = match secrets.find(&entry) {
                Ok(Some(url)) => url,
                Ok(None) => {
                    return Err(AppError::new(
                        ErrorKind::NotFound,
                        format!(
                            "the OS keyring holds no chat webhook URL for {team}; set the team chat up again with the URL to store it"
                        ),
                    ))
                }
                Err(e) => return Err(keyring_sentence(&e, &doing)),
            };
            (url, "in the OS keyring".to_owned(), "webhook_url")
        }
    };
    Webhook::parse(&url).map_err(|e| Invalid::new(field, format!("{} ({origin})", e.message())).into())
}

/// Keeps what a publish at `now` changed (`lines`, who is affected) for the team's chat, when the
/// team has one; the publish calls this in the transaction that marks it done, so the lines are
/// kept exactly when the calendar has the changes.
pub(crate) fn keep_for_chat(
    s: &mut Store,
    team_id: Id,
    lines: &[String],
    now: DateTime<Utc>,
) -> sprintshield_store::Result<()> {
    if lines.is_empty() || s.get_chat_target(team_id)?.is_none() {
        return Ok(());
    }
    s.keep_chat_lines(team_id, lines, now)
}

/// Keeps for the chat what a publish that stopped part-way had already sent to the team calendar:
/// the first `sent` of its team-calendar `actions` (the team calendar is written first). The
/// publish that completes the rest keeps the rest, so the chat hears about every change once.
/// A failure to keep them is logged, not raised: the publish's own error is the one to report.
pub(crate) fn keep_sent_for_chat(
    app: &mut Sprintshield,
    team_id: Id,
    actions: &[Action],
    sent: usize,
    zone: Tz,
    now: DateTime<Utc>,
) {
    let lines = affected_lines(&actions[..sent.min(actions.len())], zone);
    if let Err(e) = app.write(|s| keep_for_chat(s, team_id, &lines, now)) {
        tracing::warn!(team_id, error = %e.message, "could not keep a stopped publish's changes for the chat");
    }
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

impl Sprintshield {
    /// The stand-up message of the team at `now`, as the Today card copies it: who is on duty per
    /// policy (overrides and swaps included), who is next, handoff notes and checklists, and what
    /// changed since the last publish and whom it affects — changes published but not posted to
    /// the chat yet, then (when the team publishes to a calendar and has published before) the
    /// plan's changes not published yet up to the last day published, marked as such.
    pub fn standup(&self, team_id: Id, now: DateTime<Utc>) -> Result<Standup> {
        let (waiting, until) = self.read(|s| {
            let team = s.team(team_id)?;
            let until = match s.calendar_target(team_id)? {
                Some(c) if c.last_published_at.is_some() => {
                    published_until(&s.published_resources(team_id)?, &c.collection_url, team.spec.zone)
                        .filter(|&last| last >= now.with_timezone(&team.spec.zone).date_naive())
                }
                _ => None,
            };
            Ok((s.chat_pending(team_id)?.lines, until))
        })?;
        // Changes from today up to the last published day: the days after it were never
        // published, and the days before today are past.
        let unpublished = match until {
            Some(to) => {
                let opts = PublishOptions {
                    from: None,
                    to: Some(to),
                    force: false,
                };
                self.publish_preview(team_id, now, &opts)?.affected
            }
            None => Vec::new(),
        };
        self.read(|s| {
            let team = s.team(team_id)?;
            let (ctx, turns) = crate::rotation::load(s, team_id)?;
            Ok(standup(&team, &ctx, &turns, now, &change_lines(&waiting, &unpublished)))
        })
    }

    /// Sets where the team's stand-up message goes: the NAME of the environment variable that
    /// holds the webhook URL (the URL itself is never stored; a value that looks like a URL or a
    /// token is refused) and the JSON the webhook takes. Keeps when it last posted.
    pub fn set_chat_target(
        &mut self,
        team_id: Id,
        webhook_env: &str,
        format: ChatFormat,
    ) -> Result<Outcome<ChatTarget>> {
        let mut target = ChatTarget::new(team_id, webhook_env, format)?;
        let target = self.write(|s| {
            s.team(team_id)?;
            target.last_posted_at = s.get_chat_target(team_id)?.and_then(|t| t.last_posted_at);
            s.set_chat_target(&target)?;
            Ok(target)
        })?;
        Ok(Outcome::new(target, Changes::none()))
    }

    /// Sets where the team's stand-up message goes with the webhook URL itself: the URL (an
    /// `https://` address, or `http://` to this computer; refused in one sentence that never
    /// repeats it) is stored in the OS keyring through `secrets` under
    /// [`ChatTarget::keyring_entry`], and only then does the target record `keyring`; the
    /// database never holds the URL. Keeps when it last posted. Where no keyring runs, the error
    /// says so and points at the environment variable.
    pub fn set_chat_target_in_keyring(
        &mut self,
        team_id: Id,
        url: &str,
        format: ChatFormat,
        secrets: &dyn Secrets,
    ) -> Result<Outcome<ChatTarget>> {
        let url = webhook_url(url)?;
        let hook = Webhook::parse(&url).map_err(|e| Invalid::new("webhook_url", e.message()))?;
        let team = self.read(|s| s.team(team_id))?;
        let entry = ChatTarget::keyring_entry(team_id, &team.spec.name);
        secrets
            .keep(&entry, &url)
            .map_err(|e| keyring_sentence(&e, "the webhook URL cannot be stored in it"))?;
        tracing::info!(
            team_id,
            host = hook.host(),
            "kept the chat webhook URL in the OS keyring"
        );
        let mut target = ChatTarget::in_keyring(team_id, format);
        let target = self.write(|s| {
            s.team(team_id)?;
            target.last_posted_at = s.get_chat_target(team_id)?.and_then(|t| t.last_posted_at);
            s.set_chat_target(&target)?;
            Ok(target)
        })?;
        Ok(Outcome::new(target, Changes::none()))
    }

    /// The team's chat target, if one is set.
    pub fn chat_target(&self, team_id: Id) -> Result<Option<ChatTarget>> {
        self.read(|s| {
            s.team(team_id)?;
            s.get_chat_target(team_id)
        })
    }

    /// Where the team's chat stands: its target, whether its webhook URL can be found here
    /// (through `secrets`: the keyring entry or the variable; the URL is not returned), and the
    /// changes waiting to be posted.
    pub fn chat_status(&self, team_id: Id, secrets: &dyn Secrets) -> Result<ChatStatus> {
        let (team, target, waiting) = self.read(|s| {
            let team = s.team(team_id)?;
            Ok((team, s.get_chat_target(team_id)?, s.chat_pending(team_id)?.lines))
        })?;
        let url_missing = target
            .as_ref()
            .and_then(|t| webhook(&team.spec.name, t, secrets).err().map(|e| e.message));
        Ok(ChatStatus {
            target,
            url_missing,
            waiting,
        })
    }

    /// What publishes changed that the team's chat has not been told about yet, oldest first.
    pub fn chat_waiting(&self, team_id: Id) -> Result<Vec<String>> {
        self.read(|s| {
            s.team(team_id)?;
            Ok(s.chat_pending(team_id)?.lines)
        })
    }

    /// Posts the stand-up message at `now` to the team's chat target through `poster`, with the
    /// changes waiting for the chat as what changed since the last publish; the webhook URL is
    /// read through `secrets`; waits at most [`CHAT_TIMEOUT`].
    pub fn post_standup(
        &mut self,
        team_id: Id,
        now: DateTime<Utc>,
        poster: &dyn ChatPoster,
        secrets: &dyn Secrets,
    ) -> Result<PostReport> {
        self.post_standup_within(team_id, now, poster, secrets, CHAT_TIMEOUT)
    }

    /// [`Sprintshield::post_standup`] with its own time-out. On any failure nothing is recorded
    /// and the waiting changes stay for the next post; the error is one sentence that names the
    /// host, never the URL. A delivered message clears exactly the changes it carried.
    pub fn post_standup_within(
        &mut self,
        team_id: Id,
        now: DateTime<Utc>,
        poster: &dyn ChatPoster,
        secrets: &dyn Secrets,
        timeout: Duration,
    ) -> Result<PostReport> {
        let (target, message, upto) = self.read(|s| {
            let team = s.team(team_id)?;
            let target = s.get_chat_target(team_id)?.ok_or_else(|| no_target(&team.spec.name))?;
            let waiting = s.chat_pending(team_id)?;
            let (ctx, turns) = crate::rotation::load(s, team_id)?;
            let changes = change_lines(&waiting.lines, &[]);
            Ok((target, standup(&team, &ctx, &turns, now, &changes), waiting.upto))
        })?;
        let hook = webhook(&message.team, &target, secrets)?;
        let delivered = poster
            .post(&hook, &message.payload(target.format), timeout)
            .map_err(|e| AppError::new(ErrorKind::Remote, e.message()))?;
        tracing::info!(
            team_id,
            host = hook.host(),
            status = delivered.status,
            changes = message.changes.len(),
            "posted the stand-up message"
        );
        self.write(|s| {
            s.mark_chat_posted(team_id, now)?;
            s.clear_chat_pending(team_id, upto)
        })?;
        let mut headline = format!("Posted the stand-up message to {}", hook.host());
        if !message.changes.is_empty() {
            headline.push_str(&format!(", with {}", plural(message.changes.len(), "change")));
        }
        Ok(PostReport {
            format: target.format,
            host: hook.host().to_owned(),
            status: delivered.status,
            elapsed_ms: u64::try_from(delivered.elapsed.as_millis()).unwrap_or(u64::MAX),
            posted_at: now,
            headline,
            standup: message,
        })
    }
}
