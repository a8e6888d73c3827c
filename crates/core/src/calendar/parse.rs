//! Reading the RFC 5545 syntax with `calcard`, Stalwart's maintained iCalendar library: content
//! lines, folds (also folds that split a UTF-8 character), `TEXT` escapes and typed values
//! (dates, durations, recurrence rules, URIs). This module only says what is wrong with a file as a
//! whole — one sentence — and offers small accessors over calcard's components; what the events
//! mean is [`super::import`]'s business.
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarEntry, ICalendarParameterName, ICalendarProperty,
    ICalendarValue,
};
use calcard::{Entry, Parser};

use crate::Invalid;

/// The largest file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

/// The text of a calendar file from its bytes, `name` naming the file in messages. Refuses files
/// over 10 MB, binary files and text that is not UTF-8. A fold that splits a multi-byte character
/// (Google and Outlook fold at 75 octets, sometimes in the middle of "é") is rejoined first, as
/// RFC 5545 asks of a reader, without changing the number of lines.
pub fn text_from_bytes(bytes: &[u8], name: &str) -> Result<String, Invalid> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_large());
    }
    if bytes.contains(&0) {
        return Err(Invalid::new(
            "file",
            format!("{name} is a binary file, not a calendar (.ics) file"),
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(_) => String::from_utf8(rejoin_split_characters(bytes))
            .map_err(|_| Invalid::new("file", format!("{name} is not a UTF-8 text file"))),
    }
}

fn too_large() -> Invalid {
    Invalid::new("file", "the file is larger than 10 MB; export a shorter date range")
}

/// Moves the first bytes of a character that a fold cut in two to after the fold's space, so the
/// character is whole again on the continuation line: `Jos\xC3\r\n \xA9` becomes
/// `Jos\r\n \xC3\xA9`. Unfolding then gives the same text, and line numbers stay the same.
fn rejoin_split_characters(bytes: &[u8]) -> Vec<u8> {
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let folds = b == b'\n' && matches!(bytes.get(i + 1), Some(b' ' | b'\t'));
        if !folds {
            out.push(b);
            i += 1;
            continue;
        }
        let cr = out.last() == Some(&b'\r');
        if cr {
            out.pop();
        }
        let cut = incomplete_tail(&out);
        let tail = out.split_off(out.len() - cut);
        if cr {
            out.push(b'\r');
        }
        out.push(b'\n');
        out.push(bytes[i + 1]);
        out.extend(tail);
        i += 2;
    }
    out
}

/// How many bytes at the end of `bytes` start a UTF-8 character that is not finished.
fn incomplete_tail(bytes: &[u8]) -> usize {
    for back in 1..=3.min(bytes.len()) {
        let b = bytes[bytes.len() - back];
        if b & 0b1100_0000 == 0b1000_0000 {
            continue; // a continuation byte: look further back for the lead byte
        }
        let needed = match b {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF7 => 4,
            _ => return 0,
        };
        return if back < needed { back } else { 0 };
    }
    0
}

/// Parses the whole text into its `VCALENDAR`s. Errors, each one sentence: no `BEGIN:VCALENDAR`,
/// a file that stops before `END:VCALENDAR` (cut off), a contact card, or a line outside any
/// calendar. Lines inside a calendar that are not valid content lines are skipped, as clients do.
pub fn read_calendars(text: &str) -> Result<Vec<ICalendar>, Invalid> {
    if text.len() > MAX_FILE_BYTES {
        return Err(too_large());
    }
    let lines = || text.lines().map(str::trim).filter(|l| !l.is_empty());
    let is = |line: &str, what: &str| line.trim_start_matches('\u{feff}').eq_ignore_ascii_case(what);
    if !lines().any(|l| is(l, "BEGIN:VCALENDAR")) {
        return Err(Invalid::new(
            "file",
            "this is not a calendar file: there is no BEGIN:VCALENDAR",
        ));
    }
    if !lines().next_back().is_some_and(|l| is(l, "END:VCALENDAR")) {
        return Err(Invalid::new(
            "file",
            "the file ends before END:VCALENDAR; it may be cut off",
        ));
    }
    let mut parser = Parser::new(text);
    let mut calendars = Vec::new();
    loop {
        match parser.entry() {
            Entry::ICalendar(cal) => {
                if cal.components.first().map(|c| &c.component_type) == Some(&ICalendarComponentType::VCalendar) {
                    calendars.push(cal);
                }
            }
            Entry::Eof => break,
            Entry::VCard(_) => {
                return Err(Invalid::new(
                    "file",
                    "this is a contact card (vCard), not a calendar file",
                ))
            }
            Entry::InvalidLine(line) => {
                let shown: String = line.chars().take(60).collect();
                let at = text
                    .lines()
                    .position(|l| !shown.is_empty() && l.contains(&shown))
                    .map_or(String::new(), |i| format!("line {}: ", i + 1));
                return Err(Invalid::new(
                    "file",
                    format!("{at}\"{shown}\" appears outside BEGIN:VCALENDAR … END:VCALENDAR"),
                ));
            }
            Entry::UnexpectedComponentEnd { expected, found } => {
                return Err(Invalid::new(
                    "file",
                    format!("END:{} does not close BEGIN:{}", found.as_str(), expected.as_str()),
                ))
            }
            Entry::UnterminatedComponent(name) => {
                return Err(Invalid::new(
                    "file",
                    format!("the file ends before END:{name}; it may be cut off"),
                ))
            }
            Entry::TooManyComponents => return Err(Invalid::new("file", "the file has too many components to read")),
            _ => return Err(Invalid::new("file", "this is not a calendar file calcard can read")),
        }
    }
    if calendars.is_empty() {
        return Err(Invalid::new(
            "file",
            "this is not a calendar file: there is no BEGIN:VCALENDAR",
        ));
    }
    Ok(calendars)
}

/// The 1-based line of each `BEGIN:VEVENT` in the text, in order: the n-th one is where calcard's
/// n-th `VEVENT` component (in component order, all calendars in turn) starts.
pub fn vevent_lines(text: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim().eq_ignore_ascii_case("BEGIN:VEVENT"))
        .map(|(i, _)| i + 1)
        .collect()
}

/// The direct children of `parent` in `cal`.
pub fn children<'a>(
    cal: &'a ICalendar,
    parent: &'a ICalendarComponent,
) -> impl Iterator<Item = &'a ICalendarComponent> {
    parent
        .component_ids
        .iter()
        .filter_map(|id| cal.components.get(*id as usize))
}

/// The first property `name` of `c`.
pub fn prop<'a>(c: &'a ICalendarComponent, name: &ICalendarProperty) -> Option<&'a ICalendarEntry> {
    c.entries.iter().find(|e| &e.name == name)
}

/// Every property `name` of `c`.
pub fn props<'a>(c: &'a ICalendarComponent, name: &'a ICalendarProperty) -> impl Iterator<Item = &'a ICalendarEntry> {
    c.entries.iter().filter(move |e| &e.name == name)
}

/// The text of a property, its values joined by ", " (calcard splits some at unescaped commas).
pub fn text(entry: &ICalendarEntry) -> String {
    entry
        .values
        .iter()
        .filter_map(ICalendarValue::as_text)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The text of parameter `name` of `entry`, if given.
pub fn param<'a>(entry: &'a ICalendarEntry, name: &ICalendarParameterName) -> Option<&'a str> {
    entry
        .params
        .iter()
        .find(|p| &p.name == name)
        .and_then(|p| p.value.as_text())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fold_inside_a_character_is_rejoined_keeping_the_lines() {
        let bytes = b"SUMMARY:Jos\xC3\r\n \xA9 Mar\xC3\xAD\n\ta\r\n";
        let fixed = rejoin_split_characters(bytes);
        assert_eq!(fixed, b"SUMMARY:Jos\r\n \xC3\xA9 Mar\xC3\xAD\n\ta\r\n");
        let three = "€".as_bytes();
        let mut split = b"X:".to_vec();
        split.extend_from_slice(&three[..1]);
        split.extend_from_slice(b"\n ");
        split.extend_from_slice(&three[1..]);
        assert_eq!(text_from_bytes(&split, "f.ics").unwrap(), "X:\n €");
    }

    #[test]
    fn binary_and_non_utf8_files_are_refused_in_one_sentence() {
        let e = text_from_bytes(b"\x89PNG\r\n\x1a\n\0\0", "photo.png").unwrap_err();
        assert_eq!(e.message, "photo.png is a binary file, not a calendar (.ics) file");
        let e = text_from_bytes(b"SUMMARY:caf\xE9\r\n", "latin1.ics").unwrap_err();
        assert_eq!(e.message, "latin1.ics is not a UTF-8 text file");
    }

    #[test]
    fn whole_file_problems_are_one_sentence() {
        let msg = |t: &str| read_calendars(t).unwrap_err().message;
        assert!(msg("").contains("no BEGIN:VCALENDAR"));
        assert!(msg("BEGIN:VCALENDAR\nBEGIN:VEVENT\n").contains("cut off"));
        assert!(msg("BEGIN:VCARD\nFN:x\nEND:VCARD\nBEGIN:VCALENDAR\nEND:VCALENDAR\n").contains("vCard"));
        assert!(msg("SUMMARY:x\nBEGIN:VCALENDAR\nEND:VCALENDAR\n").contains("line 1"));
        assert_eq!(read_calendars("BEGIN:VCALENDAR\nEND:VCALENDAR\n").unwrap().len(), 1);
    }
}
