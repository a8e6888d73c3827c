//! The Team screen's commands through Tauri's mock runtime, as the UI calls them: zones for the
//! picker, editing and removing a team, editing, retiring and removing a member.
use chrono::Datelike;
use serde_json::{json, Value};

mod support;
use support::Harness;

fn member_id(h: &Harness, team: i64, name: &str) -> i64 {
    let members = h.call("list_members", json!({ "teamId": team })).unwrap();
    members.as_array().unwrap().iter().find(|m| m["name"] == name).unwrap()["id"]
        .as_i64()
        .unwrap()
}

fn new_team(name: &str, zone: &str) -> Value {
    json!({ "name": name, "kind": "ops", "zone": zone, "working_days": ["Mon", "Tue", "Wed", "Thu"], "sprint_length_days": 7 })
}

#[test]
fn zones_are_the_sorted_iana_list() {
    let h = Harness::new();
    let zones = h.call("list_zones", json!({})).unwrap();
    let zones: Vec<&str> = zones.as_array().unwrap().iter().map(|z| z.as_str().unwrap()).collect();
    assert!(zones.len() > 300);
    assert!(zones.contains(&"America/Chicago") && zones.contains(&"Europe/Berlin"));
    assert!(zones.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn a_new_team_is_created_edited_and_removed() {
    let h = Harness::new();
    let t = h
        .call("create_team", json!({ "new": new_team("Orion", "Asia/Kolkata") }))
        .unwrap();
    let id = t["id"].as_i64().unwrap();
    assert_eq!(t["working_days"], json!(["Mon", "Tue", "Wed", "Thu"]));
    // A team without policies: the preview says nothing moves.
    let effect = h
        .call(
            "preview_team_edit",
            json!({ "id": id, "new": new_team("Orion", "Europe/Lisbon") }),
        )
        .unwrap();
    assert_eq!(effect["moved"], 0);
    assert!(
        effect["sentence"].as_str().unwrap().contains("moves no future turn"),
        "{effect}"
    );
    let edited = h
        .call(
            "edit_team",
            json!({ "id": id, "new": new_team("Orion East", "Europe/Lisbon") }),
        )
        .unwrap();
    assert_eq!(edited["value"]["name"], "Orion East");
    assert_eq!(edited["value"]["zone"], "Europe/Lisbon");
    let change = &edited["changes"]["records"][0];
    assert_eq!(change["before"]["record"]["zone"], "Asia/Kolkata");
    // An unknown zone is refused on the zone field.
    let err = h
        .call(
            "edit_team",
            json!({ "id": id, "new": new_team("Orion East", "Mars/Olympus") }),
        )
        .unwrap_err();
    assert_eq!(err["field"], "zone");
    let gone = h.call("remove_team", json!({ "id": id })).unwrap();
    assert_eq!(gone["changes"]["records"][0]["before"]["record"]["name"], "Orion East");
    let names: Vec<Value> = h
        .call("list_teams", json!({}))
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].clone())
        .collect();
    assert!(!names.contains(&json!("Orion East")));
}

#[test]
fn a_team_with_history_is_kept_with_the_reason() {
    let h = Harness::new();
    let err = h.call("remove_team", json!({ "id": h.phoenix_id() })).unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("has history"), "{err}");
}

#[test]
fn new_members_get_distinct_colours() {
    let h = Harness::new();
    let t = h
        .call("create_team", json!({ "new": new_team("Vega", "UTC") }))
        .unwrap();
    let mut colours = Vec::new();
    for name in ["Ben", "Emma", "Ana"] {
        let m = h
            .call(
                "add_member",
                json!({ "teamId": t["id"], "new": { "name": name, "skills": [] } }),
            )
            .unwrap();
        colours.push(m["colour"].as_str().unwrap().to_owned());
    }
    let mut distinct = colours.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 3, "{colours:?}");
    // A colour chosen by the user is kept.
    let m = h
        .call(
            "add_member",
            json!({ "teamId": t["id"], "new": { "name": "Cy", "skills": [], "colour": "#ABCDEF" } }),
        )
        .unwrap();
    assert_eq!(m["colour"], "#abcdef");
}

#[test]
fn a_member_is_edited_on_every_field() {
    let h = Harness::new();
    let team = h.phoenix_id();
    let id = member_id(&h, team, "Dmitri Ivanov");
    let out = h
        .call(
            "edit_member",
            json!({ "id": id, "new": {
                "name": "Dmitri Ivanov", "email": "dmitri@new.example", "capacity_percent": 60,
                "skills": ["Mobile", "qa"], "active_from": "2020-01-01", "can_take_duty": true, "colour": "#112233"
            } }),
        )
        .unwrap();
    assert_eq!(out["value"]["capacity_percent"], 60);
    assert_eq!(out["value"]["skills"], json!(["mobile", "qa"]));
    assert_eq!(out["value"]["colour"], "#112233");
    assert_eq!(
        out["changes"]["records"][0]["before"]["record"]["capacity_percent"],
        100
    );
}

#[test]
fn a_member_with_history_is_retired_not_removed() {
    let h = Harness::new();
    let team = h.phoenix_id();
    let id = member_id(&h, team, "Ben Okafor");
    let err = h.call("remove_member", json!({ "id": id })).unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("retire them instead"),
        "{err}"
    );
    let today = chrono::Utc::now().date_naive();
    let out = h
        .call("retire_member", json!({ "id": id, "lastDay": today.to_string() }))
        .unwrap();
    assert_eq!(out["value"]["active_until"], today.to_string());
    // Ben's future unlocked turns went to others.
    let before = out["changes"]["turns"]["before"].as_array().unwrap();
    assert!(before.iter().any(|t| t["member_id"] == id), "{out}");
    let after = out["changes"]["turns"]["after"].as_array().unwrap();
    assert!(after.iter().all(|t| t["member_id"] != id || t["locked"] == true));
    let err = h
        .call("retire_member", json!({ "id": id, "lastDay": "12/12/2026" }))
        .unwrap_err();
    assert_eq!(err["field"], "last_day");
}

#[test]
fn a_member_added_by_mistake_is_removed() {
    let h = Harness::new();
    let team = h.phoenix_id();
    let m = h
        .call(
            "add_member",
            json!({ "teamId": team, "new": { "name": "Typo Tom", "skills": [] } }),
        )
        .unwrap();
    let out = h.call("remove_member", json!({ "id": m["id"] })).unwrap();
    assert_eq!(out["changes"]["records"][0]["before"]["record"]["name"], "Typo Tom");
    let members = h.call("list_members", json!({ "teamId": team })).unwrap();
    assert_eq!(members.as_array().unwrap().len(), 5);
}

#[test]
fn a_locked_turn_of_a_retired_member_stays_as_a_conflict_and_undo_brings_them_back() {
    let h = Harness::new();
    let team = h.phoenix_id();
    let ben = member_id(&h, team, "Ben Okafor");
    let today = chrono::Utc::now().date_naive();
    let (from, to) = (
        (today + chrono::Duration::days(3)).to_string(),
        (today + chrono::Duration::days(13)).to_string(),
    );
    let view = h
        .call("rotation_view", json!({ "teamId": team, "from": from, "to": to }))
        .unwrap();
    let turn = view["turns"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["member_id"] != ben && t["locked"] == false)
        .expect("a future turn of someone else")
        .clone();
    let edit = json!({ "kind": "override", "turn_id": turn["id"], "member_id": ben });
    h.call(
        "apply_edit",
        json!({ "teamId": team, "from": from, "to": to, "edit": edit }),
    )
    .unwrap();

    let retired = h
        .call("retire_member", json!({ "id": ben, "lastDay": today.to_string() }))
        .unwrap();
    // What the Team screen reads to say "… 1 locked turn kept as a conflict": core's
    // inactive-member conflicts of Ben in the view from his last day on.
    let after = h
        .call(
            "rotation_view",
            json!({ "teamId": team, "from": today.to_string(), "to": format!("{}-12-31", today.year() + 1) }),
        )
        .unwrap();
    let kept: Vec<&Value> = after["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "inactive_member" && c["member_id"] == ben)
        .collect();
    assert!(
        kept.iter()
            .any(|c| c["turn_ids"].as_array().unwrap().contains(&turn["id"])),
        "{kept:?}"
    );

    let redo = h
        .call("undo_changes", json!({ "changes": retired["changes"] }))
        .unwrap();
    assert!(!redo["records"].as_array().unwrap().is_empty());
    let members = h.call("list_members", json!({ "teamId": team })).unwrap();
    let ben_now = members.as_array().unwrap().iter().find(|m| m["id"] == ben).unwrap();
    assert_eq!(ben_now["active_until"], Value::Null);
}

#[test]
fn time_off_and_holidays_are_edited_removed_after_a_preview_and_undone() {
    let h = Harness::new();
    let team = h.phoenix_id();
    let ana = member_id(&h, team, "Ana Souza");
    let list = |what: &str| h.call(what, json!({ "teamId": team })).unwrap();
    let added = h
        .call(
            "add_time_off",
            json!({ "new": { "member_id": ana, "first_day": "2031-03-03", "last_day": "2031-03-07", "kind": "vacation", "note": "" } }),
        )
        .unwrap();
    let id = added["value"]["id"].clone();
    assert_eq!(added["changes"]["records"][0]["after"]["kind"], "time_off");
    let before = list("list_time_off");
    // A last day before the first is refused on its field, and nothing changes.
    let bad = h
        .call(
            "edit_time_off",
            json!({ "id": id, "new": { "member_id": ana, "first_day": "2031-03-03", "last_day": "2031-03-01", "kind": "vacation", "note": "" } }),
        )
        .unwrap_err();
    assert_eq!(
        (&bad["kind"], &bad["field"]),
        (&json!("invalid"), &json!("last_day")),
        "{bad}"
    );
    assert_eq!(list("list_time_off"), before);
    let edited = h
        .call(
            "edit_time_off",
            json!({ "id": id, "new": { "member_id": ana, "first_day": "2031-03-03", "last_day": "2031-03-04", "kind": "training", "note": "course" } }),
        )
        .unwrap();
    assert_eq!(edited["value"]["days"]["last"], "2031-03-04");
    let effect = h.call("preview_delete_time_off", json!({ "id": id })).unwrap();
    assert!(
        effect["sentence"].as_str().unwrap().starts_with("Removing it"),
        "{effect}"
    );
    assert_eq!(
        list("list_time_off").as_array().unwrap().len(),
        before.as_array().unwrap().len(),
        "the preview writes nothing"
    );
    let removed = h.call("delete_time_off", json!({ "id": id })).unwrap();
    assert!(list("list_time_off").as_array().unwrap().iter().all(|t| t["id"] != id));
    h.call("undo_changes", json!({ "changes": removed["changes"] }))
        .unwrap();
    assert!(list("list_time_off")
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["id"] == id && t["kind"] == "training"));

    let hol = h
        .call(
            "add_holiday",
            json!({ "teamId": team, "new": { "date": "2031-05-01", "name": "May Day" } }),
        )
        .unwrap()["value"]
        .clone();
    let bad = h
        .call(
            "edit_holiday",
            json!({ "id": hol["id"], "new": { "date": "2031-02-30", "name": "May Day" } }),
        )
        .unwrap_err();
    assert_eq!(bad["kind"], "invalid", "{bad}");
    let moved = h
        .call(
            "edit_holiday",
            json!({ "id": hol["id"], "new": { "date": "2031-05-02", "name": "Bridge day" } }),
        )
        .unwrap();
    assert_eq!(moved["value"]["name"], "Bridge day");
    h.call("undo_changes", json!({ "changes": moved["changes"] })).unwrap();
    assert!(
        list("list_holidays").as_array().unwrap().contains(&hol),
        "undo puts the old day and name back"
    );
    assert!(h.call("preview_delete_holiday", json!({ "id": hol["id"] })).unwrap()["sentence"].is_string());
    assert!(list("list_holidays").as_array().unwrap().contains(&hol));
    h.call("delete_holiday", json!({ "id": hol["id"] })).unwrap();
    assert!(!list("list_holidays").as_array().unwrap().contains(&hol));
}
