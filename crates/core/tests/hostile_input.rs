//! Hostile input through every validating constructor that takes text or dates: control
//! characters, bidi overrides, 70,000-character pastes, empty names and years out of range all get
//! an `Invalid` on the right field with a sentence a scrum master understands — never a panic.
use chrono::{NaiveDate, TimeZone, Utc};
use sprintshield_core::interrupt::{InterruptCategory, NewInterrupt, Severity};
use sprintshield_core::member::NewMember;
use sprintshield_core::release::{FreezeSpan, FreezeWindow, MonthDay};
use sprintshield_core::rotation::{validate_note, NewPolicy, PolicyKind};
use sprintshield_core::sprint::NewSprint;
use sprintshield_core::team::{validate_name, NewTeam, TeamKind};
use sprintshield_core::text::{CHECKLIST_ITEM_MAX, GOAL_MAX, NAME_MAX, NOTE_MAX, SKILL_MAX, TITLE_MAX};
use sprintshield_core::time::DateSpan;
use sprintshield_core::time_off::{NewHoliday, NewTimeOff, TimeOffKind};
use sprintshield_core::Invalid;

const HUGE: usize = 70_000;

/// Names that must be refused, with a word the message must contain.
fn hostile_names() -> Vec<(String, &'static str)> {
    vec![
        ("Pho\nenix".to_owned(), "line break"),
        ("Pho\tenix".to_owned(), "tab"),
        ("Pho\u{7}enix".to_owned(), "control character (U+0007)"),
        ("Pho\u{202E}xinee".to_owned(), "(U+202E)"),
        ("x".repeat(HUGE), "70000 characters long"),
        (String::new(), "needs a name"),
        ("  \t ".to_owned(), "needs a name"),
    ]
}

fn assert_invalid(result: Result<impl std::fmt::Debug, Invalid>, field: &str, needle: &str) {
    let e = result.expect_err("hostile input was accepted");
    assert_eq!(e.field, field, "{}", e.message);
    assert!(e.message.contains(needle), "expected {needle:?} in {:?}", e.message);
    assert!(
        e.message.chars().count() < 200,
        "message too long: {} chars",
        e.message.len()
    );
}

fn team(name: &str) -> NewTeam {
    NewTeam {
        name: name.into(),
        kind: TeamKind::Dev,
        zone: "Europe/Berlin".into(),
        working_days: None,
        sprint_length_days: None,
    }
}

fn member(name: &str) -> NewMember {
    NewMember {
        name: name.into(),
        ..Default::default()
    }
}

fn sprint(name: &str, goal: &str) -> NewSprint {
    NewSprint {
        name: name.into(),
        start: "2026-06-01".into(),
        end: "2026-06-12".into(),
        goal: goal.into(),
        committed_points: None,
    }
}

fn time_off(first: &str, last: &str, note: &str) -> NewTimeOff {
    NewTimeOff {
        member_id: 1,
        first_day: first.into(),
        last_day: last.into(),
        kind: TimeOffKind::Vacation,
        note: note.into(),
    }
}

fn holiday(date: &str, name: &str) -> NewHoliday {
    NewHoliday {
        date: date.into(),
        name: name.into(),
    }
}

fn interrupt(at: &str, title: &str, root_cause: &str) -> Result<(), Invalid> {
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
    NewInterrupt {
        arrived_at: at.into(),
        title: title.into(),
        category: InterruptCategory::ProductionBug,
        severity: Severity::High,
        handled_by: None,
        minutes: 30,
        pulled_off_focus: false,
        could_have_waited: false,
        root_cause: root_cause.into(),
    }
    .validate(chrono_tz::Europe::Berlin, now)
    .map(|_| ())
}

#[test]
fn team_names_reject_hostile_text() {
    for (name, needle) in hostile_names() {
        assert_invalid(team(&name).validate(), "name", needle);
    }
    let e = team(&"é".repeat(NAME_MAX + 1)).validate().unwrap_err();
    assert_eq!(e.message, "the team name is 81 characters long; at most 80");
}

#[test]
fn team_name_at_exactly_the_limit_is_accepted() {
    let name = "ß".repeat(NAME_MAX);
    assert_eq!(team(&format!("  {name} ")).validate().unwrap().name, name);
}

#[test]
fn validate_name_keeps_working_for_callers_outside_core() {
    // The store validates release train names through this path.
    assert_eq!(
        validate_name("name", "release train", " Phoenix-Atlas ", 80).unwrap(),
        "Phoenix-Atlas"
    );
    assert_invalid(
        validate_name("name", "release train", "Phoenix\u{7}", 80),
        "name",
        "the release train name contains a control character (U+0007)",
    );
}

#[test]
fn member_names_reject_hostile_text() {
    for (name, needle) in hostile_names() {
        assert_invalid(member(&name).validate(), "name", needle);
    }
    let e = member("Ana\u{7}").validate().unwrap_err();
    assert_eq!(
        e.message,
        "the member name contains a control character (U+0007); use plain text"
    );
    assert_eq!(
        member(&"a".repeat(NAME_MAX)).validate().unwrap().name.chars().count(),
        NAME_MAX
    );
}

#[test]
fn member_email_has_a_length_limit_and_no_controls() {
    let mut m = member("Ana");
    m.email = Some(format!("{}@example.com", "a".repeat(HUGE)));
    assert_invalid(m.clone().validate(), "email", "characters long; at most 254");
    m.email = Some("ana\u{7}@example.com".into());
    assert_invalid(m.clone().validate(), "email", "U+0007");
    m.email = Some("ana\u{202E}@example.com".into());
    assert_invalid(m.clone().validate(), "email", "U+202E");
    m.email = Some(" ana@example.com ".into());
    assert_eq!(m.clone().validate().unwrap().email.as_deref(), Some("ana@example.com"));
    m.email = Some("  ".into());
    assert_eq!(m.validate().unwrap().email, None);
}

#[test]
fn member_skills_are_plain_short_and_few() {
    let mut m = member("Ana");
    m.skills = vec!["db".into(), "front\nend".into()];
    assert_invalid(m.clone().validate(), "skills", "line break");
    m.skills = vec!["k\u{202E}8s".into()];
    assert_invalid(m.clone().validate(), "skills", "U+202E");
    m.skills = vec!["x".repeat(HUGE)];
    assert_invalid(m.clone().validate(), "skills", "at most 40");
    m.skills = vec!["y".repeat(SKILL_MAX)];
    assert!(m.clone().validate().is_ok());
    m.skills = (0..31).map(|i| format!("skill {i}")).collect();
    assert_invalid(m.clone().validate(), "skills", "at most 30 skills");
    // Duplicates count once.
    m.skills = (0..100).map(|i| format!("skill {}", i % 30)).collect();
    assert_eq!(m.validate().unwrap().skills.len(), 30);
}

#[test]
fn member_active_dates_use_the_year_rule() {
    let mut m = member("Ana");
    m.active_from = Some("0000-01-01".into());
    assert_invalid(
        m.clone().validate(),
        "active_from",
        "outside the years Sprintshield plans for",
    );
    m.active_from = None;
    m.active_until = Some("2201-01-01".into());
    assert_invalid(m.clone().validate(), "active_until", "(1900–2200)");
    m.active_until = Some("2200-12-31".into());
    assert!(m.validate().is_ok());
}

#[test]
fn sprint_names_and_goals_reject_hostile_text() {
    for (name, needle) in hostile_names() {
        assert_invalid(sprint(&name, "").validate(), "name", needle);
    }
    assert_invalid(
        sprint("Sprint 1", &"g".repeat(HUGE)).validate(),
        "goal",
        "the sprint goal is 70000 characters long; at most 1000",
    );
    assert_invalid(sprint("Sprint 1", "ship \u{7}").validate(), "goal", "U+0007");
    assert_invalid(sprint("Sprint 1", "ship \u{202E}it").validate(), "goal", "U+202E");
    let goal = sprint("Sprint 1", " Ship login\n\t- and the audit log ")
        .validate()
        .unwrap()
        .goal;
    assert_eq!(goal, "Ship login\n\t- and the audit log");
    assert_eq!(
        sprint("Sprint 1", &"g".repeat(GOAL_MAX)).validate().unwrap().goal.len(),
        GOAL_MAX
    );
}

#[test]
fn sprint_dates_use_the_year_rule() {
    let mut s = sprint("Sprint 0", "");
    s.start = "0000-01-01".into();
    s.end = "0000-01-10".into();
    assert_invalid(
        s.validate(),
        "start",
        "\"0000-01-01\" is outside the years Sprintshield plans for (1900–2200)",
    );
    let mut s = sprint("Sprint 1", "");
    s.start = "1899-12-31".into();
    assert_invalid(s.validate(), "start", "1900–2200");
    let mut s = sprint("Sprint 1", "");
    s.start = "2200-12-20".into();
    s.end = "2201-01-01".into();
    assert_invalid(s.validate(), "end", "\"2201-01-01\" is outside");
    let mut s = sprint("Sprint 1", "");
    s.start = "2200-12-20".into();
    s.end = "2200-12-31".into();
    assert!(s.validate().is_ok());
}

#[test]
fn time_off_notes_and_dates_are_checked() {
    assert_invalid(
        time_off("2026-05-10", "2026-05-12", &"n".repeat(HUGE)).validate(),
        "note",
        "at most 500",
    );
    assert_invalid(
        time_off("2026-05-10", "2026-05-12", "beach\u{7}").validate(),
        "note",
        "U+0007",
    );
    assert_invalid(
        time_off("2026-05-10", "2026-05-12", "\u{202E}hcaeb").validate(),
        "note",
        "U+202E",
    );
    let s = time_off("2026-05-10", "2026-05-12", "Lisbon\r\nback Monday")
        .validate()
        .unwrap();
    assert_eq!(s.note, "Lisbon\nback Monday");
    assert_invalid(
        time_off("0000-01-01", "0000-01-02", "").validate(),
        "first_day",
        "outside",
    );
    assert_invalid(
        time_off("2200-12-30", "2201-01-01", "").validate(),
        "last_day",
        "outside",
    );
}

#[test]
fn holiday_names_and_dates_are_checked() {
    for (name, needle) in hostile_names() {
        assert_invalid(holiday("2026-12-25", &name).validate(), "name", needle);
    }
    assert_invalid(holiday("0000-12-25", "Christmas Day").validate(), "date", "outside");
    assert!(holiday("2200-12-25", "Christmas Day").validate().is_ok());
}

#[test]
fn interrupt_titles_root_causes_and_times_are_checked() {
    for (title, needle) in hostile_names() {
        let needle = if needle == "needs a name" {
            "the interrupt needs a name"
        } else {
            needle
        };
        assert_invalid(interrupt("2026-11-20T09:30", &title, ""), "title", needle);
    }
    assert!(interrupt("2026-11-20T09:30", &"t".repeat(TITLE_MAX), "").is_ok());
    assert_invalid(
        interrupt("2026-11-20T09:30", "Disk full", &"r".repeat(HUGE)),
        "root_cause",
        "at most 2000",
    );
    assert_invalid(
        interrupt("2026-11-20T09:30", "Disk full", "cron \u{1b}[2J"),
        "root_cause",
        "U+001B",
    );
    assert!(interrupt("2026-11-20T09:30", "Disk full", "cron\n\tlogrotate").is_ok());
    assert_invalid(
        interrupt("0000-01-01T09:30", "Disk full", ""),
        "arrived_at",
        "outside the years",
    );
    assert_invalid(
        interrupt("0000-01-01T09:30:00+00:00", "Disk full", ""),
        "arrived_at",
        "outside the years",
    );
}

#[test]
fn duty_policy_names_and_checklists_are_checked() {
    for (name, needle) in hostile_names() {
        assert_invalid(NewPolicy::new(name, PolicyKind::Weekly).validate(), "name", needle);
    }
    let with = |items: Vec<String>| {
        let mut p = NewPolicy::new("Batman", PolicyKind::Daily);
        p.checklist = Some(items);
        p.validate()
    };
    assert_invalid(
        with(vec!["ok".into(), "x".repeat(HUGE)]),
        "checklist",
        "checklist item 2 is 70000",
    );
    assert_invalid(with(vec!["page\u{7}".into()]), "checklist", "U+0007");
    assert_invalid(with(vec!["page\nthe team".into()]), "checklist", "line break");
    assert_invalid(with(vec!["a".into(); 51]), "checklist", "at most 50");
    let ok = with(vec![
        "  ".into(),
        " Check backups ".into(),
        "c".repeat(CHECKLIST_ITEM_MAX),
    ])
    .unwrap();
    assert_eq!(ok.checklist.len(), 2);
    assert_eq!(ok.checklist[0], "Check backups");
}

#[test]
fn handoff_note_rule_is_the_free_text_rule() {
    assert_eq!(
        validate_note(" db-2 flaky\n\tsee INC-7 ").unwrap(),
        "db-2 flaky\n\tsee INC-7"
    );
    assert_invalid(validate_note(&"n".repeat(HUGE)), "note", "at most 2000");
    assert_invalid(validate_note("\u{202E}"), "note", "U+202E");
    assert!(validate_note(&"n".repeat(NOTE_MAX)).is_ok());
}

#[test]
fn freeze_windows_check_names_and_years() {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let span = DateSpan::new(d(2026, 12, 20), d(2026, 12, 31), "last").unwrap();
    for (name, needle) in hostile_names() {
        assert_invalid(FreezeWindow::once(&name, span), "name", needle);
    }
    let from = MonthDay::new("from", 12, 20).unwrap();
    let to = MonthDay::new("to", 1, 6).unwrap();
    assert_invalid(FreezeWindow::yearly("Year\u{202E}end", from, to), "name", "U+202E");
    let year_zero = DateSpan::new(d(0, 1, 1), d(0, 1, 2), "last").unwrap();
    assert_invalid(FreezeWindow::once("Old", year_zero), "first", "outside the years");
    let far = FreezeSpan::Once {
        days: DateSpan {
            first: d(2026, 1, 1),
            last: NaiveDate::MAX,
        },
    };
    assert_invalid(FreezeWindow::from_span("Far", far), "last", "outside the years");
}

#[test]
fn yearly_freeze_built_without_validation_does_not_panic() {
    // A MonthDay deserialised from JSON skips MonthDay::new; day 0 must not underflow.
    let bogus = FreezeWindow {
        name: "Bogus".into(),
        span: FreezeSpan::Yearly {
            from: MonthDay { month: 2, day: 0 },
            to: MonthDay { month: 3, day: 1 },
        },
    };
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let range = DateSpan::new(d(2026, 1, 1), d(2027, 12, 31), "last").unwrap();
    assert!(bogus.spans_in(range).is_empty());
}
