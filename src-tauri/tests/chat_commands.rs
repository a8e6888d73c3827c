//! The chat commands through Tauri's mock runtime: the Markdown the Today card copies
//! (`standup_text`) names the same people on duty as the planner's Today cards; the Publish
//! dialog's chat set-up (`chat_status`, `set_chat_target`, `post_standup`) refuses a pasted URL on
//! its field and says in one sentence when the webhook's variable is not set.
use serde_json::json;

mod support;
use support::Harness;

#[test]
fn standup_text_is_markdown_naming_who_the_today_cards_name() {
    let h = Harness::new();
    let team = h.phoenix_id();
    let text = h.call("standup_text", json!({ "teamId": team })).unwrap();
    let text = text.as_str().unwrap();
    assert!(text.starts_with("**Stand-up for Phoenix, "), "{text}");
    // The Today cards of the planner (same clock, same stored turns).
    let today = chrono::Utc::now().date_naive().to_string();
    let view = h
        .call("rotation_view", json!({ "teamId": team, "from": today, "to": today }))
        .unwrap();
    let name = |id: &serde_json::Value| {
        view["members"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| &m["id"] == id)
            .unwrap()["name"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let policy = |id: &serde_json::Value| {
        view["policies"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| &p["id"] == id)
            .unwrap()["name"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    for card in view["today"].as_array().unwrap() {
        let p = policy(&card["policy_id"]);
        if view["policies"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["id"] == card["policy_id"] && x["team_id"] != team)
        {
            continue; // another team's policy (an escalation target) is announced by that team
        }
        // On a working day "- **Batman**: Ana, until …"; on a day off "… (Ana's turn runs until …)".
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("- **{p}**: ")))
            .unwrap_or_else(|| panic!("no line for {p} in:\n{text}"));
        match &card["on_duty"]["current"]["member_id"] {
            id if id.is_null() => assert!(line.contains("nobody is on duty") || line.contains("no stand-up duty")),
            id => assert!(line.contains(&name(id)), "{line:?} does not name {}", name(id)),
        }
    }
}

#[test]
fn standup_text_of_an_unknown_team_is_one_sentence() {
    let h = Harness::new();
    let e = h.call("standup_text", json!({ "teamId": 999_999 })).unwrap_err();
    assert_eq!(e["kind"], "not_found", "{e}");
    assert!(e["message"].as_str().unwrap().len() < 200);
}

#[test]
fn chat_set_up_and_post_through_ipc_say_what_is_wrong_in_one_sentence() {
    let h = Harness::new();
    let team = h.phoenix_id();
    let status = h.call("chat_status", json!({ "teamId": team })).unwrap();
    assert_eq!(status["target"], serde_json::Value::Null, "{status}");
    assert_eq!(status["waiting"], json!([]));

    // A pasted URL is refused on the field, with the CLI's sentence, and nothing is stored.
    let e = h
        .call(
            "set_chat_target",
            json!({ "teamId": team, "webhookEnv": "https://hooks.slack.com/services/T0/B0/xoxIpc", "format": "slack" }),
        )
        .unwrap_err();
    assert_eq!(
        (e["kind"].as_str(), e["field"].as_str()),
        (Some("invalid"), Some("webhook_env")),
        "{e}"
    );
    assert!(!e["message"].as_str().unwrap().contains("xoxIpc"), "{e}");
    assert_eq!(
        h.call("chat_status", json!({ "teamId": team })).unwrap()["target"],
        serde_json::Value::Null
    );

    std::env::remove_var("SPRINTSHIELD_IPC_UNSET_HOOK");
    let t = h
        .call(
            "set_chat_target",
            json!({ "teamId": team, "webhookEnv": "SPRINTSHIELD_IPC_UNSET_HOOK", "format": "teams" }),
        )
        .unwrap();
    assert_eq!(
        (t["webhook_env"].as_str(), t["format"].as_str()),
        (Some("SPRINTSHIELD_IPC_UNSET_HOOK"), Some("teams"))
    );
    let status = h.call("chat_status", json!({ "teamId": team })).unwrap();
    assert_eq!(status["target"], t);
    assert_eq!(
        status["url_missing"],
        "the environment variable SPRINTSHIELD_IPC_UNSET_HOOK, which holds Phoenix's chat webhook URL, is not set; set it to the webhook URL before posting",
        "the variable is not set for the app"
    );

    let e = h.call("post_standup", json!({ "teamId": team })).unwrap_err();
    assert_eq!(e["field"], "webhook_env", "{e}");
    assert_eq!(
        e["message"],
        "the environment variable SPRINTSHIELD_IPC_UNSET_HOOK, which holds Phoenix's chat webhook URL, is not set; set it to the webhook URL before posting"
    );
}
