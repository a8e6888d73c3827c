//! Reading the RFC 5545 syntax: unfolding, content lines (`NAME;PARAM=v:value`), `TEXT`
//! unescaping and the `BEGIN`/`END` component tree. Every malformed input is an error with a line
//! number, never a panic.
use crate::Invalid;

/// The most nested components accepted; deeper files are rejected as malformed.
const MAX_DEPTH: usize = 16;

/// One content line after unfolding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Property {
    /// The property name, upper-case.
    pub name: String,
    /// Parameters as (upper-case name, value without quotes).
    pub params: Vec<(String, String)>,
    /// The raw value (still escaped for `TEXT`).
    pub value: String,
    /// The 1-based line number where the property starts.
    pub line: usize,
}

impl Property {
    /// The value of parameter `name` (upper-case), if present.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// A component (`VCALENDAR`, `VEVENT`, …) with its properties and nested components.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Component {
    /// The component name, upper-case.
    pub name: String,
    /// Its properties in file order.
    pub props: Vec<Property>,
    /// Nested components in file order.
    pub children: Vec<Component>,
    /// The 1-based line of its `BEGIN`.
    pub line: usize,
}

impl Component {
    /// The first property called `name`.
    pub fn prop(&self, name: &str) -> Option<&Property> {
        self.props.iter().find(|p| p.name == name)
    }

    /// Every property called `name`.
    pub fn props_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Property> + 'a {
        self.props.iter().filter(move |p| p.name == name)
    }
}

/// Unfolds physical lines into logical ones with the line number where each starts. Accepts
/// `CRLF` or bare `LF`; a line starting with a space or tab continues the previous one.
pub fn unfold(text: &str) -> Vec<(usize, String)> {
    let mut lines: Vec<(usize, String)> = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        match (raw.chars().next(), lines.last_mut()) {
            (Some(' ') | Some('\t'), Some((_, prev))) => prev.push_str(&raw[1..]),
            _ if raw.trim().is_empty() => {}
            _ => lines.push((i + 1, raw.to_owned())),
        }
    }
    lines
}

/// Parses one logical content line.
pub fn parse_line(line_no: usize, line: &str) -> Result<Property, Invalid> {
    let bad = |what: &str| {
        Invalid::new(
            "file",
            format!(
                "line {line_no} is not a valid calendar line ({what}): \"{}\"",
                preview(line)
            ),
        )
    };
    let (head, value) = split_head(line).ok_or_else(|| bad("no ':' between name and value"))?;
    let mut parts = split_params(head).into_iter();
    let name = parts.next().unwrap_or_default().trim().to_ascii_uppercase();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(bad("the property name is missing or has odd characters"));
    }
    let mut params = Vec::new();
    for p in parts {
        let (k, v) = p.split_once('=').ok_or_else(|| bad("a parameter without '='"))?;
        params.push((k.trim().to_ascii_uppercase(), v.trim().trim_matches('"').to_owned()));
    }
    Ok(Property {
        name,
        params,
        value: value.to_owned(),
        line: line_no,
    })
}

/// Splits at the first `:` outside double quotes.
fn split_head(line: &str) -> Option<(&str, &str)> {
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ':' if !quoted => return Some((&line[..i], &line[i + 1..])),
            _ => {}
        }
    }
    None
}

/// Splits `NAME;A=1;B="x;y"` at `;` outside double quotes.
fn split_params(head: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut quoted, mut from) = (false, 0);
    for (i, c) in head.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => {
                out.push(&head[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    out.push(&head[from..]);
    out
}

fn preview(line: &str) -> String {
    line.chars().take(60).collect()
}

/// Undoes `TEXT` escaping: `\\`, `\;`, `\,`, `\n`/`\N` (newline); an unknown escape keeps the
/// character after the backslash.
pub fn unescape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') | Some('N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Parses the whole text into its top-level `VCALENDAR` component(s).
///
/// Errors: no `BEGIN:VCALENDAR`, an `END` that does not match its `BEGIN`, a component left open,
/// nesting deeper than 16, a property outside any component, or a line that is not a content line.
pub fn parse_components(text: &str) -> Result<Vec<Component>, Invalid> {
    let mut stack: Vec<Component> = Vec::new();
    let mut done: Vec<Component> = Vec::new();
    for (line_no, line) in unfold(text) {
        let prop = parse_line(line_no, &line)?;
        match prop.name.as_str() {
            "BEGIN" => begin(&mut stack, &prop)?,
            "END" => end(&mut stack, &mut done, &prop)?,
            _ => match stack.last_mut() {
                Some(c) => c.props.push(prop),
                None => {
                    return Err(Invalid::new(
                        "file",
                        format!(
                            "line {line_no}: \"{}\" appears outside BEGIN:VCALENDAR … END:VCALENDAR",
                            prop.name
                        ),
                    ))
                }
            },
        }
    }
    if let Some(open) = stack.last() {
        return Err(Invalid::new(
            "file",
            format!(
                "the file ends before END:{} (opened at line {}); it may be cut off",
                open.name, open.line
            ),
        ));
    }
    if !done.iter().any(|c| c.name == "VCALENDAR") {
        return Err(Invalid::new(
            "file",
            "this is not a calendar file: there is no BEGIN:VCALENDAR",
        ));
    }
    Ok(done)
}

fn begin(stack: &mut Vec<Component>, prop: &Property) -> Result<(), Invalid> {
    if stack.len() >= MAX_DEPTH {
        return Err(Invalid::new(
            "file",
            format!("line {}: components are nested too deeply", prop.line),
        ));
    }
    stack.push(Component {
        name: prop.value.trim().to_ascii_uppercase(),
        line: prop.line,
        ..Component::default()
    });
    Ok(())
}

fn end(stack: &mut Vec<Component>, done: &mut Vec<Component>, prop: &Property) -> Result<(), Invalid> {
    let name = prop.value.trim().to_ascii_uppercase();
    let Some(open) = stack.pop() else {
        return Err(Invalid::new(
            "file",
            format!("line {}: END:{name} without a matching BEGIN", prop.line),
        ));
    };
    if open.name != name {
        return Err(Invalid::new(
            "file",
            format!(
                "line {}: END:{name} does not close BEGIN:{} from line {}",
                prop.line, open.name, open.line
            ),
        ));
    }
    match stack.last_mut() {
        Some(parent) => parent.children.push(open),
        None => done.push(open),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_folding_example_unfolds() {
        // RFC 5545 §3.1: the same DESCRIPTION folded after "This is a lo".
        let text = "DESCRIPTION:This is a lo\r\n ng description\r\n  that exists on a long line.\r\n";
        let lines = unfold(text);
        assert_eq!(
            lines,
            vec![(
                1,
                "DESCRIPTION:This is a long description that exists on a long line.".into()
            )]
        );
    }

    #[test]
    fn quoted_params_keep_colons_and_semicolons() {
        let p = parse_line(3, "ATTENDEE;CN=\"Lee; Ann\";X=\"a:b\":mailto:ann@example.com").unwrap();
        assert_eq!(p.param("CN"), Some("Lee; Ann"));
        assert_eq!(p.param("X"), Some("a:b"));
        assert_eq!(p.value, "mailto:ann@example.com");
    }

    #[test]
    fn mismatched_end_is_reported_with_lines() {
        let e = parse_components("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR\n").unwrap_err();
        assert!(e.message.contains("line 3"), "{}", e.message);
        let e = parse_components("BEGIN:VCALENDAR\nBEGIN:VEVENT\n").unwrap_err();
        assert!(e.message.contains("cut off"));
        assert!(parse_components("hello").is_err());
    }
}
