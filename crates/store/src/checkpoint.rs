//! Checkpoints of the write-ahead log, kept off the interactive path.
//!
//! SQLite's automatic checkpoint runs inside whichever commit pushes the log past its threshold
//! (1000 pages) and then syncs the database file: that commit took about 5 ms instead of 0.03 ms
//! (release build, this project's CI disk), a third of a frame for the drop that hits it, more on
//! a slow disk. The app therefore raises the automatic threshold on its own
//! connection ([`Store::defer_checkpoints`], a bound kept in case the background thread cannot
//! keep up) and a [`Checkpointer`] on a separate connection copies the log into the database
//! every few seconds. A passive checkpoint never blocks the app's readers or its writer.
use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;

use crate::{Result, Store};

/// Pages the app's own connection lets the log grow to before checkpointing inside a commit
/// (SQLite's default is 1000); only reached when the background checkpointer falls behind.
pub const DEFERRED_AUTOCHECKPOINT_PAGES: i64 = 20_000;

/// What one checkpoint found and did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckpointStats {
    /// Frames in the log when the checkpoint ran.
    pub log_frames: i64,
    /// Frames copied into the database file (all of them unless a reader still needed some).
    pub checkpointed_frames: i64,
}

impl Store {
    /// Stops this connection from checkpointing inside ordinary commits (up to
    /// [`DEFERRED_AUTOCHECKPOINT_PAGES`]); pair it with a running [`Checkpointer`].
    pub fn defer_checkpoints(&self) -> Result<()> {
        self.conn
            .pragma_update(None, "wal_autocheckpoint", DEFERRED_AUTOCHECKPOINT_PAGES)?;
        Ok(())
    }

    /// Frames currently in the write-ahead log (0 after a complete checkpoint).
    pub fn wal_frames(&self) -> Result<i64> {
        // A zero-page checkpoint request: reports the log size without copying anything.
        let (log, _) = passive_checkpoint(&self.conn, "PRAGMA wal_checkpoint(NOOP)")?;
        Ok(log)
    }
}

/// A second connection to the database file that checkpoints its write-ahead log.
pub struct Checkpointer {
    conn: Connection,
}

impl Checkpointer {
    /// Opens its own connection to the (already migrated) database at `path`.
    pub fn open(path: &Path) -> Result<Checkpointer> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        Ok(Checkpointer { conn })
    }

    /// Copies what it can of the log into the database file without blocking anybody.
    pub fn checkpoint(&self) -> Result<CheckpointStats> {
        let (log_frames, checkpointed_frames) = passive_checkpoint(&self.conn, "PRAGMA wal_checkpoint(PASSIVE)")?;
        Ok(CheckpointStats {
            log_frames,
            checkpointed_frames,
        })
    }

    /// Checkpoints every `every` on a background thread for the rest of the process; failures
    /// are logged and retried at the next tick.
    pub fn spawn(self, every: Duration) -> std::io::Result<std::thread::JoinHandle<()>> {
        std::thread::Builder::new()
            .name("sqlite-checkpoint".into())
            .spawn(move || loop {
                std::thread::sleep(every);
                match self.checkpoint() {
                    Ok(s) if s.log_frames > 0 => tracing::debug!(?s, "checkpointed the write-ahead log"),
                    Ok(_) => {}
                    Err(e) => tracing::warn!(error = %e, "background checkpoint failed; retrying later"),
                }
            })
    }
}

/// Runs a `wal_checkpoint` pragma; returns (frames in the log, frames checkpointed).
fn passive_checkpoint(conn: &Connection, sql: &str) -> Result<(i64, i64)> {
    Ok(conn.query_row(sql, [], |r| Ok((r.get::<_, i64>(1)?, r.get::<_, i64>(2)?)))?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sprintshield_core::team::{NewTeam, TeamKind};

    #[test]
    fn deferred_log_is_emptied_by_the_background_connection() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.db");
        let mut store = Store::open(&path).unwrap();
        let cp = Checkpointer::open(&path).unwrap();
        cp.checkpoint().unwrap();
        store.defer_checkpoints().unwrap();
        for i in 0..600 {
            let team = NewTeam {
                name: format!("Team {i}"),
                kind: TeamKind::Dev,
                zone: "Europe/Berlin".into(),
                working_days: None,
                sprint_length_days: None,
            };
            store.create_team(team).unwrap();
        }
        // Past SQLite's default threshold of 1000 pages the app's commits did not checkpoint.
        let frames = store.wal_frames().unwrap();
        assert!(frames > 1000, "commits leave their frames in the log: {frames}");
        let s = cp.checkpoint().unwrap();
        assert_eq!(s.log_frames, frames);
        assert_eq!(s.checkpointed_frames, frames, "nothing held the log back");
        assert_eq!(store.teams().unwrap().len(), 600, "the data is all there");
    }
}
