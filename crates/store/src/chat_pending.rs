//! Chat lines waiting to be posted: what a publish changed, kept per team (oldest first) until a
//! stand-up message carrying them reaches the chat. Clearing takes the last id that was read, so
//! a line kept by a publish that ran during the post stays for the next one.
use chrono::{DateTime, Utc};
use rusqlite::params;
use sprintshield_core::Id;

use crate::{Result, Store};

/// The lines waiting for a team's chat, and the id to clear up to once they were posted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChatPending {
    /// The lines, in the order they were kept.
    pub lines: Vec<String>,
    /// The id of the last line read (0 when there is none).
    pub upto: i64,
}

impl Store {
    /// Keeps `lines` (what a publish at `at` changed) for the team's next chat post.
    pub fn keep_chat_lines(&mut self, team_id: Id, lines: &[String], at: DateTime<Utc>) -> Result<()> {
        let at = at.format("%Y-%m-%dT%H:%M:%SZ").to_string();
        let mut st = self
            .conn
            .prepare_cached("INSERT INTO chat_pending (team_id, line, published_at) VALUES (?1, ?2, ?3)")?;
        for line in lines {
            st.execute(params![team_id, line, at])?;
        }
        Ok(())
    }

    /// The lines waiting for the team's chat, oldest first.
    pub fn chat_pending(&self, team_id: Id) -> Result<ChatPending> {
        let mut st = self
            .conn
            .prepare_cached("SELECT id, line FROM chat_pending WHERE team_id = ?1 ORDER BY id")?;
        let mut out = ChatPending::default();
        for row in st.query_map([team_id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
            let (id, line) = row?;
            out.upto = id;
            out.lines.push(line);
        }
        Ok(out)
    }

    /// Forgets the team's waiting lines up to id `upto` (they were posted).
    pub fn clear_chat_pending(&mut self, team_id: Id, upto: i64) -> Result<()> {
        self.conn.execute(
            "DELETE FROM chat_pending WHERE team_id = ?1 AND id <= ?2",
            params![team_id, upto],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn team(s: &Store) -> Id {
        s.conn
            .query_row(
                "INSERT INTO team (name, kind, zone) VALUES ('Phoenix', 'dev', 'Europe/Berlin') RETURNING id",
                [],
                |r| r.get(0),
            )
            .unwrap()
    }

    #[test]
    fn lines_wait_in_order_and_only_those_read_are_cleared() {
        let mut s = Store::open_in_memory().unwrap();
        let id = team(&s);
        let at = "2026-12-02T09:00:00Z".parse().unwrap();
        assert_eq!(s.chat_pending(id).unwrap(), ChatPending::default());
        s.keep_chat_lines(
            id,
            &[
                "Ana: Tue 8 Dec → Thu 10 Dec".into(),
                "Ben: now on duty Tue 8 Dec".into(),
            ],
            at,
        )
        .unwrap();
        let read = s.chat_pending(id).unwrap();
        assert_eq!(
            read.lines,
            ["Ana: Tue 8 Dec → Thu 10 Dec", "Ben: now on duty Tue 8 Dec"]
        );
        // A publish during the post keeps a line after the ones read.
        s.keep_chat_lines(id, &["Carl: no longer on duty Wed 9 Dec".into()], at)
            .unwrap();
        s.clear_chat_pending(id, read.upto).unwrap();
        assert_eq!(s.chat_pending(id).unwrap().lines, ["Carl: no longer on duty Wed 9 Dec"]);
    }
}
