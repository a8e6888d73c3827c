//! Escalation pairs: the Op of the Week and the Dev of the Week behind it are planned together —
//! never the same person, and not two newcomers together while someone experienced is free.
mod rotation_support;

use chrono::NaiveDate;
use chrono_tz::Europe::Berlin;
use rotation_support::*;
use sprintshield_core::rotation::*;

#[test]
fn two_newcomers_are_not_paired_while_a_veteran_is_free() {
    let mut people = members(&["Nia", "Nico", "Vera", "Viktor", "Noor", "Nils", "Vanja", "Valentin"]);
    // Members 1, 2 (ops) and 5, 6 (dev) joined on 2026-03-01: newcomers for the first 8 weeks.
    for m in people.iter_mut().filter(|m| [1, 2, 5, 6].contains(&m.id)) {
        m.spec.active_from = Some(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
    }
    let ow = policy(1, "Op of the Week", PolicyKind::Weekly, |p| {
        p.pool = vec![1, 2, 3, 4];
        p.escalates_to = Some(2);
    });
    let dw = policy(2, "Dev of the Week", PolicyKind::Weekly, |p| p.pool = vec![5, 6, 7, 8]);
    let ctx = context(Berlin, people, vec![ow, dw]);
    let horizon = span("2026-03-02", "2026-04-19");
    let planned = plan(&input(ctx.clone(), horizon, utc("2026-02-01T00:00:00Z")));
    let newcomer = |id| [1, 2, 5, 6].contains(&id);
    let ow_turns = of_policy(&planned.turns, 1);
    let dw_turns = of_policy(&planned.turns, 2);
    assert_eq!(ow_turns.len(), 8, "the lead-in Monday 00:00 to 12:00, then seven weeks");
    let mut newcomer_ops = 0;
    for t in &ow_turns {
        let partner = dw_turns.iter().find(|d| d.start == t.start).expect("planned as a pair");
        assert_ne!(t.member_id, partner.member_id);
        if newcomer(t.member_id) {
            newcomer_ops += 1;
            assert!(
                !newcomer(partner.member_id),
                "two newcomers together in the week of {}",
                t.start
            );
        }
    }
    assert!(
        newcomer_ops >= 2,
        "the newcomers do take turns, each with a veteran behind them"
    );
}
