//! The stand-up message and the team's chat: compose it (the Today card's "Copy for stand-up",
//! `rotation today`), set where it goes (a webhook whose URL lives in an environment variable the
//! target only names), and post it.
//!
//! Posting reads the URL from the environment at the moment of the post and hands it to the
//! chat adapter; it is never stored, logged or put in an error. The message is composed in one
//! read, the POST runs outside any transaction (a slow chat server never holds the database's
//! write lock), and only a delivered message is recorded as posted.
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sprintshield_chat::Webhook;
use sprintshield_core::publish::ChatTarget;
use sprintshield_core::standup::{standup, ChatFormat, Standup};
use sprintshield_core::{AppError, ErrorKind, Id, Invalid};
use ts_rs::TS;

use crate::{Changes, Outcome, Result, Sprintshield};

/// How long a post may take, connecting and answering included, unless the caller says otherwise.
pub const CHAT_TIMEOUT: Duration = Duration::from_secs(10);

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
}

fn no_target(team: &str) -> AppError {
    AppError::not_found(format!(
        "{team} has no chat target yet; set one with `sprintshield publish setup --team \"{team}\" --webhook-env VARIABLE`"
    ))
}

/// The webhook named by `target`, read from the environment now.
fn webhook(team: &str, target: &ChatTarget) -> Result<Webhook> {
    let var = &target.webhook_env;
    let url = match std::env::var(var) {
        Ok(url) if !url.trim().is_empty() => url,
        Ok(_) | Err(std::env::VarError::NotPresent) => {
            return Err(Invalid::new(
                "webhook_env",
                format!(
                    "the environment variable {var}, which holds {team}'s chat webhook URL, is not set; set it to the webhook URL before posting"
                ),
            )
            .into())
        }
        Err(std::env::VarError::NotUnicode(_)) => {
            return Err(Invalid::new(
                "webhook_env",
                format!("the environment variable {var} does not hold a web address; set it to the chat's webhook URL"),
            )
            .into())
        }
    };
    Webhook::parse(&url).map_err(|e| {
        Invalid::new(
            "webhook_env",
            format!("{} (in the environment variable {var})", e.message()),
        )
        .into()
    })
}

impl Sprintshield {
    /// The stand-up message of the team at `now`: who is on duty per policy (overrides and swaps
    /// included), who is next, handoff notes and checklists; no changes section.
    pub fn standup(&self, team_id: Id, now: DateTime<Utc>) -> Result<Standup> {
        self.standup_with_changes(team_id, now, &[])
    }

    /// The stand-up message with `changes` as its "Changed since the last publish" section.
    pub fn standup_with_changes(&self, team_id: Id, now: DateTime<Utc>, changes: &[String]) -> Result<Standup> {
        self.read(|s| {
            let team = s.team(team_id)?;
            let (ctx, turns) = crate::rotation::load(s, team_id)?;
            Ok(standup(&team, &ctx, &turns, now, changes))
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

    /// The team's chat target, if one is set.
    pub fn chat_target(&self, team_id: Id) -> Result<Option<ChatTarget>> {
        self.read(|s| {
            s.team(team_id)?;
            s.get_chat_target(team_id)
        })
    }

    /// Posts the stand-up message at `now`, with `changes` as what changed since the last
    /// publish, to the team's chat target; waits at most [`CHAT_TIMEOUT`].
    pub fn post_standup(&mut self, team_id: Id, now: DateTime<Utc>, changes: &[String]) -> Result<PostReport> {
        self.post_standup_within(team_id, now, changes, CHAT_TIMEOUT)
    }

    /// [`Sprintshield::post_standup`] with its own time-out. On any failure nothing is recorded,
    /// so the next publish posts again; the error is one sentence that names the host, never
    /// the URL.
    pub fn post_standup_within(
        &mut self,
        team_id: Id,
        now: DateTime<Utc>,
        changes: &[String],
        timeout: Duration,
    ) -> Result<PostReport> {
        let (target, message) = self.read(|s| {
            let team = s.team(team_id)?;
            let target = s.get_chat_target(team_id)?.ok_or_else(|| no_target(&team.spec.name))?;
            let (ctx, turns) = crate::rotation::load(s, team_id)?;
            Ok((target, standup(&team, &ctx, &turns, now, changes)))
        })?;
        let hook = webhook(&message.team, &target)?;
        let delivered = sprintshield_chat::post(&hook, &message.payload(target.format), timeout)
            .map_err(|e| AppError::new(ErrorKind::Remote, e.message()))?;
        tracing::info!(
            team_id,
            host = hook.host(),
            status = delivered.status,
            "posted the stand-up message"
        );
        self.write(|s| s.mark_chat_posted(team_id, now))?;
        Ok(PostReport {
            format: target.format,
            host: hook.host().to_owned(),
            status: delivered.status,
            elapsed_ms: u64::try_from(delivered.elapsed.as_millis()).unwrap_or(u64::MAX),
            posted_at: now,
            standup: message,
        })
    }
}
