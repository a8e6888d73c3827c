//! What a publish sends: the plan's events compared with what was last published in one
//! collection — new events are created, changed ones updated (with a raised `SEQUENCE`, as the
//! export does), and those gone from the published range deleted. Unchanged events send nothing.
use std::collections::HashMap;

use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::resources::{resource_href, Holder, Published};
use super::server::path_of;
use crate::calendar::reconcile::{first_day, reconcile, Recorded};
use crate::calendar::CalendarEvent;
use crate::time::DateSpan;

/// What one write does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    /// A new resource (`PUT` with `If-None-Match: *`).
    Create,
    /// A changed one (`PUT` with `If-Match: <stored ETag>`).
    Update,
    /// A removed one (`DELETE`).
    Delete,
}

/// One write to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    /// Create, update or delete.
    pub kind: ActionKind,
    /// The collection's URL.
    pub collection: String,
    /// The event's UID.
    pub uid: String,
    /// The resource's path on the server.
    pub href: String,
    /// The ETag stored for it (updates and deletes), when one was.
    pub etag: Option<String>,
    /// The event to write (for a delete: the event as last published).
    pub event: CalendarEvent,
    /// The content hash of `event`.
    pub hash: String,
    /// Who holds the turn now (none for a delete, a sprint or a release).
    pub holder: Option<Holder>,
    /// The event and holder as last published (updates and deletes).
    pub before: Option<(CalendarEvent, Option<Holder>)>,
}

/// The writes of one publish to one collection.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PublishPlan {
    /// Creates, updates and deletes, in the order of their events' starts.
    pub actions: Vec<Action>,
    /// Events already published as they are.
    pub unchanged: usize,
}

impl PublishPlan {
    /// How many writes of `kind`.
    pub fn count(&self, kind: ActionKind) -> usize {
        self.actions.iter().filter(|a| a.kind == kind).count()
    }
}

/// Compares `desired` (the plan's events over `span`, each with its holder for a turn) with
/// `published` (what the collection at `collection` last received) and lists the writes.
/// Published events outside `span` are left alone; a published event inside it that is no longer
/// planned is deleted.
pub fn plan_publish(
    collection: &str,
    desired: Vec<(CalendarEvent, Option<Holder>)>,
    published: &[Published],
    span: DateSpan,
    zone: Tz,
) -> PublishPlan {
    let mine: HashMap<&str, &Published> = published
        .iter()
        .filter(|p| p.collection == collection)
        .map(|p| (p.uid.as_str(), p))
        .collect();
    let recorded: HashMap<String, Recorded> = mine
        .values()
        .map(|p| {
            (
                p.uid.clone(),
                Recorded {
                    hash: p.hash.clone(),
                    sequence: p.sequence,
                    event: p.event.clone(),
                    first_day: first_day(&p.event, zone),
                    cancelled: false,
                },
            )
        })
        .collect();
    let mut holders: HashMap<String, Option<Holder>> = HashMap::new();
    let events: Vec<CalendarEvent> = desired
        .into_iter()
        .map(|(e, h)| {
            holders.insert(e.uid.clone(), h);
            e
        })
        .collect();
    let done = reconcile(events, &recorded, span, zone);
    let path = path_of(collection);
    let mut plan = PublishPlan::default();
    for e in done.events {
        let hash = done.hashes.get(&e.uid).cloned().unwrap_or_default();
        let holder = holders.remove(&e.uid).flatten();
        match mine.get(e.uid.as_str()) {
            Some(p) if p.hash == hash => plan.unchanged += 1,
            before => plan.actions.push(Action {
                kind: if before.is_some() {
                    ActionKind::Update
                } else {
                    ActionKind::Create
                },
                collection: collection.to_owned(),
                uid: e.uid.clone(),
                href: before.map_or_else(|| resource_href(path, &e.uid), |p| p.href.clone()),
                etag: before.and_then(|p| p.etag.clone()),
                before: before.map(|p| (p.event.clone(), p.holder.clone())),
                hash,
                holder,
                event: e,
            }),
        }
    }
    for gone in done.gone {
        let Some(p) = mine.get(gone.uid.as_str()) else { continue };
        plan.actions.push(Action {
            kind: ActionKind::Delete,
            collection: collection.to_owned(),
            uid: p.uid.clone(),
            href: p.href.clone(),
            etag: p.etag.clone(),
            event: p.event.clone(),
            hash: p.hash.clone(),
            holder: None,
            before: Some((p.event.clone(), p.holder.clone())),
        });
    }
    plan.actions
        .sort_by(|a, b| (a.event.when.sort_key(), &a.uid).cmp(&(b.event.when.sort_key(), &b.uid)));
    plan
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate, Utc};

    use super::*;
    use crate::calendar::reconcile::content_hash;
    use crate::calendar::turn_event;

    const URL: &str = "http://127.0.0.1:5232/ana/phoenix/";

    fn zone() -> Tz {
        "Europe/Berlin".parse().unwrap()
    }

    fn turn(day: u32, who: &str) -> (CalendarEvent, Option<Holder>) {
        let start: DateTime<Utc> = format!("2026-12-{day:02}T08:30:00Z").parse().unwrap();
        let end = start + chrono::Duration::days(1);
        let e = turn_event(1, format!("Batman: {who}"), start, end, None).unwrap();
        (
            e,
            Some(Holder {
                policy: "Batman".into(),
                person: who.into(),
            }),
        )
    }

    fn published(events: &[(CalendarEvent, Option<Holder>)]) -> Vec<Published> {
        events
            .iter()
            .map(|(e, h)| Published {
                collection: URL.into(),
                uid: e.uid.clone(),
                href: resource_href("/ana/phoenix/", &e.uid),
                etag: Some(format!("\"{}\"", e.uid.len())),
                hash: content_hash(e),
                sequence: e.sequence,
                event: e.clone(),
                holder: h.clone(),
                published_at: "2026-12-01T00:00:00Z".parse().unwrap(),
            })
            .collect()
    }

    fn span() -> DateSpan {
        DateSpan::new(
            NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
            "to",
        )
        .unwrap()
    }

    #[test]
    fn first_publish_creates_everything_and_a_second_sends_nothing() {
        let plan = plan_publish(URL, vec![turn(8, "Ana"), turn(9, "Ben")], &[], span(), zone());
        assert_eq!(plan.count(ActionKind::Create), 2);
        assert!(plan.actions[0]
            .href
            .starts_with("/ana/phoenix/turn-policy.1-20261208T083000Z"));
        let again = plan_publish(
            URL,
            vec![turn(8, "Ana"), turn(9, "Ben")],
            &published(&[turn(8, "Ana"), turn(9, "Ben")]),
            span(),
            zone(),
        );
        assert!(again.actions.is_empty());
        assert_eq!(again.unchanged, 2);
    }

    #[test]
    fn a_changed_holder_updates_with_the_stored_etag_and_a_raised_sequence() {
        let before = published(&[turn(8, "Ana"), turn(9, "Ben")]);
        let plan = plan_publish(URL, vec![turn(8, "Cleo"), turn(9, "Ben")], &before, span(), zone());
        assert_eq!(plan.actions.len(), 1);
        let a = &plan.actions[0];
        assert_eq!(a.kind, ActionKind::Update);
        assert_eq!(a.etag, before[0].etag);
        assert_eq!(a.href, before[0].href);
        assert_eq!(a.event.sequence, 1);
        assert_eq!(a.before.as_ref().unwrap().1.as_ref().unwrap().person, "Ana");
        assert_eq!(a.holder.as_ref().unwrap().person, "Cleo");
    }

    #[test]
    fn a_removed_event_is_deleted_only_inside_the_range() {
        let before = published(&[turn(8, "Ana"), turn(9, "Ben")]);
        let plan = plan_publish(URL, vec![turn(8, "Ana")], &before, span(), zone());
        assert_eq!(plan.actions.len(), 1);
        assert_eq!(plan.actions[0].kind, ActionKind::Delete);
        assert_eq!(plan.actions[0].uid, turn(9, "Ben").0.uid);
        let narrow = DateSpan::new(
            NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            NaiveDate::from_ymd_opt(2026, 12, 8).unwrap(),
            "to",
        )
        .unwrap();
        assert!(plan_publish(URL, vec![turn(8, "Ana")], &before, narrow, zone())
            .actions
            .is_empty());
    }

    #[test]
    fn another_collection_s_state_is_not_this_one_s() {
        let mut before = published(&[turn(8, "Ana")]);
        before[0].collection = "http://127.0.0.1:5232/ana/phoenix-ana/".into();
        let plan = plan_publish(URL, vec![turn(8, "Ana")], &before, span(), zone());
        assert_eq!(plan.count(ActionKind::Create), 1);
    }
}
