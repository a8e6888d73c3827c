//! Capacity model: hand-computed grids, duty covers, interrupt cost and scenarios.
#[path = "forecast_support/mod.rs"]
mod fixture;

use fixture::{d, Fixture};
use sprintshield_core::capacity::{capacity_report, CellFlag, ScenarioKind};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn five_full_time_members_have_fifty_focus_days_without_covers_or_interrupts() {
    let r = Fixture::five().report();
    assert_eq!(r.team_total.value, 50.0);
    assert_eq!(r.working_days(), 10);
    assert_eq!(r.days.len(), 12);
    let ana = &r.people[0];
    assert_eq!(ana.total.value, 10.0);
    let saturday = &ana.cells[5];
    assert_eq!(saturday.date, d("2026-06-06"));
    assert_eq!(saturday.value, 0.0);
    assert_eq!(saturday.flags, vec![CellFlag::Weekend]);
    assert_eq!(ana.cells[0].value, 1.0);
    assert!(ana.cells[0].flags.is_empty());
    assert!(
        r.interrupts.leaked.from.contains("no interrupt"),
        "{}",
        r.interrupts.leaked.from
    );
}

#[test]
fn a_member_fully_on_duty_has_no_focus_and_is_flagged() {
    let mut f = Fixture::five();
    f.cover(1, "2026-06-01T09:00", "2026-06-12T17:00", 0.0, "Op of the Week");
    let r = f.report();
    assert_eq!(r.team_total.value, 40.0);
    let ana = &r.people[0];
    assert_eq!(ana.total.value, 0.0);
    assert_eq!(ana.cells[0].flags, vec![CellFlag::Duty]);
    assert_eq!(ana.cells[0].duty.as_deref(), Some("Op of the Week"));
    assert!(
        ana.cells[0].from.contains("0 % focus share on Op of the Week"),
        "{}",
        ana.cells[0].from
    );
}

#[test]
fn time_off_and_holidays_remove_days() {
    let mut f = Fixture::five();
    f.away(2, "2026-06-01", "2026-06-05");
    let r = f.report();
    assert_eq!(r.team_total.value, 45.0);
    assert_eq!(r.most_people_out, 1);
    assert_eq!(r.people[1].cells[0].flags, vec![CellFlag::TimeOff]);

    let mut f = Fixture::five();
    f.holiday("2026-06-04", "Corpus Christi");
    let r = f.report();
    assert_eq!(r.team_total.value, 45.0);
    assert!(!r.days[3].working);
    assert_eq!(r.days[3].holiday.as_deref(), Some("Corpus Christi"));
    assert!(r.people[0].cells[3].from.contains("Corpus Christi"));
}

#[test]
fn a_cover_counts_by_the_share_of_the_working_window_it_spans() {
    // A Batman turn handed off at 12:00: Monday 12:00–17:00 (5 of 8 h), Tuesday 09:00–12:00 (3 of 8 h).
    let mut f = Fixture::five();
    f.cover(1, "2026-06-01T12:00", "2026-06-02T12:00", 0.0, "Batman");
    let ana = &f.report().people[0];
    assert!(close(ana.cells[0].value, 3.0 / 8.0), "{}", ana.cells[0].value);
    assert!(close(ana.cells[1].value, 5.0 / 8.0), "{}", ana.cells[1].value);
    assert_eq!(ana.cells[2].value, 1.0);
    assert!(close(ana.total.value, 9.0));
    // A turn that ends at 09:00 does not touch that day's window.
    let mut f = Fixture::five();
    f.cover(1, "2026-06-01T09:00", "2026-06-02T09:00", 0.0, "Batman");
    let ana = &f.report().people[0];
    assert_eq!((ana.cells[0].value, ana.cells[1].value), (0.0, 1.0));
    assert!(ana.cells[1].flags.is_empty());
}

#[test]
fn overlapping_covers_do_not_stack_the_lowest_focus_wins() {
    let mut f = Fixture::five();
    f.cover(1, "2026-06-01T09:00", "2026-06-08T09:00", 0.2, "Op of the Week");
    f.cover(1, "2026-06-03T09:00", "2026-06-04T09:00", 0.0, "Batman");
    let ana = &f.report().people[0];
    let values: Vec<f64> = ana.cells[..5].iter().map(|c| c.value).collect();
    assert!(close(values[0], 0.2) && close(values[1], 0.2) && close(values[3], 0.2));
    assert_eq!(values[2], 0.0);
    assert_eq!(ana.cells[2].duty.as_deref(), Some("Batman"));
}

#[test]
fn part_time_and_inactive_members() {
    let mut f = Fixture::with_capacities(&[50, 100]);
    f.members[1].spec.active_from = Some(d("2026-06-08"));
    let r = f.report();
    assert_eq!(r.people[0].total.value, 5.0);
    assert_eq!(r.people[1].total.value, 5.0);
    assert_eq!(r.people[1].cells[0].flags, vec![CellFlag::Inactive]);
}

/// Window: 5 members × 10 working days = 50 reachable person-days. Four interrupts of 37 min
/// pulled people off focus: (4 × 37 + 4 × 23) / 480 = 0.5 person-days, 0.01 per person-day.
/// Two more of 97 min did not: shared = (148 + 194 + 6 × 23) / 480 / 50 = 0.02.
fn logged() -> Fixture {
    let mut f = Fixture::five();
    for day in ["2026-05-18", "2026-05-19", "2026-05-20", "2026-05-21"] {
        f.interrupt(&format!("{day}T10:00"), 37, true);
    }
    f.interrupt("2026-05-22T10:00", 97, false);
    f.interrupt("2026-05-25T10:00", 97, false);
    f
}

#[test]
fn interrupt_cost_is_measured_from_the_log_with_recovery() {
    let r = logged().report();
    assert!(close(r.interrupts.leaked.value, 0.01), "{}", r.interrupts.leaked.value);
    assert!(close(r.interrupts.shared.value, 0.02), "{}", r.interrupts.shared.value);
    assert!(
        r.interrupts.leaked.from.contains("4 interrupts"),
        "{}",
        r.interrupts.leaked.from
    );
    assert!(r.interrupts.leaked.from.contains("23 min recovery"));
    assert_eq!(r.interrupts.daily_losses.len(), 10);
    assert!(close(r.interrupts.daily_losses[0], 60.0 / 480.0 / 5.0));
    assert!(close(r.team_total.value, 49.5));
    assert!(
        r.people[0].cells[0].from.contains("− 0.01 interrupt cost"),
        "{}",
        r.people[0].cells[0].from
    );
}

#[test]
fn interrupts_outside_the_window_or_on_weekends_do_not_count() {
    let mut f = logged();
    f.interrupt("2026-05-23T10:00", 300, true); // Saturday
    f.interrupt("2026-06-02T10:00", 300, true); // in the sprint, outside the window
    let r = f.report();
    assert!(close(r.interrupts.leaked.value, 0.01));
    assert!(r
        .interrupts
        .leaked
        .from
        .contains("1 more on days nobody was working left out"));
}

#[test]
fn members_on_duty_do_not_pay_interrupt_cost() {
    let mut f = logged();
    f.cover(1, "2026-06-01T09:00", "2026-06-12T17:00", 0.2, "Op of the Week");
    let r = f.report();
    // Ana: 10 × 0.2; the others: 4 × 10 × 0.99.
    assert!(close(r.people[0].total.value, 2.0));
    assert!(close(r.team_total.value, 2.0 + 39.6));
    assert_eq!(r.people[0].cells[0].exposed, 0.0);
}

#[test]
fn duty_in_the_window_reduces_the_reachable_person_days() {
    // Ana on duty the whole window: 40 reachable person-days, so 0.5 / 40 = 0.0125.
    let mut f = logged();
    f.cover(1, "2026-05-18T09:00", "2026-05-29T17:00", 0.2, "Op of the Week");
    let r = f.report();
    assert!(
        close(r.interrupts.leaked.value, 0.0125),
        "{}",
        r.interrupts.leaked.value
    );
}

#[test]
fn the_two_scenarios_are_named_for_what_they_are_and_list_their_assumptions() {
    let mut f = logged();
    f.cover(1, "2026-06-01T09:00", "2026-06-12T17:00", 0.2, "Op of the Week");
    let r = f.report();
    // Two scenarios: the old "without rotation" gave the duty time back but still charged only the
    // interrupts that leaked past the shield — a shield that is not there. It is gone.
    assert_eq!(r.scenarios.len(), 2);
    let with = r.scenario(ScenarioKind::Shielded).unwrap();
    let shares = r.scenario(ScenarioKind::NoShield).unwrap();
    assert_eq!(ScenarioKind::Shielded.label(), "Shielded (your rotation)");
    assert_eq!(ScenarioKind::NoShield.label(), "No shield: interrupts hit everyone");
    assert!(close(with.team_total.value, r.team_total.value));
    assert!(close(with.duty_cost.value, 8.0));
    assert_eq!(shares.duty_cost.value, 0.0);
    assert!(
        with.assumptions[0].contains("gives 8 person-days to duty"),
        "{:?}",
        with.assumptions
    );
    assert!(
        with.assumptions[1].contains("got past the shield"),
        "{:?}",
        with.assumptions
    );
    assert!(
        shares.assumptions[0].contains("the 8 person-days your rotation gives to duty go back"),
        "{:?}",
        shares.assumptions
    );
    assert!(
        shares.assumptions[1].contains("every logged interrupt"),
        "{:?}",
        shares.assumptions
    );
    assert!(close(shares.team_total.value, 49.0));
    assert!(close(shares.interrupt_cost.value, 1.0));
    // 6 interrupts × 23 min / 480 / 50 person-days, paid on 50 person-days.
    assert!(close(shares.context_switch_cost.value, 6.0 * 23.0 / 480.0));
    assert!(shares.context_switch_cost.from.contains("recovery"));
    assert_eq!(shares.people.len(), 5);
}

#[test]
fn bad_covers_and_settings_are_rejected() {
    let mut f = Fixture::five();
    f.cover(1, "2026-06-02T09:00", "2026-06-01T09:00", 0.0, "Batman");
    assert_eq!(capacity_report(&f.input(), f.sprint).unwrap_err().field, "covers");
    let mut f = Fixture::five();
    f.cover(1, "2026-06-01T09:00", "2026-06-02T09:00", 1.5, "Batman");
    let e = capacity_report(&f.input(), f.sprint).unwrap_err();
    assert!(e.message.contains("between 0 and 1"), "{}", e.message);
    let mut f = Fixture::five();
    f.settings.workday_end = f.settings.workday_start;
    assert_eq!(capacity_report(&f.input(), f.sprint).unwrap_err().field, "workday_end");
}

#[test]
fn a_cover_on_the_day_after_spring_forward_still_spans_the_whole_window() {
    // Berlin springs forward on Sunday 2026-03-29; Monday's window is 09:00–17:00 CEST.
    let mut f = Fixture::five();
    f.sprint = fixture::span("2026-03-23", "2026-04-03");
    f.cover(1, "2026-03-27T09:00", "2026-03-30T17:00", 0.0, "Batman");
    let ana = &f.report().people[0];
    assert_eq!(ana.cells[4].value, 0.0); // Friday
    assert_eq!(ana.cells[7].value, 0.0); // Monday after the change
    assert_eq!(ana.cells[8].value, 1.0);
}

#[test]
fn the_report_serialises_for_the_ui() {
    let r = logged().report();
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["scenarios"][0]["kind"], "shielded");
    assert_eq!(json["scenarios"][1]["kind"], "no_shield");
    assert_eq!(json["people"][0]["cells"][5]["flags"][0], "weekend");
}
