//! Release and calendar IPC commands through Tauri's mock runtime, as the UI calls them.
use serde_json::json;

mod support;
use support::Harness;

#[test]
fn release_plan_preview_pin_and_undo() {
    let h = Harness::new();
    let trains = h.call("list_release_trains", json!({})).unwrap();
    let train = &trains[0];
    assert_eq!(train["name"], "Phoenix-Atlas");
    let train_id = train["id"].as_i64().unwrap();
    let plan = h.call("release_plan", json!({ "trainId": train_id })).unwrap();
    assert_eq!(plan["zone"], "Europe/Berlin");
    let releases = plan["releases"].as_array().unwrap();
    assert_eq!(releases.len(), plan["sprints"].as_array().unwrap().len());
    let first = &releases[0];
    let sprint_id = first["sprint_id"].as_i64().unwrap();
    let day = first["production_day"].as_str().unwrap();

    // Dragging onto the day after the sprint ends previews a lag warning and stores nothing.
    let too_soon = first["sprint_end"].as_str().unwrap();
    let preview = h
        .call(
            "release_plan",
            json!({ "trainId": train_id, "preview": { "sprint_id": sprint_id, "production_day": too_soon } }),
        )
        .unwrap();
    let moved = &preview["releases"][0];
    assert_eq!(moved["pinned"], true);
    assert!(moved["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w["kind"] == "lag_too_short"));
    assert_eq!(
        h.call("release_plan", json!({ "trainId": train_id })).unwrap()["releases"][0]["pinned"],
        false
    );

    h.call(
        "pin_release",
        json!({ "trainId": train_id, "sprintId": sprint_id, "productionDay": too_soon }),
    )
    .unwrap();
    assert_eq!(
        h.call("release_plan", json!({ "trainId": train_id })).unwrap()["releases"][0]["pinned"],
        true
    );
    h.call("unpin_release", json!({ "trainId": train_id, "sprintId": sprint_id }))
        .unwrap();
    let back = h.call("release_plan", json!({ "trainId": train_id })).unwrap();
    assert_eq!(back["releases"][0]["production_day"], day);

    let atlas = h.team_id("Atlas");
    let f = h
        .call(
            "add_freeze",
            json!({ "teamId": atlas, "name": "Launch week", "span": { "kind": "once", "days": { "first": day, "last": day } } }),
        )
        .unwrap();
    let moved = h.call("release_plan", json!({ "trainId": train_id })).unwrap();
    assert_eq!(moved["releases"][0]["moved_from"], day);
    let err = h
        .call(
            "add_freeze",
            json!({ "teamId": atlas, "name": "Bad", "span": { "kind": "yearly", "from": { "month": 2, "day": 30 }, "to": { "month": 3, "day": 1 } } }),
        )
        .unwrap_err();
    assert_eq!(err["kind"], "invalid");
    let backwards = h
        .call(
            "add_freeze",
            json!({ "teamId": atlas, "name": "Backwards", "span": { "kind": "once", "days": { "first": "2027-01-10", "last": "2027-01-04" } } }),
        )
        .unwrap_err();
    assert_eq!(
        (&backwards["kind"], &backwards["field"]),
        (&json!("invalid"), &json!("last"))
    );
    // Edited in place (a bad span is refused on its field, nothing changed); undo puts it back.
    let fid = f["value"]["id"].clone();
    let bad = h
        .call(
            "edit_freeze",
            json!({ "id": fid, "name": "Launch week", "span": { "kind": "once", "days": { "first": "2027-01-10", "last": "2027-01-04" } } }),
        )
        .unwrap_err();
    assert_eq!(bad["field"], "last", "{bad}");
    let edited = h
        .call(
            "edit_freeze",
            json!({ "id": fid, "name": "Launch days", "span": { "kind": "yearly", "from": { "month": 12, "day": 20 }, "to": { "month": 1, "day": 6 } } }),
        )
        .unwrap();
    assert_eq!(edited["value"]["name"], "Launch days");
    h.call("undo_changes", json!({ "changes": edited["changes"] })).unwrap();
    let freezes = h.call("list_freezes", json!({ "teamId": atlas })).unwrap();
    assert!(freezes.as_array().unwrap().contains(&f["value"]), "{freezes}");
    let removed = h.call("delete_freeze", json!({ "id": fid })).unwrap();
    h.call("undo_changes", json!({ "changes": removed["changes"] }))
        .unwrap();
    let freezes = h.call("list_freezes", json!({ "teamId": atlas })).unwrap();
    assert!(
        freezes.as_array().unwrap().contains(&f["value"]),
        "a removed freeze comes back"
    );
    h.call("delete_freeze", json!({ "id": fid })).unwrap();
    assert!(h
        .call("add_release_train", json!({ "devTeamId": atlas, "opsTeamId": atlas }))
        .is_err());
}

#[test]
fn export_preview_save_and_import() {
    let h = Harness::new();
    let phoenix = h.team_id("Phoenix");
    let sprints = h.call("list_sprints", json!({ "teamId": phoenix })).unwrap();
    let last = sprints.as_array().unwrap().last().unwrap().clone();
    let request = json!({
        "team_id": phoenix, "member_id": null, "policy_id": null,
        "what": ["turns", "sprints", "releases", "time_off"],
        "from": last["start"], "to": last["end"],
    });
    let preview = h.call("export_preview", json!({ "request": request })).unwrap();
    let n = preview["events"].as_array().unwrap().len();
    assert!(n > 3);
    assert!(preview["text"].as_str().unwrap().starts_with("BEGIN:VCALENDAR\r\n"));
    let path = h.dir.path().join("phoenix.ics");
    let saved = h
        .call("save_export", json!({ "request": request, "path": path }))
        .unwrap();
    assert_eq!(saved["new_events"].as_u64().unwrap() as usize, n);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), saved["text"].as_str().unwrap());
    let again = h.call("export_preview", json!({ "request": request })).unwrap();
    assert_eq!(again["new_events"], 0);

    // Exported time off comes back as duplicates: nothing to write.
    let away = json!({
        "team_id": phoenix, "member_id": null, "policy_id": null, "what": ["time_off"],
        "from": last["start"], "to": last["end"],
    });
    let path = h.dir.path().join("away.ics");
    h.call("save_export", json!({ "request": away, "path": path })).unwrap();
    let import =
        json!({ "team_id": phoenix, "text": "", "kind": "time_off", "from": last["start"], "to": last["end"] });
    let p = h
        .call(
            "import_calendar",
            json!({ "path": path, "request": import, "apply": true }),
        )
        .unwrap();
    assert_eq!(p["time_off_to_write"], 0);
    let bad = h
        .call(
            "import_calendar",
            json!({ "path": h.dir.path().join("none.ics"), "request": import, "apply": false }),
        )
        .unwrap_err();
    assert!(bad["message"].as_str().unwrap().contains("cannot read"));
}

#[test]
fn routine_settings_change_the_plan_and_bad_ones_name_their_field() {
    let h = Harness::new();
    let train = h.call("list_release_trains", json!({})).unwrap()[0].clone();
    let train_id = train["id"].as_i64().unwrap();
    let mut routine = train["routine"].clone();
    assert_eq!(routine["release_weekday"], "Sat");
    routine["release_weekday"] = json!("Fri");
    routine["release_time"] = json!("10:30");
    routine["rc_push_days_before"] = json!(2);
    let changed = h
        .call(
            "update_release_train",
            json!({ "trainId": train_id, "lagWeeks": 3, "routine": routine }),
        )
        .unwrap()["value"]
        .clone();
    assert_eq!(changed["lag_weeks"], 3);
    assert_eq!(changed["routine"]["release_time"], "10:30:00");
    let plan = h.call("release_plan", json!({ "trainId": train_id })).unwrap();
    for r in plan["releases"].as_array().unwrap() {
        let day = chrono::NaiveDate::parse_from_str(r["production_day"].as_str().unwrap(), "%Y-%m-%d").unwrap();
        assert_eq!(chrono::Datelike::weekday(&day), chrono::Weekday::Fri, "{r}");
        let production = r["production"].as_str().unwrap();
        let push = r["rc_push"].as_str().unwrap();
        assert!(production.ends_with(":30:00Z"), "10:30 local: {production}");
        let gap = chrono::DateTime::parse_from_rfc3339(production).unwrap()
            - chrono::DateTime::parse_from_rfc3339(push).unwrap();
        assert!(
            gap < chrono::Duration::days(2),
            "push two days before: {push} → {production}"
        );
    }

    let mut bad = routine.clone();
    bad["high_alert_end"] = json!("07:00");
    let err = h
        .call(
            "update_release_train",
            json!({ "trainId": train_id, "lagWeeks": null, "routine": bad }),
        )
        .unwrap_err();
    assert_eq!(
        (&err["kind"], &err["field"]),
        (&json!("invalid"), &json!("high_alert_end"))
    );
    let err = h
        .call(
            "update_release_train",
            json!({ "trainId": train_id, "lagWeeks": 0, "routine": routine }),
        )
        .unwrap_err();
    assert_eq!(err["field"], "lag_weeks");
    let kept = h.call("list_release_trains", json!({})).unwrap()[0].clone();
    assert_eq!(kept, changed, "rejected settings change nothing");
}
