//! The stand-up message written out: Markdown (the clipboard), Slack-compatible webhook JSON and
//! a Microsoft Teams Workflows Adaptive Card. All three are drawn from one list of lines
//! ([`Lines`]), so they cannot say different things; only emphasis and escaping differ.
use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Value};

use super::{ChatFormat, DutyPerson, PolicyDuty, Standup};
use crate::rotation::TurnSource;

/// Slack refuses a section text over 3,000 characters and a message over 50 blocks.
const SLACK_SECTION_MAX: usize = 2_900;
/// Slack refuses a header over 150 characters.
const SLACK_HEADER_MAX: usize = 150;
/// Blocks of changes at most (the rest is counted in a last line).
const SLACK_CHANGE_BLOCKS: usize = 20;

/// The heading of the changes section.
pub const CHANGES_HEADING: &str = "Changed since the last publish";

/// One policy's entry: its name, one summary line, then detail lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The policy's name.
    pub policy: String,
    /// Who is on duty, until when, and whether by override or swap.
    pub summary: String,
    /// Next person, shadow, handoff note, checklist (each one line, plain text).
    pub details: Vec<String>,
}

/// The message as plain lines, before any format's emphasis or escaping.
#[derive(Debug, Clone, PartialEq)]
pub struct Lines {
    /// "Stand-up for Phoenix, Tuesday 8 December 2026".
    pub title: String,
    /// Why there is no stand-up duty today, on a day off.
    pub note: Option<String>,
    /// One per policy; when the team has none, one sentence saying so in `none`.
    pub entries: Vec<Entry>,
    /// "Phoenix has no duty policy yet …" when `entries` is empty.
    pub none: Option<String>,
    /// The changes since the last publish.
    pub changes: Vec<String>,
}

impl Standup {
    /// A local time of the message's zone as people say it: "today 09:00", "tomorrow 09:00",
    /// else "Mon 14 Dec 09:00".
    fn when(&self, at: DateTime<Utc>) -> String {
        let local = at.with_timezone(&self.zone);
        let day = local.date_naive();
        let time = local.format("%H:%M");
        if day == self.date {
            format!("today {time}")
        } else if Some(day) == self.date.checked_add_signed(Duration::days(1)) {
            format!("tomorrow {time}")
        } else {
            local.format("%a %-d %b %H:%M").to_string()
        }
    }

    fn how(p: &DutyPerson) -> String {
        match (p.source, &p.planned) {
            (TurnSource::Generated, _) => String::new(),
            (TurnSource::Override, Some(who)) => format!(" (override, instead of {who})"),
            (TurnSource::Override, None) => " (override)".into(),
            (TurnSource::Swap, Some(who)) => format!(" (swapped with {who})"),
            (TurnSource::Swap, None) => " (swap)".into(),
        }
    }

    fn entry(&self, d: &PolicyDuty) -> Entry {
        let summary = match (&d.on_duty, self.working_day) {
            (Some(p), true) => format!("{}, until {}{}", p.name, self.when(p.end), Self::how(p)),
            (Some(p), false) => format!(
                "no stand-up duty today ({}'s turn runs until {})",
                p.name,
                self.when(p.end)
            ),
            (None, true) => "nobody is on duty".into(),
            (None, false) => "no stand-up duty today".into(),
        };
        let mut details = Vec::new();
        if let Some(n) = &d.next {
            details.push(format!("Next: {} from {}{}", n.name, self.when(n.start), Self::how(n)));
        } else {
            details.push("Next: nobody planned yet".into());
        }
        if let Some(s) = d.on_duty.as_ref().and_then(|p| p.shadow.as_ref()) {
            details.push(format!("Shadow: {s} (learning, not cover)"));
        }
        if let Some(note) = &d.handoff_note {
            details.push(format!("Handoff note: “{}”", one_line(note)));
        }
        if self.working_day && d.on_duty.is_some() && !d.checklist.is_empty() {
            details.push(format!("Checklist: {}", d.checklist.join(" · ")));
        }
        Entry {
            policy: d.policy.clone(),
            summary,
            details,
        }
    }

    /// The message as plain lines; every format below is drawn from these.
    pub fn lines(&self) -> Lines {
        Lines {
            title: format!("Stand-up for {}, {}", self.team, self.date.format("%A %-d %B %Y")),
            note: self.day_note.clone(),
            entries: self.duties.iter().map(|d| self.entry(d)).collect(),
            none: self.duties.is_empty().then(|| {
                format!(
                    "{} has no duty policy yet, so nobody is on duty; add one on the Rotation screen.",
                    self.team
                )
            }),
            changes: self.changes.iter().map(|c| one_line(c)).collect(),
        }
    }

    /// The message as Markdown, for the clipboard ("Copy for stand-up").
    pub fn markdown(&self) -> String {
        let l = self.lines();
        let mut out = format!("**{}**\n\n", md(&l.title));
        if let Some(n) = &l.note {
            out.push_str(&format!("_{}_\n\n", md(n)));
        }
        if let Some(n) = &l.none {
            out.push_str(&format!("{}\n", md(n)));
        }
        for e in &l.entries {
            out.push_str(&format!("- **{}**: {}\n", md(&e.policy), md(&e.summary)));
            for d in &e.details {
                out.push_str(&format!("  - {}\n", md(d)));
            }
        }
        if !l.changes.is_empty() {
            out.push_str(&format!("\n**{CHANGES_HEADING}**\n"));
            for c in &l.changes {
                out.push_str(&format!("- {}\n", md(c)));
            }
        }
        out
    }

    /// The message as Slack-compatible webhook JSON: `text` (Slack's mrkdwn, which Slack,
    /// Mattermost, Rocket.Chat and Discord's `/slack` endpoint show) and `blocks` (Slack's
    /// layout, within its limits of 150 characters a header and 3,000 a section).
    pub fn slack(&self) -> Value {
        let l = self.lines();
        let entry_text = |e: &Entry| {
            let mut t = format!("*{}*: {}", slack(&e.policy), slack(&e.summary));
            for d in &e.details {
                t.push_str(&format!("\n{}", slack(d)));
            }
            cut(&t, SLACK_SECTION_MAX)
        };
        let mut text = format!("*{}*", slack(&l.title));
        let mut blocks = vec![json!({
            "type": "header",
            "text": { "type": "plain_text", "text": cut(&l.title, SLACK_HEADER_MAX), "emoji": false }
        })];
        if let Some(n) = &l.note {
            text.push_str(&format!("\n_{}_", slack(n)));
            blocks.push(json!({ "type": "context", "elements": [{ "type": "mrkdwn", "text": slack(n) }] }));
        }
        if let Some(n) = &l.none {
            text.push_str(&format!("\n{}", slack(n)));
            blocks.push(section(&slack(n)));
        }
        for e in &l.entries {
            let body = entry_text(e);
            text.push_str(&format!("\n• {}", body.replace('\n', "\n    ")));
            blocks.push(section(&body));
        }
        if !l.changes.is_empty() {
            text.push_str(&format!("\n*{CHANGES_HEADING}*"));
            for c in &l.changes {
                text.push_str(&format!("\n• {}", slack(c)));
            }
            blocks.push(json!({ "type": "divider" }));
            let mut chunk = format!("*{CHANGES_HEADING}*");
            let mut sent = 0;
            for (i, c) in l.changes.iter().enumerate() {
                let line = format!("• {}", slack(c));
                if chunk.len() + line.len() + 1 > SLACK_SECTION_MAX {
                    if sent + 1 == SLACK_CHANGE_BLOCKS {
                        chunk.push_str(&format!("\n…and {} more", l.changes.len() - i));
                        break;
                    }
                    blocks.push(section(&chunk));
                    sent += 1;
                    chunk = String::new();
                }
                if !chunk.is_empty() {
                    chunk.push('\n');
                }
                chunk.push_str(&cut(&line, SLACK_SECTION_MAX));
            }
            blocks.push(section(&chunk));
        }
        json!({ "text": text, "blocks": blocks })
    }

    /// The message as a Microsoft Teams Workflows webhook takes it: a `message` whose one
    /// attachment is an Adaptive Card (version 1.4, full width).
    pub fn teams(&self) -> Value {
        let l = self.lines();
        let block = |text: &str| json!({ "type": "TextBlock", "text": text, "wrap": true });
        let mut body = vec![json!({
            "type": "TextBlock", "text": l.title, "wrap": true, "size": "Medium", "weight": "Bolder",
            "style": "heading"
        })];
        if let Some(n) = &l.note {
            body.push(json!({ "type": "TextBlock", "text": n, "wrap": true, "isSubtle": true }));
        }
        if let Some(n) = &l.none {
            body.push(block(n));
        }
        for e in &l.entries {
            let mut items = vec![json!({
                "type": "TextBlock", "text": format!("{}: {}", e.policy, e.summary), "wrap": true, "weight": "Bolder"
            })];
            for d in &e.details {
                items
                    .push(json!({ "type": "TextBlock", "text": d, "wrap": true, "spacing": "None", "isSubtle": true }));
            }
            body.push(json!({ "type": "Container", "spacing": "Medium", "items": items }));
        }
        if !l.changes.is_empty() {
            body.push(json!({
                "type": "TextBlock", "text": CHANGES_HEADING, "wrap": true, "weight": "Bolder",
                "spacing": "Large", "separator": true
            }));
            for c in &l.changes {
                body.push(json!({ "type": "TextBlock", "text": format!("• {c}"), "wrap": true, "spacing": "None" }));
            }
        }
        json!({
            "type": "message",
            "attachments": [{
                "contentType": "application/vnd.microsoft.card.adaptive",
                "contentUrl": null,
                "content": {
                    "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
                    "type": "AdaptiveCard",
                    "version": "1.4",
                    "msteams": { "width": "Full" },
                    "body": body
                }
            }]
        })
    }

    /// The webhook body for `format`.
    pub fn payload(&self, format: ChatFormat) -> Value {
        match format {
            ChatFormat::Slack => self.slack(),
            ChatFormat::Teams => self.teams(),
        }
    }
}

fn section(text: &str) -> Value {
    json!({ "type": "section", "text": { "type": "mrkdwn", "text": text } })
}

/// A note or change written on one line (a multi-line note would break the list).
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At most `max` bytes, cut on a character boundary with "…".
fn cut(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_owned();
    }
    let mut end = max - '…'.len_utf8();
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

/// Text for Markdown: the characters that would start emphasis, code, a link or HTML escaped,
/// and nothing else (a backslash shows as is where Markdown is not rendered, as in Slack). An
/// underscore inside a word (`job_runner`) never makes emphasis, so only one at a word's edge is.
fn md(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let inside_word = c == '_'
            && i > 0
            && chars[i - 1].is_alphanumeric()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        if matches!(c, '\\' | '*' | '`' | '[' | ']' | '<' | '>') || (c == '_' && !inside_word) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Text for Slack's mrkdwn: `&`, `<` and `>` are the characters Slack asks to escape.
fn slack(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_keeps_whole_characters() {
        assert_eq!(cut("abc", 5), "abc");
        let long = "é".repeat(10);
        let c = cut(&long, 8);
        assert!(c.len() <= 8, "{c}");
        assert!(c.ends_with('…'));
    }

    #[test]
    fn markdown_escapes_emphasis() {
        assert_eq!(md("a*b_c"), "a\\*b_c");
        assert_eq!(md("_x_ #1 a|b ~c"), "\\_x\\_ #1 a|b ~c");
        assert_eq!(slack("R&D <ops>"), "R&amp;D &lt;ops&gt;");
    }
}
