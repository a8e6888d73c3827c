//! The team chat's webhook URL in the OS keyring, against a real Secret Service (GNOME Keyring on
//! a private D-Bus session bus, started here) and a local HTTP listener standing in for the chat:
//! set-up with the URL stores it in the keyring (read back with libsecret's `secret-tool`, not our
//! code) and the database only says "keyring"; a post reads it from there and reaches the
//! listener; the status says whether it can be found; removing the team and undoing it posts
//! again; neither the database file (with its WAL) nor a trace-level log holds the URL. Where no
//! Secret Service runs, set-up fails with one sentence pointing at the environment variable and
//! changes nothing; a URL that is not https is refused without being repeated. The log is the
//! app's: everything at trace level, the HTTP client capped at debug ([`HTTP_LOG_CAP`]).
//!
//! The keyring is found through `DBUS_SESSION_BUS_ADDRESS`, which is process-wide, and logging
//! is captured with a global subscriber: so this file holds this one test.
mod chat_support;
mod leak_support;

use std::time::Duration;

use chat_support::{demo, now, webhook, webhook_answering};
use leak_support::{database_bytes, use_bus, Log};
use sprintshield_caldav::secret_service::SecretService;
use sprintshield_caldav::OsSecrets;
use sprintshield_core::publish::{ChatTarget, Secrets, WebhookSource};
use sprintshield_core::standup::ChatFormat;
use sprintshield_core::team::{NewTeam, TeamKind};
use sprintshield_core::ErrorKind;
use sprintshield_service::{OpenMode, Sprintshield, HTTP_LOG_CAP};
use tracing_subscriber::filter::Targets;
use tracing_subscriber::prelude::*;

/// The secret part of a test webhook URL (its last path segment).
fn secret_of(url: &str) -> String {
    url.rsplit('/').next().unwrap().to_owned()
}

#[test]
fn the_webhook_url_goes_to_the_os_keyring_and_nowhere_else() {
    let log = Log::default();
    let writer = log.clone();
    // Everything at trace level, with the cap the app's log filter adds (HTTP_LOG_CAP): without
    // it the HTTP client writes the whole URL at trace level (seen: this test failed so).
    let filter: Targets = format!("trace,{HTTP_LOG_CAP}").parse().unwrap();
    tracing_subscriber::registry()
        .with(filter)
        .with(
            tracing_subscriber::fmt::layer()
                .with_ansi(false)
                .with_writer(move || writer.clone()),
        )
        .init();

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chat-keyring.db");
    let mut s = Sprintshield::open(&path, OpenMode::CreateIfMissing).unwrap();
    let team = demo(&mut s);
    let (url, posts) = webhook_answering(&["200 OK", "200 OK"]);
    let secret = secret_of(&url);

    // No session bus at all: one sentence, pointing at the environment variable; nothing stored.
    use_bus(&format!("unix:path={}/no-bus-here", dir.path().display()));
    let err = s
        .set_chat_target_in_keyring(team.id, &url, ChatFormat::Slack, &OsSecrets::default())
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Invalid);
    assert!(
        err.message.starts_with("no OS keyring (Secret Service) runs here (")
            && err.message.contains(
                "so the webhook URL cannot be stored in it; keep the webhook URL in an environment variable instead"
            )
            && err.message.ends_with("give its NAME with --webhook-env VAR"),
        "{}",
        err.message
    );
    assert!(
        !err.message.contains('\n') && !err.message.contains(&secret),
        "{}",
        err.message
    );
    assert_eq!(s.chat_target(team.id).unwrap(), None);

    // A bus, but nothing on it answers for the Secret Service: the same.
    let empty = SecretService::bus_only();
    use_bus(&empty.address);
    let err = s
        .set_chat_target_in_keyring(team.id, &url, ChatFormat::Slack, &OsSecrets::default())
        .unwrap_err();
    assert!(
        err.message.starts_with("no OS keyring (Secret Service) runs here")
            && err.message.contains("--webhook-env VAR"),
        "{}",
        err.message
    );
    assert_eq!(s.chat_target(team.id).unwrap(), None);
    drop(empty);

    // A real Secret Service.
    let keyring = SecretService::start();
    use_bus(&keyring.address);
    let secrets = OsSecrets::default();

    // A URL that would travel unencrypted, or is no URL, is refused on its field without being
    // repeated, before the keyring is touched.
    for bad in [
        format!("http://chat.example.com/hooks/{secret}"),
        format!("hooks.slack.com/services/{secret}"),
        String::new(),
    ] {
        let e = s
            .set_chat_target_in_keyring(team.id, &bad, ChatFormat::Slack, &secrets)
            .unwrap_err();
        assert_eq!(
            (e.kind, e.field.as_deref()),
            (ErrorKind::Invalid, Some("webhook_url")),
            "{bad}: {e:?}"
        );
        assert!(
            !e.message.contains(&secret) && !e.message.contains('\n'),
            "{}",
            e.message
        );
    }
    assert_eq!(s.chat_target(team.id).unwrap(), None);
    let entry = ChatTarget::keyring_entry(team.id, &team.spec.name);
    let account = format!("team {}", team.id);
    assert_eq!(
        keyring.lookup(&[("service", "sprintshield-chat"), ("username", &account)]),
        None
    );

    // The URL goes to the keyring, the database says only "keyring".
    let target = s
        .set_chat_target_in_keyring(team.id, &url, ChatFormat::Slack, &secrets)
        .unwrap()
        .value;
    assert_eq!(
        (target.webhook_source, target.webhook_env.as_str()),
        (WebhookSource::Keyring, "")
    );
    assert_eq!(
        keyring
            .lookup(&[("service", "sprintshield-chat"), ("username", &account)])
            .as_deref(),
        Some(url.as_str()),
        "libsecret finds the URL under the team's entry"
    );
    let status = s.chat_status(team.id, &secrets).unwrap();
    // What reading the keyring costs the status (reported, not asserted): with a fresh keeper
    // each time, as the app's commands make one, and with one kept open.
    let time = |fresh: bool| {
        let mut ms: Vec<f64> = (0..20)
            .map(|_| {
                let started = std::time::Instant::now();
                let st = if fresh {
                    s.chat_status(team.id, &OsSecrets::default())
                } else {
                    s.chat_status(team.id, &secrets)
                };
                assert_eq!(st.unwrap().url_missing, None);
                started.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        ms.sort_by(f64::total_cmp);
        (ms[10], ms[18])
    };
    let (fresh, kept) = (time(true), time(false));
    println!(
        "chat_status with the URL in the keyring (debug, 20 runs): fresh keeper p50 {:.1} ms / p95 {:.1} ms; kept keeper p50 {:.1} ms / p95 {:.1} ms",
        fresh.0, fresh.1, kept.0, kept.1
    );
    assert_eq!(status.url_missing, None, "the URL can be found");
    assert_eq!(status.target.as_ref(), Some(&target));
    assert!(!serde_json::to_string(&status).unwrap().contains(&secret));

    // A post reads it from the keyring and reaches the chat.
    let posted = s
        .post_standup(team.id, now(), &sprintshield_chat::post, &secrets)
        .unwrap();
    let got = posts
        .recv_timeout(Duration::from_secs(5))
        .expect("the webhook got a POST");
    assert!(
        got.request_line.starts_with("POST /services/T0DEMO/B0DEMO/"),
        "{}",
        got.request_line
    );
    assert!(got.request_line.contains(&secret), "{}", got.request_line);
    assert_eq!(got.json, posted.standup.slack(), "what arrived is the message");
    let port = url.trim_start_matches("http://").split('/').next().unwrap();
    assert_eq!(posted.headline, format!("Posted the stand-up message to {port}"));
    assert!(!serde_json::to_string(&posted).unwrap().contains(&secret));

    // Removing the team leaves the keyring entry, so undoing the removal posts again at once.
    let vega = s
        .create_team(NewTeam {
            name: "Vega".into(),
            kind: TeamKind::Ops,
            zone: "Europe/Berlin".into(),
            working_days: None,
            sprint_length_days: None,
        })
        .unwrap()
        .value;
    let (vega_url, vega_posts) = webhook("200 OK");
    s.set_chat_target_in_keyring(vega.id, &vega_url, ChatFormat::Teams, &secrets)
        .unwrap();
    let removed = s.remove_team(vega.id, now()).unwrap();
    assert!(s.chat_status(vega.id, &secrets).is_err(), "the team is gone");
    s.undo(&removed.changes).unwrap();
    let back = s.chat_status(vega.id, &secrets).unwrap();
    assert_eq!(
        back.target.map(|t| (t.webhook_source, t.format)),
        Some((WebhookSource::Keyring, ChatFormat::Teams))
    );
    assert_eq!(back.url_missing, None);
    s.post_standup(vega.id, now(), &sprintshield_chat::post, &secrets)
        .unwrap();
    let got = vega_posts.recv_timeout(Duration::from_secs(5)).unwrap();
    assert!(got.request_line.contains(&secret_of(&vega_url)), "{}", got.request_line);
    assert_eq!(got.json["type"], "message", "a Teams Workflows message: {}", got.json);

    // An entry gone from the keyring: the status and the post say so in one sentence, and
    // nothing is marked posted.
    secrets.forget(&entry).unwrap();
    let missing =
        "the OS keyring holds no chat webhook URL for Phoenix; set the team chat up again with the URL to store it";
    assert_eq!(
        s.chat_status(team.id, &secrets).unwrap().url_missing.as_deref(),
        Some(missing)
    );
    let before = s.chat_target(team.id).unwrap().unwrap().last_posted_at;
    let e = s
        .post_standup(
            team.id,
            now() + chrono::Duration::hours(1),
            &sprintshield_chat::post,
            &secrets,
        )
        .unwrap_err();
    assert_eq!((e.kind, e.message.as_str()), (ErrorKind::NotFound, missing));
    assert_eq!(s.chat_target(team.id).unwrap().unwrap().last_posted_at, before);

    // Set up again: stored again, and the next post carries it.
    s.set_chat_target_in_keyring(team.id, &url, ChatFormat::Slack, &secrets)
        .unwrap();
    s.post_standup(team.id, now(), &sprintshield_chat::post, &secrets)
        .unwrap();
    posts.recv_timeout(Duration::from_secs(5)).expect("the second POST");
    drop(s);

    let logged = String::from_utf8_lossy(&log.0.lock().unwrap()).into_owned();
    assert!(
        logged.contains("posted the stand-up message")
            && logged.contains("kept the chat webhook URL in the OS keyring")
            && logged.contains("TRACE")
            && logged.contains("ureq::run: POST http://127.0.0.1"),
        "the posts and set-ups were logged, so the check below means something:\n{logged}"
    );
    let db = database_bytes(&path);
    assert!(db.contains("keyring"), "the database says where the URL is");
    for secret in [secret, secret_of(&vega_url)] {
        assert!(!db.contains(&secret), "the database holds {secret}");
        assert!(
            !logged.contains(&secret),
            "the log holds {secret}:\n{}",
            logged
                .lines()
                .filter(|l| l.contains(&secret))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}
