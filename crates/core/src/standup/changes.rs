//! The message's "Changed since the last publish" section: what the plan's publishes changed and
//! whom it affects, from the publish diff's per-person lines ([`crate::publish::affected_lines`]).
//!
//! Two sources feed it. Lines of publishes the chat has not been told about yet come first,
//! oldest first: a chat that refused a post or did not answer hears about them with the next
//! one. Then, for the copy a scrum master reads out (never for the chat, which is only told
//! about published plans), the plan's changes not published yet, each marked as such.

use chrono::NaiveDate;
use chrono_tz::Tz;

use crate::calendar::reconcile::first_day;
use crate::publish::Published;

/// How a change that is only in the plan, not yet in the team calendar, is marked.
pub const NOT_PUBLISHED: &str = "(not published yet)";

/// The change lines of a stand-up message: `unannounced` (what publishes sent that the chat has
/// not carried yet, oldest first), then `unpublished` (the publish preview's lines: what
/// publishing now would change), each ending in [`NOT_PUBLISHED`]. Every line is written on
/// one line and appears once, at its first place; a change that is both published and pending
/// again (the plan moved back and forth) is listed under each.
pub fn change_lines(unannounced: &[String], unpublished: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(unannounced.len() + unpublished.len());
    let published = unannounced.iter().map(|l| one_line(l));
    let pending = unpublished
        .iter()
        .map(|l| one_line(l))
        .filter(|l| !l.is_empty())
        .map(|l| format!("{l} {NOT_PUBLISHED}"));
    for line in published.chain(pending) {
        if !line.is_empty() && !out.contains(&line) {
            out.push(line);
        }
    }
    out
}

/// The last day the team calendar at `collection` was published to: the latest first day, in
/// `zone`, of the events `published` there; `None` when nothing was. Changes to the plan up to
/// that day are changes since the last publish; days after it were never published, so a turn
/// there is not a change yet (a publish of two weeks does not make the weeks after "changed").
pub fn published_until(published: &[Published], collection: &str, zone: Tz) -> Option<NaiveDate> {
    published
        .iter()
        .filter(|p| p.collection == collection)
        .map(|p| first_day(&p.event, zone))
        .max()
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|l| (*l).to_owned()).collect()
    }

    #[test]
    fn published_lines_come_first_each_once_then_the_unpublished_marked() {
        let got = change_lines(
            &v(&[
                "Ana: Tue 8 Dec → Thu 10 Dec",
                "Ben: now on duty Tue 8 Dec",
                "Ana: Tue 8 Dec → Thu 10 Dec",
            ]),
            &v(&["Carl: no longer on duty Wed 9 Dec", "Batman Fri 11 Dec removed"]),
        );
        assert_eq!(
            got,
            v(&[
                "Ana: Tue 8 Dec → Thu 10 Dec",
                "Ben: now on duty Tue 8 Dec",
                "Carl: no longer on duty Wed 9 Dec (not published yet)",
                "Batman Fri 11 Dec removed (not published yet)",
            ])
        );
    }

    #[test]
    fn the_published_range_ends_with_the_last_event_of_the_team_calendar() {
        use crate::calendar::turn_event;
        let zone: Tz = "Europe/Berlin".parse().unwrap();
        let published = |collection: &str, start: &str| {
            let start: chrono::DateTime<chrono::Utc> = start.parse().unwrap();
            let event = turn_event(1, "Batman: Ana", start, start + chrono::Duration::days(1), None).unwrap();
            Published {
                collection: collection.into(),
                uid: event.uid.clone(),
                href: "h".into(),
                etag: None,
                hash: String::new(),
                sequence: 0,
                event,
                holder: None,
                published_at: start,
            }
        };
        let all = [
            published("team", "2026-12-07T08:30:00Z"),
            // 23:30 UTC on the 20th is already the 21st in Berlin.
            published("team", "2026-12-20T23:30:00Z"),
            published("ana", "2027-01-30T08:30:00Z"),
        ];
        assert_eq!(
            published_until(&all, "team", zone),
            NaiveDate::from_ymd_opt(2026, 12, 21)
        );
        assert_eq!(published_until(&all, "nobody", zone), None);
    }

    #[test]
    fn lines_are_kept_on_one_line_and_blank_ones_dropped() {
        assert_eq!(
            change_lines(&v(&["Ana:\n  Tue 8 Dec", "  "]), &v(&[""])),
            v(&["Ana: Tue 8 Dec"])
        );
        assert!(change_lines(&[], &[]).is_empty());
    }
}
