//! Overrides, swaps, "who is on duty", conflict sentences and the fairness ledger.
mod rotation_support;

use chrono::Duration;
use chrono_tz::America::Chicago;
use rotation_support::*;
use sprintshield_core::rotation::*;
use sprintshield_core::time::DateSpan;

/// A four-person Op of the Week (Chicago, Monday 12:00) with a Dev of the Week behind it.
fn ow_dw() -> (sprintshield_core::rotation::RotationContext, DateSpan, Plan) {
    let ow = policy(1, "Op of the Week", PolicyKind::Weekly, |p| {
        p.pool = vec![1, 2, 3, 4];
        p.escalates_to = Some(2);
    });
    let dw = policy(2, "Dev of the Week", PolicyKind::Weekly, |p| p.pool = vec![3, 4, 5]);
    let ctx = context(
        Chicago,
        members(&["Olga", "Pete", "Quinn", "Rosa", "Sam"]),
        vec![ow, dw],
    );
    let horizon = span("2026-11-02", "2026-12-27");
    let plan = plan(&input(ctx.clone(), horizon, utc("2026-11-01T00:00:00Z")));
    (ctx, horizon, plan)
}

#[test]
fn override_locks_the_turn_and_remembers_the_planned_member() {
    let (_, _, plan) = ow_dw();
    let i = find_turn(&plan.turns, 1, utc("2026-11-10T00:00:00Z")).unwrap();
    let planned = plan.turns[i].member_id;
    let other = if planned == 1 { 2 } else { 1 };
    let edited = override_turn(&plan.turns, i, other).unwrap();
    assert_eq!(edited[i].member_id, other);
    assert!(edited[i].locked);
    assert_eq!(edited[i].source, TurnSource::Override);
    assert_eq!(edited[i].replaced_member_id, Some(planned));
    assert_eq!(
        (edited[i].start, edited[i].end),
        (plan.turns[i].start, plan.turns[i].end)
    );
    // Giving the turn back to the planned member clears the cover record.
    let back = override_turn(&edited, i, planned).unwrap();
    assert_eq!(back[i].replaced_member_id, None);
    assert!(override_turn(&plan.turns, 999, 1).is_err());
}

#[test]
fn swap_exchanges_members_and_rejects_the_same_person() {
    let (_, _, plan) = ow_dw();
    let a = find_turn(&plan.turns, 1, utc("2026-11-03T00:00:00Z")).unwrap();
    let b = find_turn(&plan.turns, 1, utc("2026-11-10T00:00:00Z")).unwrap();
    let swapped = swap_turns(&plan.turns, a, b).unwrap();
    assert_eq!(swapped[a].member_id, plan.turns[b].member_id);
    assert_eq!(swapped[b].member_id, plan.turns[a].member_id);
    assert!(swapped[a].locked && swapped[b].locked);
    assert_eq!(swapped[a].source, TurnSource::Swap);
    let e = swap_turns(&plan.turns, a, a).unwrap_err();
    assert!(e.message.contains("same person"));
}

#[test]
fn who_is_on_duty_now_next_and_last_note() {
    let (_, _, plan) = ow_dw();
    let mut turns = plan.turns.clone();
    let first = find_turn(&turns, 1, utc("2026-11-03T00:00:00Z")).unwrap();
    turns[first].note = "Backup job on db-2 flaky, ticket OPS-12".into();
    let at = turns[first].end + Duration::hours(1);
    let duty = who_is_on_duty(&turns, 1, at);
    let current = duty.current.unwrap();
    assert!(current.covers(at));
    assert_eq!(duty.next.unwrap().start, current.end);
    assert_eq!(
        duty.handoff_note.as_deref(),
        Some("Backup job on db-2 flaky, ticket OPS-12")
    );
    // An override is what every view sees.
    let i = find_turn(&turns, 1, at).unwrap();
    let edited = override_turn(&turns, i, 4).unwrap();
    assert_eq!(who_is_on_duty(&edited, 1, at).current.unwrap().member_id, 4);
}

#[test]
fn conflicts_explain_time_off_pair_back_to_back_overlap_and_gap() {
    let (mut ctx, horizon, plan) = ow_dw();
    let mut turns = plan.turns.clone();
    let wk = find_turn(&turns, 1, utc("2026-11-24T00:00:00Z")).unwrap();
    ctx.time_off = vec![time_off(1, turns[wk].member_id, "2026-12-01", "2026-12-05")];
    let dec = find_turn(&turns, 1, utc("2026-12-01T00:00:00Z")).unwrap();
    let dw_same = find_turn(&turns, 2, utc("2026-12-01T00:00:00Z")).unwrap();
    turns = override_turn(&turns, dec, turns[wk].member_id).unwrap(); // on vacation, and back to back
    turns = override_turn(&turns, dw_same, 3).unwrap();
    turns = override_turn(&turns, dec, 3).unwrap(); // now Quinn in both halves
    turns = override_turn(&turns, wk, 3).unwrap(); // and back to back with the week before
    ctx.time_off = vec![time_off(1, 3, "2026-12-01", "2026-12-05")];
    let last = turns.iter().rposition(|t| t.policy_id == 1).unwrap();
    turns[last].end -= Duration::days(2); // gap at the end of the horizon
    let mut overlapping = turns[last].clone();
    overlapping.start -= Duration::days(9);
    overlapping.end = overlapping.start + Duration::days(3);
    turns.push(overlapping);
    let conflicts = validate(&turns, &ctx, horizon);
    let kinds: Vec<ConflictKind> = conflicts.iter().map(|c| c.kind).collect();
    for k in [
        ConflictKind::TimeOff,
        ConflictKind::SamePersonInPair,
        ConflictKind::BackToBack,
        ConflictKind::Overlap,
        ConflictKind::CoverageGap,
    ] {
        assert!(kinds.contains(&k), "{k} missing in {conflicts:#?}");
    }
    let off = conflicts.iter().find(|c| c.kind == ConflictKind::TimeOff).unwrap();
    assert_eq!(
        off.message,
        "Quinn is on vacation 2026-12-01 to 2026-12-05 during the Op of the Week turn starting Mon 2026-11-30 12:00"
    );
    assert_eq!(off.severity, Severity::Warning);
    let overlap = conflicts.iter().find(|c| c.kind == ConflictKind::Overlap).unwrap();
    assert_eq!(overlap.severity, Severity::Error);
    assert_eq!(overlap.turns.len(), 2);
    let gap = conflicts.iter().find(|c| c.kind == ConflictKind::CoverageGap).unwrap();
    assert!(
        gap.message.starts_with("Nobody is on Op of the Week duty from "),
        "{}",
        gap.message
    );
    // The checker built once gives the same answer.
    assert_eq!(ConflictChecker::new(&ctx, horizon).check(&turns), conflicts);
}

#[test]
fn holiday_and_inactive_member_are_reported_for_daily_turns() {
    let mut ms = members(&["Ana", "Ben", "Cleo"]);
    ms[2].spec.active_until = Some(day("2026-12-20"));
    let mut ctx = context(Chicago, ms, vec![policy(1, "Batman", PolicyKind::Daily, |_| {})]);
    let horizon = span("2026-12-14", "2026-12-31");
    let mut turns = plan(&input(ctx.clone(), horizon, utc("2026-12-01T00:00:00Z"))).turns;
    assert!(turns
        .iter()
        .all(|t| t.member_id != 3 || t.start < utc("2026-12-19T00:00:00Z")));
    ctx.holidays = vec![holiday(1, "2026-12-24", "Christmas Eve")];
    let i = find_turn(&turns, 1, utc("2026-12-24T18:00:00Z")).unwrap();
    turns = override_turn(&turns, i, 3).unwrap();
    let conflicts = validate(&turns, &ctx, horizon);
    let hol = conflicts.iter().find(|c| c.kind == ConflictKind::Holiday).unwrap();
    assert!(hol.message.contains("Christmas Eve"), "{}", hol.message);
    let gone = conflicts
        .iter()
        .find(|c| c.kind == ConflictKind::InactiveMember)
        .unwrap();
    assert!(
        gone.message.starts_with("Cleo is not active on 2026-12-24"),
        "{}",
        gone.message
    );
}

#[test]
fn a_weekly_turn_held_past_the_last_day_names_the_first_day_gone() {
    // Cleo's last day is Tuesday; she holds the week from Monday to Monday: the message names
    // Wednesday, the first day she is gone (not the turn's last day).
    let mut ms = members(&["Ana", "Ben", "Cleo"]);
    ms[2].spec.active_until = Some(day("2026-12-15"));
    let ctx = context(
        Chicago,
        ms,
        vec![policy(1, "Op of the Week", PolicyKind::Weekly, |_| {})],
    );
    let horizon = span("2026-12-14", "2026-12-27");
    let mut turns = plan(&input(ctx.clone(), horizon, utc("2026-12-01T00:00:00Z"))).turns;
    let i = find_turn(&turns, 1, utc("2026-12-16T18:00:00Z")).unwrap();
    turns = override_turn(&turns, i, 3).unwrap();
    let gone = validate(&turns, &ctx, horizon)
        .into_iter()
        .find(|c| c.kind == ConflictKind::InactiveMember)
        .unwrap();
    assert!(
        gone.message.starts_with("Cleo is not active on 2026-12-16"),
        "{}",
        gone.message
    );
}

#[test]
fn fairness_report_rows_ledger_and_paybacks() {
    let (ctx, _, plan) = ow_dw();
    let a = find_turn(&plan.turns, 1, utc("2026-11-03T00:00:00Z")).unwrap();
    let b = find_turn(&plan.turns, 1, utc("2026-11-10T00:00:00Z")).unwrap();
    let (ma, mb) = (plan.turns[a].member_id, plan.turns[b].member_id);
    let edited = override_turn(&plan.turns, a, mb).unwrap(); // mb covers for ma
    let report = fairness(&edited, &ctx, utc("2026-11-01T00:00:00Z"));
    assert_eq!(report.rows.len(), 5);
    let total: u32 = report.rows.iter().map(|r| r.turns).sum();
    assert_eq!(total as usize, edited.len());
    let before = fairness(&plan.turns, &ctx, utc("2026-11-01T00:00:00Z"));
    let row = |r: &FairnessReport, id| r.rows.iter().find(|x| x.member_id == id).unwrap().clone();
    assert_eq!(row(&report, mb).turns, row(&before, mb).turns + 1);
    assert_eq!(row(&report, ma).turns + 1, row(&before, ma).turns);
    assert!(row(&report, mb).deviation_percent > row(&before, mb).deviation_percent);
    let avg = report.rows.iter().map(|r| r.load_per_capacity).sum::<f64>() / 5.0;
    let r = row(&report, mb);
    assert!((r.deviation_percent - (r.load_per_capacity - avg) / avg * 100.0).abs() < 1e-9);
    assert_eq!(report.ledger.len(), 1);
    assert_eq!((report.ledger[0].covered_by, report.ledger[0].covered_for), (mb, ma));
    assert_eq!(report.paybacks.len(), 1);
    assert_eq!((report.paybacks[0].owed_by, report.paybacks[0].owed_to), (ma, mb));
    assert!((report.paybacks[0].weighted_hours - report.ledger[0].weighted_hours).abs() < 1e-9);
    // An even swap nets out: no payback.
    let swapped = swap_turns(&plan.turns, a, b).unwrap();
    let even = fairness(&swapped, &ctx, utc("2026-11-01T00:00:00Z"));
    assert_eq!(even.ledger.len(), 2);
    assert!(even.paybacks.is_empty(), "{:?}", even.paybacks);
}

#[test]
fn weekend_and_holiday_hours_weigh_more() {
    let mut ctx = context(
        Chicago,
        members(&["Ana", "Ben"]),
        vec![policy(1, "Op", PolicyKind::Weekly, |_| {})],
    );
    let week = vec![Turn::generated(
        1,
        1,
        utc("2026-11-30T18:00:00Z"),
        utc("2026-12-07T18:00:00Z"),
    )];
    let plain = fairness(&week, &ctx, utc("2026-11-01T00:00:00Z")).rows[0].weighted_load;
    assert!((plain - (5.0 * 24.0 + 2.0 * 24.0 * 1.5)).abs() < 1e-9, "{plain}");
    ctx.holidays = vec![holiday(1, "2026-12-02", "Team day")];
    let with_holiday = fairness(&week, &ctx, utc("2026-11-01T00:00:00Z")).rows[0].weighted_load;
    assert!((with_holiday - plain - 24.0).abs() < 1e-9, "{with_holiday}");
}

#[test]
fn standing_duty_hands_days_off_to_the_stand_in() {
    let lead = policy(1, "Tech lead shield", PolicyKind::Standing, |p| {
        p.standing_member_id = Some(1);
        p.stand_in_id = Some(2);
    });
    let mut ctx = context(Chicago, members(&["Lena", "Max"]), vec![lead]);
    ctx.time_off = vec![time_off(1, 1, "2026-03-09", "2026-03-11")];
    let horizon = span("2026-03-02", "2026-03-15");
    let plan = plan(&input(ctx.clone(), horizon, utc("2026-03-01T00:00:00Z")));
    assert_eq!(
        table(&plan, &ctx),
        "Tech lead shield | Mon 2026-03-02 00:00 -> Mon 2026-03-09 00:00 | Lena | generated\n\
         Tech lead shield | Mon 2026-03-09 00:00 -> Thu 2026-03-12 00:00 | Max | generated\n\
         Tech lead shield | Thu 2026-03-12 00:00 -> Mon 2026-03-16 00:00 | Lena | generated"
    );
    assert!(validate(&plan.turns, &ctx, horizon).is_empty());
    assert_eq!(plan.explanations[1].reason, "Max stands in while Lena is away");
}

#[test]
fn shadow_trainee_joins_turns_without_counting() {
    let op = policy(1, "Op", PolicyKind::Weekly, |p| {
        p.pool = vec![1, 2];
        p.shadow_pool = vec![3];
    });
    let ctx = context(Chicago, members(&["Ana", "Ben", "Tia"]), vec![op]);
    let plan = plan(&input(
        ctx.clone(),
        span("2026-05-04", "2026-05-31"),
        utc("2026-05-01T00:00:00Z"),
    ));
    assert!(plan
        .turns
        .iter()
        .all(|t| t.shadow_member_id == Some(3) && t.member_id != 3));
    let report = fairness(&plan.turns, &ctx, utc("2026-05-01T00:00:00Z"));
    assert!(report.rows.iter().all(|r| r.member_id != 3));
}

/// The drag preview checks conflicts only around the edited turns and tallies fairness before
/// and after in one pass; it says exactly what the long way says (every turn checked before and
/// after, the whole fairness report twice) for every override and swap of a rotation with two
/// policies, an escalation pair and time off.
#[test]
fn preview_matches_checking_everything_before_and_after() {
    let (mut ctx, horizon, plan) = ow_dw();
    ctx.time_off = vec![time_off(1, 3, "2026-11-18", "2026-11-24")];
    let now = utc("2026-11-01T00:00:00Z");
    let all: Vec<Turn> = plan
        .turns
        .iter()
        .enumerate()
        .map(|(i, t)| Turn {
            id: Some(i as i64 + 1),
            ..t.clone()
        })
        .collect();
    let same = |a: &Conflict, b: &Conflict| {
        (a.kind, a.policy_id, a.member_id, a.start, a.end) == (b.kind, b.policy_id, b.member_id, b.start, b.end)
    };
    let mut edits = Vec::new();
    for t in &all {
        for m in 1..=5 {
            edits.push(Edit::Override {
                turn_id: t.id.unwrap(),
                member_id: m,
            });
        }
        for u in all
            .iter()
            .filter(|u| u.policy_id == t.policy_id && u.member_id != t.member_id)
        {
            edits.push(Edit::Swap {
                turn_id: t.id.unwrap(),
                with_turn_id: u.id.unwrap(),
            });
        }
    }
    let mut checked = 0;
    for edit in edits {
        let Ok(p) = preview_edit(&ctx, &all, horizon, edit, now) else {
            continue;
        };
        let after = apply_edit(&all, edit).unwrap();
        let (cb, ca) = (validate(&all, &ctx, horizon), validate(&after, &ctx, horizon));
        let added: Vec<&Conflict> = ca.iter().filter(|c| !cb.iter().any(|b| same(b, c))).collect();
        let cleared: Vec<&Conflict> = cb.iter().filter(|c| !ca.iter().any(|a| same(a, c))).collect();
        assert_eq!(p.added.len(), added.len(), "{edit:?}: {:?} vs {added:?}", p.added);
        assert!(p.added.iter().all(|c| added.iter().any(|a| same(a, c))), "{edit:?}");
        assert_eq!(p.cleared.len(), cleared.len(), "{edit:?}");
        assert!(p.cleared.iter().all(|c| cleared.iter().any(|a| same(a, c))), "{edit:?}");
        let (fb, fa) = (fairness(&all, &ctx, now), fairness(&after, &ctx, now));
        for l in &p.load {
            let row = |r: &FairnessReport| {
                r.rows
                    .iter()
                    .find(|x| x.member_id == l.member_id)
                    .map(|x| (x.turns, x.deviation_percent))
            };
            assert_eq!(Some((l.turns_before, l.deviation_before)), row(&fb), "{edit:?}");
            assert_eq!(Some((l.turns_after, l.deviation_after)), row(&fa), "{edit:?}");
        }
        checked += 1;
    }
    assert!(checked > 100, "{checked} previews compared");
}
