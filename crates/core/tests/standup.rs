//! The stand-up message: who is on duty today per policy (overrides and swaps as stored), who is
//! next, the changes since the last publish, a DST day, a day off, and the three formats saying
//! the same thing within the chat services' limits.
mod rotation_support;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;
use rotation_support::{day, holiday, members, policy, utc};
use sprintshield_core::rotation::{override_turn, swap_turns, PolicyKind, RotationContext, Turn, TurnSource};
use sprintshield_core::standup::{standup, ChatFormat, Standup};
use sprintshield_core::team::{NewTeam, Team, TeamKind};
use sprintshield_core::time::{resolve_local, WorkingDays};
use sprintshield_core::Id;

const BERLIN: Tz = chrono_tz::Europe::Berlin;

fn team(working_days: Option<Vec<Weekday>>) -> Team {
    Team {
        id: 1,
        spec: NewTeam {
            name: "Phoenix".into(),
            kind: TeamKind::Dev,
            zone: "Europe/Berlin".into(),
            working_days,
            sprint_length_days: None,
        }
        .validate()
        .unwrap(),
    }
}

fn at(date: &str, hh: u32) -> DateTime<Utc> {
    resolve_local(BERLIN, day(date).and_time(NaiveTime::from_hms_opt(hh, 0, 0).unwrap()))
}

/// A turn of `policy` for `member` between two local handoffs of `hh`:00.
fn turn(id: Id, policy: Id, member: Id, from: &str, to: &str, hh: u32) -> Turn {
    let mut t = Turn::generated(policy, member, at(from, hh), at(to, hh));
    t.id = Some(id);
    t
}

/// Phoenix (Ana 1, Ben 2, Carl 3, Dana 4, Eve 5) with Batman (daily 09:00, policy 1, a
/// checklist) and Op of the Week (weekly, Monday 12:00, policy 2).
fn phoenix(working_days: Option<Vec<Weekday>>) -> (Team, RotationContext) {
    let t = team(working_days);
    let mut ctx = rotation_support::context(
        BERLIN,
        members(&["Ana", "Ben", "Carl", "Dana", "Eve"]),
        vec![
            policy(1, "Batman", PolicyKind::Daily, |p| {
                p.checklist = Some(vec!["Watch the alerts channel".into(), "Triage new bugs".into()]);
            }),
            policy(2, "Op of the Week", PolicyKind::Weekly, |p| {
                p.checklist = Some(Vec::new())
            }),
        ],
    );
    ctx.working_days = t.spec.working_days;
    (t, ctx)
}

/// Batman: Ana Mon 7, Ben Tue 8 (overridden to Dana, Eve shadowing), Carl Wed 9, Ben Thu 10,
/// Ana Fri 11 (to Mon 14). Op of the Week: Eve the week of Nov 30, Ana the week of Dec 7 and Ben
/// the week of Dec 14, the last two swapped.
fn week_of_dec_7() -> Vec<Turn> {
    let mut turns = vec![
        turn(1, 1, 1, "2026-12-07", "2026-12-08", 9),
        turn(2, 1, 2, "2026-12-08", "2026-12-09", 9),
        turn(3, 1, 3, "2026-12-09", "2026-12-10", 9),
        turn(4, 1, 2, "2026-12-10", "2026-12-11", 9),
        turn(5, 1, 1, "2026-12-11", "2026-12-14", 9),
        turn(6, 2, 5, "2026-11-30", "2026-12-07", 12),
        turn(7, 2, 1, "2026-12-07", "2026-12-14", 12),
        turn(8, 2, 2, "2026-12-14", "2026-12-21", 12),
    ];
    turns[0].note = "Deploy pipeline is flaky;\nretry once before paging".into();
    let mut turns = override_turn(&turns, 1, 4).unwrap();
    turns[1].shadow_member_id = Some(5);
    swap_turns(&turns, 6, 7).unwrap()
}

const CHANGES: [&str; 2] = ["Ana: Tue 8 → Thu 10", "Ben: now on duty Wed 9"];

fn tuesday_message() -> Standup {
    let (t, ctx) = phoenix(None);
    let changes: Vec<String> = CHANGES.iter().map(|s| (*s).to_owned()).collect();
    standup(&t, &ctx, &week_of_dec_7(), at("2026-12-08", 10), &changes)
}

#[test]
fn two_policies_with_an_override_a_swap_and_changes() {
    let m = tuesday_message();
    assert_eq!(m.date, day("2026-12-08"));
    assert!(m.working_day);
    assert_eq!(m.day_note, None);
    let batman = &m.duties[0];
    let on = batman.on_duty.as_ref().unwrap();
    assert_eq!((on.name.as_str(), on.source), ("Dana", TurnSource::Override));
    assert_eq!(on.planned.as_deref(), Some("Ben"));
    assert_eq!(on.shadow.as_deref(), Some("Eve"));
    assert_eq!(batman.next.as_ref().unwrap().name, "Carl");
    let ow = &m.duties[1];
    assert_eq!(
        ow.on_duty.as_ref().unwrap().name,
        "Ben",
        "the swap puts Ben on this week"
    );
    assert_eq!(ow.next.as_ref().unwrap().name, "Ana", "and Ana on the next");
    assert_eq!(
        m.markdown(),
        "**Stand-up for Phoenix, Tuesday 8 December 2026**\n\
         \n\
         - **Batman**: Dana, until tomorrow 09:00 (override, instead of Ben)\n  \
           - Next: Carl from tomorrow 09:00\n  \
           - Shadow: Eve (learning, not cover)\n  \
           - Handoff note: “Deploy pipeline is flaky; retry once before paging”\n  \
           - Checklist: Watch the alerts channel · Triage new bugs\n\
         - **Op of the Week**: Ben, until Mon 14 Dec 12:00 (swapped with Ana)\n  \
           - Next: Ana from Mon 14 Dec 12:00 (swapped with Ben)\n\
         \n\
         **Changed since the last publish**\n\
         - Ana: Tue 8 → Thu 10\n\
         - Ben: now on duty Wed 9\n"
    );
}

#[test]
fn before_the_handoff_the_message_names_who_takes_over_today() {
    let (t, ctx) = phoenix(None);
    let m = standup(&t, &ctx, &week_of_dec_7(), at("2026-12-08", 8), &[]);
    let batman = &m.lines().entries[0];
    assert_eq!(batman.summary, "Ana, until today 09:00");
    assert_eq!(
        batman.details[0],
        "Next: Dana from today 09:00 (override, instead of Ben)"
    );
    assert!(!m.markdown().contains("Changed since"), "no changes, no section");
}

#[test]
fn the_last_turn_planned_says_nobody_is_next() {
    let (t, ctx) = phoenix(None);
    let m = standup(&t, &ctx, &week_of_dec_7(), at("2026-12-18", 10), &[]);
    let l = m.lines();
    assert_eq!(l.entries[0].summary, "nobody is on duty");
    assert_eq!(l.entries[0].details, vec!["Next: nobody planned yet".to_owned()]);
    assert!(
        l.entries[1].summary.starts_with("Ana, until Mon 21 Dec 12:00"),
        "{:?}",
        l.entries[1]
    );
}

#[test]
fn a_weekend_says_plainly_that_there_is_no_duty_today() {
    let (t, ctx) = phoenix(None);
    let m = standup(&t, &ctx, &week_of_dec_7(), at("2026-12-12", 10), &[]);
    assert!(!m.working_day);
    assert_eq!(
        m.day_note.as_deref(),
        Some("Saturday is not a working day for Phoenix: no stand-up duty today.")
    );
    let l = m.lines();
    assert_eq!(
        l.entries[0].summary,
        "no stand-up duty today (Ana's turn runs until Mon 14 Dec 09:00)"
    );
    assert!(
        !m.markdown().contains("Checklist"),
        "no checklist on a day off: {}",
        m.markdown()
    );
    assert!(m
        .markdown()
        .contains("_Saturday is not a working day for Phoenix: no stand-up duty today._"));
}

#[test]
fn a_team_holiday_is_named() {
    let (t, mut ctx) = phoenix(None);
    ctx.holidays.push(holiday(1, "2026-12-10", "Founders' Day"));
    let m = standup(&t, &ctx, &week_of_dec_7(), at("2026-12-10", 10), &[]);
    assert!(!m.working_day);
    assert_eq!(
        m.day_note.as_deref(),
        Some("Thursday 10 December is a holiday for Phoenix (Founders' Day): no stand-up duty today.")
    );
}

#[test]
fn a_team_without_policies_is_told_how_to_get_one() {
    let (t, mut ctx) = phoenix(None);
    ctx.policies.clear();
    let m = standup(&t, &ctx, &[], at("2026-12-08", 10), &[]);
    assert!(m.duties.is_empty());
    assert!(m.markdown().contains("Phoenix has no duty policy yet"));
    assert!(m.slack()["text"]
        .as_str()
        .unwrap()
        .contains("Phoenix has no duty policy yet"));
}

/// A team that works every day, on the day Berlin moves its clocks forward (Sunday 29 March
/// 2026, 02:00 CET → 03:00 CEST): the 09:00 handoffs are 08:00 UTC on Saturday and 07:00 UTC
/// from Sunday on, and the message writes them as 09:00 either way.
#[test]
fn dst_day_keeps_handoffs_on_the_wall_clock() {
    let every_day = vec![
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
    let (t, ctx) = phoenix(Some(every_day));
    assert_eq!(ctx.working_days, WorkingDays::new(&t.spec.working_days.days()).unwrap());
    let turns = vec![
        turn(1, 1, 1, "2026-03-28", "2026-03-29", 9),
        turn(2, 1, 2, "2026-03-29", "2026-03-30", 9),
        turn(3, 1, 3, "2026-03-30", "2026-03-31", 9),
    ];
    assert_eq!(turns[0].start, utc("2026-03-28T08:00:00Z"));
    assert_eq!(turns[1].start, utc("2026-03-29T07:00:00Z"));
    // 06:30 UTC is 08:30 CEST: still Ana, Ben from 09:00 (an hour-off zone would say 07:30 / 08:00).
    let early = standup(&t, &ctx, &turns, utc("2026-03-29T06:30:00Z"), &[]);
    assert_eq!(early.date, day("2026-03-29"));
    assert!(early.working_day);
    let l = early.lines();
    assert_eq!(l.title, "Stand-up for Phoenix, Sunday 29 March 2026");
    assert_eq!(l.entries[0].summary, "Ana, until today 09:00");
    assert_eq!(l.entries[0].details[0], "Next: Ben from today 09:00");
    // 07:30 UTC is 09:30 CEST: Ben, until Monday's 09:00.
    let later = standup(&t, &ctx, &turns, utc("2026-03-29T07:30:00Z"), &[]);
    assert_eq!(later.lines().entries[0].summary, "Ben, until tomorrow 09:00");
    // 22:30 UTC on Sunday is already Monday 00:30 in Berlin.
    let night = standup(&t, &ctx, &turns, utc("2026-03-29T22:30:00Z"), &[]);
    assert_eq!(night.date, NaiveDate::from_ymd_opt(2026, 3, 30).unwrap());
    assert_eq!(night.lines().entries[0].summary, "Ben, until today 09:00");
}

#[test]
fn slack_json_carries_text_and_blocks_with_the_same_lines() {
    let m = tuesday_message();
    let v = m.payload(ChatFormat::Slack);
    let text = v["text"].as_str().unwrap();
    let blocks = v["blocks"].as_array().unwrap();
    assert_eq!(blocks[0]["type"], "header");
    assert_eq!(
        blocks[0]["text"]["text"],
        "Stand-up for Phoenix, Tuesday 8 December 2026"
    );
    let sections: Vec<&str> = blocks
        .iter()
        .filter(|b| b["type"] == "section")
        .map(|b| b["text"]["text"].as_str().unwrap())
        .collect();
    assert_eq!(sections.len(), 3, "one per policy and one for the changes: {blocks:?}");
    assert!(sections[0].starts_with("*Batman*: Dana, until tomorrow 09:00"));
    assert!(sections[1].starts_with("*Op of the Week*: Ben"));
    assert!(sections[2].starts_with("*Changed since the last publish*\n• Ana: Tue 8 → Thu 10"));
    for l in m
        .lines()
        .entries
        .iter()
        .flat_map(|e| std::iter::once(&e.summary).chain(&e.details))
    {
        assert!(text.contains(l.as_str()), "text lacks {l:?}:\n{text}");
        assert!(sections.iter().any(|s| s.contains(l.as_str())), "blocks lack {l:?}");
    }
    for c in CHANGES {
        assert!(text.contains(c));
    }
}

#[test]
fn slack_escapes_its_control_characters() {
    let (t, mut ctx) = phoenix(None);
    ctx.policies[0].spec.name = "R&D <pager>".into();
    let m = standup(&t, &ctx, &week_of_dec_7(), at("2026-12-08", 10), &[]);
    let v = m.slack();
    assert!(v["text"].as_str().unwrap().contains("*R&amp;D &lt;pager&gt;*"));
    assert!(m.markdown().contains("**R&D \\<pager\\>**"));
}

#[test]
fn slack_stays_within_its_limits_with_many_changes() {
    let (t, ctx) = phoenix(None);
    let changes: Vec<String> = (0..2_000)
        .map(|i| format!("Member number {i}: Tue 8 → Thu 10, Fri 11 → Mon 14"))
        .collect();
    let m = standup(&t, &ctx, &week_of_dec_7(), at("2026-12-08", 10), &changes);
    let v = m.slack();
    let blocks = v["blocks"].as_array().unwrap();
    assert!(blocks.len() <= 50, "{} blocks", blocks.len());
    for b in blocks {
        if let Some(s) = b["text"]["text"].as_str() {
            assert!(
                s.chars().count() <= 3_000,
                "a block of {} characters",
                s.chars().count()
            );
        }
    }
    let last = blocks.last().unwrap()["text"]["text"].as_str().unwrap();
    assert!(last.contains("more"), "the cut says how many were left: {last}");
    assert!(v["text"].as_str().unwrap().contains("Member number 1999:"));
}

#[test]
fn teams_json_is_an_adaptive_card_as_workflows_expect() {
    let m = tuesday_message();
    let v = m.payload(ChatFormat::Teams);
    assert_eq!(v["type"], "message");
    let att = &v["attachments"].as_array().unwrap()[0];
    assert_eq!(att["contentType"], "application/vnd.microsoft.card.adaptive");
    let card = &att["content"];
    assert_eq!(card["type"], "AdaptiveCard");
    assert_eq!(card["version"], "1.4");
    let texts: Vec<String> = card["body"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|b| {
            let own = b["text"].as_str().map(str::to_owned);
            let items: Vec<String> = b["items"]
                .as_array()
                .map(|i| i.iter().filter_map(|x| x["text"].as_str().map(str::to_owned)).collect())
                .unwrap_or_default();
            own.into_iter().chain(items)
        })
        .collect();
    assert_eq!(texts[0], "Stand-up for Phoenix, Tuesday 8 December 2026");
    let l = m.lines();
    for e in &l.entries {
        assert!(texts.contains(&format!("{}: {}", e.policy, e.summary)), "{texts:?}");
        for d in &e.details {
            assert!(texts.contains(d), "card lacks {d:?}");
        }
    }
    assert!(texts.contains(&"Changed since the last publish".to_owned()));
    assert!(texts.contains(&"• Ben: now on duty Wed 9".to_owned()));
}

#[test]
fn chat_format_parses_names_and_aliases() {
    assert_eq!(ChatFormat::parse("Slack").unwrap(), ChatFormat::Slack);
    assert_eq!(ChatFormat::parse("mattermost").unwrap(), ChatFormat::Slack);
    assert_eq!(ChatFormat::parse("teams").unwrap(), ChatFormat::Teams);
    let e = ChatFormat::parse("irc").unwrap_err();
    assert_eq!(
        e.message,
        "\"irc\" is not a valid chat format; choose one of: slack, teams"
    );
}
