//! Release planning: routine events at their local times, freezes and holidays moving a release
//! to the next valid slot, and one test per warning.
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use sprintshield_core::release::{
    plan_releases, DutyCover, FreezeWindow, MonthDay, Release, ReleaseInputs, ReleasePin, ReleaseTrainSpec, WarningKind,
};
use sprintshield_core::sprint::{Sprint, SprintSpec};
use sprintshield_core::time::{resolve_local, DateSpan};
use sprintshield_core::time_off::{Holiday, TimeOff, TimeOffKind, TimeOffSpec};

const BERLIN: Tz = chrono_tz::Europe::Berlin;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn sprint(id: i64, start: &str, end: &str) -> Sprint {
    Sprint {
        id,
        team_id: 1,
        spec: SprintSpec {
            name: format!("Sprint {id}"),
            start: d(start),
            end: d(end),
            goal: String::new(),
            committed_points: None,
        },
        completed_points: None,
    }
}

fn local(zone: Tz, day: &str, h: u32) -> DateTime<Utc> {
    resolve_local(zone, d(day).and_time(NaiveTime::from_hms_opt(h, 0, 0).unwrap()))
}

/// Weekly Op of the Week turns (Monday 12:00 handoffs) for member 7 over 2026.
fn weekly_cover(zone: Tz) -> Vec<DutyCover> {
    let mut out = Vec::new();
    let mut monday = d("2025-12-29");
    while monday < d("2027-03-01") {
        out.push(DutyCover {
            member_id: 7,
            member_name: "Ola".into(),
            start: local(zone, &monday.to_string(), 12),
            end: local(zone, &(monday + Duration::days(7)).to_string(), 12),
        });
        monday += Duration::days(7);
    }
    out
}

fn train() -> ReleaseTrainSpec {
    ReleaseTrainSpec::new(1, 2, None, None).unwrap()
}

fn kinds(r: &Release) -> Vec<WarningKind> {
    r.warnings.iter().map(|w| w.kind).collect()
}

fn holiday(day: &str, name: &str) -> Holiday {
    Holiday {
        id: 1,
        team_id: 2,
        date: d(day),
        name: name.into(),
    }
}

#[test]
fn routine_events_land_at_their_local_times() {
    let sprints = [sprint(1, "2026-03-02", "2026-03-13")];
    let cover = weekly_cover(BERLIN);
    let inputs = ReleaseInputs {
        sprints: &sprints,
        duty_cover: &cover,
        ..Default::default()
    };
    let r = &plan_releases(&train(), &inputs, BERLIN)[0];
    assert_eq!(
        r.production_day,
        d("2026-03-28"),
        "first Saturday two weeks after the sprint"
    );
    assert_eq!(r.production.to_rfc3339(), "2026-03-28T08:00:00+00:00"); // 09:00 CET
    assert_eq!(r.rc_push.to_rfc3339(), "2026-03-19T17:00:00+00:00"); // Thursday before, 18:00
    assert_eq!(r.high_alert.start.to_rfc3339(), "2026-03-28T07:00:00+00:00");
    assert_eq!(r.high_alert.end.to_rfc3339(), "2026-03-28T13:00:00+00:00");
    assert_eq!(r.regression.start.to_rfc3339(), "2026-03-16T08:00:00+00:00"); // Monday 09:00
    assert_eq!(r.regression.end, r.rc_push);
    assert_eq!(r.on_duty, [7]);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    assert_eq!(r.moved_from, None);
}

#[test]
fn local_times_hold_across_dst_in_chicago() {
    let z = chrono_tz::America::Chicago;
    // Releases on 7 March (CST) and 14 March (CDT) 2026.
    let sprints = [
        sprint(1, "2026-02-09", "2026-02-20"),
        sprint(2, "2026-02-16", "2026-02-27"),
    ];
    let cover = weekly_cover(z);
    let inputs = ReleaseInputs {
        sprints: &sprints,
        duty_cover: &cover,
        ..Default::default()
    };
    let rs = plan_releases(&train(), &inputs, z);
    for r in &rs {
        assert_eq!(
            r.production.with_timezone(&z).format("%a %H:%M").to_string(),
            "Sat 09:00"
        );
        assert_eq!(r.rc_push.with_timezone(&z).format("%a %H:%M").to_string(), "Thu 18:00");
    }
    assert_eq!(
        (rs[0].production_day, rs[1].production_day),
        (d("2026-03-07"), d("2026-03-14"))
    );
}

#[test]
fn year_end_freeze_moves_the_release_to_the_next_valid_slot() {
    let sprints = [sprint(1, "2026-11-30", "2026-12-11")];
    let freeze = [FreezeWindow::yearly(
        "Year-end freeze",
        MonthDay::new("from", 12, 20).unwrap(),
        MonthDay::new("to", 1, 6).unwrap(),
    )
    .unwrap()];
    let cover = weekly_cover(BERLIN);
    let inputs = ReleaseInputs {
        sprints: &sprints,
        freezes: &freeze,
        duty_cover: &cover,
        ..Default::default()
    };
    let r = &plan_releases(&train(), &inputs, BERLIN)[0];
    assert_eq!(r.moved_from, Some(d("2026-12-26")));
    assert_eq!(r.production_day, d("2027-01-09"), "2 Jan is still frozen");
    assert!(r.move_reason.as_deref().unwrap().contains("Year-end freeze"));
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn ops_holiday_on_push_day_moves_the_release() {
    let sprints = [sprint(1, "2026-03-02", "2026-03-13")];
    let hol = [holiday("2026-03-19", "Founders' day")];
    let cover = weekly_cover(BERLIN);
    let inputs = ReleaseInputs {
        sprints: &sprints,
        ops_holidays: &hol,
        duty_cover: &cover,
        ..Default::default()
    };
    let r = &plan_releases(&train(), &inputs, BERLIN)[0];
    assert_eq!(
        (r.moved_from, r.production_day),
        (Some(d("2026-03-28")), d("2026-04-04"))
    );
    assert!(r
        .move_reason
        .as_deref()
        .unwrap()
        .contains("release-candidate push 2026-03-19"));
}

#[test]
fn no_duty_cover_and_partial_cover_are_warned() {
    let sprints = [sprint(1, "2026-03-02", "2026-03-13")];
    let inputs = ReleaseInputs {
        sprints: &sprints,
        ..Default::default()
    };
    assert_eq!(
        kinds(&plan_releases(&train(), &inputs, BERLIN)[0]),
        [WarningKind::NoDutyCover]
    );

    let partial = [DutyCover {
        member_id: 7,
        member_name: "Ola".into(),
        start: local(BERLIN, "2026-03-28", 6),
        end: local(BERLIN, "2026-03-28", 10),
    }];
    let inputs = ReleaseInputs {
        sprints: &sprints,
        duty_cover: &partial,
        ..Default::default()
    };
    let r = &plan_releases(&train(), &inputs, BERLIN)[0];
    assert_eq!(kinds(r), [WarningKind::NoDutyCover]);
    assert!(
        r.warnings[0].message.contains("2026-03-28 10:00"),
        "{}",
        r.warnings[0].message
    );
}

#[test]
fn duty_person_on_time_off_is_warned() {
    let sprints = [sprint(1, "2026-03-02", "2026-03-13")];
    let cover = weekly_cover(BERLIN);
    let away = [TimeOff {
        id: 1,
        spec: TimeOffSpec {
            member_id: 7,
            days: DateSpan {
                first: d("2026-03-27"),
                last: d("2026-03-29"),
            },
            kind: TimeOffKind::Vacation,
            note: String::new(),
        },
    }];
    let inputs = ReleaseInputs {
        sprints: &sprints,
        duty_cover: &cover,
        ops_time_off: &away,
        ..Default::default()
    };
    let r = &plan_releases(&train(), &inputs, BERLIN)[0];
    assert_eq!(kinds(r), [WarningKind::DutyOnTimeOff]);
    assert!(r.warnings[0].message.contains("Ola"));
}

#[test]
fn pinned_release_in_freeze_on_holiday_the_day_after_the_sprint() {
    let sprints = [sprint(1, "2026-12-14", "2026-12-25")];
    let freeze = [FreezeWindow::once(
        "Launch freeze",
        DateSpan {
            first: d("2026-12-24"),
            last: d("2026-12-31"),
        },
    )
    .unwrap()];
    let hol = [holiday("2026-12-26", "Boxing Day")];
    let pins = [ReleasePin {
        sprint_id: 1,
        production_day: d("2026-12-26"),
    }];
    let cover = weekly_cover(BERLIN);
    let inputs = ReleaseInputs {
        sprints: &sprints,
        freezes: &freeze,
        ops_holidays: &hol,
        pins: &pins,
        duty_cover: &cover,
        ..Default::default()
    };
    let r = &plan_releases(&train(), &inputs, BERLIN)[0];
    assert!(r.pinned);
    assert_eq!(r.production_day, d("2026-12-26"));
    assert_eq!(
        kinds(r),
        [WarningKind::InFreeze, WarningKind::OnHoliday, WarningKind::LagTooShort]
    );
    assert!(r.warnings[2].message.contains("the day after the sprint ends"));
}

#[test]
fn one_week_lag_pushes_the_candidate_before_the_sprint_is_over() {
    let sprints = [sprint(1, "2026-03-02", "2026-03-13")];
    let cover = weekly_cover(BERLIN);
    let inputs = ReleaseInputs {
        sprints: &sprints,
        duty_cover: &cover,
        ..Default::default()
    };
    let one_week = ReleaseTrainSpec::new(1, 2, Some(1), None).unwrap();
    let r = &plan_releases(&one_week, &inputs, BERLIN)[0];
    assert_eq!(r.production_day, d("2026-03-21"));
    assert_eq!(kinds(r), [WarningKind::LagTooShort]);
    assert!(r.warnings[0].message.contains("release-candidate push"));
}

#[test]
fn two_releases_in_one_weekend_are_both_warned() {
    let sprints = [
        sprint(1, "2026-03-02", "2026-03-13"),
        sprint(2, "2026-03-16", "2026-03-27"),
    ];
    let pins = [ReleasePin {
        sprint_id: 2,
        production_day: d("2026-03-29"),
    }];
    let cover = weekly_cover(BERLIN);
    let inputs = ReleaseInputs {
        sprints: &sprints,
        pins: &pins,
        duty_cover: &cover,
        ..Default::default()
    };
    let rs = plan_releases(&train(), &inputs, BERLIN);
    assert_eq!(rs[0].production_day, d("2026-03-28"));
    assert!(kinds(&rs[0]).contains(&WarningKind::TwoInOneWeekend));
    assert!(kinds(&rs[1]).contains(&WarningKind::TwoInOneWeekend));
    assert!(rs[0].warnings.iter().any(|w| w.message.contains("Sprint 2")));
}

#[test]
fn no_valid_slot_within_half_a_year_is_warned() {
    let sprints = [sprint(1, "2026-03-02", "2026-03-13")];
    let freeze = [FreezeWindow::once(
        "Migration",
        DateSpan {
            first: d("2026-03-01"),
            last: d("2026-12-31"),
        },
    )
    .unwrap()];
    let cover = weekly_cover(BERLIN);
    let inputs = ReleaseInputs {
        sprints: &sprints,
        freezes: &freeze,
        duty_cover: &cover,
        ..Default::default()
    };
    let r = &plan_releases(&train(), &inputs, BERLIN)[0];
    assert_eq!(r.production_day, d("2026-03-28"));
    assert_eq!(kinds(r), [WarningKind::NoValidSlot, WarningKind::InFreeze]);
}

#[test]
fn releases_are_ordered_by_sprint_end_and_serialize() {
    let sprints = [
        sprint(2, "2026-03-16", "2026-03-27"),
        sprint(1, "2026-03-02", "2026-03-13"),
    ];
    let inputs = ReleaseInputs {
        sprints: &sprints,
        ..Default::default()
    };
    let rs = plan_releases(&train(), &inputs, BERLIN);
    assert_eq!(rs.iter().map(|r| r.sprint_id).collect::<Vec<_>>(), [1, 2]);
    let json = serde_json::to_value(&rs[0]).unwrap();
    assert_eq!(json["warnings"][0]["kind"], "no_duty_cover");
    assert_eq!(json["production_day"], "2026-03-28");
}
