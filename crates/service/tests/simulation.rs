//! The simulator and insights on the demo through the service: the backtest against past sprints
//! (what was known before each sprint only), the default insights range decided on the team's
//! today, and the demo log's simulation (the numbers the README states).
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use sprintshield_core::interrupt::{InterruptCategory, NewInterrupt, Severity};
use sprintshield_core::simulate::{SimulationSettings, Strategy};
use sprintshield_core::Id;
use sprintshield_service::Sprintshield;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap()
}

fn demo() -> (Sprintshield, Id) {
    let mut app = Sprintshield::open_in_memory().unwrap();
    app.load_demo(today(), now()).unwrap();
    let team = app.team_by_name("Phoenix").unwrap().id;
    (app, team)
}

fn settings() -> SimulationSettings {
    SimulationSettings {
        runs: 400,
        ..SimulationSettings::default()
    }
}

#[test]
fn the_backtest_covers_every_closed_sprint_with_the_strategy_the_team_ran() {
    let (app, team) = demo();
    let b = app.simulation_backtest(team, settings(), now()).unwrap();
    // Phoenix has six closed sprints, all before today; it ran a daily Batman in each.
    assert_eq!(b.rows.len(), 6);
    assert!(b.rows.iter().all(|r| r.strategy == "daily"), "{:?}", b.rows);
    assert!(b.rows.iter().all(|r| r.strategy_from.contains("Batman")));
    // The first sprint had no log before it: stated defaults, and no velocity to give points.
    assert_eq!(b.rows[0].fitted_to, 0);
    assert!(b.rows[0].predicted_points.is_none());
    assert!(b.rows[1..]
        .iter()
        .all(|r| r.fitted_to > 0 && r.predicted_points.is_some()));
    assert_eq!(b.points_tested, 5);
    // With a Batman taking every interrupt the team's focus does not depend on them: not
    // checked (rather than counted as a free hit).
    assert_eq!(b.focus_tested, 0);
    assert!(b.rows.iter().all(|r| r.focus_hit.is_none()));
    // Counts add up and the summary states them.
    let hits = b.rows.iter().filter(|r| r.interrupt_hours_hit).count();
    assert_eq!(hits, b.interrupt_hours_hits);
    assert!(
        b.summary.contains(&format!("{} of 6 inside the predicted range", hits))
            || b.summary.contains(&format!("in {hits} of 6")),
        "{}",
        b.summary
    );
    for r in &b.rows {
        let logged = app
            .interrupts(
                team,
                &sprintshield_core::interrupt::InterruptFilter {
                    from: Some(r.days.first),
                    to: Some(r.days.last),
                    ..Default::default()
                },
            )
            .unwrap()
            .len();
        assert!(
            r.logged_interrupts <= logged,
            "only the sprint's working days are replayed"
        );
        assert!(r.expected_interrupts.low <= r.expected_interrupts.high);
    }
    assert_eq!(
        app.simulation_backtest(team, settings(), now()).unwrap(),
        b,
        "same seed, same backtest"
    );
}

#[test]
fn a_sprint_is_predicted_only_from_what_was_known_before_it() {
    let (mut app, team) = demo();
    let before = app.simulation_backtest(team, settings(), now()).unwrap();
    // A heavy day logged inside the fourth sprint: the three before it must not see it.
    let fourth = before.rows[3].days;
    let day = fourth.first + Duration::days(1);
    for h in 9..17 {
        app.log_interrupt(
            team,
            NewInterrupt {
                arrived_at: format!("{day}T{h:02}:10"),
                title: "Outage".into(),
                category: InterruptCategory::ProductionBug,
                severity: Severity::Critical,
                handled_by: None,
                minutes: 120,
                pulled_off_focus: true,
                could_have_waited: false,
                root_cause: String::new(),
            },
            now(),
        )
        .unwrap();
    }
    let after = app.simulation_backtest(team, settings(), now()).unwrap();
    assert_eq!(
        after.rows[..3],
        before.rows[..3],
        "no sprint sees the log after it started"
    );
    assert_eq!(after.rows[3].expected_interrupts, before.rows[3].expected_interrupts);
    assert_eq!(after.rows[3].logged_interrupts, before.rows[3].logged_interrupts + 8);
    assert!((after.rows[3].logged_interrupt_hours - before.rows[3].logged_interrupt_hours - 16.0).abs() < 1e-9);
    assert!(
        after.rows[4].fitted_to > before.rows[4].fitted_to,
        "the next sprint learns from it"
    );
}

#[test]
fn the_insights_range_is_decided_on_the_team_s_today() {
    let (app, team) = demo();
    // 23:30 UTC on 22 November is already the 23rd in Berlin.
    let late = Utc.with_ymd_and_hms(2026, 11, 22, 23, 30, 0).unwrap();
    let s = app.interrupt_stats_at(team, None, None, None, late).unwrap();
    assert_eq!(s.range.last, NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
    assert_eq!(s.range.first, s.range.last - Duration::days(89), "the last 90 days");
    let s = app.interrupt_stats_at(team, None, None, Some(30), now()).unwrap();
    assert_eq!((s.range.first, s.range.last), (today() - Duration::days(29), today()));
    let from = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
    let s = app.interrupt_stats_at(team, Some(from), None, None, now()).unwrap();
    assert_eq!((s.range.first, s.range.last), (from, today()));
    let e = app.interrupt_stats_at(team, None, None, Some(0), now()).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("last_days"), "{e:?}");
    let e = app
        .interrupt_stats_at(team, Some(today() + Duration::days(1)), Some(today()), None, now())
        .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("to"), "{e:?}");
}

/// The demo log is a team pulled into production (seed 000): a few interrupts a day. Printed so
/// the README's numbers can be read off (`--nocapture`); checks only what the log is meant to be.
#[test]
fn the_demo_log_is_a_few_interrupts_a_day_and_its_simulation_is_stated() {
    let (app, team) = demo();
    let stats = app.interrupt_stats_at(team, None, None, Some(84), now()).unwrap();
    let working_days = 84.0 / 7.0 * 5.0;
    let per_day = stats.count as f64 / working_days;
    assert!((2.5..=6.0).contains(&per_day), "{per_day} interrupts a working day");
    let sim = app
        .simulate(team, &Strategy::all(), SimulationSettings::default(), now())
        .unwrap();
    println!(
        "demo: {} interrupts in 84 days ({per_day:.1} a working day)",
        stats.count
    );
    println!("{}", sim.summary);
    for r in &sim.results {
        println!(
            "{:<16} focus {:>5.0} h ({:>4.0}–{:>4.0}) points {:>5} switches/dev {:>4.1} urgent p95 {:>4.0} min chores {:>4.0} h overload {:>3.0} %",
            r.name,
            r.focus_hours.mean,
            r.focus_hours.low,
            r.focus_hours.high,
            r.points.map_or("-".into(), |p| format!("{:.0}", p.mean)),
            r.context_switches_per_dev,
            r.first_response_p95,
            r.chores_hours,
            r.duty_overload_chance * 100.0
        );
    }
    for c in &sim.sensitivity {
        println!(
            "recovery {:>2} block {:>3}: {}",
            c.recovery_minutes, c.block_minutes, c.winner
        );
    }
    for a in &sim.assumptions {
        println!("- {a}");
    }
    assert!(sim.model.fitted_to > 100, "fitted to the demo's log, not the defaults");
}
