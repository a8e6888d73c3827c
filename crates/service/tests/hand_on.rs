//! Someone who is away from today (retired, or off sick) while holding the running duty hands
//! it on at `now`: they keep the part before `now` (history), the rest goes to someone else who
//! covers for them, the change says so turn by turn, and undo gives the whole turn back. A locked
//! turn and a turn whose holder is away only later are not cut.
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use sprintshield_core::rotation::Turn;
use sprintshield_core::time::DateSpan;
use sprintshield_core::time_off::{NewTimeOff, TimeOffKind};
use sprintshield_core::Id;
use sprintshield_service::Sprintshield;

/// Wednesday 25 Nov 2026, 13:00 in Berlin: Phoenix's Dev of the Week has run since Monday 12:00,
/// today's Batman since 09:30.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap()
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

struct Demo {
    app: Sprintshield,
    team: Id,
}

fn demo() -> Demo {
    let mut app = Sprintshield::open_in_memory().unwrap();
    app.load_demo(day("2026-11-25"), now()).unwrap();
    let team = app.team_by_name("Phoenix").unwrap().id;
    Demo { app, team }
}

impl Demo {
    fn policy(&self, name: &str) -> Id {
        self.app.policy_by_name(self.team, name).unwrap().id
    }
    fn turns(&self, policy: Id) -> Vec<Turn> {
        let (_, turns) = self.app.rotation(self.team).unwrap();
        turns.into_iter().filter(|t| t.policy_id == policy).collect()
    }
    fn running(&self, policy: Id) -> Turn {
        self.turns(policy)
            .into_iter()
            .find(|t| t.start <= now() && now() < t.end)
            .expect("a running turn")
    }
    fn name(&self, member: Id) -> String {
        let m = self.app.members(self.team).unwrap();
        let n = &m.iter().find(|m| m.id == member).unwrap().spec.name;
        n.split_whitespace().next().unwrap().to_owned()
    }
}

#[test]
fn a_member_retired_while_on_duty_hands_the_rest_of_the_turn_on_now() {
    let mut d = demo();
    let dow = d.policy("Dev of the Week");
    let running = d.running(dow);
    let leaver = running.member_id;
    let done = d.app.retire_member(leaver, day("2026-11-24"), now()).unwrap();

    let cut = d.running(dow);
    assert!(cut.start <= now() && now() < cut.end);
    let before_now: Vec<Turn> = d.turns(dow).into_iter().filter(|t| t.id == running.id).collect();
    assert_eq!(before_now.len(), 1);
    let kept = &before_now[0];
    assert_eq!(
        (kept.member_id, kept.start, kept.end),
        (leaver, running.start, now()),
        "the leaver keeps the part before now"
    );
    assert_eq!(cut.start, now(), "the rest starts now");
    assert_eq!(cut.end, running.end, "and runs to the week's handoff");
    assert_ne!(cut.member_id, leaver);
    assert_eq!(
        cut.replaced_member_id,
        Some(leaver),
        "the new holder covers for the leaver"
    );
    assert!(!cut.locked);

    // The planner's view shows no conflict left on this week, and the change says it in words.
    let week = DateSpan {
        first: day("2026-11-23"),
        last: day("2026-11-29"),
    };
    let view = d.app.rotation_view(d.team, week, now()).unwrap();
    assert!(
        view.conflicts.iter().all(|c| c.conflict.member_id != Some(leaver)),
        "{:?}",
        view.conflicts
    );
    let moves = d.app.describe_turn_moves(d.team, &done.changes, now()).unwrap();
    let line = format!(
        "{} takes over {}'s Dev of the Week turn from Wed 25 Nov 13:00",
        d.name(cut.member_id),
        d.name(leaver)
    );
    assert!(moves.lines.contains(&line), "{:#?}", moves.lines);

    // Undo gives the whole turn back.
    d.app.undo(&done.changes).unwrap();
    assert_eq!(d.running(dow), running);
}

#[test]
fn someone_off_sick_today_hands_todays_batman_on_now() {
    let mut d = demo();
    let batman = d.policy("Batman");
    let running = d.running(batman);
    let sick = running.member_id;
    let done = d
        .app
        .add_time_off(
            NewTimeOff {
                member_id: sick,
                first_day: "2026-11-25".into(),
                last_day: "2026-11-25".into(),
                kind: TimeOffKind::Sick,
                note: String::new(),
            },
            now(),
        )
        .unwrap();
    let turns = d.turns(batman);
    let kept = turns.iter().find(|t| t.id == running.id).unwrap();
    assert_eq!((kept.member_id, kept.start, kept.end), (sick, running.start, now()));
    let rest = d.running(batman);
    assert_eq!((rest.start, rest.end), (now(), running.end));
    assert_ne!(rest.member_id, sick);
    assert_eq!(rest.replaced_member_id, Some(sick));
    let moves = d.app.describe_turn_moves(d.team, &done.changes, now()).unwrap();
    assert!(
        moves
            .lines
            .iter()
            .any(|l| l.contains(&format!("takes over {}'s Batman turn", d.name(sick)))),
        "{:#?}",
        moves.lines
    );
}

#[test]
fn a_locked_turn_and_a_holder_away_only_later_keep_the_running_turn() {
    let mut d = demo();
    let dow = d.policy("Dev of the Week");
    let running = d.running(dow);
    // Away from Friday only: today the holder is here, so the running turn is not cut (the
    // conflict check names the clash for the scrum master to settle).
    d.app
        .add_time_off(
            NewTimeOff {
                member_id: running.member_id,
                first_day: "2026-11-27".into(),
                last_day: "2026-11-27".into(),
                kind: TimeOffKind::Vacation,
                note: String::new(),
            },
            now(),
        )
        .unwrap();
    assert_eq!(d.running(dow), running);

    // An override someone chose is locked: retiring its holder keeps it.
    let batman = d.policy("Batman");
    let today = d.running(batman);
    let members = d.app.members(d.team).unwrap();
    let other = members
        .iter()
        .find(|m| m.id != today.member_id && m.id != running.member_id)
        .unwrap()
        .id;
    d.app
        .apply_edit_at(
            d.team,
            batman,
            now(),
            sprintshield_service::EditAt::Override { member_id: other },
        )
        .unwrap();
    let locked = d.running(batman);
    assert!(locked.locked);
    d.app.retire_member(other, day("2026-11-24"), now()).unwrap();
    assert_eq!(d.running(batman), locked);
}
