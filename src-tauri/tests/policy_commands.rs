//! The policy editor's commands through Tauri's mock runtime, the way the UI calls them: check a
//! new policy as typed, create it, preview an edit (which writes nothing), edit it, remove one
//! (refused for a policy with history), and revert an override to the plan.
use serde_json::{json, Value};

mod support;
use support::Harness;

/// A new team with three members who take duty; returns its id and the member ids.
fn new_team(h: &Harness) -> (i64, Vec<i64>) {
    let team = h
        .call(
            "create_team",
            json!({ "new": { "name": "Orion", "kind": "dev", "zone": "Europe/Berlin" } }),
        )
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let members = ["Ana Lima", "Ben Ode", "Cleo Park"]
        .iter()
        .map(|name| {
            h.call(
                "add_member",
                json!({ "teamId": team, "new": { "name": name, "skills": [] } }),
            )
            .unwrap()["id"]
                .as_i64()
                .unwrap()
        })
        .collect();
    (team, members)
}

fn range() -> (String, String) {
    let today = chrono::Utc::now().date_naive();
    (today.to_string(), (today + chrono::Duration::days(20)).to_string())
}

fn view(h: &Harness, team: i64) -> Value {
    let (from, to) = range();
    h.call("rotation_view", json!({ "teamId": team, "from": from, "to": to }))
        .unwrap()
}

fn turns_of(view: &Value, policy: &Value) -> Vec<Value> {
    view["turns"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["policy_id"] == *policy)
        .cloned()
        .collect()
}

#[test]
fn create_preview_edit_and_remove_a_policy() {
    let h = Harness::new();
    let (team, m) = new_team(&h);
    let batman = json!({ "name": "Batman", "kind": "daily", "handoff": "09:30", "pool": m, "shadow_pool": [] });

    // Checking as typed: the error names its field; a valid policy passes; neither is stored.
    let mut bad = batman.clone();
    bad["focus_share_percent"] = json!(120);
    let err = h
        .call("validate_policy", json!({ "teamId": team, "new": bad }))
        .unwrap_err();
    assert_eq!(err["field"], "focus_share_percent");
    let mut stranger = batman.clone();
    stranger["pool"] = json!([424242]);
    let err = h
        .call("validate_policy", json!({ "teamId": team, "new": stranger }))
        .unwrap_err();
    assert_eq!(err["field"], "pool");
    assert_eq!(
        h.call("validate_policy", json!({ "teamId": team, "new": batman }))
            .unwrap(),
        Value::Null
    );
    assert_eq!(h.call("list_policies", json!({ "teamId": team })).unwrap(), json!([]));

    // Create it, and an Op of the Week of another team that escalates to it.
    let created = h.call("add_policy", json!({ "teamId": team, "new": batman })).unwrap();
    assert_eq!(created["handoff"]["time"], "09:30:00");
    assert_eq!(created["pool"], json!(m));
    let policy = created["id"].clone();
    let atlas = h.team_id("Atlas");
    let ow = json!({ "name": "Night watch", "kind": "weekly", "handoff": "TUE 12:00", "pool": [],
                     "shadow_pool": [], "escalates_to": policy });
    h.call("validate_policy", json!({ "teamId": atlas, "new": ow }))
        .unwrap();
    let (from, to) = range();
    h.call("plan_rotation", json!({ "teamId": team, "from": from, "to": to }))
        .unwrap();
    let planned = view(&h, team);
    assert!(
        !turns_of(&planned, &policy).is_empty(),
        "auto-plan filled the new policy"
    );

    // Preview an edit: one sentence of what saving does, and nothing written.
    let mut two = batman.clone();
    two["pool"] = json!([m[0], m[1]]);
    let effect = h
        .call("preview_policy_edit", json!({ "id": policy, "new": two }))
        .unwrap();
    let sentence = effect["sentence"].as_str().unwrap();
    assert!(sentence.starts_with("Saving "), "{sentence}");
    assert_eq!(view(&h, team)["turns"], planned["turns"], "the preview wrote no turn");
    assert_eq!(
        h.call("list_policies", json!({ "teamId": team })).unwrap()[0]["pool"],
        json!(m),
        "the preview changed no policy"
    );
    let mut named_twice = batman.clone();
    named_twice["pool"] = json!([m[0], m[0]]);
    let err = h
        .call("preview_policy_edit", json!({ "id": policy, "new": named_twice }))
        .unwrap_err();
    assert_eq!(err["field"], "pool");

    // Save it: Cleo has no future turn any more (beyond one already under way).
    let saved = h.call("edit_policy", json!({ "id": policy, "new": two })).unwrap();
    assert_eq!(saved["value"]["pool"], json!([m[0], m[1]]));
    let now = chrono::Utc::now().to_rfc3339();
    let cleo_later = turns_of(&view(&h, team), &policy)
        .iter()
        .filter(|t| t["member_id"] == m[2] && t["start"].as_str().unwrap() > now.as_str())
        .count();
    assert_eq!(cleo_later, 0, "the edit re-planned the future without Cleo");

    // A policy without turns is removed; one with past turns is refused, with the reason.
    let chores = h
        .call(
            "add_policy",
            json!({ "teamId": team, "new": { "name": "Chores", "kind": "sprint", "pool": [], "shadow_pool": [] } }),
        )
        .unwrap();
    h.call("remove_policy", json!({ "id": chores["id"] })).unwrap();
    let phoenix = h.phoenix_id();
    let demo_batman = h.call("list_policies", json!({ "teamId": phoenix })).unwrap()[0]["id"].clone();
    let err = h.call("remove_policy", json!({ "id": demo_batman })).unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("in the past"), "{err}");
    assert_eq!(
        h.call("list_policies", json!({ "teamId": phoenix })).unwrap()[0]["id"],
        demo_batman,
        "the refused removal kept the policy"
    );
}

#[test]
fn revert_an_override_to_the_plan() {
    let h = Harness::new();
    let team = h.phoenix_id();
    let (from, to) = range();
    let v = view(&h, team);
    let batman = v["policies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Batman")
        .unwrap()["id"]
        .clone();
    let later = (chrono::Utc::now() + chrono::Duration::days(1)).to_rfc3339();
    let turn = turns_of(&v, &batman)
        .into_iter()
        .find(|t| t["start"].as_str().unwrap() > later.as_str() && t["locked"] == false)
        .expect("a future planned Batman turn");
    let other = v["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["team_id"].as_i64() == Some(team) && m["id"] != turn["member_id"])
        .unwrap()["id"]
        .clone();
    let edit = json!({ "kind": "override", "turn_id": turn["id"], "member_id": other });
    h.call(
        "apply_edit",
        json!({ "teamId": team, "from": from, "to": to, "edit": edit }),
    )
    .unwrap();

    let out = h
        .call(
            "unlock_turn",
            json!({ "teamId": team, "policyId": batman, "at": turn["start"] }),
        )
        .unwrap();
    let changes = &out["changes"]["turns"];
    let before = changes["before"].as_array().unwrap();
    assert!(
        before
            .iter()
            .any(|t| t["id"] == turn["id"] && t["locked"] == true && t["member_id"] == other),
        "the change holds the locked override, so undo can put it back: {changes}"
    );
    let after = turns_of(&view(&h, team), &batman);
    // The turn's days are planned again (the planner may store the turn anew).
    let now = after.iter().find(|t| t["start"] == turn["start"]).unwrap();
    assert_eq!(now["locked"], false);
    assert_eq!(now["source"], "generated");
    assert_eq!(now["member_id"], turn["member_id"], "back to the planned person");

    // Nothing left to unlock: said so, nothing written.
    let err = h
        .call(
            "unlock_turn",
            json!({ "teamId": team, "policyId": batman, "at": turn["start"] }),
        )
        .unwrap_err();
    assert_eq!(err["kind"], "conflict");
}
