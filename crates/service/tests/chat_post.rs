//! The stand-up message through the service: composed from the stored turns (an override and a
//! swap today), the chat target (a variable NAME, never the URL), and posting to a local webhook
//! in both formats through the faces' poster — plus the failures: no target, the variable unset, a refusal, a time-out.
mod chat_support;

use std::time::{Duration, Instant};

use chat_support::{demo, now, silent_webhook, webhook};
use sprintshield_caldav::OsSecrets;
use sprintshield_core::rotation::TurnSource;
use sprintshield_core::standup::{ChatFormat, Standup};
use sprintshield_core::ErrorKind;
use sprintshield_service::{EditAt, Sprintshield};

/// Phoenix with today's Batman overridden and this week's Dev of the Week swapped with next
/// week's; returns the names now on duty for each.
fn edited() -> (Sprintshield, sprintshield_core::team::Team, String, String) {
    let mut app = Sprintshield::open_in_memory().unwrap();
    let team = demo(&mut app);
    let batman = app.policy_by_name(team.id, "Batman").unwrap();
    let dw = app.policy_by_name(team.id, "Dev of the Week").unwrap();
    let before = app.standup(team.id, now()).unwrap();
    let planned = before.duties[0].on_duty.as_ref().unwrap().member_id;
    let stand_in = app
        .members(team.id)
        .unwrap()
        .into_iter()
        .find(|m| m.id != planned && m.spec.can_take_duty)
        .unwrap();
    app.apply_edit_at(team.id, batman.id, now(), EditAt::Override { member_id: stand_in.id })
        .unwrap();
    let next_week = before.duties[1].next.as_ref().unwrap().name.clone();
    app.apply_edit_at(
        team.id,
        dw.id,
        now(),
        EditAt::Swap {
            with: now() + chrono::Duration::days(7),
        },
    )
    .unwrap();
    (app, team, stand_in.spec.name, next_week)
}

#[test]
fn the_message_reads_overrides_and_swaps_from_the_stored_turns() {
    let (app, team, stand_in, next_week) = edited();
    let m = app.standup(team.id, now()).unwrap();
    assert_eq!(m.team, "Phoenix");
    assert_eq!(m.date, chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap());
    let names: Vec<&str> = m.duties.iter().map(|d| d.policy.as_str()).collect();
    assert_eq!(names, ["Batman", "Dev of the Week"], "Phoenix's own policies only");
    let batman = m.duties[0].on_duty.as_ref().unwrap();
    assert_eq!(
        (batman.name.as_str(), batman.source),
        (stand_in.as_str(), TurnSource::Override)
    );
    assert!(batman.planned.is_some());
    let dw = m.duties[1].on_duty.as_ref().unwrap();
    assert_eq!((dw.name.as_str(), dw.source), (next_week.as_str(), TurnSource::Swap));
    assert!(m.markdown().contains(&format!(
        "**Batman**: {stand_in}, until tomorrow 09:30 (override, instead of"
    )));
}

fn posted(format: ChatFormat, status: &'static str, var: &str) -> (Standup, serde_json::Value, Sprintshield, i64) {
    let (mut app, team, _, _) = edited();
    let (url, rx) = webhook(status);
    std::env::set_var(var, &url);
    let set = app.set_chat_target(team.id, var, format).unwrap().value;
    assert_eq!(set.webhook_env, var);
    let report = app
        .post_standup(team.id, now(), &sprintshield_chat::post, &OsSecrets::default())
        .unwrap();
    let got = rx.recv_timeout(Duration::from_secs(5)).unwrap();
    println!(
        "{} post to a local webhook: {} ms (POST and answer, debug build)",
        format, report.elapsed_ms
    );
    assert!(got.request_line.starts_with("POST /services/T0DEMO/B0DEMO/xoxSeCrEt"));
    assert_eq!(
        report.host,
        url.trim_start_matches("http://").split('/').next().unwrap()
    );
    assert_eq!(report.format, format);
    assert_eq!(report.posted_at, now());
    assert!(
        report.standup.changes.is_empty(),
        "nothing was published, so nothing changed"
    );
    assert_eq!(
        app.chat_target(team.id).unwrap().unwrap().last_posted_at,
        Some(now()),
        "a delivered message is recorded as posted"
    );
    (report.standup, got.json, app, team.id)
}

#[test]
fn slack_post_carries_text_and_blocks_naming_who_is_on_duty() {
    let (m, json, app, team) = posted(ChatFormat::Slack, "200 OK", "SS_TEST_SLACK_HOOK");
    assert_eq!(json, m.slack(), "what arrives is the message's Slack form");
    let text = json["text"].as_str().unwrap();
    for d in &m.duties {
        let who = &d.on_duty.as_ref().unwrap().name;
        assert!(text.contains(&format!("*{}*: {who}, until", d.policy)), "{text}");
    }
    assert_eq!(json["blocks"][0]["type"], "header");
    // What the service says today, asked again, is what was posted.
    assert_eq!(app.standup(team, now()).unwrap().slack(), json);
}

#[test]
fn teams_post_is_an_adaptive_card_in_a_workflows_message() {
    let (m, json, _, _) = posted(ChatFormat::Teams, "202 Accepted", "SS_TEST_TEAMS_HOOK");
    assert_eq!(json["type"], "message");
    let att = &json["attachments"][0];
    assert_eq!(att["contentType"], "application/vnd.microsoft.card.adaptive");
    assert_eq!(att["content"]["type"], "AdaptiveCard");
    let body = serde_json::to_string(&att["content"]["body"]).unwrap();
    for d in &m.duties {
        assert!(
            body.contains(&format!("{}: {}", d.policy, d.on_duty.as_ref().unwrap().name)),
            "{body}"
        );
    }
    assert!(
        !body.contains("Changed since the last publish"),
        "no publish, no changes section"
    );
}

#[test]
fn a_server_that_never_answers_hits_the_time_out_and_nothing_is_marked_posted() {
    let (mut app, team, _, _) = edited();
    std::env::set_var("SS_TEST_SILENT_HOOK", silent_webhook());
    app.set_chat_target(team.id, "SS_TEST_SILENT_HOOK", ChatFormat::Slack)
        .unwrap();
    let started = Instant::now();
    let e = app
        .post_standup_within(
            team.id,
            now(),
            &sprintshield_chat::post,
            &OsSecrets::default(),
            Duration::from_millis(700),
        )
        .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
    assert!(
        e.message
            .contains("did not answer within 0.7 s, so the message may not have arrived"),
        "{e:?}"
    );
    assert!(!e.message.contains("xoxSilent"), "the URL stays secret: {e:?}");
    assert_eq!(app.chat_target(team.id).unwrap().unwrap().last_posted_at, None);
}

#[test]
fn setup_and_post_failures_are_one_sentence_and_change_nothing() {
    let (mut app, team, _, _) = edited();
    let e = app
        .post_standup(team.id, now(), &sprintshield_chat::post, &OsSecrets::default())
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::NotFound);
    assert_eq!(
        e.message,
        "Phoenix has no chat target yet; set one with `sprintshield publish setup --team \"Phoenix\" --webhook-env VARIABLE`"
    );

    let pasted = app
        .set_chat_target(team.id, "https://hooks.slack.com/services/T0/B0/xyz", ChatFormat::Slack)
        .unwrap_err();
    assert_eq!(pasted.kind, ErrorKind::Invalid);
    assert!(!pasted.message.contains("xyz"), "{pasted:?}");
    assert_eq!(
        app.chat_target(team.id).unwrap(),
        None,
        "a refused target is not stored"
    );

    std::env::remove_var("SS_TEST_UNSET_HOOK");
    app.set_chat_target(team.id, "SS_TEST_UNSET_HOOK", ChatFormat::Teams)
        .unwrap();
    let e = app
        .post_standup(team.id, now(), &sprintshield_chat::post, &OsSecrets::default())
        .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("webhook_env"));
    assert_eq!(
        e.message,
        "the environment variable SS_TEST_UNSET_HOOK, which holds Phoenix's chat webhook URL, is not set; set it to the webhook URL before posting"
    );

    std::env::set_var("SS_TEST_BAD_HOOK", "hooks.example.com/xoxBad");
    app.set_chat_target(team.id, "SS_TEST_BAD_HOOK", ChatFormat::Slack)
        .unwrap();
    let e = app
        .post_standup(team.id, now(), &sprintshield_chat::post, &OsSecrets::default())
        .unwrap_err();
    assert_eq!(
        e.message,
        "the webhook URL is not a web address; it must start with https:// (in the environment variable SS_TEST_BAD_HOOK)"
    );

    let (url, _rx) = webhook("404 Not Found");
    std::env::set_var("SS_TEST_GONE_HOOK", &url);
    app.set_chat_target(team.id, "SS_TEST_GONE_HOOK", ChatFormat::Slack)
        .unwrap();
    let e = app
        .post_standup(team.id, now(), &sprintshield_chat::post, &OsSecrets::default())
        .unwrap_err();
    assert!(e.message.starts_with("the chat server at 127.0.0.1:"), "{e:?}");
    assert!(
        e.message.contains("refused the message (HTTP 404 Not Found: ok)"),
        "{e:?}"
    );
    assert!(!e.message.contains("xoxSeCrEt"));
    assert_eq!(app.chat_target(team.id).unwrap().unwrap().last_posted_at, None);
}

#[test]
fn changing_the_target_keeps_when_it_last_posted() {
    let (_, _, mut app, team) = posted(ChatFormat::Slack, "200 OK", "SS_TEST_KEEP_HOOK");
    let t = app
        .set_chat_target(team, "SS_TEST_OTHER_HOOK", ChatFormat::Teams)
        .unwrap()
        .value;
    assert_eq!(
        (t.webhook_env.as_str(), t.format, t.last_posted_at),
        ("SS_TEST_OTHER_HOOK", ChatFormat::Teams, Some(now()))
    );
    assert_eq!(app.chat_target(team).unwrap(), Some(t));
}
