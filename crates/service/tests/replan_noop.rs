//! The re-plan after an edit keeps the plan where it was: an edit that changes nothing a turn
//! depends on previews and re-plans 0 turns and writes nothing (no extra turn after the plan's
//! last one, no rewrite of the turn running into today), on the demo and on a fresh team planned
//! for one sprint. Plans (and their previews) start at whole seconds, as the store keeps them,
//! even when the clock passed in has nanoseconds.
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Timelike, Utc};
use sprintshield_core::member::{Member, NewMember};
use sprintshield_core::rotation::{DutyPolicy, NewPolicy, PolicyKind, Turn};
use sprintshield_core::team::{NewTeam, Team, TeamKind};
use sprintshield_core::time::DateSpan;
use sprintshield_core::Id;
use sprintshield_service::{Changes, Sprintshield};

fn now() -> DateTime<Utc> {
    // A Sunday midday in Europe; the running turns started on Friday or earlier.
    Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap()
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn turns(app: &Sprintshield, team: Id) -> Vec<Turn> {
    app.rotation(team).unwrap().1
}

fn policies(app: &Sprintshield, team: Id) -> Vec<DutyPolicy> {
    app.rotation(team)
        .unwrap()
        .0
        .policies
        .into_iter()
        .filter(|p| p.team_id == team)
        .collect()
}

/// The policy as the editor would send it back unchanged.
fn unchanged_policy(p: &DutyPolicy) -> NewPolicy {
    let s = &p.spec;
    let time = s.handoff.time.format("%H:%M").to_string();
    NewPolicy {
        name: s.name.clone(),
        kind: s.kind,
        handoff: Some(match s.kind {
            PolicyKind::Weekly => format!("{} {time}", s.handoff.weekday.to_string().to_uppercase()),
            _ => time,
        }),
        pool: s.pool.clone(),
        focus_share_percent: Some(i64::from(s.focus_share_percent)),
        checklist: Some(s.checklist.clone()),
        escalates_to: s.escalates_to,
        shadow_pool: s.shadow_pool.clone(),
        min_gap_turns: Some(i64::from(s.min_gap_turns)),
        weights: Some(s.weights),
        standing_member_id: s.standing.map(|c| c.member_id),
        stand_in_id: s.standing.and_then(|c| c.stand_in_id),
    }
}

fn unchanged_member(m: &Member) -> NewMember {
    let s = &m.spec;
    NewMember {
        name: s.name.clone(),
        email: s.email.clone(),
        capacity_percent: Some(i64::from(s.capacity_percent)),
        skills: s.skills.clone(),
        active_from: s.active_from.map(|d| d.to_string()),
        active_until: s.active_until.map(|d| d.to_string()),
        can_take_duty: Some(s.can_take_duty),
        colour: Some(s.colour.clone()),
    }
}

fn unchanged_team(t: &Team) -> NewTeam {
    NewTeam {
        name: t.spec.name.clone(),
        kind: t.spec.kind,
        zone: t.spec.zone.name().to_owned(),
        working_days: Some(t.spec.working_days.days()),
        sprint_length_days: Some(i64::from(t.spec.sprint_length_days)),
    }
}

fn no_turns(what: &str, c: &Changes) {
    assert!(
        c.turns.before.is_empty() && c.turns.after.is_empty(),
        "{what} changed turns: before {:#?} after {:#?}",
        c.turns.before,
        c.turns.after
    );
}

/// Every no-op edit of `team` (each policy, each member, the team) previews and re-plans 0
/// turns, and the stored turns stay exactly as they were.
fn no_op_edits_change_nothing(app: &mut Sprintshield, team: Id, now: DateTime<Utc>) {
    let before = turns(app, team);
    assert!(!before.is_empty(), "the team has a plan");
    for p in policies(app, team) {
        let effect = app.preview_policy_edit(p.id, unchanged_policy(&p), now).unwrap();
        assert_eq!(
            (effect.moved, effect.added),
            (0, 0),
            "saving {} unchanged: {}",
            p.spec.name,
            effect.sentence
        );
        assert!(
            effect.sentence.starts_with("Saving moves no future turn"),
            "{}",
            effect.sentence
        );
        let done = app.edit_policy(p.id, unchanged_policy(&p), now).unwrap();
        no_turns(&format!("saving {} unchanged", p.spec.name), &done.changes);
        assert_eq!(turns(app, team), before, "saving {} unchanged wrote turns", p.spec.name);
    }
    for m in app.members(team).unwrap() {
        let done = app.edit_member(m.id, unchanged_member(&m), now).unwrap();
        no_turns(&format!("saving {} unchanged", m.spec.name), &done.changes);
        assert_eq!(turns(app, team), before, "saving {} unchanged wrote turns", m.spec.name);
    }
    let t = app.team(team).unwrap();
    let effect = app.preview_team_edit(team, unchanged_team(&t), now).unwrap();
    assert_eq!((effect.moved, effect.added), (0, 0), "{}", effect.sentence);
    let done = app.edit_team(team, unchanged_team(&t), now).unwrap();
    no_turns("saving the team unchanged", &done.changes);
    assert_eq!(turns(app, team), before, "saving the team unchanged wrote turns");
}

/// A member given a last day after the plan's end: the re-plan runs, and it changes nothing.
fn retiring_after_the_plan_changes_nothing(app: &mut Sprintshield, team: Id, now: DateTime<Utc>) {
    let before = turns(app, team);
    let m = &app.members(team).unwrap()[0];
    let done = app.retire_member(m.id, day("2027-06-30"), now).unwrap();
    no_turns("a last day after the plan", &done.changes);
    assert_eq!(turns(app, team), before, "a last day after the plan wrote turns");
}

#[test]
fn on_the_demo_a_no_op_edit_re_plans_no_turn_and_writes_nothing() {
    let mut app = Sprintshield::open_in_memory().unwrap();
    app.load_demo(day("2026-11-22"), now()).unwrap();
    for name in ["Phoenix", "Atlas"] {
        let team = app.team_by_name(name).unwrap().id;
        no_op_edits_change_nothing(&mut app, team, now());
        retiring_after_the_plan_changes_nothing(&mut app, team, now());
    }
}

/// A new team with three people, a daily Batman and an Op of the Week, auto-planned for its
/// first sprint only (as the guided set-up does).
fn fresh_team(now: DateTime<Utc>) -> (Sprintshield, Id) {
    let mut app = Sprintshield::open_in_memory().unwrap();
    let team = app
        .create_team(NewTeam {
            name: "Vega".into(),
            kind: TeamKind::Ops,
            zone: "Europe/Berlin".into(),
            working_days: None,
            sprint_length_days: None,
        })
        .unwrap()
        .value
        .id;
    for name in ["Ana", "Ben", "Chi"] {
        app.add_member(team, member_named(name)).unwrap();
    }
    app.add_policy(team, NewPolicy::new("Batman", PolicyKind::Daily))
        .unwrap();
    app.add_policy(team, NewPolicy::new("Op of the Week", PolicyKind::Weekly))
        .unwrap();
    app.plan_rotation(
        team,
        DateSpan {
            first: day("2026-11-16"),
            last: day("2026-11-29"),
        },
        now,
    )
    .unwrap();
    (app, team)
}

fn member_named(name: &str) -> NewMember {
    NewMember {
        name: name.into(),
        email: None,
        capacity_percent: None,
        skills: Vec::new(),
        active_from: None,
        active_until: None,
        can_take_duty: None,
        colour: None,
    }
}

#[test]
fn on_a_fresh_team_planned_for_its_sprint_a_no_op_edit_re_plans_no_turn() {
    let (mut app, team) = fresh_team(now());
    no_op_edits_change_nothing(&mut app, team, now());
    retiring_after_the_plan_changes_nothing(&mut app, team, now());
}

#[test]
fn with_a_clock_within_a_second_a_no_op_edit_still_re_plans_no_turn() {
    let now = now() + Duration::nanoseconds(987_654_321);
    let (mut app, team) = fresh_team(now);
    no_op_edits_change_nothing(&mut app, team, now);
}

#[test]
fn a_plan_made_within_a_second_starts_its_turns_at_whole_seconds_as_stored() {
    // The window passes its clock with nanoseconds; the store keeps whole seconds.
    let at = now() + Duration::nanoseconds(123_456_789);
    let (mut app, team) = fresh_team(at);
    // Auto-plan of a duty with no turn, over days that started before `now`, cuts there too.
    let op = app
        .add_policy(team, NewPolicy::new("Support", PolicyKind::Weekly))
        .unwrap()
        .value;
    let horizon = DateSpan {
        first: day("2026-11-22"),
        last: day("2026-12-11"),
    };
    // The preview (Auto-plan's ghosts) is the plan that saving makes, to the second.
    let previewed = app.preview_plan(team, horizon, at).unwrap();
    let plan = app.plan_rotation(team, horizon, at).unwrap();
    let duty = |t: &Turn| (t.policy_id, t.member_id, t.start, t.end);
    assert_eq!(
        previewed.turns.iter().map(duty).collect::<Vec<_>>(),
        plan.value.turns.iter().map(duty).collect::<Vec<_>>(),
        "the preview within a second is the plan that was saved"
    );
    assert!(
        plan.changes
            .turns
            .after
            .iter()
            .any(|t| t.policy_id == op.id && t.start == now()),
        "{:#?}",
        plan.changes.turns.after
    );
    let stored = turns(&app, team);
    for t in plan.value.turns.iter().chain(&plan.changes.turns.after) {
        assert_eq!(t.start.nanosecond(), 0, "planned turn starting at {}", t.start);
        assert_eq!(t.end.nanosecond(), 0, "planned turn ending at {}", t.end);
        assert!(stored.contains(t), "the planned turn {t:?} is not the stored one");
    }
}
