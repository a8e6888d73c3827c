//! Seed scenarios as snapshot-style tests: the exact plan as a compact text table
//! (`tests/snapshots/rotation_*.txt`; run with `UPDATE_SNAPSHOTS=1` to rewrite after a deliberate
//! change, then review the diff).
mod rotation_support;

use chrono_tz::{America::Chicago, Europe::Berlin};
use rotation_support::*;
use sprintshield_core::rotation::*;

/// Seed 000: the Batman approach, five people, one per working day, with a holiday and a week
/// of vacation.
#[test]
fn batman_daily_five_people() {
    let mut ctx = context(
        Berlin,
        members(&["Ana", "Ben", "Cleo", "Dev", "Eli"]),
        vec![policy(1, "Batman", PolicyKind::Daily, |_| {})],
    );
    ctx.holidays = vec![holiday(1, "2026-06-04", "Corpus Christi")];
    ctx.time_off = vec![time_off(1, 3, "2026-06-15", "2026-06-19")];
    let plan = plan(&input(
        ctx.clone(),
        span("2026-06-01", "2026-06-26"),
        utc("2026-05-31T00:00:00Z"),
    ));
    assert_snapshot("rotation_batman", &table(&plan, &ctx));
    assert!(validate(&plan.turns, &ctx, span("2026-06-01", "2026-06-26")).is_empty());
    let why = &plan.explanations[plan.explanations.len() - 6].reason;
    assert!(why.contains("away: Cleo"), "{why}");
}

/// Seed 001: a four-person Op of the Week with Monday 12:00 handoffs, and a Dev of the Week
/// behind it whose pool shares two people with the ops pool.
#[test]
fn op_of_the_week_with_dev_of_the_week_pair() {
    let ops = policy(1, "Op of the Week", PolicyKind::Weekly, |p| {
        p.pool = vec![1, 2, 3, 4];
        p.escalates_to = Some(2);
    });
    let devs = policy(2, "Dev of the Week", PolicyKind::Weekly, |p| p.pool = vec![3, 4, 5, 6]);
    let ctx = context(
        Chicago,
        members(&["Olga", "Pete", "Quinn", "Rosa", "Sam", "Tara"]),
        vec![ops, devs],
    );
    let horizon = span("2026-10-05", "2026-11-29");
    let plan = plan(&input(ctx.clone(), horizon, utc("2026-10-01T00:00:00Z")));
    assert_snapshot("rotation_ow_dw", &table(&plan, &ctx));
    let conflicts = validate(&plan.turns, &ctx, horizon);
    assert!(conflicts.is_empty(), "{conflicts:#?}");
    let (ow, dw) = (of_policy(&plan.turns, 1), of_policy(&plan.turns, 2));
    assert_eq!(ow.len(), 9, "the lead-in Monday 00:00 to 12:00, then eight weeks");
    for (a, b) in ow.iter().zip(&dw) {
        assert_ne!(a.member_id, b.member_id, "same person in both halves at {}", a.start);
    }
}

/// Seed 000 (second answer): one developer out of each sprint for chores, six sprints.
#[test]
fn per_sprint_rotation_over_six_sprints() {
    let mut ctx = context(
        Berlin,
        members(&["Ana", "Ben", "Cleo", "Dev", "Eli"]),
        vec![policy(1, "Chores", PolicyKind::Sprint, |_| {})],
    );
    ctx.sprints = (0..6)
        .map(|i| {
            let start = day("2026-01-05") + chrono::Duration::days(14 * i);
            let end = start + chrono::Duration::days(13);
            sprint(i + 1, &start.to_string(), &end.to_string())
        })
        .collect();
    ctx.time_off = vec![time_off(1, 2, "2026-02-16", "2026-02-20")];
    let horizon = span("2026-01-01", "2026-03-31");
    let plan = plan(&input(ctx.clone(), horizon, utc("2026-01-01T00:00:00Z")));
    assert_snapshot("rotation_sprint", &table(&plan, &ctx));
    assert!(validate(&plan.turns, &ctx, horizon).is_empty());
}
