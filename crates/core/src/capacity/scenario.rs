//! Two ways to run the same sprint, side by side, so the cost of each is visible:
//! - *Shielded (your rotation)*: the plan — duty covers apply, the person on duty takes the
//!   interrupts, and off-duty members pay only those that leaked past the shield;
//! - *No shield: interrupts hit everyone*: the "give everyone a percentage for operations"
//!   approach — nobody on duty (the duty time goes back to sprint work), the whole interrupt load
//!   spread over everybody, each interrupt breaking someone's focus and costing its
//!   context-switch recovery.
//!
//! (An earlier third scenario, "without rotation", gave the duty time back but still charged only
//! the leaked interrupts — a team with no shield that is somehow still shielded. It is gone.)
//! Each scenario lists its assumptions in plain words.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::availability::Calendar;
use super::breakdown::days_text;
use super::interrupts::InterruptRate;
use super::sourced::{round2, Sourced};
use crate::member::Member;
use crate::time::DateSpan;
use crate::{named_enum, Id};

named_enum! {
    /// Which way of handling interrupts a scenario assumes.
    pub enum ScenarioKind ("scenario") {
        Shielded = "shielded", "Shielded (your rotation)";
        NoShield = "no_shield", "No shield: interrupts hit everyone";
    }
}

/// Focus capacity of the sprint under one scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Scenario {
    /// The scenario.
    pub kind: ScenarioKind,
    /// Team focus person-days.
    pub team_total: Sourced,
    /// Focus person-days per member.
    pub people: Vec<PersonTotal>,
    /// Person-days given to duty covers.
    pub duty_cost: Sourced,
    /// Person-days lost to interrupts, recovery included.
    pub interrupt_cost: Sourced,
    /// The part of `interrupt_cost` that is context-switch recovery.
    pub context_switch_cost: Sourced,
    /// What the scenario assumes, one sentence each.
    pub assumptions: Vec<String>,
}

/// One member's focus person-days in a scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PersonTotal {
    /// The member.
    pub member_id: Id,
    /// Display name.
    pub name: String,
    /// Focus person-days.
    pub focus_days: f64,
}

/// Sums of one scenario over the sprint.
#[derive(Default)]
struct Sums {
    total: f64,
    duty: f64,
    exposed: f64,
}

/// Computes the two scenarios of `sprint`.
pub(crate) fn scenarios(cal: &Calendar<'_>, members: &[Member], sprint: DateSpan, r: &InterruptRate) -> Vec<Scenario> {
    let shielded = scenario(
        cal,
        members,
        sprint,
        ScenarioKind::Shielded,
        &r.leaked,
        &r.leaked_recovery,
    );
    let mut none = scenario(
        cal,
        members,
        sprint,
        ScenarioKind::NoShield,
        &r.shared,
        &r.shared_recovery,
    );
    none.assumptions = vec![
        format!(
            "nobody is on duty: the {} person-days your rotation gives to duty go back to sprint work",
            days_text(shielded.duty_cost.value)
        ),
        format!(
            "every logged interrupt, not only those that got past the shield, lands on whoever is working: {} \
             person-days lost per working person-day, {} minutes of recovery each",
            round2(r.shared.value),
            r.recovery_minutes
        ),
    ];
    let mut shielded = shielded;
    shielded.assumptions = vec![
        if shielded.duty_cost.value > 0.0 {
            format!(
                "the person on duty takes the interrupts and gives {} person-days to duty",
                days_text(shielded.duty_cost.value)
            )
        } else {
            "nobody is on duty in this sprint (no stored turns), so nobody takes the interrupts for the team".to_owned()
        },
        format!(
            "everyone else pays only for interrupts that got past the shield: {} person-days per reachable \
             person-day, {} minutes of recovery each",
            round2(r.leaked.value),
            r.recovery_minutes
        ),
    ];
    vec![shielded, none]
}

fn scenario(
    cal: &Calendar<'_>,
    members: &[Member],
    sprint: DateSpan,
    kind: ScenarioKind,
    rate: &Sourced,
    recovery: &Sourced,
) -> Scenario {
    let with_covers = kind == ScenarioKind::Shielded;
    let mut sums = Sums::default();
    let people = members
        .iter()
        .map(|m| {
            let mut focus = 0.0;
            for day in sprint.iter_days() {
                let av = cal.of(m, day, with_covers);
                let before = av.before_interrupts();
                focus += (before - rate.value * av.exposed()).max(0.0);
                sums.duty += av.base - before;
                sums.exposed += av.exposed();
            }
            sums.total += focus;
            PersonTotal {
                member_id: m.id,
                name: m.spec.name.clone(),
                focus_days: focus,
            }
        })
        .collect();
    Scenario {
        kind,
        team_total: Sourced::new(
            sums.total,
            format!("{}: {} focus person-days", kind.label(), round2(sums.total)),
        ),
        people,
        duty_cost: Sourced::new(
            sums.duty,
            format!("{} person-days given to duty covers", round2(sums.duty)),
        ),
        interrupt_cost: cost(sums.exposed, rate, "interrupts, recovery included"),
        context_switch_cost: cost(sums.exposed, recovery, "context-switch recovery"),
        assumptions: Vec::new(),
    }
}

fn cost(exposed: f64, rate: &Sourced, what: &str) -> Sourced {
    let value = exposed * rate.value;
    Sourced::new(
        value,
        format!(
            "{} reachable person-days × {} = {} person-days lost to {what} ({})",
            round2(exposed),
            round2(rate.value),
            round2(value),
            rate.from
        ),
    )
}
