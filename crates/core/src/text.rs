//! Text a person typed: names (one line) and free text (notes, goals), checked before anything is
//! stored or shown.
//!
//! Names are trimmed, must not be empty, stay on one line and are limited in length. Neither names
//! nor free text may carry control characters (a BEL, an escape, a NUL…) or the invisible
//! characters that reorder or hide text (the bidi overrides U+202A–U+202E and isolates
//! U+2066–U+2069, the marks U+200E, U+200F, U+061C, the zero-width U+200B–U+200D and U+FEFF): they
//! make a name look like another one on screen, in a terminal or in an exported calendar. Free text
//! may contain line breaks and tabs. Lengths are counted in characters, as a person counts them, and
//! every limit is a named constant below so forms can show it.
use crate::Invalid;

/// Longest name of a team, member, sprint, holiday, duty policy, freeze window or release train.
pub const NAME_MAX: usize = 80;
/// Longest interrupt title.
pub const TITLE_MAX: usize = 200;
/// Longest skill tag of a member.
pub const SKILL_MAX: usize = 40;
/// Most skill tags one member can have.
pub const SKILLS_MAX: usize = 30;
/// Longest e-mail address (the limit of the mail standards).
pub const EMAIL_MAX: usize = 254;
/// Longest item of a duty checklist.
pub const CHECKLIST_ITEM_MAX: usize = 300;
/// Most items of one duty checklist.
pub const CHECKLIST_ITEMS_MAX: usize = 50;
/// Longest sprint goal.
pub const GOAL_MAX: usize = 1_000;
/// Longest note on time off.
pub const TIME_OFF_NOTE_MAX: usize = 500;
/// Longest longer note: a handoff note, an interrupt's root cause.
pub const NOTE_MAX: usize = 2_000;

/// Validates a display name: trimmed, not empty, one line of plain text, at most `max` characters.
/// `field` names the input; `what` is the thing named (`"team"` gives "the team name …").
pub fn validate_name(field: &'static str, what: &str, text: &str, max: usize) -> Result<String, Invalid> {
    let name = text.trim();
    if name.is_empty() {
        return Err(Invalid::new(field, format!("the {what} needs a name")));
    }
    check(field, &format!("{what} name"), name, max, Lines::One)?;
    Ok(name.to_owned())
}

/// Validates one line of optional text (an e-mail address, a checklist item): trimmed, plain text,
/// at most `max` characters; may be empty. `what` is the whole noun, e.g. `"e-mail address"`.
pub fn validate_line(field: &'static str, what: &str, text: &str, max: usize) -> Result<String, Invalid> {
    let line = text.trim();
    check(field, what, line, max, Lines::One)?;
    Ok(line.to_owned())
}

/// Validates free text (a note, a sprint goal): trimmed, at most `max` characters, line breaks and
/// tabs allowed, other control characters and invisible direction marks rejected. Windows and old
/// Mac line ends (`\r\n`, `\r`) become `\n`. May be empty. `what` is the whole noun, e.g.
/// `"sprint goal"`.
pub fn validate_free_text(field: &'static str, what: &str, text: &str, max: usize) -> Result<String, Invalid> {
    let body = text.trim();
    check(field, what, body, max, Lines::Many)?;
    Ok(if body.contains('\r') {
        body.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        body.to_owned()
    })
}

/// Whether `c` is one of the invisible characters that change the direction of text or hide in it:
/// bidi embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069), the direction marks
/// U+200E, U+200F and U+061C, zero-width space, non-joiner and joiner (U+200B–U+200D) and the
/// byte-order mark / zero-width no-break space U+FEFF.
pub fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// `text` made safe to quote in an error message: at most 40 characters (then `…`), control and
/// invisible characters shown as `U+XXXX`, so a message never carries a terminal escape or a
/// 70,000-character paste.
pub fn shown(text: &str) -> String {
    const SHOWN_MAX: usize = 40;
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == SHOWN_MAX {
            out.push('…');
            break;
        }
        if c.is_control() || is_invisible_format(c) || is_line_separator(c) {
            out.push_str(&code(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether a text is one line (names) or may span several (notes).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lines {
    One,
    Many,
}

fn is_line_separator(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

fn code(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// The first character of `text` that is not allowed, with the sentence that explains it.
fn first_bad(text: &str, lines: Lines) -> Option<String> {
    text.chars().find_map(|c| {
        let line_break = matches!(c, '\n' | '\r' | '\u{0085}') || is_line_separator(c);
        match lines {
            Lines::Many if matches!(c, '\n' | '\r' | '\t') => None,
            Lines::Many if is_line_separator(c) => None,
            Lines::One if line_break => Some("a line break; keep it on one line".to_owned()),
            Lines::One if c == '\t' => Some("a tab; use spaces instead".to_owned()),
            _ if c.is_control() => Some(format!("a control character ({}); use plain text", code(c))),
            _ if is_invisible_format(c) => Some(format!(
                "an invisible text-direction or formatting character ({}); use plain text",
                code(c)
            )),
            _ => None,
        }
    })
}

fn check(field: &'static str, what: &str, text: &str, max: usize, lines: Lines) -> Result<(), Invalid> {
    let len = text.chars().count();
    if len > max {
        return Err(Invalid::new(
            field,
            format!("the {what} is {len} characters long; at most {max}"),
        ));
    }
    match first_bad(text, lines) {
        Some(why) => Err(Invalid::new(field, format!("the {what} contains {why}"))),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str) -> Result<String, Invalid> {
        validate_name("name", "team", text, NAME_MAX)
    }

    fn note(text: &str) -> Result<String, Invalid> {
        validate_free_text("note", "handoff note", text, NOTE_MAX)
    }

    #[test]
    fn name_is_trimmed_and_plain_text_passes() {
        assert_eq!(name("  Phoenix ").unwrap(), "Phoenix");
        assert_eq!(name("Équipe Ünïcödé 東京 🚀").unwrap(), "Équipe Ünïcödé 東京 🚀");
        // Arabic and Hebrew names are fine; only the invisible direction controls are refused.
        assert_eq!(name("فريق").unwrap(), "فريق");
    }

    #[test]
    fn empty_or_whitespace_name_needs_a_name() {
        for text in ["", "   ", "\t\n "] {
            let e = name(text).unwrap_err();
            assert_eq!((e.field, e.message.as_str()), ("name", "the team needs a name"));
        }
    }

    #[test]
    fn name_at_the_limit_is_accepted_one_more_is_not() {
        let exact = "é".repeat(NAME_MAX);
        assert_eq!(name(&exact).unwrap().chars().count(), NAME_MAX);
        let e = name(&"é".repeat(NAME_MAX + 1)).unwrap_err();
        assert_eq!(e.field, "name");
        assert_eq!(e.message, "the team name is 81 characters long; at most 80");
    }

    #[test]
    fn seventy_thousand_character_name_is_rejected_with_a_short_message() {
        let e = name(&"x".repeat(70_000)).unwrap_err();
        assert_eq!(e.message, "the team name is 70000 characters long; at most 80");
    }

    #[test]
    fn newline_and_tab_in_a_name_are_rejected() {
        let e = name("Pho\nenix").unwrap_err();
        assert_eq!(e.field, "name");
        assert_eq!(e.message, "the team name contains a line break; keep it on one line");
        let e = name("Pho\tenix").unwrap_err();
        assert_eq!(e.message, "the team name contains a tab; use spaces instead");
        assert!(name("Pho\r\nenix").is_err());
        assert!(name("Pho\u{2028}enix").is_err());
    }

    #[test]
    fn control_characters_in_a_name_are_rejected_with_their_code() {
        let e = validate_name("name", "member", "Ana\u{7}", NAME_MAX).unwrap_err();
        assert_eq!(
            e.message,
            "the member name contains a control character (U+0007); use plain text"
        );
        for c in ['\0', '\u{1B}', '\u{7F}', '\u{85}', '\u{9B}'] {
            assert!(name(&format!("A{c}B")).is_err(), "U+{:04X} accepted", u32::from(c));
        }
    }

    #[test]
    fn bidi_overrides_and_invisible_characters_are_rejected() {
        // "Ana" + RIGHT-TO-LEFT OVERRIDE + "nimda": shows as "Anaadmin".
        let e = name("Ana\u{202E}nimda").unwrap_err();
        assert!(e.message.contains("(U+202E)"), "{}", e.message);
        assert!(e.message.contains("invisible"), "{}", e.message);
        for c in [
            '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{200E}',
            '\u{200F}', '\u{061C}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{FEFF}',
        ] {
            assert!(name(&format!("A{c}B")).is_err(), "U+{:04X} accepted", u32::from(c));
            assert!(
                note(&format!("A{c}B")).is_err(),
                "U+{:04X} accepted in a note",
                u32::from(c)
            );
        }
        // At the ends too: trimming does not remove them.
        assert!(name("\u{FEFF}Phoenix").is_err());
    }

    #[test]
    fn free_text_keeps_line_breaks_and_tabs_but_not_other_controls() {
        assert_eq!(
            note(" line one\r\n\tline two\rthree \n").unwrap(),
            "line one\n\tline two\nthree"
        );
        assert_eq!(note("").unwrap(), "");
        let e = note("ring\u{7}").unwrap_err();
        assert_eq!(
            (e.field, e.message.as_str()),
            (
                "note",
                "the handoff note contains a control character (U+0007); use plain text"
            )
        );
        assert!(note("x\u{202E}y").is_err());
    }

    #[test]
    fn free_text_limit_counts_characters() {
        assert!(note(&"ü".repeat(NOTE_MAX)).is_ok());
        let e = note(&"ü".repeat(70_000)).unwrap_err();
        assert_eq!(e.message, "the handoff note is 70000 characters long; at most 2000");
    }

    #[test]
    fn shown_is_short_and_escapes_controls() {
        assert_eq!(shown("a\u{7}b\u{202E}"), "aU+0007bU+202E");
        let long = shown(&"y".repeat(70_000));
        assert_eq!(long.chars().count(), 41);
        assert!(long.ends_with('…'));
        assert_eq!(shown("2026-13-01"), "2026-13-01");
    }
}
