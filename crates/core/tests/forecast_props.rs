//! Property tests of the forecast: more capacity never lowers any confidence level, the
//! percentiles are ordered, and the same seed gives the same result.
#[path = "forecast_support/mod.rs"]
mod fixture;

use fixture::{history, Fixture};
use proptest::prelude::*;
use sprintshield_core::forecast::{forecast, sprints_to_done, ForecastSettings, PastSprint};

/// A random team: capacities, time off inside the sprint, covers inside the sprint, interrupts in
/// the window before it.
#[derive(Debug, Clone)]
struct Team {
    pcts: Vec<u8>,
    away: Vec<(usize, u32, u32)>,
    covers: Vec<(usize, u32, u32, u8)>,
    interrupts: Vec<(u32, u32, i64, bool)>,
}

fn team() -> impl Strategy<Value = Team> {
    (2usize..=6).prop_flat_map(|n| {
        (
            prop::collection::vec(20u8..=100, n),
            prop::collection::vec((0..n, 0u32..12, 0u32..5), 0..3),
            prop::collection::vec((0..n, 0u32..12, 1u32..4, 0u8..=10), 0..3),
            prop::collection::vec((0u32..12, 9u32..17, 5i64..240, any::<bool>()), 0..12),
        )
            .prop_map(|(pcts, away, covers, interrupts)| Team {
                pcts,
                away,
                covers,
                interrupts,
            })
    })
}

fn day(start: &str, offset: u32) -> String {
    (fixture::d(start) + chrono::Duration::days(i64::from(offset))).to_string()
}

fn build(t: &Team) -> Fixture {
    let mut f = Fixture::with_capacities(&t.pcts);
    for &(m, first, len) in &t.away {
        let last = (first + len).min(11);
        f.away(m as i64 + 1, &day("2026-06-01", first), &day("2026-06-01", last));
    }
    for &(m, first, len, share) in &t.covers {
        let start = format!("{}T09:00", day("2026-06-01", first));
        let end = format!("{}T09:00", day("2026-06-01", first + len));
        f.cover(m as i64 + 1, &start, &end, f64::from(share) / 10.0, "Batman");
    }
    for &(d, hour, minutes, pulled) in &t.interrupts {
        f.interrupt(&format!("{}T{hour:02}:15", day("2026-05-18", d)), minutes, pulled);
    }
    f
}

fn past() -> impl Strategy<Value = Vec<PastSprint>> {
    prop::collection::vec((5.0f64..60.0, 20.0f64..60.0), 1..9).prop_map(|rows| history(&rows))
}

/// One way of giving the team more capacity without changing anything else.
#[derive(Debug, Clone)]
enum More {
    Capacity(usize, u8),
    DropTimeOff(usize),
    FocusOnDuty(usize, u8),
}

fn more() -> impl Strategy<Value = More> {
    prop_oneof![
        (0usize..6, 1u8..=80).prop_map(|(m, by)| More::Capacity(m, by)),
        (0usize..3).prop_map(More::DropTimeOff),
        (0usize..3, 1u8..=10).prop_map(|(c, by)| More::FocusOnDuty(c, by)),
    ]
}

fn apply(t: &Team, m: &More) -> Team {
    let mut t = t.clone();
    match *m {
        More::Capacity(i, by) => {
            let i = i % t.pcts.len();
            t.pcts[i] = t.pcts[i].saturating_add(by).min(100);
        }
        More::DropTimeOff(i) if i < t.away.len() => {
            t.away.remove(i);
        }
        More::FocusOnDuty(i, by) if i < t.covers.len() => {
            t.covers[i].3 = (t.covers[i].3 + by).min(10);
        }
        _ => {}
    }
    t
}

fn settings(seed: u64) -> ForecastSettings {
    ForecastSettings::new(1_000, seed).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn more_capacity_never_lowers_any_confidence_level(t in team(), m in more(), h in past(), seed in any::<u64>()) {
        let less = forecast(&h, &build(&t).plan(), settings(seed)).unwrap();
        let more = forecast(&h, &build(&apply(&t, &m)).plan(), settings(seed)).unwrap();
        prop_assert!(more.planned_focus_days.value >= less.planned_focus_days.value - 1e-9);
        prop_assert!(more.deterministic.points.value >= less.deterministic.points.value);
        prop_assert!(more.monte_carlo.p50 >= less.monte_carlo.p50);
        prop_assert!(more.monte_carlo.p85 >= less.monte_carlo.p85);
        prop_assert!(more.monte_carlo.p95 >= less.monte_carlo.p95);
        prop_assert!(more.monte_carlo.mean >= less.monte_carlo.mean);
        if let (Some(a), Some(b)) = (&more.deterministic.range, &less.deterministic.range) {
            prop_assert!(a.low >= b.low && a.high >= b.high);
        }
    }

    #[test]
    fn percentiles_are_ordered_in_points_and_in_sprints(t in team(), h in past(), seed in any::<u64>(), backlog in 1.0f64..300.0) {
        let f = build(&t);
        let plan = f.plan();
        let mc = forecast(&h, &plan, settings(seed)).unwrap().monte_carlo;
        prop_assert!(mc.p95 <= mc.p85 && mc.p85 <= mc.p50, "{} {} {}", mc.p95, mc.p85, mc.p50);
        if let Ok(b) = sprints_to_done(&h, &plan, backlog, settings(seed)) {
            prop_assert!(b.p50_sprints <= b.p85_sprints && b.p85_sprints <= b.p95_sprints);
            prop_assert!(b.p50_sprints >= 1);
        }
    }

    #[test]
    fn same_seed_same_result(t in team(), h in past(), seed in any::<u64>()) {
        let plan = build(&t).plan();
        prop_assert_eq!(forecast(&h, &plan, settings(seed)).unwrap(), forecast(&h, &plan, settings(seed)).unwrap());
        if let (Ok(a), Ok(b)) = (
            sprints_to_done(&h, &plan, 120.0, settings(seed)),
            sprints_to_done(&h, &plan, 120.0, settings(seed)),
        ) {
            prop_assert_eq!(a, b);
        }
    }
}
