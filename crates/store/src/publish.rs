//! Publish rows: each team's calendar and chat targets (secrets only named: an environment
//! variable's name, or that the password is in the OS keyring), and what each
//! published calendar resource last received (UID, path, ETag, content hash, sequence).
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Row};
use sprintshield_core::calendar::sources::ExportWhat;
use sprintshield_core::calendar::CalendarEvent;
use sprintshield_core::publish::{
    CalendarTarget, ChatFormat, ChatTarget, Holder, PasswordSource, Published, WebhookSource,
};
use sprintshield_core::Id;

use crate::{Result, Store};

fn utc_text(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn conv(i: usize, e: impl std::error::Error + Send + Sync + 'static) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
}

fn utc_opt(r: &Row, i: usize) -> rusqlite::Result<Option<DateTime<Utc>>> {
    let text: Option<String> = r.get(i)?;
    text.map(|t| {
        DateTime::parse_from_rfc3339(&t)
            .map(|d| d.with_timezone(&Utc))
            .map_err(|e| conv(i, e))
    })
    .transpose()
}

fn json<T: serde::de::DeserializeOwned>(r: &Row, i: usize) -> rusqlite::Result<T> {
    let text: String = r.get(i)?;
    serde_json::from_str(&text).map_err(|e| conv(i, e))
}

fn calendar_target(r: &Row) -> rusqlite::Result<CalendarTarget> {
    let what: String = r.get(5)?;
    let source: String = r.get(7)?;
    Ok(CalendarTarget {
        team_id: r.get(0)?,
        collection_url: r.get(1)?,
        user: r.get(2)?,
        password_source: PasswordSource::parse(&source).map_err(|e| conv(7, e))?,
        password_env: r.get(3)?,
        per_member: r.get(4)?,
        what: what.split(',').filter_map(|w| ExportWhat::parse(w).ok()).collect(),
        last_published_at: utc_opt(r, 6)?,
    })
}

fn published(r: &Row) -> rusqlite::Result<Published> {
    let holder: Option<String> = r.get(7)?;
    let event: CalendarEvent = json(r, 6)?;
    let published_at: Option<DateTime<Utc>> = utc_opt(r, 8)?;
    Ok(Published {
        collection: r.get(0)?,
        uid: r.get(1)?,
        href: r.get(2)?,
        etag: r.get(3)?,
        hash: r.get(4)?,
        sequence: r.get(5)?,
        event,
        holder: holder
            .map(|h| serde_json::from_str::<Holder>(&h).map_err(|e| conv(7, e)))
            .transpose()?,
        published_at: published_at.unwrap_or_default(),
    })
}

impl Store {
    /// Sets (or replaces) the team's calendar target; keeps when it was last published.
    pub fn set_calendar_target(&mut self, t: &CalendarTarget) -> Result<()> {
        let what: Vec<&str> = t.what.iter().map(|w| w.name()).collect();
        self.conn.execute(
            "INSERT INTO publish_target (team_id, collection_url, user_name, password_env, per_member, what,
                 password_source)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (team_id) DO UPDATE SET collection_url = excluded.collection_url,
                 user_name = excluded.user_name, password_env = excluded.password_env,
                 per_member = excluded.per_member, what = excluded.what,
                 password_source = excluded.password_source",
            params![
                t.team_id,
                t.collection_url,
                t.user,
                t.password_env,
                t.per_member,
                what.join(","),
                t.password_source.name()
            ],
        )?;
        Ok(())
    }

    /// The team's calendar target, if one is set.
    pub fn calendar_target(&self, team_id: Id) -> Result<Option<CalendarTarget>> {
        Ok(self
            .conn
            .query_row(
                "SELECT team_id, collection_url, user_name, password_env, per_member, what, last_published_at,
                        password_source
                 FROM publish_target WHERE team_id = ?1",
                [team_id],
                calendar_target,
            )
            .optional()?)
    }

    /// The teams whose password for logging in as `user` to `collection_url` is in the OS keyring
    /// (they share one keyring entry).
    pub fn calendar_targets_using(&self, collection_url: &str, user: &str) -> Result<Vec<Id>> {
        let mut stmt = self.conn.prepare(
            "SELECT team_id FROM publish_target
             WHERE collection_url = ?1 AND user_name = ?2 AND password_source = 'keyring' ORDER BY team_id",
        )?;
        let ids = stmt
            .query_map(params![collection_url, user], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<Id>>>()?;
        Ok(ids)
    }

    /// Notes that a publish of the team finished at `at`.
    pub fn mark_published(&mut self, team_id: Id, at: DateTime<Utc>) -> Result<()> {
        self.conn.execute(
            "UPDATE publish_target SET last_published_at = ?2 WHERE team_id = ?1",
            params![team_id, utc_text(at)],
        )?;
        Ok(())
    }

    /// Sets (or replaces) the team's chat target (where its URL is kept, and its format); keeps
    /// when it last posted.
    pub fn set_chat_target(&mut self, t: &ChatTarget) -> Result<()> {
        self.conn.execute(
            "INSERT INTO chat_target (team_id, webhook_env, format, webhook_source) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (team_id) DO UPDATE SET webhook_env = excluded.webhook_env, format = excluded.format,
                 webhook_source = excluded.webhook_source",
            params![t.team_id, t.webhook_env, t.format.name(), t.webhook_source.name()],
        )?;
        Ok(())
    }

    /// The team's chat target, if one is set.
    pub fn get_chat_target(&self, team_id: Id) -> Result<Option<ChatTarget>> {
        Ok(self
            .conn
            .query_row(
                "SELECT team_id, webhook_env, format, last_posted_at, webhook_source FROM chat_target
                 WHERE team_id = ?1",
                [team_id],
                |r| {
                    let format: String = r.get(2)?;
                    let source: String = r.get(4)?;
                    Ok(ChatTarget {
                        team_id: r.get(0)?,
                        webhook_source: WebhookSource::parse(&source).map_err(|e| conv(4, e))?,
                        webhook_env: r.get(1)?,
                        format: ChatFormat::parse(&format).map_err(|e| conv(2, e))?,
                        last_posted_at: utc_opt(r, 3)?,
                    })
                },
            )
            .optional()?)
    }

    /// Notes that the team's chat message was posted at `at`.
    pub fn mark_chat_posted(&mut self, team_id: Id, at: DateTime<Utc>) -> Result<()> {
        self.conn.execute(
            "UPDATE chat_target SET last_posted_at = ?2 WHERE team_id = ?1",
            params![team_id, utc_text(at)],
        )?;
        Ok(())
    }

    /// Everything published for the team, every collection.
    pub fn published_resources(&self, team_id: Id) -> Result<Vec<Published>> {
        let mut st = self.conn.prepare(
            "SELECT collection, uid, href, etag, hash, sequence, event, holder, published_at
             FROM published_resource WHERE team_id = ?1 ORDER BY collection, uid",
        )?;
        let rows = st.query_map([team_id], published)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records one resource as written (after its write succeeded).
    pub fn record_published(&mut self, team_id: Id, p: &Published) -> Result<()> {
        self.conn.execute(
            "INSERT INTO published_resource (team_id, collection, uid, href, etag, hash, sequence, event, holder, published_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT (team_id, collection, uid) DO UPDATE SET href = excluded.href, etag = excluded.etag,
                 hash = excluded.hash, sequence = excluded.sequence, event = excluded.event,
                 holder = excluded.holder, published_at = excluded.published_at",
            params![
                team_id,
                p.collection,
                p.uid,
                p.href,
                p.etag,
                p.hash,
                p.sequence,
                serde_json::to_string(&p.event).expect("events serialise"),
                p.holder.as_ref().map(|h| serde_json::to_string(h).expect("holders serialise")),
                utc_text(p.published_at)
            ],
        )?;
        Ok(())
    }

    /// Forgets one resource (after its delete succeeded).
    pub fn forget_published(&mut self, team_id: Id, collection: &str, uid: &str) -> Result<()> {
        self.conn.execute(
            "DELETE FROM published_resource WHERE team_id = ?1 AND collection = ?2 AND uid = ?3",
            params![team_id, collection, uid],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sprintshield_core::calendar::turn_event;

    fn team(s: &Store) -> Id {
        s.conn
            .execute(
                "INSERT INTO team (name, kind, zone) VALUES ('Phoenix', 'dev', 'UTC')",
                [],
            )
            .unwrap();
        s.conn.last_insert_rowid()
    }

    #[test]
    fn targets_round_trip_and_hold_no_secret() {
        let mut s = Store::open_in_memory().unwrap();
        let id = team(&s);
        assert_eq!(s.calendar_target(id).unwrap(), None);
        let t = CalendarTarget::new(
            id,
            "http://h/ana/cal",
            "ana",
            "PW_VAR",
            true,
            vec![ExportWhat::Turns, ExportWhat::Sprints],
        )
        .unwrap();
        s.set_calendar_target(&t).unwrap();
        s.mark_published(id, "2026-12-02T09:00:00Z".parse().unwrap()).unwrap();
        let back = s.calendar_target(id).unwrap().unwrap();
        assert_eq!(back.what, t.what);
        assert!(back.per_member);
        assert_eq!(back.last_published_at, Some("2026-12-02T09:00:00Z".parse().unwrap()));
        s.set_calendar_target(&t).unwrap();
        assert!(
            s.calendar_target(id).unwrap().unwrap().last_published_at.is_some(),
            "setup again keeps it"
        );
        let chat = ChatTarget::new(id, "HOOK", ChatFormat::Teams).unwrap();
        s.set_chat_target(&chat).unwrap();
        assert_eq!(s.get_chat_target(id).unwrap(), Some(chat));
        s.mark_chat_posted(id, "2026-12-02T09:00:00Z".parse().unwrap()).unwrap();
        assert!(s.get_chat_target(id).unwrap().unwrap().last_posted_at.is_some());
        // Moved to the OS keyring: the row says so, names no variable, and keeps its last post.
        s.set_chat_target(&ChatTarget::in_keyring(id, ChatFormat::Slack))
            .unwrap();
        let k = s.get_chat_target(id).unwrap().unwrap();
        assert_eq!(
            (
                k.webhook_source,
                k.webhook_env.as_str(),
                k.format,
                k.last_posted_at.is_some()
            ),
            (WebhookSource::Keyring, "", ChatFormat::Slack, true)
        );
    }

    #[test]
    fn published_resources_are_recorded_replaced_and_forgotten() {
        let mut s = Store::open_in_memory().unwrap();
        let id = team(&s);
        let at = "2026-12-08T08:30:00Z".parse().unwrap();
        let e = turn_event(1, "Batman: Ana", at, at + chrono::Duration::days(1), None).unwrap();
        let mut p = Published {
            collection: "http://h/c/".into(),
            uid: e.uid.clone(),
            href: "/c/x.ics".into(),
            etag: Some("\"1\"".into()),
            hash: "h1".into(),
            sequence: 0,
            event: e,
            holder: Some(Holder {
                policy: "Batman".into(),
                person: "Ana".into(),
            }),
            published_at: "2026-12-02T09:00:00Z".parse().unwrap(),
        };
        s.record_published(id, &p).unwrap();
        p.etag = Some("\"2\"".into());
        p.sequence = 1;
        s.record_published(id, &p).unwrap();
        assert_eq!(s.published_resources(id).unwrap(), vec![p.clone()]);
        s.forget_published(id, &p.collection, &p.uid).unwrap();
        assert!(s.published_resources(id).unwrap().is_empty());
    }
}
