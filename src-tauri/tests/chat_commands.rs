//! `standup_text` through Tauri's mock runtime: the Markdown the Today card copies names the
//! same people on duty as the planner's Today cards.
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
