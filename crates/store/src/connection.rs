//! Opening the database: location, pragmas, a copy aside before migrating, migrations.
use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};
use rusqlite::{Connection, OptionalExtension};
use rusqlite_migration::{Migrations, SchemaVersion};
use sprintshield_core::{AppError, ErrorKind};

use crate::Result;

static MIGRATIONS_DIR: Dir = include_dir!("$CARGO_MANIFEST_DIR/migrations");

/// The app identifier; the default database lives in `<OS data dir>/<identifier>/`, the same
/// folder Tauri uses as the app data directory.
pub const APP_IDENTIFIER: &str = "org.sprintshield.desktop";

/// Where the database lives: `SPRINTSHIELD_DB` when set, else `<OS data dir>/<identifier>/sprintshield.db`.
pub fn default_db_path() -> PathBuf {
    if let Some(p) = std::env::var_os("SPRINTSHIELD_DB").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join(APP_IDENTIFIER)
        .join("sprintshield.db")
}

/// An open Sprintshield database.
pub struct Store {
    pub(crate) conn: Connection,
}

fn migrations() -> Migrations<'static> {
    Migrations::from_directory(&MIGRATIONS_DIR).expect("migrations folder is well-formed (checked by a test)")
}

impl Store {
    /// Opens (creating if needed) the database at `path`: sets WAL, `foreign_keys=ON`,
    /// `busy_timeout`, `synchronous=NORMAL`; if the file holds data and migrations are pending,
    /// copies it aside to `<file>.before-v<N>.bak` first; then migrates to the latest schema.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        Self::setup(conn, Some(path))
    }

    /// Opens a fresh in-memory database (tests, previews).
    pub fn open_in_memory() -> Result<Store> {
        Self::setup(Connection::open_in_memory()?, None)
    }

    fn setup(conn: Connection, path: Option<&Path>) -> Result<Store> {
        Self::setup_with(conn, path, migrations())
    }

    /// Migrations run with foreign keys off, as SQLite's way of rebuilding a table needs (a
    /// dropped parent would otherwise cascade into its children); before they are switched on,
    /// `foreign_key_check` must find every reference intact.
    fn setup_with(mut conn: Connection, path: Option<&Path>, migrations: Migrations<'_>) -> Result<Store> {
        conn.pragma_update(None, "foreign_keys", "OFF")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        if let (Some(path), SchemaVersion::Inside(v)) = (path, migrations.current_version(&conn)?) {
            if migrations.pending_migrations(&conn)? > 0 {
                let backup = backup_path(path, v.get());
                let _ = std::fs::remove_file(&backup);
                conn.execute("VACUUM INTO ?1", [backup.to_string_lossy()])?;
                tracing::info!(backup = %backup.display(), "copied the database aside before upgrading it");
            }
        }
        migrations.to_latest(&mut conn)?;
        let broken: Option<String> = conn
            .query_row("PRAGMA foreign_key_check", [], |r| r.get(0))
            .optional()?;
        if let Some(table) = broken {
            return Err(AppError::new(
                ErrorKind::Storage,
                format!(
                    "the database's {table} records refer to records that do not exist; it may be damaged (the copy made before upgrading is kept)"
                ),
            )
            .into());
        }
        conn.pragma_update(None, "foreign_keys", "ON")?;
        Ok(Store { conn })
    }

    /// The schema version (number of applied migrations).
    pub fn schema_version(&self) -> Result<usize> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))? as usize)
    }

    /// Runs `f` in one transaction: everything it writes is committed together, or nothing is.
    /// Writes inside use savepoints, so store methods can be called from `f`.
    pub fn in_transaction<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        match f(self) {
            Ok(v) => match self.conn.execute_batch("COMMIT") {
                Ok(()) => Ok(v),
                Err(e) => {
                    // A transaction whose commit failed is still open: end it, keeping nothing.
                    let _ = self.conn.execute_batch("ROLLBACK");
                    Err(e.into())
                }
            },
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }

    /// Runs `f` in a write transaction and rolls it back whatever happens: a preview that runs
    /// the very operation it previews, so what it reports is exactly what the real one would do.
    pub fn in_rolled_back_transaction<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        let result = f(self);
        self.conn.execute_batch("ROLLBACK")?;
        result
    }

    /// Runs `f` in one read transaction: everything it loads comes from one snapshot of the
    /// database, even while another connection writes. Nothing may be written inside.
    pub fn in_read_transaction<T>(&self, f: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        self.conn.execute_batch("BEGIN DEFERRED")?;
        let result = f(self);
        // A read has nothing to keep; ending it can only fail if the connection is gone.
        let _ = self.conn.execute_batch("COMMIT");
        result
    }

    /// `PRAGMA data_version`: changes whenever another connection commits to the file (this
    /// connection's own commits leave it as it is). Read inside a transaction, it belongs to that
    /// transaction's snapshot.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Runs `PRAGMA integrity_check`; `"ok"` when the file is sound.
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }
}

/// The file a database at `path` is copied to before upgrading from schema `version`.
pub fn backup_path(path: &Path, version: usize) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".before-v{version}.bak"));
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
    }

    #[test]
    fn fresh_database_is_migrated_and_sound() {
        let s = Store::open_in_memory().unwrap();
        assert_eq!(s.schema_version().unwrap(), MIGRATIONS_DIR.dirs().count());
        assert_eq!(s.integrity_check().unwrap(), "ok");
        let fk: i64 = s.conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
        assert_eq!(fk, 1);
    }

    #[test]
    fn file_database_uses_wal_and_copies_aside_before_upgrading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested").join("s.db");
        let current = MIGRATIONS_DIR.dirs().count();
        {
            let s = Store::open(&path).unwrap();
            let mode: String = s.conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
            assert_eq!(mode, "wal");
            s.conn
                .execute(
                    "INSERT INTO team (name, kind, zone) VALUES ('Phoenix', 'dev', 'UTC')",
                    [],
                )
                .unwrap();
        }
        // Reopening at the latest version copies nothing.
        drop(Store::open(&path).unwrap());
        assert!(!backup_path(&path, current).exists());
        // A newer release with one more migration copies the file aside first.
        let mut all: Vec<rusqlite_migration::M> = Vec::new();
        for d in MIGRATIONS_DIR.dirs() {
            all.push(rusqlite_migration::M::up(
                d.get_file(d.path().join("up.sql")).unwrap().contents_utf8().unwrap(),
            ));
        }
        all.push(rusqlite_migration::M::up("ALTER TABLE team ADD COLUMN motto TEXT"));
        let conn = Connection::open(&path).unwrap();
        let s = Store::setup_with(conn, Some(&path), Migrations::new(all)).unwrap();
        assert_eq!(s.schema_version().unwrap(), current + 1);
        let backup = Store::open(&backup_path(&path, current)).unwrap();
        let name: String = backup
            .conn
            .query_row("SELECT name FROM team", [], |r| r.get(0))
            .unwrap();
        assert_eq!(name, "Phoenix");
    }
}
