//! `interrupt stats` through the real binary: the demo's log summarised (numbers that add up),
//! an empty log that says nothing argues for a shield, and bad ranges refused.
mod support;
use support::Db;

#[test]
fn the_demo_log_is_summarised_and_adds_up() {
    let db = Db::new();
    db.ok(&["demo"]);
    let s = db.json(&[
        "interrupt",
        "stats",
        "--team",
        "Phoenix",
        "--from",
        "2020-01-01",
        "--to",
        "2030-12-31",
    ]);
    let count = s["count"].as_u64().unwrap();
    let all = db.json(&["interrupt", "list", "--team", "Phoenix"]);
    assert_eq!(
        count as usize,
        all.as_array().unwrap().len(),
        "every logged interrupt is counted"
    );
    let by_category: u64 = s["by_category"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["count"].as_u64().unwrap())
        .sum();
    assert_eq!(by_category, count);
    let heat: u64 = s["heat"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r.as_array().unwrap())
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert_eq!(heat, count);
    assert_eq!(s["heat"].as_array().unwrap().len(), 7);
    assert!(!s["observations"].as_array().unwrap().is_empty());
    let text = db.ok(&[
        "interrupt",
        "stats",
        "--team",
        "Phoenix",
        "--from",
        "2020-01-01",
        "--to",
        "2030-12-31",
    ]);
    assert!(
        text.contains("handled on duty") && text.contains("busiest hour"),
        "{text}"
    );
}

#[test]
fn an_empty_log_and_bad_ranges() {
    let db = Db::new();
    db.ok(&["team", "add", "Quiet", "--zone", "Asia/Tokyo"]);
    let s = db.json(&["interrupt", "stats", "--team", "Quiet"]);
    assert_eq!(s["count"], 0);
    assert!(s["observations"][0]
        .as_str()
        .unwrap()
        .contains("nothing here argues for a shield"));
    db.rejected(
        &[
            "interrupt",
            "stats",
            "--team",
            "Quiet",
            "--from",
            "2026-05-01",
            "--to",
            "2026-04-01",
        ],
        "before the first day",
    );
    db.rejected(
        &["interrupt", "stats", "--team", "Quiet", "--from", "0000-01-01"],
        "1900",
    );
}

#[test]
fn simulate_compares_the_strategies_on_the_log_and_states_its_assumptions() {
    let db = Db::new();
    db.ok(&["demo"]);
    let sim = db.json(&["simulate", "--team", "Phoenix", "--runs", "300", "--seed", "3"]);
    assert_eq!(sim["results"].as_array().unwrap().len(), 7);
    assert_eq!(sim["sensitivity"].as_array().unwrap().len(), 16);
    assert!(
        sim["assumptions"][0].as_str().unwrap().starts_with("fitted to"),
        "{}",
        sim["assumptions"]
    );
    let again = db.json(&["simulate", "--team", "Phoenix", "--runs", "300", "--seed", "3"]);
    assert_eq!(sim, again, "same seed, same result");
    let two = db.json(&[
        "simulate",
        "--team",
        "Phoenix",
        "--runs",
        "100",
        "--strategies",
        "daily,wait",
    ]);
    let names: Vec<&str> = two["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 2);
    assert!(
        names.contains(&"daily") && names.contains(&"no_shield+wait"),
        "{names:?}"
    );
    let text = db.ok(&["simulate", "--team", "Phoenix", "--runs", "100"]);
    assert!(
        text.starts_with("Most focus:") && text.contains("sensitivity") && text.contains("assumptions:"),
        "{text}"
    );
    db.rejected(
        &["simulate", "--team", "Phoenix", "--strategies", "astrology"],
        "not a valid strategy",
    );
    db.rejected(
        &["simulate", "--team", "Phoenix", "--runs", "0"],
        "between 1 and 100000",
    );
    db.rejected(
        &["simulate", "--team", "Phoenix", "--block-minutes", "900"],
        "focus block",
    );
}
