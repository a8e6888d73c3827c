//! A fault check run against every test server (Radicale and Xandikos): an event edited on the
//! server since it was published is reported, not overwritten, unless the publish is forced.
use sprintshield_caldav::servers::TestServer;
use sprintshield_core::publish::resource_href;
use sprintshield_core::rotation::Edit;
use sprintshield_core::time::DateSpan;
use sprintshield_service::PublishOptions;

use super::*;

/// Publishes Phoenix to `server`, edits one event there by hand, changes that turn in the plan:
/// the next publish reports the edit and leaves it; with `force` it overwrites it.
pub fn an_event_edited_on_the_server_is_reported_and_overwritten_only_with_force(server: &dyn TestServer, var: &str) {
    let (mut s, team) = demo_publishing_to(server, var);
    let collection = server.collection_path("phoenix");
    s.publish(team, now(), &two_weeks(), &connector(), &secrets()).unwrap();
    let turns = s.turns(team, now(), now() + chrono::Duration::days(14)).unwrap();
    let turn = turns
        .iter()
        .find(|t| t.id.is_some() && t.start > now())
        .unwrap()
        .clone();
    let href = resource_href(
        &collection,
        &sprintshield_core::calendar::turn_uid(turn.policy_id, turn.start),
    );
    // Someone edits the event in their calendar app.
    let edited = server
        .get(&href)
        .unwrap()
        .replace("SUMMARY:", "SUMMARY:Moved by hand - ");
    let status = server.put(&href, &edited);
    assert!(matches!(status, 201 | 204), "PUT answered {status}");
    // Then the plan changes that turn.
    let other = s
        .members(team)
        .unwrap()
        .into_iter()
        .find(|m| m.id != turn.member_id && m.spec.can_take_duty)
        .unwrap();
    let range = DateSpan::new(d("2026-11-23"), d("2026-12-06"), "to").unwrap();
    s.apply_edit(
        team,
        range,
        Edit::Override {
            turn_id: turn.id.unwrap(),
            member_id: other.id,
        },
        now(),
    )
    .unwrap();
    let done = s.publish(team, now(), &two_weeks(), &connector(), &secrets()).unwrap();
    assert_eq!(done.conflicts.len(), 1, "{done:?}");
    assert!(
        done.conflicts[0].contains("was edited on the calendar server; not overwritten"),
        "{}",
        done.conflicts[0]
    );
    assert!(
        done.headline
            .contains("1 event edited on the server left as they are there"),
        "{}",
        done.headline
    );
    assert!(server.get(&href).unwrap().contains("Moved by hand"), "not overwritten");
    // Still pending, and still not overwritten by a plain publish.
    assert_eq!(
        s.publish(team, now(), &two_weeks(), &connector(), &secrets())
            .unwrap()
            .conflicts
            .len(),
        1
    );
    let forced = s
        .publish(
            team,
            now(),
            &PublishOptions {
                force: true,
                ..two_weeks()
            },
            &connector(),
            &secrets(),
        )
        .unwrap();
    assert_eq!(forced.overwritten, 1);
    let text = server.get(&href).unwrap();
    assert!(
        !text.contains("Moved by hand") && text.contains(&other.spec.name),
        "{text}"
    );
    assert_eq!(
        s.publish(team, now(), &two_weeks(), &connector(), &secrets())
            .unwrap()
            .requests,
        0
    );
}
