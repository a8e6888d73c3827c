//! The forecast IPC commands through Tauri's mock runtime, called the way the Forecast screen
//! calls them, over a fresh database with the demo teams.
use serde_json::{json, Value};

mod support;
use support::Harness;

fn p85(v: &Value) -> f64 {
    v["forecast"]["monte_carlo"]["p85"].as_f64().unwrap()
}

#[test]
fn the_default_sprint_is_forecast_and_a_what_if_duty_lowers_p85() {
    let h = Harness::new();
    let team = h.phoenix_id();
    let base = h
        .call(
            "forecast_sprint",
            json!({ "teamId": team, "sprintId": null, "whatIfs": [] }),
        )
        .unwrap();
    assert!(
        base["capacity"]["sprint"]["completed_points"].is_null(),
        "the running or next sprint"
    );
    assert_eq!(base["capacity"]["report"]["people"].as_array().unwrap().len(), 5);
    assert_eq!(base["history"].as_array().unwrap().len(), 6);
    let sprint = base["capacity"]["sprint"]["id"].as_i64().unwrap();
    let member = base["capacity"]["report"]["people"][0]["member_id"].as_i64().unwrap();
    let toggled = h
        .call(
            "forecast_sprint",
            json!({ "teamId": team, "sprintId": sprint, "trials": 10000,
                    "whatIfs": [{ "kind": "on_duty", "member_id": member, "focus_share_percent": 0 }] }),
        )
        .unwrap();
    assert!(p85(&toggled) < p85(&base), "{} < {}", p85(&toggled), p85(&base));
    assert_eq!(toggled["capacity"]["report"]["people"][0]["total"]["value"], 0.0);
    assert_eq!(toggled["capacity"]["what_ifs"].as_array().unwrap().len(), 1);
    // The headline crosses IPC, in whole points, and follows the what-if.
    let commit = |v: &serde_json::Value| v["headline"]["commit_points"].as_i64().unwrap();
    assert_eq!(commit(&toggled), p85(&toggled).floor() as i64);
    let sentence = toggled["headline"]["sentence"].as_str().unwrap();
    assert!(
        sentence.starts_with(&format!("Commit to {} points", commit(&toggled))),
        "{sentence}"
    );
    assert!(sentence.contains(" on duty"), "{sentence}");
    // Same input, same seed: same answer.
    let again = h
        .call(
            "forecast_sprint",
            json!({ "teamId": team, "sprintId": sprint, "whatIfs": [] }),
        )
        .unwrap();
    assert_eq!(again, base);
}

#[test]
fn backlog_and_backtest() {
    let h = Harness::new();
    let team = h.phoenix_id();
    let b = h
        .call(
            "forecast_backlog",
            json!({ "teamId": team, "sprintId": null, "whatIfs": [], "backlogPoints": 120 }),
        )
        .unwrap();
    let (p50, p95) = (b["p50_sprints"].as_u64().unwrap(), b["p95_sprints"].as_u64().unwrap());
    assert!(p50 >= 1 && p50 <= p95);
    let bt = h.call("forecast_backtest", json!({ "teamId": team })).unwrap();
    assert_eq!(bt["history"].as_array().unwrap().len(), 6);
    assert_eq!(bt["backtest"]["rows"].as_array().unwrap().len(), 3);
    assert!(bt["backtest"]["hit_rate"]["from"].as_str().unwrap().contains("P85"));
}

#[test]
fn bad_input_crosses_ipc_with_its_field() {
    let h = Harness::new();
    let team = h.phoenix_id();
    let err = h
        .call(
            "forecast_sprint",
            json!({ "teamId": team, "sprintId": null, "whatIfs": [], "recoveryMinutes": 600 }),
        )
        .unwrap_err();
    assert_eq!(
        (err["kind"].as_str(), err["field"].as_str()),
        (Some("invalid"), Some("recovery_minutes"))
    );
    let slow = h
        .call(
            "forecast_sprint",
            json!({ "teamId": team, "whatIfs": [], "recoveryMinutes": 120 }),
        )
        .unwrap();
    let quick = h
        .call(
            "forecast_sprint",
            json!({ "teamId": team, "whatIfs": [], "recoveryMinutes": 0 }),
        )
        .unwrap();
    let total = |v: &serde_json::Value| v["capacity"]["report"]["team_total"]["value"].as_f64().unwrap();
    assert!(total(&quick) > total(&slow), "longer recovery, less focus time");
    let err = h
        .call(
            "forecast_sprint",
            json!({ "teamId": team, "sprintId": null, "whatIfs": [], "trials": 0 }),
        )
        .unwrap_err();
    assert_eq!(
        (err["kind"].as_str(), err["field"].as_str()),
        (Some("invalid"), Some("trials"))
    );
    let err = h
        .call(
            "forecast_sprint",
            json!({ "teamId": team, "sprintId": 999999, "whatIfs": [] }),
        )
        .unwrap_err();
    assert_eq!(err["field"], "sprint");
    let err = h
        .call(
            "forecast_sprint",
            json!({ "teamId": team, "sprintId": null, "whatIfs": [{ "kind": "away", "member_id": 999999 }] }),
        )
        .unwrap_err();
    assert_eq!(err["field"], "what_if");
    let err = h.call("forecast_backtest", json!({ "teamId": 999999 })).unwrap_err();
    assert_eq!(err["kind"], "not_found");
}
