//! Publishing Phoenix's plan to a real Radicale, read back with plain HTTP (PROPFIND, GET):
//! the calendar is created, one resource per turn holds the turn as the export writes it, a
//! second publish sends nothing, one override changes exactly that resource, a removed turn
//! disappears (the check in `publish_support/mirror.rs`, also run on Xandikos); per-member
//! calendars.
mod publish_support;

use sprintshield_caldav::radicale::Radicale;
use sprintshield_service::PublishOptions;

use publish_support::*;

#[test]
fn publish_mirrors_the_plan_and_sends_only_what_changed() {
    let server = Radicale::start();
    mirror::publish_mirrors_the_plan_and_sends_only_what_changed(&server, "SPRINTSHIELD_TEST_PW_MIRROR");
}

#[test]
fn per_member_calendars_hold_each_person_s_own_turns() {
    let server = Radicale::start();
    let (mut s, team) = demo_publishing_to(&server, "SPRINTSHIELD_TEST_PW_MEMBERS");
    s.set_calendar_target(
        team,
        &server.collection_url("phoenix"),
        sprintshield_caldav::radicale::USER,
        "SPRINTSHIELD_TEST_PW_MEMBERS",
        true,
        vec![],
    )
    .unwrap();
    let opts = PublishOptions {
        from: Some(d("2026-11-23")),
        to: Some(d("2026-11-29")),
        force: false,
    };
    let done = s.publish(team, now(), &opts, &connector(), &secrets()).unwrap();
    assert!(done.member_writes >= done.created, "{done:?}");
    let team_side = server.list(&phoenix_path()).len();
    let mut own = 0;
    let target = s.publish_status(team, now()).unwrap().calendar.unwrap();
    for m in s.members(team).unwrap() {
        let url = target.member_collection(&m.spec.name);
        let listed = server.list(sprintshield_core::publish::server::path_of(&url));
        for (href, _) in &listed {
            assert!(server.get(href).unwrap().contains(&m.spec.name), "{href}");
        }
        own += listed.len();
    }
    assert_eq!(own, team_side, "every turn is in its holder's own calendar once");
    assert_eq!(
        s.publish(team, now(), &opts, &connector(), &secrets())
            .unwrap()
            .requests,
        0
    );
}
