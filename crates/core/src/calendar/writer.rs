//! The RFC 5545 content-line writer: `CRLF` line endings, folding at 75 octets without splitting a
//! UTF-8 character (RFC 5545 §3.1), and `TEXT` escaping of `\`, `;`, `,` and newlines (§3.3.11).

/// The longest content line, in octets, before it must be folded (excluding the `CRLF`).
pub const MAX_LINE_OCTETS: usize = 75;

/// Escapes a `TEXT` value: `\` → `\\`, `;` → `\;`, `,` → `\,`, a newline (`\n`, `\r\n` or `\r`)
/// → `\n`. Other control characters, which RFC 5545 forbids in `TEXT`, become spaces.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            c if c.is_control() && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Makes a parameter value safe: double quotes (not allowed in a parameter value) are dropped,
/// control characters become spaces, and a value containing `:`, `;` or `,` is quoted.
pub fn param_value(text: &str) -> String {
    let clean: String = text
        .chars()
        .filter(|c| *c != '"')
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if clean.contains([':', ';', ',']) {
        format!("\"{clean}\"")
    } else {
        clean
    }
}

/// Appends `line` to `out`, folded so no physical line exceeds 75 octets, ending with `CRLF`.
/// Continuation lines start with one space; a multi-octet UTF-8 character is never split.
pub fn push_folded(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

/// Builds the text of a calendar file one content line at a time.
#[derive(Debug, Default)]
pub struct IcsWriter {
    out: String,
}

impl IcsWriter {
    /// An empty writer.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty writer with room for about `bytes` of output.
    pub fn with_capacity(bytes: usize) -> Self {
        Self {
            out: String::with_capacity(bytes),
        }
    }

    /// Writes `name:value` as is (the value is already in its RFC 5545 form), folded.
    pub fn raw(&mut self, name: &str, value: &str) {
        if name.len() + 1 + value.len() <= MAX_LINE_OCTETS {
            self.out.push_str(name);
            self.out.push(':');
            self.out.push_str(value);
            self.out.push_str("\r\n");
            return;
        }
        let mut line = String::with_capacity(name.len() + value.len() + 1);
        line.push_str(name);
        line.push(':');
        line.push_str(value);
        push_folded(&mut self.out, &line);
    }

    /// Writes a `TEXT` property: `name:escaped value`, folded.
    pub fn text(&mut self, name: &str, value: &str) {
        self.raw(name, &escape_text(value));
    }

    /// Writes `BEGIN:<component>`.
    pub fn begin(&mut self, component: &str) {
        self.raw("BEGIN", component);
    }

    /// Writes `END:<component>`.
    pub fn end(&mut self, component: &str) {
        self.raw("END", component);
    }

    /// The file text.
    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_are_not_folded() {
        let mut out = String::new();
        push_folded(&mut out, "SUMMARY:Hi");
        assert_eq!(out, "SUMMARY:Hi\r\n");
    }

    #[test]
    fn folding_never_splits_a_character() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "ü".repeat(60));
        push_folded(&mut out, &line);
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= MAX_LINE_OCTETS, "{physical:?}");
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
    }

    #[test]
    fn param_values_are_quoted_when_needed() {
        assert_eq!(param_value("Ann Lee"), "Ann Lee");
        assert_eq!(param_value("Lee, Ann"), "\"Lee, Ann\"");
        assert_eq!(param_value("say \"hi\""), "say hi");
    }
}
