//! Publishing the plan: set a team's calendar target, preview what a publish would send and whom
//! it affects, publish to the CalDAV server, and tell where things stand.
//!
//! A publish reads the plan and what was last published in one read snapshot, asks core for the
//! writes ([`plan_publish`]), and only then talks to the server — never inside an open write
//! transaction. Each write that succeeds is recorded at once, in its own small transaction, so a
//! publish that stops halfway (a time-out, a server that went away) leaves a state the next
//! publish completes: nothing is sent twice, nothing is lost. A resource changed on the server
//! since it was written (412) is reported and left alone unless `force` is set.
//!
//! The password is read only when there is something to send, through the injected [`Secrets`]
//! (the OS keyring, or the environment variable the target names), and handed to the
//! [`Connector`]; it is never stored, returned or logged.
use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use sprintshield_core::calendar::reconcile::first_day;
use sprintshield_core::calendar::requests::ExportRequest;
use sprintshield_core::calendar::sources::ExportWhat;
use sprintshield_core::calendar::{turn_uid, CalendarEvent};
use sprintshield_core::publish::server::path_of;
use sprintshield_core::publish::{
    affected_lines, plan_publish, resource_ics, same_event, Action, ActionKind, CalendarServer, CalendarTarget,
    ChatTarget, Connector, Holder, KeyringEntry, PasswordSource, PublishPlan, Published, SecretError, Secrets,
    ServerError,
};
use sprintshield_core::time::{resolve_local, DateSpan};
use sprintshield_core::{AppError, ErrorKind, Id, Invalid};
use ts_rs::TS;

use crate::{Result, Sprintshield};

/// How many days a publish covers when no range is given (from today).
pub const DEFAULT_PUBLISH_DAYS: i64 = 90;

/// What to publish.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PublishOptions {
    /// First day (default: today in the team's zone).
    pub from: Option<NaiveDate>,
    /// Last day, inclusive (default: 90 days after the first).
    pub to: Option<NaiveDate>,
    /// Overwrite (or delete) events that were edited on the server.
    pub force: bool,
}

/// One change a publish sends to the team calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PublishChange {
    /// Create, update or delete.
    pub kind: ActionKind,
    /// The event's UID.
    pub uid: String,
    /// Its title now (for a delete: as it was).
    pub summary: String,
    /// Its title as last published, for an update.
    pub before: Option<String>,
    /// Its first local day.
    pub day: NaiveDate,
}

/// What a publish sent, or (a preview) would send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PublishReport {
    /// The team.
    pub team: String,
    /// The team calendar's URL.
    pub collection_url: String,
    /// The range published.
    pub from: NaiveDate,
    /// Last day, inclusive.
    pub to: NaiveDate,
    /// Only a preview: nothing was sent.
    pub dry_run: bool,
    /// One line: "Publish 5 changes — Ana Souza: Tue 8 Dec → Thu 10 Dec; …" or what was done.
    pub headline: String,
    /// The team calendar's changes, in the order of their days.
    pub changes: Vec<PublishChange>,
    /// Who is affected, one line per person (and per removed turn).
    pub affected: Vec<String>,
    /// Events new to the team calendar.
    pub created: usize,
    /// Events changed.
    pub updated: usize,
    /// Events removed.
    pub deleted: usize,
    /// Events already published as they are.
    pub unchanged: usize,
    /// Writes to members' own calendars (with `per_member`).
    pub member_writes: usize,
    /// Events edited on the server and left as they are there (publish with force to overwrite).
    pub conflicts: Vec<String>,
    /// Events edited on the server that were overwritten (force).
    pub overwritten: usize,
    /// Whether the calendar collection had to be created (`MKCALENDAR`).
    pub calendar_created: bool,
    /// HTTP requests sent.
    pub requests: usize,
}

/// Where a team's publishing stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PublishStatus {
    /// The calendar target, if set up.
    pub calendar: Option<CalendarTarget>,
    /// The chat target, if set up.
    pub chat: Option<ChatTarget>,
    /// Events in the team calendar as last published.
    pub published_events: usize,
    /// Events in members' own calendars.
    pub member_events: usize,
    /// What publishing now would send (the default range), when a calendar is set up.
    pub pending: Option<PublishReport>,
}

/// One collection's writes.
struct CollectionPlan {
    url: String,
    calname: String,
    plan: PublishPlan,
}

/// Everything a publish needs, read in one snapshot.
struct Prepared {
    target: CalendarTarget,
    team: String,
    zone: Tz,
    span: DateSpan,
    collections: Vec<CollectionPlan>,
}

fn no_target(team: &str) -> AppError {
    AppError::not_found(format!(
        "{team} has no calendar to publish to yet; set one up with `sprintshield publish setup --team \"{team}\" --caldav URL --user U --password-env VAR`"
    ))
}

fn day_label(d: NaiveDate) -> String {
    d.format("%a %-d %b").to_string()
}

/// A server failure as one sentence about this target.
fn sentence(target: &CalendarTarget, e: &ServerError, href: &str) -> AppError {
    let host = target.host();
    let (kind, message) = match e {
        ServerError::Unauthorized => (
            ErrorKind::Remote,
            format!(
                "the calendar server refused the password for {} (read from {}); check both and publish again",
                target.user,
                target.password_origin()
            ),
        ),
        ServerError::Timeout(s) => (
            ErrorKind::Remote,
            format!("the calendar server at {host} did not answer within {s} s"),
        ),
        ServerError::Unreachable(why) => (
            ErrorKind::Remote,
            format!("the calendar server at {host} cannot be reached ({why})"),
        ),
        ServerError::Other(Some(403), _) => (
            ErrorKind::Remote,
            format!(
                "the calendar server at {host} does not let {} write to {}",
                target.user,
                path_of(href)
            ),
        ),
        ServerError::PreconditionFailed => (
            ErrorKind::Conflict,
            format!("{} was changed on the calendar server at {host}", path_of(href)),
        ),
        ServerError::Other(status, why) => (
            ErrorKind::Remote,
            match status {
                Some(code) => format!(
                    "the calendar server at {host} answered {code} {why} for {}",
                    path_of(href)
                ),
                None => format!("the calendar server at {host} could not be used: {why}"),
            },
        ),
    };
    AppError::new(kind, message)
}

/// A keyring failure as one sentence: what could not be done (`doing`), and what to do instead —
/// keep `secret` ("the password", "the webhook URL") in an environment variable named with `flag`
/// ("--password-env VAR"). The calendar password and the chat's webhook URL share it.
pub(crate) fn keyring_sentence(e: &SecretError, doing: &str, secret: &str, flag: &str) -> AppError {
    match e {
        SecretError::Unavailable(why) => AppError::new(
            ErrorKind::Invalid,
            format!(
                "no OS keyring (Secret Service) runs here ({why}), so {doing}; keep {secret} in an environment variable instead and give its NAME with {flag}"
            ),
        ),
        SecretError::Locked => AppError::new(
            ErrorKind::Invalid,
            format!("the OS keyring is locked, so {doing}; unlock it (log in to the desktop session) and try again, or use {flag}"),
        ),
        SecretError::Other(why) => AppError::new(ErrorKind::Remote, format!("the OS keyring failed ({why}), so {doing}")),
    }
}

const PASSWORD: &str = "the password";
const PASSWORD_FLAG: &str = "--password-env VAR";

/// The target's password, from where it is kept.
fn password(target: &CalendarTarget, secrets: &dyn Secrets) -> Result<String> {
    match target.password_source {
        PasswordSource::Env => secrets.env(&target.password_env).ok_or_else(|| {
            AppError::new(
                ErrorKind::Invalid,
                format!(
                    "the password for {} is read from the environment variable {}, which is not set; set it and publish again",
                    target.user, target.password_env
                ),
            )
        }),
        PasswordSource::Keyring => {
            let doing = format!("the password for {} cannot be read", target.user);
            match secrets.find(&KeyringEntry::for_target(target)) {
                Ok(Some(p)) => Ok(p),
                Ok(None) => Err(AppError::new(
                    ErrorKind::NotFound,
                    format!(
                        "the OS keyring holds no password for {} at {}; set the calendar up again to store it",
                        target.user,
                        target.host()
                    ),
                )),
                Err(e) => Err(keyring_sentence(&e, &doing, PASSWORD, PASSWORD_FLAG)),
            }
        }
    }
}

/// The turns' holders in the range, by UID.
fn holders(
    s: &sprintshield_store::Store,
    team_id: Id,
    span: DateSpan,
    zone: Tz,
) -> sprintshield_store::Result<std::collections::HashMap<String, Holder>> {
    // A turn that started up to a month before the range may still be shown in it.
    let start = resolve_local(zone, (span.first - Duration::days(31)).and_time(chrono::NaiveTime::MIN));
    let end = resolve_local(zone, (span.last + Duration::days(1)).and_time(chrono::NaiveTime::MIN));
    let policies = s.policies(team_id)?;
    let mut people = s.members(team_id)?;
    let mut out = std::collections::HashMap::new();
    for t in s.turns(team_id, start, end)? {
        let Some(p) = policies.iter().find(|p| p.id == t.policy_id) else {
            continue;
        };
        if people.iter().all(|m| m.id != t.member_id) {
            people.push(s.member(t.member_id)?);
        }
        let person = people
            .iter()
            .find(|m| m.id == t.member_id)
            .map(|m| m.spec.name.clone())
            .unwrap_or_default();
        out.insert(
            turn_uid(p.id, t.start),
            Holder {
                policy: p.spec.name.clone(),
                person,
            },
        );
    }
    Ok(out)
}

impl Sprintshield {
    /// Sets up (or changes) the team's calendar target. The password itself is never given: only
    /// the name of the environment variable that holds it.
    pub fn set_calendar_target(
        &mut self,
        team_id: Id,
        collection_url: &str,
        user: &str,
        password_env: &str,
        per_member: bool,
        what: Vec<ExportWhat>,
    ) -> Result<CalendarTarget> {
        let target = CalendarTarget::new(team_id, collection_url, user, password_env, per_member, what)?;
        self.write(|s| {
            s.team(team_id)?;
            s.set_calendar_target(&target)?;
            Ok(s.calendar_target(team_id)?.unwrap_or(target))
        })
    }

    /// Sets up (or changes) the team's calendar target with its password kept in the OS keyring
    /// (through `secrets`), under an entry derived from the URL and the user; the database only
    /// records that the password is in the keyring. The password is stored before the target,
    /// so a target never points at a keyring entry that was not written; an entry the team used
    /// before for another URL or user is forgotten.
    #[allow(clippy::too_many_arguments)]
    pub fn set_calendar_target_in_keyring(
        &mut self,
        team_id: Id,
        collection_url: &str,
        user: &str,
        password: &str,
        per_member: bool,
        what: Vec<ExportWhat>,
        secrets: &dyn Secrets,
    ) -> Result<CalendarTarget> {
        let target = CalendarTarget::in_keyring(team_id, collection_url, user, per_member, what)?;
        if password.is_empty() {
            return Err(Invalid::new("password", "give the password the calendar server knows (it was empty)").into());
        }
        let before = self.read(|s| {
            s.team(team_id)?;
            s.calendar_target(team_id)
        })?;
        let entry = KeyringEntry::for_target(&target);
        secrets
            .keep(&entry, password)
            .map_err(|e| keyring_sentence(&e, "the password cannot be stored in it", PASSWORD, PASSWORD_FLAG))?;
        let saved = self.write(|s| {
            s.set_calendar_target(&target)?;
            Ok(s.calendar_target(team_id)?.unwrap_or(target))
        })?;
        if let Some(old) = before.filter(|b| b.password_source == PasswordSource::Keyring) {
            let old_entry = KeyringEntry::for_target(&old);
            if old_entry != entry {
                // Another team may share the old entry; only this team's own leftovers go.
                let shared = self.read(|s| s.calendar_targets_using(&old.collection_url, &old.user))?;
                if shared.is_empty() {
                    let _ = secrets.forget(&old_entry);
                }
            }
        }
        Ok(saved)
    }

    /// What publishing the team now would send and whom it affects; nothing is sent.
    pub fn publish_preview(&self, team_id: Id, now: DateTime<Utc>, opts: &PublishOptions) -> Result<PublishReport> {
        let p = self.prepare_publish(team_id, now, opts)?;
        Ok(report(&p, true))
    }

    /// Where the team's publishing stands: targets, what was published, and what is pending.
    pub fn publish_status(&self, team_id: Id, now: DateTime<Utc>) -> Result<PublishStatus> {
        let (calendar, chat, published) = self.read(|s| {
            s.team(team_id)?;
            Ok((
                s.calendar_target(team_id)?,
                s.get_chat_target(team_id)?,
                s.published_resources(team_id)?,
            ))
        })?;
        let pending = match &calendar {
            Some(_) => Some(self.publish_preview(team_id, now, &PublishOptions::default())?),
            None => None,
        };
        let team_events = calendar.as_ref().map_or(0, |c| {
            published.iter().filter(|p| p.collection == c.collection_url).count()
        });
        Ok(PublishStatus {
            calendar,
            chat,
            published_events: team_events,
            member_events: published.len() - team_events,
            pending,
        })
    }

    /// Publishes the team's plan to its calendar through `connector`, with the password read
    /// through `secrets` (only when something is to be sent): creates the calendar when it is
    /// missing, then sends every create, update and delete, recording each as soon as the server
    /// accepted it. On a failure that stops the publish (a refused password, a time-out, an
    /// unreachable server), the error says how far it got; publishing again sends the rest.
    pub fn publish(
        &mut self,
        team_id: Id,
        now: DateTime<Utc>,
        opts: &PublishOptions,
        connector: &dyn Connector,
        secrets: &dyn Secrets,
    ) -> Result<PublishReport> {
        let prepared = self.prepare_publish(team_id, now, opts)?;
        let mut rep = report(&prepared, false);
        let total: usize = prepared.collections.iter().map(|c| c.plan.actions.len()).sum();
        if total == 0 {
            self.write(|s| s.mark_published(team_id, now))?;
            rep.headline = format!(
                "Nothing to publish: the calendar at {} already shows the plan",
                prepared.target.host()
            );
            return Ok(rep);
        }
        let target = &prepared.target;
        let mut server = connector
            .connect(target, &password(target, secrets)?)
            .map_err(|e| sentence(target, &e, &target.collection_url))?;
        let mut done = 0;
        for c in &prepared.collections {
            if c.plan.actions.is_empty() {
                continue;
            }
            let result = self.publish_collection(
                team_id,
                now,
                &prepared,
                c,
                server.as_mut(),
                opts.force,
                &mut rep,
                &mut done,
            );
            if let Err(e) = result {
                let sent = &prepared.collections[0].plan.actions;
                crate::chat::keep_sent_for_chat(self, team_id, sent, done, prepared.zone, now);
                let left = total - done;
                return Err(AppError::new(
                    e.kind,
                    format!(
                        "{}; {done} of {total} changes were published, the other {left} were not — publish again to send them",
                        e.message
                    ),
                ));
            }
        }
        rep.requests = server.requests();
        self.write(|s| {
            s.mark_published(team_id, now)?;
            crate::chat::keep_for_chat(s, team_id, &rep.affected, now)
        })?;
        let sent = (rep.created + rep.updated + rep.deleted).saturating_sub(rep.conflicts.len());
        let mut head = format!("Published {} to {}", plural(sent, "change"), target.host());
        if !rep.conflicts.is_empty() {
            head.push_str(&format!(
                "; {} edited on the server left as they are there (publish with --force to overwrite)",
                plural(rep.conflicts.len(), "event")
            ));
        }
        rep.headline = head;
        Ok(rep)
    }

    #[allow(clippy::too_many_arguments)]
    fn publish_collection(
        &mut self,
        team_id: Id,
        now: DateTime<Utc>,
        p: &Prepared,
        c: &CollectionPlan,
        server: &mut dyn CalendarServer,
        force: bool,
        rep: &mut PublishReport,
        done: &mut usize,
    ) -> Result<()> {
        let t = &p.target;
        let exists = server.collection_exists(&c.url).map_err(|e| sentence(t, &e, &c.url))?;
        if !exists {
            server
                .make_calendar(&c.url, &c.calname)
                .map_err(|e| sentence(t, &e, &c.url))?;
            rep.calendar_created |= c.url == t.collection_url;
        }
        for a in &c.plan.actions {
            let ics = resource_ics(&c.calname, p.zone, &a.event, now);
            match write_one(server, a, &ics, force).map_err(|e| sentence(t, &e, &a.href))? {
                Written::Stored(etag, overwritten) => {
                    let record = Published {
                        collection: c.url.clone(),
                        uid: a.uid.clone(),
                        href: a.href.clone(),
                        etag,
                        hash: a.hash.clone(),
                        sequence: a.event.sequence,
                        event: a.event.clone(),
                        holder: a.holder.clone(),
                        published_at: now,
                    };
                    self.write(|s| s.record_published(team_id, &record))?;
                    rep.overwritten += usize::from(overwritten);
                }
                Written::Gone(overwritten) => {
                    self.write(|s| s.forget_published(team_id, &c.url, &a.uid))?;
                    rep.overwritten += usize::from(overwritten);
                }
                Written::EditedOnServer => {
                    if c.url == t.collection_url {
                        rep.conflicts.push(format!(
                            "{} ({}) was edited on the calendar server; not overwritten",
                            a.event.summary,
                            day_label(first_day(&a.event, p.zone))
                        ));
                    }
                }
            }
            *done += 1;
        }
        Ok(())
    }

    /// Reads the target, the plan's events and what was published, in one snapshot, and plans
    /// every collection's writes.
    fn prepare_publish(&self, team_id: Id, now: DateTime<Utc>, opts: &PublishOptions) -> Result<Prepared> {
        let (team, target, published) = self.read(|s| {
            let team = s.team(team_id)?;
            Ok((
                team.clone(),
                s.calendar_target(team_id)?,
                s.published_resources(team_id)?,
            ))
        })?;
        let target = target.ok_or_else(|| no_target(&team.spec.name))?;
        let zone = team.spec.zone;
        let from = opts.from.unwrap_or_else(|| now.with_timezone(&zone).date_naive());
        let to = opts.to.unwrap_or(from + Duration::days(DEFAULT_PUBLISH_DAYS - 1));
        let span = DateSpan::new(from, to, "to")?;
        let req = ExportRequest {
            team_id,
            member_id: None,
            policy_id: None,
            what: target.what.clone(),
            from,
            to,
        };
        // The export's own events (same mapping, same range rule); sequences are the publish's.
        let events: Vec<CalendarEvent> = self
            .export_preview(&req, now)?
            .events
            .into_iter()
            .filter(|e| !e.cancelled)
            .map(|e| CalendarEvent { sequence: 0, ..e })
            .collect();
        let holders = self.read(|s| holders(s, team_id, span, zone))?;
        let desired: Vec<(CalendarEvent, Option<Holder>)> = events
            .into_iter()
            .map(|e| {
                let h = holders.get(&e.uid).cloned();
                (e, h)
            })
            .collect();
        let mut collections = vec![CollectionPlan {
            url: target.collection_url.clone(),
            calname: team.spec.name.clone(),
            plan: plan_publish(&target.collection_url, desired.clone(), &published, span, zone),
        }];
        if target.per_member {
            let mut people: Vec<String> = desired
                .iter()
                .filter_map(|(_, h)| h.as_ref().map(|h| h.person.clone()))
                .collect();
            // Someone whose turns all went away still has a calendar to empty.
            for p in published.iter().filter(|p| p.collection != target.collection_url) {
                if let Some(h) = &p.holder {
                    if target.member_collection(&h.person) == p.collection {
                        people.push(h.person.clone());
                    }
                }
            }
            people.sort();
            people.dedup();
            for person in people {
                let url = target.member_collection(&person);
                let mine: Vec<_> = desired
                    .iter()
                    .filter(|(_, h)| h.as_ref().is_some_and(|h| h.person == person))
                    .cloned()
                    .collect();
                collections.push(CollectionPlan {
                    plan: plan_publish(&url, mine, &published, span, zone),
                    calname: format!("{}: {person}", team.spec.name),
                    url,
                });
            }
        }
        Ok(Prepared {
            target,
            team: team.spec.name.clone(),
            zone,
            span,
            collections,
        })
    }
}

/// What became of one write.
enum Written {
    /// The server holds our event; its ETag, and whether a server edit was overwritten.
    Stored(Option<String>, bool),
    /// The resource is gone from the server (deleted); whether a server edit was deleted.
    Gone(bool),
    /// Someone edited it on the server: left alone.
    EditedOnServer,
}

/// Sends one action. A 412 is looked into: the server may already hold exactly our event (a
/// publish that stopped after the server stored it but before it was recorded), which is then
/// recorded, not sent again; anything else there is someone's edit, overwritten only with `force`.
fn write_one(
    server: &mut dyn CalendarServer,
    a: &Action,
    ics: &str,
    force: bool,
) -> std::result::Result<Written, ServerError> {
    let first = match (a.kind, a.etag.as_deref()) {
        (ActionKind::Create, _) => server.create(&a.href, ics).map(|e| Written::Stored(e, false)),
        (ActionKind::Update, Some(etag)) => server.update(&a.href, ics, etag).map(|e| Written::Stored(e, false)),
        (ActionKind::Update, None) => Err(ServerError::PreconditionFailed),
        (ActionKind::Delete, etag) => server.delete(&a.href, etag).map(|()| Written::Gone(false)),
    };
    match first {
        Err(ServerError::PreconditionFailed) => {}
        other => return other,
    }
    let there = server.fetch(&a.href)?;
    match (a.kind, there) {
        (ActionKind::Delete, None) => Ok(Written::Gone(false)),
        (ActionKind::Delete, Some(_)) if force => server.delete(&a.href, None).map(|()| Written::Gone(true)),
        (ActionKind::Delete, Some(_)) => Ok(Written::EditedOnServer),
        (_, Some(f)) if same_event(&f.text, ics) => Ok(Written::Stored(f.etag, false)),
        (_, None) if a.kind == ActionKind::Create => server.create(&a.href, ics).map(|e| Written::Stored(e, false)),
        (_, _) if force => server.overwrite(&a.href, ics).map(|e| Written::Stored(e, true)),
        (_, _) => Ok(Written::EditedOnServer),
    }
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// The report of a prepared publish before anything is sent.
fn report(p: &Prepared, dry_run: bool) -> PublishReport {
    let team_plan = &p.collections[0].plan;
    let affected = affected_lines(&team_plan.actions, p.zone);
    let changes: Vec<PublishChange> = team_plan
        .actions
        .iter()
        .map(|a| PublishChange {
            kind: a.kind,
            uid: a.uid.clone(),
            summary: a.event.summary.clone(),
            before: a
                .before
                .as_ref()
                .filter(|_| a.kind == ActionKind::Update)
                .map(|b| b.0.summary.clone()),
            day: first_day(&a.event, p.zone),
        })
        .collect();
    let n = changes.len();
    let headline = if n == 0 {
        "Nothing to publish: the calendar already shows the plan".to_owned()
    } else if affected.is_empty() {
        format!("Publish {}", plural(n, "change"))
    } else if affected.len() <= 3 {
        format!("Publish {} — {}", plural(n, "change"), affected.join("; "))
    } else {
        // A long list reads better one line per person, below the headline.
        let people = affected.iter().filter(|l| l.contains(": ")).count();
        format!(
            "Publish {} affecting {}",
            plural(n, "change"),
            plural(people, "person").replace("persons", "people")
        )
    };
    PublishReport {
        team: p.team.clone(),
        collection_url: p.target.collection_url.clone(),
        from: p.span.first,
        to: p.span.last,
        dry_run,
        headline,
        created: team_plan.count(ActionKind::Create),
        updated: team_plan.count(ActionKind::Update),
        deleted: team_plan.count(ActionKind::Delete),
        unchanged: team_plan.unchanged,
        member_writes: p.collections[1..].iter().map(|c| c.plan.actions.len()).sum(),
        changes,
        affected,
        conflicts: Vec::new(),
        overwritten: 0,
        calendar_created: false,
        requests: 0,
    }
}
