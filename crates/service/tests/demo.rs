//! Loading the demo through the service: Phoenix and Atlas with their records, the rotations
//! (Phoenix's Batman and Dev of the Week, Atlas's Op of the Week escalating to it) planned over
//! the history and the next sprint, and the Phoenix → Atlas release train with Atlas's year-end
//! freeze; a second load is refused and writes nothing; two loads on the same day are identical.
//!
//! Ported from the store's unit test, which covers only the records now that the rotations and
//! the release train are loaded by the service.
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use sprintshield_core::demo::current_sprint_start;
use sprintshield_core::release::{StoredFreeze, TrainInfo};
use sprintshield_core::rotation::{DutyPolicy, Turn};
use sprintshield_core::sprint::Sprint;
use sprintshield_core::team::Team;
use sprintshield_core::time_off::TimeOff;
use sprintshield_core::ErrorKind;
use sprintshield_service::Sprintshield;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap()
}

/// Everything the demo writes, team by team (Phoenix, then Atlas).
#[derive(Debug, PartialEq)]
struct Everything {
    teams: Vec<Team>,
    sprints: Vec<Vec<Sprint>>,
    time_off: Vec<Vec<TimeOff>>,
    policies: Vec<Vec<DutyPolicy>>,
    turns: Vec<Vec<Turn>>,
    trains: Vec<TrainInfo>,
    freezes: Vec<StoredFreeze>,
}

fn everything(s: &Sprintshield) -> Everything {
    let teams = s.teams().unwrap();
    let ids: Vec<_> = ["Phoenix", "Atlas"]
        .iter()
        .map(|n| s.team_by_name(n).unwrap().id)
        .collect();
    Everything {
        sprints: ids.iter().map(|&t| s.sprints(t).unwrap()).collect(),
        time_off: ids.iter().map(|&t| s.time_off(t).unwrap()).collect(),
        policies: ids.iter().map(|&t| s.policies(t).unwrap()).collect(),
        turns: ids.iter().map(|&t| s.rotation(t).unwrap().1).collect(),
        trains: s.release_trains().unwrap(),
        freezes: s.freezes(None).unwrap(),
        teams,
    }
}

#[test]
fn demo_loads_once_and_is_deterministic() {
    let mut a = Sprintshield::open_in_memory().unwrap();
    assert!(!a.has_demo().unwrap());
    let sum = a.load_demo(today(), now()).unwrap();
    assert_eq!(sum.teams, vec!["Phoenix", "Atlas"]);
    assert_eq!(sum.members, 9);
    // Phoenix's and Atlas's logs of the 12 weeks before 2026-11-22, a few a day each with bursts
    // after releases (core's demo generator; it was ~1 a day, 85 in all, before issue #12).
    assert_eq!(sum.interrupts, 547);
    let logged: usize = ["Phoenix", "Atlas"]
        .iter()
        .map(|n| {
            let t = a.team_by_name(n).unwrap().id;
            a.interrupts(t, &Default::default()).unwrap().len()
        })
        .sum();
    assert_eq!(logged, sum.interrupts, "every generated interrupt is stored");
    assert!(a.has_demo().unwrap());
    let phoenix = a.team_by_name("Phoenix").unwrap();
    let atlas = a.team_by_name("Atlas").unwrap();
    assert_eq!(
        a.sprints(phoenix.id).unwrap().len() + a.sprints(atlas.id).unwrap().len(),
        sum.sprints
    );

    // The rotations: Phoenix's Batman and Dev of the Week, Atlas's Op of the Week escalating to
    // Dev of the Week; every policy has turns in the history and in the next sprint.
    let names = |t| -> Vec<String> { a.policies(t).unwrap().into_iter().map(|p| p.spec.name).collect() };
    assert_eq!(names(phoenix.id), vec!["Batman", "Dev of the Week"]);
    assert_eq!(names(atlas.id), vec!["Op of the Week"]);
    let dw = a.policy_by_name(phoenix.id, "Dev of the Week").unwrap();
    let ow = a.policy_by_name(atlas.id, "Op of the Week").unwrap();
    assert_eq!(ow.spec.escalates_to, Some(dw.id));
    let (_, phoenix_turns) = a.rotation(phoenix.id).unwrap();
    let (atlas_ctx, atlas_turns) = a.rotation(atlas.id).unwrap();
    assert!(
        atlas_ctx.policies.iter().any(|p| p.id == dw.id),
        "Atlas plans with its escalation"
    );
    // The demo plans to the end of the next sprint (the running one started on 2026-11-09).
    let next_sprint = current_sprint_start(today()) + Duration::days(14);
    assert_eq!(next_sprint, NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
    for policy in a.policies(phoenix.id).unwrap().iter().chain([&ow]) {
        let turns: Vec<&Turn> = phoenix_turns
            .iter()
            .chain(&atlas_turns)
            .filter(|t| t.policy_id == policy.id)
            .collect();
        assert!(turns.iter().any(|t| t.end <= now()), "{} has history", policy.spec.name);
        assert!(
            turns
                .iter()
                .any(|t| t.start.date_naive() >= next_sprint + Duration::days(7)),
            "{} is planned into the next sprint",
            policy.spec.name
        );
        assert!(turns.iter().all(|t| t.id.is_some()));
    }
    // Atlas's Op of the Week is held by Atlas's people.
    let atlas_people: Vec<_> = a.members(atlas.id).unwrap().iter().map(|m| m.id).collect();
    assert!(atlas_turns
        .iter()
        .filter(|t| t.policy_id == ow.id)
        .all(|t| atlas_people.contains(&t.member_id)));

    // The release train: Phoenix's sprints deployed by Atlas two weeks later, never in the
    // year-end freeze.
    let trains = a.release_trains().unwrap();
    assert_eq!(trains.len(), 1);
    let train = &trains[0];
    assert_eq!(train.name, "Phoenix-Atlas");
    assert_eq!(
        (train.train.spec.dev_team_id, train.train.spec.ops_team_id),
        (phoenix.id, atlas.id)
    );
    assert_eq!(train.train.spec.lag_weeks, 2);
    let freezes = a.freezes(Some(atlas.id)).unwrap();
    assert_eq!(freezes.len(), 1);
    assert_eq!(freezes[0].window.name, "Year-end");
    let plan = a.plan_train(train.train.id, None, None).unwrap();
    assert!(!plan.releases.is_empty());
    assert!(plan
        .releases
        .iter()
        .all(|r| !freezes[0].window.contains(r.production_day)));

    // A second load is refused and changes nothing.
    let loaded = everything(&a);
    let err = a.load_demo(today(), now()).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Conflict, "{err:?}");
    assert_eq!(a.teams().unwrap().len(), 2);
    assert_eq!(everything(&a), loaded);

    // The demo of a day is always the same.
    let mut b = Sprintshield::open_in_memory().unwrap();
    b.load_demo(today(), now()).unwrap();
    assert_eq!(everything(&b), loaded);
    assert_eq!(b.plan_train(train.train.id, None, None).unwrap(), plan);
    assert_eq!(a.integrity_check().unwrap(), "ok");
}
