//! The Publish dialog's chat set-up with the URL itself (`set_chat_target_in_keyring`) through
//! Tauri's mock runtime: a URL that is not `https://` is refused on its field in one sentence that
//! does not repeat it, before the OS keyring is asked, and nothing is set up; where no keyring
//! runs, the sentence says so and points at the environment variable. (The keyring itself is
//! tested against a real GNOME Keyring in `crates/service/tests/chat_keyring.rs` and the window
//! test `tests/e2e/tests/publish_keyring.rs`.)
use serde_json::json;

mod support;
use support::Harness;

#[test]
fn a_pasted_url_is_checked_on_its_field_and_never_repeated() {
    // No session bus here: the keyring cannot be reached (one test in this binary).
    std::env::set_var(
        "DBUS_SESSION_BUS_ADDRESS",
        "unix:path=/nonexistent/sprintshield-test-bus",
    );
    let h = Harness::new();
    let team = h.phoenix_id();
    for url in [
        "http://chat.example.com/hooks/xoxIpcSecret",
        "hooks.slack.com/xoxIpcSecret",
        "",
    ] {
        let e = h
            .call(
                "set_chat_target_in_keyring",
                json!({ "teamId": team, "webhookUrl": url, "format": "slack" }),
            )
            .unwrap_err();
        assert_eq!(
            (e["kind"].as_str(), e["field"].as_str()),
            (Some("invalid"), Some("webhook_url")),
            "{e}"
        );
        assert!(!e["message"].as_str().unwrap().contains("xoxIpcSecret"), "{e}");
    }
    let e = h
        .call(
            "set_chat_target_in_keyring",
            json!({ "teamId": team, "webhookUrl": "https://hooks.slack.com/services/T0/B0/xoxIpcSecret", "format": "teams" }),
        )
        .unwrap_err();
    let message = e["message"].as_str().unwrap();
    assert!(
        message.starts_with("no OS keyring (Secret Service) runs here (")
            && message.ends_with("give its NAME with --webhook-env VAR"),
        "{e}"
    );
    assert!(!message.contains("xoxIpcSecret"), "{e}");
    let status = h.call("chat_status", json!({ "teamId": team })).unwrap();
    assert_eq!(status["target"], serde_json::Value::Null, "nothing is set up: {status}");
}
