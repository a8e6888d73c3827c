//! `sprintshield capacity`, `forecast` and `backtest` over a temporary database: a team of five
//! with five closed sprints of 40 points and a planned sixth one.

mod support;
use support::Db;

impl Db {
    /// Phoenix: five full-time members, Sprints 1–5 closed with 40 points, Sprint 6 planned.
    fn phoenix() -> Db {
        let db = Db(tempfile::tempdir().unwrap());
        db.ok(&["team", "add", "Phoenix", "--zone", "Europe/Berlin"]);
        for name in ["Ana", "Ben", "Cleo", "Dan", "Eve"] {
            db.ok(&["member", "add", "--team", "Phoenix", name]);
        }
        let starts = [
            "2026-03-23",
            "2026-04-06",
            "2026-04-20",
            "2026-05-04",
            "2026-05-18",
            "2026-06-01",
        ];
        let ends = [
            "2026-04-03",
            "2026-04-17",
            "2026-05-01",
            "2026-05-15",
            "2026-05-29",
            "2026-06-12",
        ];
        for (i, (start, end)) in starts.iter().zip(ends).enumerate() {
            let name = format!("Sprint {}", i + 1);
            db.ok(&[
                "sprint", "add", "--team", "Phoenix", &name, "--start", start, "--end", end,
            ]);
            if i < 5 {
                db.ok(&["sprint", "close", "--team", "Phoenix", &name, "--completed", "40"]);
            }
        }
        db
    }
}

const SPRINT: [&str; 4] = ["--team", "Phoenix", "--sprint", "Sprint 6"];

fn args<'a>(cmd: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut all = vec![cmd];
    all.extend_from_slice(&SPRINT);
    all.extend_from_slice(extra);
    all
}

#[test]
fn capacity_shows_each_person_and_the_two_scenarios() {
    let db = Db::phoenix();
    let text = db.ok(&args("capacity", &[]));
    assert!(
        text.contains("Sprint 6 (2026-06-01 to 2026-06-12): 10 working days"),
        "{text}"
    );
    // Two scenarios named for what they are (was three: "without rotation" charged only the
    // interrupts a shield lets through, with no shield there).
    assert!(text.contains("SHIELDED") && text.contains("NO SHIELD"), "{text}");
    assert!(
        text.contains("Capacity 50 focus days of 50: nobody away or on duty, no interrupts."),
        "{text}"
    );
    assert!(
        text.contains("No shield: interrupts hit everyone:\n  - nobody is on duty"),
        "{text}"
    );
    let team_line = text.lines().find(|l| l.starts_with("TEAM")).unwrap();
    assert_eq!(team_line.split_whitespace().collect::<Vec<_>>(), ["TEAM", "50", "50"]);
    let j = db.json(&args("capacity", &[]));
    assert_eq!(j["report"]["team_total"]["value"], 50.0);
    assert_eq!(j["report"]["people"].as_array().unwrap().len(), 5);
    assert_eq!(j["report"]["people"][0]["cells"][0]["value"], 1.0);
    assert_eq!(j["report"]["scenarios"].as_array().unwrap().len(), 2);
}

#[test]
fn time_off_lowers_capacity_and_the_forecast() {
    let db = Db::phoenix();
    db.ok(&[
        "timeoff",
        "add",
        "--team",
        "Phoenix",
        "--member",
        "Ben",
        "--from",
        "2026-06-08",
        "--to",
        "2026-06-12",
    ]);
    let j = db.json(&args("capacity", &[]));
    assert_eq!(j["report"]["team_total"]["value"], 45.0);
    let f = db.json(&args("forecast", &[]));
    assert_eq!(f["forecast"]["deterministic"]["points"]["value"], 36.0);
    assert_eq!(f["forecast"]["monte_carlo"]["p85"], 36.0);
}

#[test]
fn forecast_prints_the_headline_then_the_details_and_is_reproducible() {
    let db = Db::phoenix();
    let text = db.ok(&args("forecast", &["--trials", "5000", "--seed", "3"]));
    // The headline comes first. Five sprints cannot back 85 % (that takes six: the next sprint
    // falls below the lowest of n with a chance of 1/(n + 1)), so the headline says so, and
    // P85/P95 are no longer printed as "40 points" equal to the lowest sprint.
    assert_eq!(
        text.lines().next().unwrap(),
        "Commit to 40 points (only 5 past sprints, so at best 83 % likely; 40 half the time). Capacity 50 focus \
         days of 50: nobody away or on duty, no interrupts."
    );
    for needle in [
        "Likely range: 40–40 points; 5 past sprints cannot back \"7 in 10\"",
        "assumption: Ana, Ben, Cleo, Dan and Eve have no active-from date",
        "How this is computed — Sprint 6 (2026-06-01 to 2026-06-12): 50 focus person-days",
        "P50  40 points (reached in 50 % of 5000 simulated sprints)",
        "P85  not shown — backing 85 % needs at least 6 past sprints",
        "P95  not shown — backing 95 % needs at least 19 past sprints",
        "mean 40 points",
        "Cohn's range 40 to 40 points (Cohn's 90 % range",
        "5000 trials, seed 3",
        "Sprint 1",
        "0.8 per focus day",
        "interrupt cost measured over the closed sprints, 2026-03-23 to 2026-05-29",
    ] {
        assert!(text.contains(needle), "{needle:?} missing in:\n{text}");
    }
    let a = db.json(&args("forecast", &["--seed", "9"]));
    let b = db.json(&args("forecast", &["--seed", "9"]));
    assert_eq!(a, b);
    assert_eq!(a["history"].as_array().unwrap().len(), 5);
    assert_eq!(a["forecast"]["monte_carlo"]["trials"], 10_000);
    assert!(
        a["headline"]["sentence"]
            .as_str()
            .unwrap()
            .starts_with("Commit to 40 points"),
        "--json carries the headline: {}",
        a["headline"]
    );
    assert_eq!(a["headline"]["commit_points"], 40);
    assert_eq!(a["assumptions"].as_array().unwrap().len(), 1);
}

#[test]
fn past_sprints_without_turns_take_the_current_policy_and_the_headline_names_the_causes() {
    let db = Db::phoenix();
    for name in ["Ana", "Ben", "Cleo", "Dan", "Eve"] {
        db.ok(&[
            "member",
            "edit",
            "--team",
            "Phoenix",
            name,
            "--active-from",
            "2026-01-01",
        ]);
    }
    db.ok(&[
        "timeoff",
        "add",
        "--team",
        "Phoenix",
        "--member",
        "Ben",
        "--from",
        "2026-06-08",
        "--to",
        "2026-06-12",
    ]);
    db.ok(&[
        "policy",
        "add",
        "--team",
        "Phoenix",
        "Batman",
        "--kind",
        "daily",
        "--handoff",
        "09:00",
    ]);
    db.ok(&[
        "rotation",
        "plan",
        "--team",
        "Phoenix",
        "--from",
        "2026-06-01",
        "--to",
        "2026-06-12",
    ]);
    let text = db.ok(&args("forecast", &[]));
    // Sprints 1–5 have no stored turns: Batman is assumed there too (40 focus days, 1 point per
    // focus day), so the planned 35 focus days forecast 35 points — not 28 from "full-focus" history.
    assert_eq!(
        text.lines().next().unwrap(),
        "Commit to 35 points (only 5 past sprints, so at best 83 % likely; 35 half the time). Capacity 35 focus \
         days of 50: −10 on duty, −5 Ben's vacation.",
        "{text}"
    );
    assert!(
        text.contains(
            "assumption: Sprint 1, Sprint 2 and 3 more have no stored duty turns; assumed your current policies \
             (Batman at 0 % focus)"
        ),
        "{text}"
    );
    assert!(!text.contains("no active-from date"), "{text}");
}

#[test]
fn few_sprints_are_warned_about() {
    let db = Db(tempfile::tempdir().unwrap());
    db.ok(&["team", "add", "Phoenix", "--zone", "Europe/Berlin"]);
    db.ok(&["member", "add", "--team", "Phoenix", "Ana"]);
    for (name, start, end) in [
        ("Sprint 1", "2026-05-04", "2026-05-15"),
        ("Sprint 2", "2026-05-18", "2026-05-29"),
        ("Sprint 6", "2026-06-01", "2026-06-12"),
    ] {
        db.ok(&[
            "sprint", "add", "--team", "Phoenix", name, "--start", start, "--end", end,
        ]);
    }
    db.ok(&["sprint", "close", "--team", "Phoenix", "Sprint 1", "--completed", "8"]);
    db.ok(&["sprint", "close", "--team", "Phoenix", "Sprint 2", "--completed", "10"]);
    let text = db.ok(&args("forecast", &[]));
    assert!(
        text.contains("Cohn's range: a 90 % range needs at least 5 closed sprints"),
        "{text}"
    );
    assert!(text.contains("only 2 past sprints, so at best 66 % likely"), "{text}");
    assert!(text.contains("warning: only 2 closed sprints"), "{text}");
    // Whole percent now (was "33.33 %": two decimals of false precision).
    assert!(text.contains("only 33 % of the time"), "{text}");
}

#[test]
fn backlog_gives_sprints_at_each_percentile() {
    let db = Db::phoenix();
    let text = db.ok(&args("forecast", &["--backlog", "100"]));
    assert!(
        text.contains("P50  3 sprints") && text.contains("P95  3 sprints"),
        "{text}"
    );
    let j = db.json(&args("forecast", &["--backlog", "80"]));
    assert_eq!(j["p85_sprints"], 2);
    assert_eq!(j["backlog_points"], 80.0);
}

#[test]
fn backtest_shows_rows_and_the_p85_hit_rate() {
    let db = Db::phoenix();
    let text = db.ok(&["backtest", "--team", "Phoenix"]);
    assert!(text.contains("Sprint 4") && text.contains("Sprint 5"), "{text}");
    assert!(text.contains("P85 hit rate: 2 of 2 sprints"), "{text}");
    let j = db.json(&["backtest", "--team", "Phoenix"]);
    assert_eq!(j["backtest"]["rows"].as_array().unwrap().len(), 2);
    assert_eq!(j["backtest"]["hit_rate"]["value"], 1.0);
}

#[test]
fn bad_input_is_one_clear_line_and_exit_1() {
    let db = Db::phoenix();
    db.rejected(&["forecast", "--team", "Phoenix", "--sprint", "Sprint 99"], "Sprint 99");
    db.rejected(&["capacity", "--team", "Nope", "--sprint", "Sprint 6"], "Nope");
    db.rejected(
        &args("forecast", &["--trials", "0"]),
        "use between 1 and 1000000 trials, not 0",
    );
    db.rejected(
        &args("forecast", &["--trials", "2000000"]),
        "use between 1 and 1000000 trials, not 2000000",
    );
    db.rejected(
        &args("forecast", &["--backlog", "-5"]),
        "the backlog must be more than 0",
    );
    db.rejected(&["backtest", "--team", "Phoenix", "--trials", "0"], "trials");
    db.rejected(
        &["capacity", "--team", "Phoenix", "--recovery-minutes", "-5"],
        "between 0 and 480",
    );
    db.rejected(
        &["capacity", "--team", "Phoenix", "--recovery-minutes", "600"],
        "between 0 and 480",
    );
}

#[test]
fn the_context_switch_recovery_cost_is_configurable() {
    let db = Db::phoenix();
    // An interrupt that pulled Ana off focus during a closed sprint.
    db.ok(&[
        "interrupt",
        "log",
        "--team",
        "Phoenix",
        "--at",
        "2026-04-08T10:00",
        "--category",
        "bug",
        "--minutes",
        "30",
        "--handled-by",
        "Ana",
        "--pulled-off-focus",
        "Pager",
    ]);
    let total = |minutes: &str| {
        let v = db.json(&[
            "capacity",
            "--team",
            "Phoenix",
            "--sprint",
            "Sprint 6",
            "--recovery-minutes",
            minutes,
        ]);
        v["report"]["team_total"]["value"].as_f64().unwrap()
    };
    let (none, default, long) = (total("0"), total("23"), total("120"));
    assert!(none > default && default > long, "{none} > {default} > {long}");
    let text = db.ok(&[
        "capacity",
        "--team",
        "Phoenix",
        "--sprint",
        "Sprint 6",
        "--recovery-minutes",
        "120",
    ]);
    assert!(
        text.contains("120"),
        "the source of the number names the recovery minutes: {text}"
    );
}

#[test]
fn a_team_without_closed_sprints_has_capacity_but_no_forecast() {
    let db = Db(tempfile::tempdir().unwrap());
    db.ok(&["team", "add", "Phoenix", "--zone", "Europe/Berlin"]);
    db.ok(&["member", "add", "--team", "Phoenix", "Ana"]);
    db.ok(&[
        "sprint",
        "add",
        "--team",
        "Phoenix",
        "Sprint 6",
        "--start",
        "2026-06-01",
        "--end",
        "2026-06-12",
    ]);
    let j = db.json(&args("capacity", &[]));
    assert_eq!(j["report"]["team_total"]["value"], 10.0);
    db.rejected(&args("forecast", &[]), "no closed sprints yet");
    db.rejected(&["backtest", "--team", "Phoenix"], "no closed sprints yet");
}

#[test]
fn capacity_prints_a_per_day_table_with_duty_time_off_and_holiday_markers() {
    let db = Db::phoenix();
    db.ok(&[
        "timeoff",
        "add",
        "--team",
        "Phoenix",
        "--member",
        "Ben",
        "--from",
        "2026-06-08",
        "--to",
        "2026-06-12",
    ]);
    db.ok(&[
        "holiday",
        "add",
        "--team",
        "Phoenix",
        "--date",
        "2026-06-04",
        "Corpus Christi",
    ]);
    db.ok(&[
        "policy",
        "add",
        "--team",
        "Phoenix",
        "Batman",
        "--kind",
        "daily",
        "--handoff",
        "09:00",
    ]);
    db.ok(&[
        "rotation",
        "plan",
        "--team",
        "Phoenix",
        "--from",
        "2026-06-01",
        "--to",
        "2026-06-12",
    ]);
    let text = db.ok(&args("capacity", &[]));
    let table: Vec<Vec<&str>> = text
        .lines()
        .skip_while(|l| !l.starts_with("PER DAY"))
        .map(|l| l.split_whitespace().collect())
        .collect();
    // Header: the ten weekdays (the holiday included, the weekend left out), two words each.
    let header = &table[0];
    assert_eq!(header[..2], ["PER", "DAY"]);
    assert_eq!(header.len(), 2 + 2 * 10, "{text}");
    assert_eq!(header[2..6], ["Mo", "01", "Tu", "02"]);
    assert_eq!(header[20..], ["Fr", "12"]);
    let row = |name: &str| -> Vec<&str> {
        let r = table
            .iter()
            .find(|r| r[0] == name)
            .unwrap_or_else(|| panic!("no row {name}:\n{text}"));
        r[1..].to_vec()
    };
    let ben = row("Ben");
    assert_eq!(ben.len(), 10);
    assert_eq!(ben[3], "H", "Thursday 4 June is a holiday: {text}");
    assert_eq!(ben[5..], ["T", "T", "T", "T", "T"], "{text}");
    // Batman puts exactly one person at 0 % on every working day, never on the holiday.
    let people = ["Ana", "Ben", "Cleo", "Dan", "Eve"].map(row);
    for day in 0..10 {
        let on_duty = people.iter().filter(|p| p[day] == "D").count();
        assert_eq!(on_duty, usize::from(day != 3), "day {day}:\n{text}");
    }
    // The team row is each column's sum: 5 people − 1 on duty, − Ben away in the second week.
    assert_eq!(
        row("TEAM"),
        ["4.0", "4.0", "4.0", "0.0", "4.0", "3.0", "3.0", "3.0", "3.0", "3.0"],
        "{text}"
    );
    assert!(text.contains("D on duty, T time off, H holiday"), "{text}");
}
