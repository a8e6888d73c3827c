//! Which kind of time off an imported event is — vacation, sick, training, else other — guessed
//! from its `CATEGORIES` first and then its title, in English and a few languages teams write
//! their calendars in ("Urlaub", "krank", "Schulung", "congé", …). The guess comes with the word
//! that decided it, so the preview can say why; the user can change it per event.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::time_off::TimeOffKind;

/// Words that mark each kind, lower-case. A word of five bytes or more also matches inside a
/// longer word ("Sommerurlaub", "sickleave"); shorter ones only as whole words ("ill", "pto").
const WORDS: &[(TimeOffKind, &[&str])] = &[
    (
        TimeOffKind::Sick,
        &[
            "sick", "ill", "illness", "krank", "arzt", "doctor", "medical", "malade", "maladie", "enfermo", "ziek",
            "unwell",
        ],
    ),
    (
        TimeOffKind::Training,
        &[
            "training",
            "course",
            "workshop",
            "conference",
            "seminar",
            "schulung",
            "fortbildung",
            "weiterbildung",
            "konferenz",
            "formation",
            "certification",
            "bootcamp",
        ],
    ),
    (
        TimeOffKind::Vacation,
        &[
            "vacation",
            "holiday",
            "holidays",
            "leave",
            "pto",
            "urlaub",
            "ferien",
            "vacances",
            "congé",
            "conge",
            "vacaciones",
            "vakantie",
        ],
    ),
];

/// A guessed kind and what it was guessed from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct KindGuess {
    /// The kind.
    pub kind: TimeOffKind,
    /// Why, e.g. `category "Vacation"` or `"urlaub" in the title`; empty for `Other`.
    pub reason: String,
}

/// Guesses the kind of an event with these categories and this title. A title that ends with a
/// kind in parentheses — "Away: Ann Lee (sick)", as Sprintshield exports time off — says it
/// outright, whatever other words it holds (a member called "Sick Sam").
pub fn guess_kind(categories: &[String], summary: &str) -> KindGuess {
    if let Some(kind) = trailing_kind(summary) {
        return KindGuess {
            kind,
            reason: format!("\"({})\" in the title", kind.name()),
        };
    }
    for c in categories {
        if let Some(kind) = kind_in(c).map(|(k, _)| k) {
            return KindGuess {
                kind,
                reason: format!("category \"{}\"", c.trim()),
            };
        }
    }
    match kind_in(summary) {
        Some((kind, word)) => KindGuess {
            kind,
            reason: format!("\"{word}\" in the title"),
        },
        None => KindGuess {
            kind: TimeOffKind::Other,
            reason: String::new(),
        },
    }
}

/// The kind named alone in parentheses at the end of `summary`, e.g. "(vacation)".
fn trailing_kind(summary: &str) -> Option<TimeOffKind> {
    let inner = summary.trim().strip_suffix(')')?;
    let (_, word) = inner.rsplit_once('(')?;
    TimeOffKind::ALL
        .iter()
        .copied()
        .find(|k| word.trim().eq_ignore_ascii_case(k.name()) || word.trim().eq_ignore_ascii_case(k.label()))
}

/// The first kind (sick before training before vacation) one of whose words is in `text`, with
/// the word of `text` that matched.
fn kind_in(text: &str) -> Option<(TimeOffKind, String)> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    WORDS.iter().find_map(|(kind, marks)| {
        words
            .iter()
            .find(|w| {
                marks
                    .iter()
                    .any(|m| w.as_str() == *m || (m.len() >= 5 && w.contains(m)))
            })
            .map(|w| (*kind, w.clone()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(categories: &[&str], summary: &str) -> TimeOffKind {
        let c: Vec<String> = categories.iter().map(|s| s.to_string()).collect();
        guess_kind(&c, summary).kind
    }

    #[test]
    fn categories_decide_before_the_title() {
        assert_eq!(kind(&["Vacation"], "Ann: dentist"), TimeOffKind::Vacation);
        let g = guess_kind(&["Red Category".into(), "Sick leave".into()], "Off");
        assert_eq!(g.kind, TimeOffKind::Sick);
        assert_eq!(g.reason, "category \"Sick leave\"");
    }

    #[test]
    fn titles_in_several_languages() {
        assert_eq!(kind(&[], "Summer vacation, Italy"), TimeOffKind::Vacation);
        assert_eq!(kind(&[], "Sommerurlaub Kroatien"), TimeOffKind::Vacation);
        assert_eq!(kind(&[], "Ann krankgemeldet"), TimeOffKind::Sick);
        assert_eq!(kind(&[], "Cy - training"), TimeOffKind::Training);
        assert_eq!(kind(&[], "RustConf (conference)"), TimeOffKind::Training);
        assert_eq!(kind(&[], "Congé parental"), TimeOffKind::Vacation);
        assert_eq!(kind(&[], "PTO"), TimeOffKind::Vacation);
        assert_eq!(
            kind(&[], "Jill out"),
            TimeOffKind::Other,
            "short words only as whole words"
        );
        assert_eq!(kind(&[], "Out of office"), TimeOffKind::Other);
        assert_eq!(guess_kind(&[], "Urlaub").reason, "\"urlaub\" in the title");
    }

    #[test]
    fn sprintshield_exports_read_back_as_their_kind() {
        for name in ["Ann Lee", "Sick Sam", "Ferien Fritz (Berlin)"] {
            for k in TimeOffKind::ALL {
                let summary = format!("Away: {name} ({})", k.label().to_lowercase());
                assert_eq!(kind(&["Time off"], &summary), *k, "{summary}");
            }
        }
        assert_eq!(
            guess_kind(&[], "Away: Sick Sam (other)").reason,
            "\"(other)\" in the title"
        );
    }
}
