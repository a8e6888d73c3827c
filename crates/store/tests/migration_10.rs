//! Migration 10 records where a chat target's webhook URL is kept: a database made before it
//! keeps its chat targets, each now saying 'env' with its variable name; afterwards a target can
//! say 'keyring', and nothing else.
use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};
use sprintshield_core::publish::{ChatFormat, ChatTarget, WebhookSource};
use sprintshield_store::Store;

mod support;
use support::migrations_before;

#[test]
fn chat_targets_made_before_stay_in_their_environment_variable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let mut conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        let old = migrations_before(10);
        assert_eq!(old.len(), 9);
        Migrations::new(old.iter().map(|sql| M::up(sql)).collect())
            .to_latest(&mut conn)
            .unwrap();
        conn.execute_batch(
            "INSERT INTO team (id, name, kind, zone) VALUES (1, 'Phoenix', 'dev', 'Europe/Berlin'),
                                                        (2, 'Orion', 'ops', 'UTC');
             INSERT INTO chat_target (team_id, webhook_env, format, last_posted_at)
                 VALUES (1, 'PHOENIX_HOOK', 'teams', '2026-12-01T08:00:00Z');",
        )
        .unwrap();
    }

    let mut s = Store::open(&path).unwrap();
    assert!(s.schema_version().unwrap() >= 10);
    let kept = s.get_chat_target(1).unwrap().unwrap();
    assert_eq!(
        (kept.webhook_source, kept.webhook_env.as_str(), kept.format),
        (WebhookSource::Env, "PHOENIX_HOOK", ChatFormat::Teams)
    );
    assert!(kept.last_posted_at.is_some());

    s.set_chat_target(&ChatTarget::in_keyring(2, ChatFormat::Slack))
        .unwrap();
    assert_eq!(
        s.get_chat_target(2).unwrap().unwrap().webhook_source,
        WebhookSource::Keyring
    );
    drop(s);
    let conn = Connection::open(&path).unwrap();
    assert!(
        conn.execute("UPDATE chat_target SET webhook_source = 'file' WHERE team_id = 1", [])
            .is_err(),
        "the column takes only env and keyring"
    );
}
