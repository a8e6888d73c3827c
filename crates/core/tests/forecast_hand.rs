//! Forecast: the hand-computed cases of the issue, Cohn's range, Monte Carlo percentiles,
//! sprints to done, backtest, warnings and validation.
#[path = "forecast_support/mod.rs"]
mod fixture;

use fixture::{flat_history, history, Fixture};
use sprintshield_core::forecast::{
    backtest, cohn_rank, forecast, monte_carlo, sprints_to_done, FocusPlan, ForecastSettings, WarningKind,
};

/// Five sprints of 40 points with all five members focused: 50 focus days, 0.8 points per day.
fn steady() -> Vec<sprintshield_core::forecast::PastSprint> {
    flat_history(5, 40.0, 50.0)
}

fn settings() -> ForecastSettings {
    ForecastSettings::new(10_000, 7).unwrap()
}

fn points_for(f: &Fixture) -> (f64, f64, f64, f64) {
    let fc = forecast(&steady(), &f.plan(), settings()).unwrap();
    let mc = fc.monte_carlo;
    (fc.deterministic.points.value, mc.p50, mc.p85, mc.p95)
}

#[test]
fn one_person_fully_on_duty_forecasts_32() {
    let mut f = Fixture::five();
    f.cover(1, "2026-06-01T09:00", "2026-06-12T17:00", 0.0, "Op of the Week");
    assert_eq!(points_for(&f), (32.0, 32.0, 32.0, 32.0));
}

#[test]
fn one_person_away_five_days_forecasts_36() {
    let mut f = Fixture::five();
    f.away(2, "2026-06-08", "2026-06-12");
    assert_eq!(points_for(&f), (36.0, 36.0, 36.0, 36.0));
}

#[test]
fn a_team_holiday_forecasts_36() {
    let mut f = Fixture::five();
    f.holiday("2026-06-04", "Corpus Christi");
    assert_eq!(points_for(&f), (36.0, 36.0, 36.0, 36.0));
}

#[test]
fn nobody_out_forecasts_40_with_a_cohn_range() {
    let fc = forecast(&steady(), &Fixture::five().plan(), settings()).unwrap();
    assert_eq!(fc.deterministic.points.value, 40.0);
    let range = fc.deterministic.range.unwrap();
    assert_eq!((range.low, range.high), (40.0, 40.0));
    assert!(fc.warnings.is_empty(), "{:?}", fc.warnings);
    assert_eq!(fc.history.len(), 5);
    assert!((fc.deterministic.chance_in_lowest_highest.value - 4.0 / 6.0).abs() < 1e-12);
}

#[test]
fn cohn_ranks_follow_the_binomial_table() {
    let table = [
        (5, 1),
        (7, 1),
        (8, 2),
        (11, 3),
        (13, 4),
        (16, 5),
        (18, 6),
        (21, 7),
        (23, 8),
        (26, 9),
    ];
    for (n, m) in table {
        assert_eq!(cohn_rank(n), Some(m), "n = {n}");
    }
    assert_eq!(cohn_rank(4), None);
    assert!(cohn_rank(2000).is_some());
}

#[test]
fn cohn_range_uses_the_mth_lowest_and_highest() {
    // Velocities per focus day 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2 (n = 8, m = 2) × 10 days.
    let rows: Vec<(f64, f64)> = (5..=12).map(|v| (f64::from(v), 10.0)).collect();
    let plan = FocusPlan::flat(10.0);
    let fc = forecast(&history(&rows), &plan, settings()).unwrap();
    let r = fc.deterministic.range.unwrap();
    assert_eq!((r.low, r.high), (6.0, 11.0));
    assert_eq!(
        (
            fc.deterministic.lowest_highest.low,
            fc.deterministic.lowest_highest.high
        ),
        (5.0, 12.0)
    );
    assert_eq!(fc.deterministic.points.value, 8.5);
}

#[test]
fn fewer_than_five_sprints_say_so() {
    let fc = forecast(&flat_history(3, 40.0, 50.0), &Fixture::five().plan(), settings()).unwrap();
    assert!(fc.deterministic.range.is_none());
    assert!(fc.deterministic.range_note.contains("at least 5"));
    assert_eq!(fc.deterministic.chance_in_lowest_highest.value, 0.5);
    assert!(fc
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::FewSprints && w.message.contains("50 %")));
}

#[test]
fn percentiles_of_a_uniform_history_are_where_they_should_be() {
    // Velocities 1..=20 per focus day, one focus day: every trial is uniform on 1..=20.
    let rows: Vec<(f64, f64)> = (1..=20).map(|v| (f64::from(v), 1.0)).collect();
    let mc = monte_carlo(
        &history(&rows),
        &FocusPlan::flat(1.0),
        ForecastSettings::new(100_000, 3).unwrap(),
    )
    .unwrap();
    assert!([1.0, 2.0].contains(&mc.p95), "{}", mc.p95);
    assert!([3.0, 4.0].contains(&mc.p85), "{}", mc.p85);
    assert!([10.0, 11.0].contains(&mc.p50), "{}", mc.p50);
    assert!((mc.mean - 10.5).abs() < 0.1, "{}", mc.mean);
    assert_eq!(mc.histogram.bins.iter().map(|b| b.count).sum::<u32>(), 100_000);
}

#[test]
fn interrupts_drawn_from_the_log_lower_the_forecast() {
    let mut f = Fixture::five();
    for (i, day) in ["2026-05-18", "2026-05-20", "2026-05-26"].iter().enumerate() {
        f.interrupt(&format!("{day}T10:00"), 120 * (i as i64 + 1), true);
    }
    let quiet = forecast(&steady(), &Fixture::five().plan(), settings()).unwrap();
    let noisy = forecast(&steady(), &f.plan(), settings()).unwrap();
    assert!(noisy.monte_carlo.p50 < quiet.monte_carlo.p50);
    assert!(
        noisy.monte_carlo.p95 < noisy.monte_carlo.p50,
        "losses vary from day to day"
    );
    // The simulated mean is near the deterministic expectation (same pooled rate).
    assert!((noisy.monte_carlo.mean - noisy.deterministic.points.value).abs() < 0.5);
}

#[test]
fn a_backlog_of_100_points_at_40_per_sprint_takes_3_sprints() {
    let b = sprints_to_done(&steady(), &Fixture::five().plan(), 100.0, settings()).unwrap();
    assert_eq!((b.p50_sprints, b.p85_sprints, b.p95_sprints), (3, 3, 3));
    assert_eq!(b.distribution.len(), 1);
    let exact = sprints_to_done(&steady(), &Fixture::five().plan(), 80.0, settings()).unwrap();
    assert_eq!(exact.p50_sprints, 2);
}

#[test]
fn a_varied_history_needs_more_sprints_with_more_confidence() {
    let rows = [(20.0, 50.0), (45.0, 50.0), (30.0, 50.0), (50.0, 50.0), (35.0, 50.0)];
    let b = sprints_to_done(&history(&rows), &Fixture::five().plan(), 400.0, settings()).unwrap();
    assert!(b.p50_sprints <= b.p85_sprints && b.p85_sprints <= b.p95_sprints);
    assert!(b.p50_sprints < b.p95_sprints);
    assert_eq!(b.distribution.iter().map(|c| c.trials).sum::<u32>(), 10_000);
}

#[test]
fn backtest_of_a_steady_team_hits_every_p85_line() {
    let bt = backtest(&flat_history(6, 40.0, 50.0), settings()).unwrap();
    assert_eq!(bt.rows.len(), 3);
    assert!(bt.rows.iter().all(|r| r.hit && r.p85 == 40.0 && r.sprints_used >= 3));
    assert_eq!(bt.hit_rate.unwrap().value, 1.0);
}

#[test]
fn backtest_flags_a_sprint_below_its_p85_line() {
    let rows = [(40.0, 50.0), (42.0, 50.0), (38.0, 50.0), (10.0, 50.0), (41.0, 50.0)];
    let bt = backtest(&history(&rows), settings()).unwrap();
    assert_eq!(bt.rows.len(), 2);
    assert!(!bt.rows[0].hit, "{:?}", bt.rows[0]);
    assert_eq!(bt.rows[0].actual, 10.0);
    assert!((bt.hit_rate.unwrap().value - 0.5).abs() < 1e-12);
    let short = backtest(&flat_history(3, 40.0, 50.0), settings()).unwrap();
    assert!(short.rows.is_empty() && short.hit_rate.is_none());
    assert!(short.note.contains("more than 3"));
}

#[test]
fn warns_when_the_plan_is_outside_the_data() {
    let mut f = Fixture::five();
    f.away(1, "2026-06-01", "2026-06-03");
    f.away(2, "2026-06-02", "2026-06-05");
    let fc = forecast(&steady(), &f.plan(), settings()).unwrap();
    let kinds: Vec<WarningKind> = fc.warnings.iter().map(|w| w.kind).collect();
    assert_eq!(kinds, vec![WarningKind::FocusBelowHistory, WarningKind::MorePeopleOut]);
    assert!(fc.warnings[1].message.contains("2 people are out at once"));
}

#[test]
fn invalid_inputs_are_rejected_with_the_field() {
    let plan = Fixture::five().plan();
    assert_eq!(ForecastSettings::new(0, 1).unwrap_err().field, "trials");
    assert_eq!(ForecastSettings::new(1_000_001, 1).unwrap_err().field, "trials");
    assert!(ForecastSettings::new(1_000_000, 1).is_ok());
    assert_eq!(forecast(&[], &plan, settings()).unwrap_err().field, "history");
    assert_eq!(
        forecast(&flat_history(2, 40.0, 0.0), &plan, settings())
            .unwrap_err()
            .field,
        "history"
    );
    assert_eq!(
        sprints_to_done(&steady(), &plan, 0.0, settings()).unwrap_err().field,
        "backlog"
    );
    assert_eq!(
        sprints_to_done(&flat_history(5, 0.0, 50.0), &plan, 10.0, settings())
            .unwrap_err()
            .field,
        "backlog"
    );
    let e = sprints_to_done(&steady(), &plan, 1_000_000.0, settings()).unwrap_err();
    assert!(e.message.contains("cannot look that far"), "{}", e.message);
}

#[test]
fn the_forecast_serialises_for_the_ui() {
    let fc = forecast(&steady(), &Fixture::five().plan(), settings()).unwrap();
    let json = serde_json::to_value(&fc).unwrap();
    assert_eq!(json["monte_carlo"]["p85"], 40.0);
    assert!(json["monte_carlo"]["histogram"]["bins"].is_array());
}
