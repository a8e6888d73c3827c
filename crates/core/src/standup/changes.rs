//! The message's "Changed since the last publish" section: what the plan's publishes changed and
//! whom it affects, from the publish diff's per-person lines ([`crate::publish::affected_lines`]).
//!
//! Two sources feed it. Lines of publishes the chat has not been told about yet come first,
//! oldest first: a chat that refused a post or did not answer hears about them with the next
//! one. Then, for the copy a scrum master reads out (never for the chat, which is only told
//! about published plans), the plan's changes not published yet, each marked as such.

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
    fn lines_are_kept_on_one_line_and_blank_ones_dropped() {
        assert_eq!(
            change_lines(&v(&["Ana:\n  Tue 8 Dec", "  "]), &v(&[""])),
            v(&["Ana: Tue 8 Dec"])
        );
        assert!(change_lines(&[], &[]).is_empty());
    }
}
