//! The Insights screen's commands through Tauri's mock runtime, called the way the screen calls
//! them, over a fresh database with the demo teams.
use serde_json::json;

mod support;
use support::Harness;

fn last_90_days() -> (String, String) {
    let today = chrono::Utc::now().date_naive();
    let from = today - chrono::Days::new(89);
    (from.to_string(), today.to_string())
}

#[test]
fn interrupt_stats_of_the_demo_say_something_with_numbers() {
    let h = Harness::new();
    let (from, to) = last_90_days();
    let s = h
        .call(
            "interrupt_stats",
            json!({ "teamId": h.phoenix_id(), "from": from, "to": to }),
        )
        .unwrap();
    assert_eq!(s["range"]["first"], from);
    assert!(s["count"].as_u64().unwrap() > 0, "the demo logs interrupts");
    assert_eq!(s["heat"].as_array().unwrap().len(), 7);
    assert!(s["heat"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r.as_array().unwrap().len() == 24));
    assert!(!s["by_category"].as_array().unwrap().is_empty());
    assert!(!s["per_person"].as_array().unwrap().is_empty());
    assert!(!s["observations"].as_array().unwrap().is_empty());
    assert!(s["handled_on_duty"]["percent"].as_u64().unwrap() <= 100);
}

#[test]
fn a_reversed_or_bad_range_names_its_field() {
    let h = Harness::new();
    let team = h.phoenix_id();
    let e = h
        .call(
            "interrupt_stats",
            json!({ "teamId": team, "from": "2026-02-30", "to": "2026-03-01" }),
        )
        .unwrap_err();
    assert_eq!(e["field"], "from", "{e}");
    let e = h
        .call(
            "interrupt_stats",
            json!({ "teamId": team, "from": "2026-03-02", "to": "2026-03-01" }),
        )
        .unwrap_err();
    assert_eq!(e["field"], "to", "{e}");
}

#[test]
fn simulate_compares_all_seven_strategies_by_default_and_is_repeatable() {
    let h = Harness::new();
    let team = h.phoenix_id();
    let args = json!({ "teamId": team, "strategies": [], "runs": 200, "seed": 3 });
    let sim = h.call("simulate", args.clone()).unwrap();
    let results = sim["results"].as_array().unwrap();
    assert_eq!(results.len(), 7);
    assert_eq!(sim["winner"], results[0]["name"], "most focus first");
    assert_eq!(sim["sensitivity"].as_array().unwrap().len(), 16);
    assert_eq!(sim["settings"]["runs"], 200);
    assert_eq!(sim["settings"]["recovery_minutes"], 23, "the default");
    assert!(!sim["summary"].as_str().unwrap().is_empty());
    assert!(!sim["assumptions"].as_array().unwrap().is_empty());
    for r in results {
        let f = &r["focus_hours"];
        assert!(f["low"].as_f64().unwrap() <= f["high"].as_f64().unwrap(), "{r}");
    }
    assert_eq!(h.call("simulate", args).unwrap(), sim, "same seed, same result");

    let two = h
        .call(
            "simulate",
            json!({ "teamId": team, "strategies": ["daily", "no_shield+wait"], "runs": 100,
                    "recoveryMinutes": 0, "blockMinutes": 45 }),
        )
        .unwrap();
    assert_eq!(two["results"].as_array().unwrap().len(), 2);
    assert_eq!(two["settings"]["block_minutes"], 45);
}

#[test]
fn simulate_refuses_an_unknown_strategy_and_out_of_range_settings() {
    let h = Harness::new();
    let team = h.phoenix_id();
    let e = h
        .call("simulate", json!({ "teamId": team, "strategies": ["superman"] }))
        .unwrap_err();
    assert_eq!(e["kind"], "invalid", "{e}");
    let e = h
        .call(
            "simulate",
            json!({ "teamId": team, "strategies": [], "runs": 10, "recoveryMinutes": 999 }),
        )
        .unwrap_err();
    assert_eq!(e["field"], "recovery_minutes", "{e}");
}

#[test]
fn without_a_range_the_service_picks_the_last_90_days_on_the_team_s_today() {
    let h = Harness::new();
    let team = h.phoenix_id();
    let s = h
        .call(
            "interrupt_stats",
            json!({ "teamId": team, "from": null, "to": null, "lastDays": null }),
        )
        .unwrap();
    let today = chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Berlin)
        .date_naive();
    let first = today - chrono::Days::new(89);
    assert_eq!(s["range"]["last"], today.to_string());
    assert_eq!(s["range"]["first"], first.to_string());
    let s = h
        .call(
            "interrupt_stats",
            json!({ "teamId": team, "from": null, "to": null, "lastDays": 30 }),
        )
        .unwrap();
    assert_eq!(s["range"]["first"], (today - chrono::Days::new(29)).to_string());
    let e = h
        .call(
            "interrupt_stats",
            json!({ "teamId": team, "from": null, "to": null, "lastDays": 0 }),
        )
        .unwrap_err();
    assert_eq!(e["field"], "last_days", "{e}");
}

#[test]
fn the_simulator_backtest_reports_each_closed_sprint_and_its_hit_counts() {
    let h = Harness::new();
    let team = h.phoenix_id();
    let b = h
        .call(
            "simulation_backtest",
            json!({ "teamId": team, "runs": 200, "recoveryMinutes": null, "blockMinutes": null }),
        )
        .unwrap();
    let rows = b["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 6, "Phoenix's closed sprints");
    let hits = rows.iter().filter(|r| r["interrupt_hours_hit"] == true).count();
    assert_eq!(b["interrupt_hours_hits"], hits);
    assert!(
        b["summary"]
            .as_str()
            .unwrap()
            .starts_with("Checked against 6 past sprints"),
        "{b}"
    );
    let e = h
        .call(
            "simulation_backtest",
            json!({ "teamId": team, "runs": 0, "recoveryMinutes": null, "blockMinutes": null }),
        )
        .unwrap_err();
    assert_eq!(e["field"], "runs", "{e}");
}
