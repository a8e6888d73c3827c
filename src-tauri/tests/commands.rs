//! The IPC commands exercised through Tauri's mock runtime, the same way the UI calls them.
use serde_json::json;

mod support;
use support::Harness;

#[test]
fn first_start_has_the_demo_teams() {
    let h = Harness::new();
    let teams = h.call("list_teams", json!({})).unwrap();
    let names: Vec<&str> = teams
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["Atlas", "Phoenix"]);
    let members = h.call("list_members", json!({ "teamId": h.phoenix_id() })).unwrap();
    assert_eq!(members.as_array().unwrap().len(), 5);
    let info = h.call("app_info", json!({})).unwrap();
    assert!(info["schema_version"].as_u64().unwrap() >= 1);
}

#[test]
fn add_member_then_list_it() {
    let h = Harness::new();
    let team = h.phoenix_id();
    let m = h
        .call(
            "add_member",
            json!({ "teamId": team, "new": { "name": "Farah", "capacity_percent": 50, "skills": ["db"] } }),
        )
        .unwrap();
    assert_eq!(m["name"], "Farah");
    let members = h.call("list_members", json!({ "teamId": team })).unwrap();
    assert!(members
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x["name"] == "Farah" && x["capacity_percent"] == 50));
}

#[test]
fn invalid_input_crosses_ipc_as_kind_and_message_and_writes_nothing() {
    let h = Harness::new();
    let team = h.phoenix_id();
    let err = h
        .call(
            "add_member",
            json!({ "teamId": team, "new": { "name": "Gus", "capacity_percent": 0, "skills": [] } }),
        )
        .unwrap_err();
    assert_eq!(err["kind"], "invalid");
    assert_eq!(err["field"], "capacity_percent");
    assert!(err["message"].as_str().unwrap().contains("between 1 and 100"));
    let err = h
        .call(
            "create_sprint",
            json!({ "teamId": team, "new": { "name": "X", "start": "2026-06-12", "end": "2026-06-01", "goal": "" } }),
        )
        .unwrap_err();
    assert_eq!(err["kind"], "invalid");
    assert_eq!(err["field"], "end");
    let err = h.call("list_members", json!({ "teamId": 424242 })).unwrap();
    assert_eq!(err.as_array().unwrap().len(), 0);
    let err = h
        .call(
            "add_member",
            json!({ "teamId": 424242, "new": { "name": "Gus", "skills": [] } }),
        )
        .unwrap_err();
    assert_eq!(err["kind"], "not_found");
    let members = h.call("list_members", json!({ "teamId": team })).unwrap();
    assert_eq!(members.as_array().unwrap().len(), 5);
}

#[test]
fn sprint_close_and_interrupt_log() {
    let h = Harness::new();
    let team = h.phoenix_id();
    let s = h
        .call("create_sprint", json!({ "teamId": team, "new": { "name": "Far future", "start": "2031-01-06", "end": "2031-01-17", "goal": "g", "committed_points": 30 } }))
        .unwrap();
    // A sprint that has not ended cannot be closed; one that has can, and closing it again
    // needs the explicit correct flag.
    let early = h
        .call(
            "close_sprint",
            json!({ "sprintId": s["id"], "completed": 28.5, "correct": false }),
        )
        .unwrap_err();
    assert_eq!(early["kind"], "invalid");
    let past = h
        .call("create_sprint", json!({ "teamId": team, "new": { "name": "Long ago", "start": "2000-01-03", "end": "2000-01-14", "goal": "g", "committed_points": 30 } }))
        .unwrap();
    let closed = h
        .call(
            "close_sprint",
            json!({ "sprintId": past["id"], "completed": 28.5, "correct": false }),
        )
        .unwrap();
    assert_eq!(closed["completed_points"], 28.5);
    let again = h
        .call(
            "close_sprint",
            json!({ "sprintId": past["id"], "completed": 30, "correct": false }),
        )
        .unwrap_err();
    assert!(again["message"].as_str().unwrap().contains("already closed"), "{again}");
    let corrected = h
        .call(
            "close_sprint",
            json!({ "sprintId": past["id"], "completed": 30, "correct": true }),
        )
        .unwrap();
    assert_eq!(corrected["completed_points"], 30.0);
    let before = h
        .call("list_interrupts", json!({ "teamId": team, "filter": {} }))
        .unwrap()
        .as_array()
        .unwrap()
        .len();
    let i = h
        .call("log_interrupt", json!({ "teamId": team, "new": { "arrived_at": "2026-03-30T09:15", "title": "Pager", "category": "production_bug", "severity": "high", "minutes": 30 } }))
        .unwrap();
    assert_eq!(i["arrived_at"], "2026-03-30T07:15:00Z");
    let after = h
        .call("list_interrupts", json!({ "teamId": team, "filter": {} }))
        .unwrap()
        .as_array()
        .unwrap()
        .len();
    assert_eq!(after, before + 1);
    let err = h.call("load_demo", json!({})).unwrap_err();
    assert_eq!(err["kind"], "conflict");
}

#[test]
fn rotation_view_edit_and_undo_through_ipc() {
    let h = Harness::new();
    let team = h.phoenix_id();
    let today = chrono::Utc::now().date_naive();
    let (from, to) = (today.to_string(), (today + chrono::Duration::days(13)).to_string());
    let view = h
        .call("rotation_view", json!({ "teamId": team, "from": from, "to": to }))
        .unwrap();
    let turns = view["turns"].as_array().unwrap();
    assert!(!turns.is_empty(), "the demo has planned rotations");
    let batman = view["policies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Batman")
        .unwrap()["id"]
        .clone();
    let turn = turns.iter().find(|t| t["policy_id"] == batman).unwrap().clone();
    let other = view["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["team_id"].as_i64() == Some(team) && m["id"] != turn["member_id"])
        .unwrap()["id"]
        .clone();
    let edit = json!({ "kind": "override", "turn_id": turn["id"], "member_id": other });
    let preview = h
        .call(
            "preview_edit",
            json!({ "teamId": team, "from": from, "to": to, "edit": edit }),
        )
        .unwrap();
    assert!(preview["action"].as_str().unwrap().starts_with("Override"));
    let done = h
        .call(
            "apply_edit",
            json!({ "teamId": team, "from": from, "to": to, "edit": edit }),
        )
        .unwrap();
    let changed = &done["changes"]["turns"];
    assert_eq!(changed["after"][0]["member_id"], other);
    assert_eq!(changed["after"][0]["locked"], true);
    assert!(
        done["view"]["turns"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["id"] == turn["id"] && t["member_id"] == other),
        "the view in the same reply shows the edit"
    );
    // Undo goes through the one `undo_changes` with the edit's changes, as the window's history does.
    h.call("undo_changes", json!({ "changes": done["changes"] })).unwrap();
    let undone = h
        .call("rotation_view", json!({ "teamId": team, "from": from, "to": to }))
        .unwrap();
    let back = undone["turns"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == turn["id"])
        .unwrap()
        .clone();
    assert_eq!(back, turn);
    let proposed = h
        .call("preview_plan", json!({ "teamId": team, "from": from, "to": to }))
        .unwrap();
    assert!(!proposed["turns"].as_array().unwrap().is_empty());
    let again = h
        .call("rotation_view", json!({ "teamId": team, "from": from, "to": to }))
        .unwrap();
    assert_eq!(again["turns"], undone["turns"], "a preview writes nothing");
    // Adding time off re-plans: the turn's member takes the whole window off and their unlocked
    // turns in it go to others. Undo puts every turn back; a second undo is refused, writes nothing.
    let added = h
        .call(
            "add_time_off",
            json!({ "new": { "member_id": turn["member_id"], "first_day": from, "last_day": to, "kind": "vacation", "note": "" } }),
        )
        .unwrap();
    let changes = &added["changes"];
    assert!(
        !changes["turns"]["after"].as_array().unwrap().is_empty(),
        "adding the time off re-plans the demo's turns"
    );
    h.call("undo_changes", json!({ "changes": changes })).unwrap();
    let undone_add = h
        .call("rotation_view", json!({ "teamId": team, "from": from, "to": to }))
        .unwrap();
    assert_eq!(
        undone_add["turns"], again["turns"],
        "undo of the addition restores the turns"
    );
    let refused = h.call("undo_changes", json!({ "changes": changes })).unwrap_err();
    assert_eq!(refused["kind"], "conflict");
    assert!(
        refused["message"].as_str().unwrap().contains("changed since"),
        "{refused}"
    );
    let after_refusal = h
        .call("rotation_view", json!({ "teamId": team, "from": from, "to": to }))
        .unwrap();
    assert_eq!(after_refusal["turns"], again["turns"], "a refused undo writes nothing");
    let err = h
        .call(
            "rotation_view",
            json!({ "teamId": team, "from": "next week", "to": to }),
        )
        .unwrap_err();
    assert_eq!(err["kind"], "invalid");
    assert_eq!(err["field"], "from");
}
