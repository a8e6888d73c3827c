//! Interrupt insights on a week small enough to check by hand: Ana and Ben alternate as Batman
//! (Ana Mon/Wed/Fri, Ben Tue/Thu) in Berlin; five interrupts on Monday.
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::Berlin;
use sprintshield_core::insights::{interrupt_stats, InsightInput, LimitKind};
use sprintshield_core::interrupt::{Interrupt, InterruptCategory, InterruptSpec, Severity};
use sprintshield_core::member::{Member, NewMember};
use sprintshield_core::rotation::{DutyPolicy, NewPolicy, PolicyKind, Turn, TurnSource};
use sprintshield_core::sprint::{Sprint, SprintSpec};
use sprintshield_core::time::{DateSpan, WorkingDays};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(day: &str, h: u32, m: u32) -> DateTime<Utc> {
    Berlin
        .from_local_datetime(&d(day).and_hms_opt(h, m, 0).unwrap())
        .unwrap()
        .with_timezone(&Utc)
}

fn member(id: i64, name: &str) -> Member {
    Member {
        id,
        team_id: 1,
        spec: NewMember {
            name: name.into(),
            ..Default::default()
        }
        .validate()
        .unwrap(),
    }
}

fn turn(member_id: i64, day: &str, next: &str) -> Turn {
    Turn {
        id: None,
        policy_id: 1,
        member_id,
        start: at(day, 9, 30),
        end: at(next, 9, 30),
        source: TurnSource::Generated,
        locked: false,
        note: String::new(),
        shadow_member_id: None,
        replaced_member_id: None,
    }
}

#[allow(clippy::too_many_arguments)]
fn interrupt(
    id: i64,
    h: u32,
    category: InterruptCategory,
    severity: Severity,
    minutes: u32,
    by: i64,
    pulled: bool,
    wait: bool,
    cause: &str,
) -> Interrupt {
    Interrupt {
        id,
        team_id: 1,
        spec: InterruptSpec {
            arrived_at: at("2026-11-23", h, 0),
            title: format!("interrupt {id}"),
            category,
            severity,
            handled_by: Some(by),
            minutes,
            pulled_off_focus: pulled,
            could_have_waited: wait,
            root_cause: cause.into(),
        },
        origin: None,
    }
}

struct Week {
    policies: Vec<DutyPolicy>,
    turns: Vec<Turn>,
    members: Vec<Member>,
    sprints: Vec<Sprint>,
    interrupts: Vec<Interrupt>,
}

fn week() -> Week {
    use InterruptCategory as C;
    use Severity as S;
    Week {
        policies: vec![DutyPolicy {
            id: 1,
            team_id: 1,
            spec: NewPolicy::new("Batman", PolicyKind::Daily).validate().unwrap(),
        }],
        turns: vec![
            turn(1, "2026-11-23", "2026-11-24"),
            turn(2, "2026-11-24", "2026-11-25"),
            turn(1, "2026-11-25", "2026-11-26"),
            turn(2, "2026-11-26", "2026-11-27"),
            turn(1, "2026-11-27", "2026-11-30"),
        ],
        members: vec![member(1, "Ana"), member(2, "Ben")],
        sprints: vec![Sprint {
            id: 1,
            team_id: 1,
            spec: SprintSpec {
                name: "Sprint 1".into(),
                start: d("2026-11-23"),
                end: d("2026-12-04"),
                goal: String::new(),
                committed_points: None,
            },
            completed_points: None,
        }],
        interrupts: vec![
            interrupt(1, 10, C::UserQuestion, S::Normal, 30, 1, false, true, ""),
            interrupt(2, 11, C::UserQuestion, S::Low, 15, 2, true, true, "Password reset"),
            interrupt(
                3,
                12,
                C::ProductionBug,
                S::Critical,
                60,
                1,
                false,
                false,
                " password  RESET ",
            ),
            interrupt(4, 13, C::ProductionBug, S::High, 45, 1, false, false, ""),
            interrupt(5, 14, C::OperationalProblem, S::High, 20, 1, false, false, ""),
        ],
    }
}

fn input(w: &Week) -> InsightInput<'_> {
    InsightInput {
        zone: Berlin,
        working_days: WorkingDays::MON_FRI,
        range: DateSpan {
            first: d("2026-11-23"),
            last: d("2026-12-04"),
        },
        interrupts: &w.interrupts,
        policies: &w.policies,
        turns: &w.turns,
        members: &w.members,
        sprints: &w.sprints,
    }
}

#[test]
fn counts_shares_heat_and_causes_by_hand() {
    let w = week();
    let s = interrupt_stats(&input(&w));
    assert_eq!((s.count, s.minutes), (5, 170));
    // Production bugs and user questions tie on count; the minutes decide (105 against 45).
    assert_eq!(s.by_category[0].key, "production_bug");
    assert_eq!((s.by_category[0].count, s.by_category[0].minutes), (2, 105));
    assert_eq!(s.by_category[1].key, "user_question");
    let severities: Vec<&str> = s.by_severity.iter().map(|t| t.key.as_str()).collect();
    assert_eq!(severities, ["critical", "high", "normal", "low"]);
    assert_eq!((s.handled_on_duty.count, s.handled_on_duty.percent), (4, 80));
    assert_eq!((s.pulled_off_focus.count, s.pulled_off_focus.percent), (1, 20));
    assert_eq!((s.could_have_waited.count, s.could_have_waited.percent), (2, 40));
    assert_eq!((s.urgent.count, s.urgent.percent), (3, 60));
    for h in 10..=14 {
        assert_eq!(s.heat[0][h], 1, "Monday {h}:00");
    }
    assert_eq!(s.heat.iter().flatten().sum::<u32>(), 5);
    assert_eq!(s.recurring_causes.len(), 1);
    assert_eq!((s.recurring_causes[0].count, s.recurring_causes[0].minutes), (2, 75));
    let ana = &s.per_person[0];
    assert_eq!((ana.on_duty, ana.on_duty_minutes, ana.off_duty), (4, 155, 0));
    let ben = &s.per_person[1];
    assert_eq!((ben.on_duty, ben.off_duty, ben.off_duty_minutes), (0, 1, 15));
    // 170 minutes of 160 team hours (10 working days × 8 h × 2 people): 2 %.
    assert_eq!(s.per_sprint[0].ops_percent, 2);
}

#[test]
fn load_limits_are_checked_with_their_numbers() {
    let w = week();
    let s = interrupt_stats(&input(&w));
    let kinds: Vec<LimitKind> = s.breaches.iter().map(|b| b.kind).collect();
    // In time order: Ana on call 3 of the sprint's 10 working days (30 %; Ben's 2 of 10 stay
    // within the limit), then three critical/high interrupts between 09:30 and 21:30 on Monday.
    assert_eq!(
        kinds,
        [LimitKind::OnCallShare, LimitKind::IncidentsPerShift],
        "{:#?}",
        s.breaches
    );
    let (on_call, shift) = (&s.breaches[0].message, &s.breaches[1].message);
    assert!(on_call.contains("Ana was on call 30 %"), "{on_call}");
    assert!(shift.starts_with("3 critical or high interrupts"), "{shift}");
}

#[test]
fn observations_carry_their_numbers() {
    let w = week();
    let s = interrupt_stats(&input(&w));
    let all = s.observations.join("\n");
    assert!(all.contains("40 % of interrupts were production bug"), "{all}");
    assert!(all.contains("40 % could have waited (2 of 5)"), "{all}");
    assert!(all.contains("20 % pulled someone off focus work (1 of 5)"), "{all}");
    assert!(all.contains("80 % were handled by the person on duty"), "{all}");
    assert!(all.contains("came back 2 times (75 minutes)"), "{all}");
}

#[test]
fn an_empty_log_says_nothing_argues_for_a_shield() {
    let mut w = week();
    w.interrupts.clear();
    let s = interrupt_stats(&input(&w));
    assert_eq!(s.count, 0);
    assert_eq!(s.handled_on_duty.percent, 0);
    assert!(s.observations[0].contains("nothing here argues for a shield"));
    assert!(s.breaches.iter().all(|b| b.kind == LimitKind::OnCallShare));
}

#[test]
fn operational_work_over_half_the_team_s_time_is_a_breach() {
    // Two people, ten working days of 8 hours: 160 team hours in Sprint 1. The week's five
    // interrupts take 170 minutes; 4 630 minutes more make exactly 80 hours — 50 %, allowed —
    // and 170 minutes more (82.8 hours, 52 %) tip it over.
    let days = [
        "2026-11-24",
        "2026-11-25",
        "2026-11-26",
        "2026-11-27",
        "2026-11-30",
        "2026-12-01",
        "2026-12-02",
        "2026-12-03",
        "2026-12-04",
        "2026-11-23",
    ];
    let long = |id: i64, day: &str, minutes: u32| {
        let mut i = interrupt(
            id,
            8,
            InterruptCategory::OperationalProblem,
            Severity::Low,
            minutes,
            2,
            true,
            false,
            "",
        );
        i.spec.arrived_at = at(day, 8, 0);
        i
    };
    let mut w = week();
    for (k, day) in days.iter().enumerate().take(9) {
        w.interrupts.push(long(100 + k as i64, day, 480));
    }
    w.interrupts.push(long(200, days[9], 310));
    let at_limit = interrupt_stats(&input(&w));
    assert_eq!(at_limit.per_sprint[0].ops_percent, 50);
    assert!(
        at_limit.breaches.iter().all(|b| b.kind != LimitKind::OpsShare),
        "exactly 50 % is within the limit: {:#?}",
        at_limit.breaches
    );
    w.interrupts.push(long(201, days[9], 170));
    let over = interrupt_stats(&input(&w));
    let ops: Vec<&str> = over
        .breaches
        .iter()
        .filter(|b| b.kind == LimitKind::OpsShare)
        .map(|b| b.message.as_str())
        .collect();
    assert_eq!(
        ops,
        ["interrupts took 52 % of the team's time in Sprint 1; at most 50 %"]
    );
}
