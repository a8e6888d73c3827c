//! Release operations of the service over the demo teams: the demo's train, adding and changing
//! trains (rejected changes write nothing), yearly freeze windows, the train plan (releases moved
//! out of freezes, duty cover or a warning), and hand placements: a tried pin stores nothing, a
//! pin moves a release, a second pin replaces the first, unpinning gives the release back to the
//! planner. Pins are checked through `plan_train` (a pinned release has `pinned == true`).
//!
//! Ported from the store's unit test (before the service existed, the store planned trains).
use chrono::{Datelike, Duration, NaiveDate, TimeZone, Utc, Weekday};
use sprintshield_core::release::{parse_yearly, FreezeWindow, ReleasePin, RoutineEvents, TrainPlan, WarningKind};
use sprintshield_core::{ErrorKind, Id};
use sprintshield_service::{Changes, Record, Sprintshield};

fn demo() -> Sprintshield {
    let mut s = Sprintshield::open_in_memory().unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
    s.load_demo(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(), now)
        .unwrap();
    s
}

/// The pinned releases of a plan, as (sprint, production day).
fn pins(plan: &TrainPlan) -> Vec<(Id, NaiveDate)> {
    plan.releases
        .iter()
        .filter(|r| r.pinned)
        .map(|r| (r.sprint_id, r.production_day))
        .collect()
}

#[test]
fn trains_freezes_and_pins_round_trip() {
    let mut s = demo();
    let dev = s.team_by_name("Phoenix").unwrap().id;
    let ops = s.team_by_name("Atlas").unwrap().id;
    // The demo links Phoenix to Atlas already.
    let t = s.release_train_by_name("phoenix-atlas").unwrap();
    assert_eq!((t.train.spec.dev_team_id, t.train.spec.ops_team_id), (dev, ops));
    assert_eq!(t.train.spec.lag_weeks, 2);
    let trains = s.release_trains().unwrap();
    let err = s.add_release_train(None, dev, ops, None, None).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Conflict, "{err:?}");
    assert!(s.add_release_train(Some("Self"), dev, dev, None, None).is_err());
    assert_eq!(s.release_trains().unwrap(), trains, "a rejected train writes nothing");
    let added = s.add_release_train(Some("Fast lane"), dev, ops, Some(1), None).unwrap();
    let other = added.value.clone();
    assert_eq!(other.name, "Fast lane");
    assert_eq!(added.changes, Changes::created(Record::ReleaseTrain(other.clone())));
    let friday = RoutineEvents {
        release_weekday: Weekday::Fri,
        ..RoutineEvents::default()
    };
    let changed = s.update_release_train(other.train.id, None, friday.clone()).unwrap();
    assert_eq!(
        (changed.value.train.spec.lag_weeks, &changed.value.train.spec.routine),
        (1, &friday)
    );
    assert_eq!(
        changed.changes,
        Changes::edited(
            Record::ReleaseTrain(other.clone()),
            Record::ReleaseTrain(changed.value.clone())
        )
    );
    let changed = changed.value;
    let bad = RoutineEvents {
        min_lag_days: 0,
        ..friday.clone()
    };
    let err = s.update_release_train(other.train.id, Some(3), bad).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("min_lag_days"), "{err:?}");
    assert_eq!(
        s.release_train(other.train.id).unwrap(),
        changed,
        "a rejected change writes nothing"
    );
    let plan = s.plan_train(other.train.id, None, None).unwrap();
    assert!(plan
        .releases
        .iter()
        .all(|r| r.production_day.weekday() == Weekday::Fri || r.pinned));
    assert_eq!(s.release_trains().unwrap().len(), 2);

    let (from, to) = parse_yearly("12-15..01-06").unwrap();
    let f = s
        .add_freeze(ops, FreezeWindow::yearly("Holiday season", from, to).unwrap())
        .unwrap();
    assert_eq!(f.changes, Changes::created(Record::Freeze(f.value.clone())));
    let f = f.value;
    let freezes = s.freezes(Some(ops)).unwrap();
    assert!(s
        .add_freeze(ops, FreezeWindow::yearly("holiday SEASON", from, to).unwrap())
        .is_err());
    assert_eq!(
        s.freezes(Some(ops)).unwrap(),
        freezes,
        "a duplicate freeze writes nothing"
    );
    assert!(parse_yearly("12-20").is_err());
    assert!(freezes.contains(&f));

    let plan = s.plan_train(t.train.id, None, None).unwrap();
    assert_eq!(plan.releases.len(), plan.sprints.len());
    assert!(!plan.freezes.is_empty(), "the year-end freeze is in range");
    // No release lands in the year-end freeze: the planner moves them and says why.
    for r in &plan.releases {
        assert!(!f.window.contains(r.production_day), "{r:?}");
    }
    assert!(plan.releases.iter().any(|r| r.moved_from.is_some()));
    // Each release is either covered by someone on Atlas duty or warns that nobody is.
    assert!(plan
        .releases
        .iter()
        .all(|r| !r.on_duty.is_empty() || r.warnings.iter().any(|w| w.kind == WarningKind::NoDutyCover)));
    assert!(pins(&plan).is_empty(), "the demo pins nothing");

    let sprint = plan.sprints[0].id;
    assert_eq!(plan.releases[0].sprint_id, sprint);
    let day = plan.releases[0].production_day + Duration::days(7);
    let preview = s
        .plan_train(
            t.train.id,
            None,
            Some(ReleasePin {
                sprint_id: sprint,
                production_day: day,
            }),
        )
        .unwrap();
    assert!(preview.releases.iter().any(|r| r.pinned && r.production_day == day));
    assert_eq!(
        s.plan_train(t.train.id, None, None).unwrap(),
        plan,
        "a preview stores nothing"
    );

    let pinned = s.pin_release(t.train.id, sprint, day).unwrap();
    let first_pin = ReleasePin {
        sprint_id: sprint,
        production_day: day,
    };
    assert_eq!(pinned.value, first_pin);
    assert_eq!(
        pinned.changes,
        Changes::created(Record::ReleasePin {
            train_id: t.train.id,
            pin: first_pin
        })
    );
    assert_eq!(
        pins(&s.plan_train(t.train.id, None, None).unwrap()),
        vec![(sprint, day)]
    );
    // Pinning the same sprint again moves its pin (one pin per sprint).
    let moved = s.pin_release(t.train.id, sprint, day + Duration::days(7)).unwrap();
    assert_eq!(
        moved.changes,
        Changes::edited(
            Record::ReleasePin {
                train_id: t.train.id,
                pin: first_pin
            },
            Record::ReleasePin {
                train_id: t.train.id,
                pin: moved.value
            }
        )
    );
    let after_pins = s.plan_train(t.train.id, None, None).unwrap();
    assert_eq!(pins(&after_pins), vec![(sprint, day + Duration::days(7))]);
    // A sprint of the ops team is not one of this train's sprints.
    let atlas_sprint = s.sprints(ops).unwrap()[0].id;
    assert!(s.pin_release(t.train.id, atlas_sprint, day).is_err());
    assert_eq!(
        s.plan_train(t.train.id, None, None).unwrap(),
        after_pins,
        "a rejected pin writes nothing"
    );
    let unpinned = s.unpin_release(t.train.id, sprint).unwrap();
    assert_eq!(
        unpinned.changes,
        Changes::removed(Record::ReleasePin {
            train_id: t.train.id,
            pin: moved.value
        })
    );
    let back = s.plan_train(t.train.id, None, None).unwrap();
    assert!(pins(&back).is_empty());
    assert_eq!(back, plan, "unpinning gives the release back to the planner");
    assert_eq!(s.integrity_check().unwrap(), "ok");
}
