//! The main read-back check, run against every test server (Radicale and Xandikos): what a
//! publish leaves on the server is the plan, read back with plain PROPFIND/GET.
use std::collections::BTreeMap;

use chrono::Duration;
use sprintshield_caldav::servers::TestServer;
use sprintshield_core::calendar::requests::ExportRequest;
use sprintshield_core::calendar::sources::ExportWhat;
use sprintshield_core::publish::{resource_href, ActionKind};
use sprintshield_core::rotation::Edit;
use sprintshield_core::time::{resolve_local, DateSpan};

use super::*;

/// Publishes Phoenix to `server` (password in the environment variable `var`) and reads it
/// back: one resource per turn holding the export's event, a second publish sends nothing, one
/// override changes exactly that resource, a removed turn disappears.
pub fn publish_mirrors_the_plan_and_sends_only_what_changed(server: &dyn TestServer, var: &str) {
    let (mut s, team) = demo_publishing_to(server, var);
    let collection = server.collection_path("phoenix");
    let opts = two_weeks();
    let zone = s.team(team).unwrap().spec.zone;

    // The preview says what will be sent and sends nothing.
    let preview = s.publish_preview(team, now(), &opts).unwrap();
    assert!(preview.dry_run);
    assert!(preview.created > 5, "{preview:?}");
    assert!(
        preview
            .headline
            .starts_with(&format!("Publish {} changes affecting ", preview.created)),
        "{}",
        preview.headline
    );
    assert!(!preview.affected.is_empty());
    assert!(server.list(&collection).is_empty(), "{}", server.name());

    let first = s.publish(team, now(), &opts, &connector(), &secrets()).unwrap();
    assert!(first.calendar_created, "MKCALENDAR made the collection");
    assert_eq!(first.created, preview.created);
    assert!(
        first
            .headline
            .starts_with(&format!("Published {} changes to 127.0.0.1:", first.created)),
        "{}",
        first.headline
    );

    // Every turn of the range is one resource, under its UID, holding the export's event.
    let listed: BTreeMap<String, String> = server.list(&collection).into_iter().collect();
    assert_eq!(listed.len(), first.created);
    let export = s
        .export_preview(
            &ExportRequest {
                team_id: team,
                member_id: None,
                policy_id: None,
                what: vec![ExportWhat::Turns],
                from: d("2026-11-23"),
                to: d("2026-12-06"),
            },
            now(),
        )
        .unwrap();
    assert_eq!(export.events.len(), listed.len());
    let from = resolve_local(zone, d("2026-11-23").and_hms_opt(0, 0, 0).unwrap()) - Duration::days(7);
    let to = resolve_local(zone, d("2026-12-07").and_hms_opt(0, 0, 0).unwrap());
    let turns = s.turns(team, from, to).unwrap();
    let members = s.members(team).unwrap();
    for e in &export.events {
        let href = resource_href(&collection, &e.uid);
        let text = server.get(&href).unwrap_or_else(|| panic!("{href} is on the server"));
        assert!(text.contains(&format!("UID:{}", e.uid)), "{text}");
        assert!(text.contains("TRANSP:TRANSPARENT"), "{text}");
        assert!(text.contains("SEQUENCE:0"), "{text}");
        assert!(!text.contains("METHOD:"), "{text}");
        // The turn it shows is the stored one (what `rotation show` lists): same holder.
        let turn = turns
            .iter()
            .find(|t| sprintshield_core::calendar::turn_uid(t.policy_id, t.start) == e.uid)
            .expect("a stored turn");
        let holder = members.iter().find(|m| m.id == turn.member_id).unwrap();
        assert!(text.contains(&holder.spec.name), "{} in {text}", holder.spec.name);
    }
    assert!(server
        .get(&resource_href(&collection, &export.events[0].uid))
        .unwrap()
        .contains("BEGIN:VTIMEZONE"));

    // A second publish with no change sends no request at all.
    let second = s.publish(team, now(), &opts, &connector(), &secrets()).unwrap();
    assert_eq!(
        (second.created, second.updated, second.deleted, second.requests),
        (0, 0, 0, 0)
    );
    assert_eq!(second.unchanged, first.created);
    assert!(second.headline.starts_with("Nothing to publish"), "{}", second.headline);
    assert_eq!(server.list(&collection).into_iter().collect::<BTreeMap<_, _>>(), listed);

    // One override: exactly that resource changes (same href, new ETag, raised SEQUENCE).
    let target_turn = turns.iter().find(|t| t.start > now() && t.id.is_some()).unwrap();
    let other = members
        .iter()
        .find(|m| m.id != target_turn.member_id && m.spec.can_take_duty)
        .unwrap();
    let range = DateSpan::new(d("2026-11-23"), d("2026-12-06"), "to").unwrap();
    s.apply_edit(
        team,
        range,
        Edit::Override {
            turn_id: target_turn.id.unwrap(),
            member_id: other.id,
        },
        now(),
    )
    .unwrap();
    let third_preview = s.publish_preview(team, now(), &opts).unwrap();
    let updates: Vec<_> = third_preview
        .changes
        .iter()
        .filter(|c| c.kind == ActionKind::Update)
        .collect();
    assert!(!updates.is_empty());
    assert!(
        third_preview
            .affected
            .iter()
            .any(|l| l.starts_with(&format!("{}:", other.spec.name))),
        "{:?}",
        third_preview.affected
    );
    let third = s.publish(team, now(), &opts, &connector(), &secrets()).unwrap();
    let after: BTreeMap<String, String> = server.list(&collection).into_iter().collect();
    assert_eq!(after.len(), listed.len());
    let changed: Vec<&String> = after
        .iter()
        .filter(|(h, e)| listed.get(*h) != Some(e))
        .map(|(h, _)| h)
        .collect();
    assert_eq!(
        changed.len(),
        third.updated + third.created,
        "only the changed resources got new ETags"
    );
    let overridden = resource_href(
        &collection,
        &sprintshield_core::calendar::turn_uid(target_turn.policy_id, target_turn.start),
    );
    assert!(changed.contains(&&overridden), "{changed:?}");
    let text = server.get(&overridden).unwrap();
    assert!(text.contains(&other.spec.name) && text.contains("SEQUENCE:1"), "{text}");

    // A removed turn disappears from the server.
    let now_turns = s.turns(team, from, to).unwrap();
    let dropped = now_turns
        .iter()
        .rev()
        .find(|t| t.start > now() && t.id != target_turn.id)
        .unwrap()
        .clone();
    s.restore_turns(team, range, std::slice::from_ref(&dropped), &[], now())
        .unwrap();
    let fourth = s.publish(team, now(), &opts, &connector(), &secrets()).unwrap();
    assert_eq!(fourth.deleted, 1, "{fourth:?}");
    let gone = resource_href(
        &collection,
        &sprintshield_core::calendar::turn_uid(dropped.policy_id, dropped.start),
    );
    assert_eq!(server.get(&gone), None);
    assert_eq!(server.list(&collection).len(), listed.len() - 1);
    let status = s.publish_status(team, now()).unwrap();
    assert_eq!(status.published_events, listed.len() - 1);
    assert!(status.calendar.unwrap().last_published_at.is_some());
}
