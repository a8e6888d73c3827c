//! Correcting interrupts and sprints through Tauri's mock runtime, called the way the
//! Interrupts and Sprints screens call them, over a fresh database with the demo teams.
use serde_json::{json, Value};

mod support;
use support::Harness;

fn interrupts(h: &Harness, team: i64) -> Vec<Value> {
    h.call("list_interrupts", json!({ "teamId": team, "filter": {} }))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn sprints(h: &Harness, team: i64) -> Vec<Value> {
    h.call("list_sprints", json!({ "teamId": team }))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// The interrupt's fields as the edit form sends them back.
fn as_new(i: &Value) -> Value {
    json!({
        "arrived_at": i["arrived_at"], "title": i["title"], "category": i["category"],
        "severity": i["severity"], "handled_by": i["handled_by"], "minutes": i["minutes"],
        "pulled_off_focus": i["pulled_off_focus"], "could_have_waited": i["could_have_waited"],
        "root_cause": i["root_cause"],
    })
}

#[test]
fn an_interrupt_is_edited_then_removed() {
    let h = Harness::new();
    let team = h.phoenix_id();
    let before = interrupts(&h, team);
    let first = before[0].clone();
    let id = first["id"].as_i64().unwrap();

    let mut new = as_new(&first);
    new["minutes"] = json!(95);
    new["root_cause"] = json!("Cache key missed the cart id");
    let edited = h
        .call("edit_interrupt", json!({ "interruptId": id, "new": new }))
        .unwrap();
    assert_eq!(edited["id"], id);
    assert_eq!(edited["minutes"], 95);
    assert_eq!(edited["title"], first["title"]);
    assert_eq!(
        edited["arrived_at"], first["arrived_at"],
        "the arrival survives the round trip"
    );
    let listed = interrupts(&h, team);
    assert_eq!(listed.len(), before.len());
    assert_eq!(listed.iter().find(|i| i["id"] == id).unwrap(), &edited);

    let removed = h.call("remove_interrupt", json!({ "interruptId": id })).unwrap();
    assert!(removed["value"].is_null());
    let change = &removed["changes"]["records"][0];
    assert_eq!(change["before"]["kind"], "interrupt");
    assert_eq!(change["before"]["record"], edited, "the changes carry what undo needs");
    assert!(change["after"].is_null());
    let after = interrupts(&h, team);
    assert_eq!(after.len(), before.len() - 1);
    assert!(after.iter().all(|i| i["id"] != id));

    let gone = h.call("remove_interrupt", json!({ "interruptId": id })).unwrap_err();
    assert_eq!(gone["kind"], "not_found");
}

#[test]
fn a_rejected_interrupt_edit_names_its_field_and_writes_nothing() {
    let h = Harness::new();
    let team = h.phoenix_id();
    let before = interrupts(&h, team);
    let first = &before[0];
    let id = first["id"].as_i64().unwrap();
    for (field, value) in [
        ("minutes", json!(0)),
        ("arrived_at", json!("2999-01-01T09:00")),
        ("title", json!("  ")),
    ] {
        let mut new = as_new(first);
        new[field] = value;
        let err = h
            .call("edit_interrupt", json!({ "interruptId": id, "new": new }))
            .unwrap_err();
        assert_eq!(
            (err["kind"].as_str(), err["field"].as_str()),
            (Some("invalid"), Some(field)),
            "{err}"
        );
    }
    assert_eq!(interrupts(&h, team), before);
}

#[test]
fn sprints_say_what_can_be_done_with_them() {
    let h = Harness::new();
    let team = h.phoenix_id();
    let list = sprints(&h, team);
    let actions = h.call("sprint_actions", json!({ "teamId": team })).unwrap();
    let actions = actions.as_array().unwrap();
    assert_eq!(actions.len(), list.len());
    for (s, a) in list.iter().zip(actions) {
        assert_eq!(a["sprint_id"], s["id"]);
        let closed = !s["completed_points"].is_null();
        assert_eq!(a["can_reopen"], closed);
        assert_eq!(a["remove_refusal"].is_null(), !closed);
        assert_eq!(a["can_close"], a["close_refusal"].is_null());
        if closed {
            assert_eq!(
                a["can_close"], true,
                "a closed sprint has ended: its points can be corrected"
            );
        }
    }
    // The demo's running sprint ends after today (it starts on today's even-week Monday and runs
    // two weeks): not closable yet, with core's sentence.
    let running = actions
        .iter()
        .zip(&list)
        .find(|(_, s)| s["completed_points"].is_null())
        .unwrap();
    if running.0["can_close"] == false {
        assert!(running.0["close_refusal"]
            .as_str()
            .unwrap()
            .contains("can be closed on its last day or after it"));
    }
}

#[test]
fn a_sprint_is_reopened_edited_and_removed() {
    let h = Harness::new();
    let team = h.phoenix_id();
    let list = sprints(&h, team);
    let closed = list.iter().rfind(|s| !s["completed_points"].is_null()).unwrap().clone();
    let id = closed["id"].as_i64().unwrap();
    let was = closed["completed_points"].as_f64().unwrap();

    // Correcting keeps it closed with the new points.
    let corrected = h
        .call(
            "close_sprint",
            json!({ "sprintId": id, "completed": was + 2.0, "correct": true }),
        )
        .unwrap();
    assert_eq!(corrected["completed_points"].as_f64(), Some(was + 2.0));

    // A closed sprint is history: removing it is refused with the way out, and nothing goes.
    let refused = h.call("remove_sprint", json!({ "sprintId": id })).unwrap_err();
    assert!(
        refused["message"].as_str().unwrap().contains("reopen it first"),
        "{refused}"
    );
    assert_eq!(sprints(&h, team).len(), list.len());

    let reopened = h.call("reopen_sprint", json!({ "sprintId": id })).unwrap()["value"].clone();
    assert!(reopened["completed_points"].is_null());
    let again = h.call("reopen_sprint", json!({ "sprintId": id })).unwrap_err();
    assert!(again["message"].as_str().unwrap().contains("is not closed"));

    let edited = h
        .call(
            "edit_sprint",
            json!({ "sprintId": id, "new": {
                "name": "Renamed sprint", "start": closed["start"], "end": closed["end"],
                "goal": "Checkout v3", "committed_points": 41.5 } }),
        )
        .unwrap()["value"]
        .clone();
    assert_eq!(
        (&edited["name"], &edited["goal"], &edited["committed_points"]),
        (&json!("Renamed sprint"), &json!("Checkout v3"), &json!(41.5))
    );

    // An edit that overlaps another sprint is refused and writes nothing.
    let other = list.iter().find(|s| s["id"] != id).unwrap();
    let overlap = h
        .call(
            "edit_sprint",
            json!({ "sprintId": id, "new": {
                "name": "Renamed sprint", "start": other["start"], "end": other["end"], "goal": "" } }),
        )
        .unwrap_err();
    assert_eq!(overlap["kind"], "invalid", "{overlap}");
    assert_eq!(sprints(&h, team).iter().find(|s| s["id"] == id).unwrap(), &edited);

    h.call("remove_sprint", json!({ "sprintId": id })).unwrap();
    let after = sprints(&h, team);
    assert_eq!(after.len(), list.len() - 1);
    assert!(after.iter().all(|s| s["id"] != id));
}
