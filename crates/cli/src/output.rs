//! Printing results: aligned text tables for people, JSON with `--json`. Every line goes through
//! [`say`]: a reader that closed the pipe (`… | head -1`) ends the program quietly, any other
//! write error (a full disk) is one line on stderr and exit 1 — never a panic.
use std::fmt::Arguments;
use std::io::{ErrorKind, Write};

use serde::Serialize;

use crate::Ctx;

/// Prints one line on stdout (see the module doc for write errors).
pub fn say(line: Arguments<'_>) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_fmt(line).and_then(|_| out.write_all(b"\n")) {
        stop(e);
    }
}

/// Prints a line on stdout, like `println!` but without panicking on a closed pipe.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => { $crate::output::say(format_args!($($arg)*)) };
}

/// Flushes stdout at the end of a successful run; exit 0, or 1 when the output could not be written.
pub fn finish() -> std::process::ExitCode {
    match std::io::stdout().flush() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) if e.kind() == ErrorKind::BrokenPipe => std::process::ExitCode::SUCCESS,
        Err(e) => {
            error(&format!("the output could not be written: {e}"));
            std::process::ExitCode::from(1)
        }
    }
}

fn stop(e: std::io::Error) -> ! {
    if e.kind() == ErrorKind::BrokenPipe {
        // The reader has what it wanted; whatever the command wrote to the database is committed.
        std::process::exit(0);
    }
    error(&format!("the output could not be written: {e}"));
    std::process::exit(1);
}

/// One `error: …` line on stderr (a closed stderr is ignored: there is nobody left to tell).
pub fn error(message: &str) {
    let _ = writeln!(std::io::stderr(), "error: {message}");
}

/// One `note: …` line on stderr.
pub fn note(message: &str) {
    let _ = writeln!(std::io::stderr(), "note: {message}");
}

/// Prints `value` as pretty JSON.
pub fn json<T: Serialize + ?Sized>(value: &T) {
    match serde_json::to_string_pretty(value) {
        Ok(text) => say(format_args!("{text}")),
        Err(e) => {
            error(&format!("the result could not be written as JSON: {e}"));
            std::process::exit(1);
        }
    }
}

/// Pads `text` to `width` characters (no width limit, unlike `format!`'s).
fn pad(text: &str, width: usize) -> String {
    let len = text.chars().count();
    let mut s = String::with_capacity(text.len() + width.saturating_sub(len));
    s.push_str(text);
    s.extend(std::iter::repeat_n(' ', width.saturating_sub(len)));
    s
}

/// Prints `rows` as JSON (with `--json`) or as a table with `headers`, one `cells` row per item.
pub fn table<T: Serialize>(ctx: &Ctx, rows: &[T], headers: &[&str], cells: impl Fn(&T) -> Vec<String>) {
    if ctx.json {
        json(rows);
        return;
    }
    if rows.is_empty() {
        say(format_args!("(none)"));
        return;
    }
    let body: Vec<Vec<String>> = rows.iter().map(cells).collect();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in &body {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: Vec<String>| {
        let padded: Vec<String> = cells.iter().zip(&widths).map(|(c, w)| pad(c, *w)).collect();
        say(format_args!("{}", padded.join("  ").trim_end()));
    };
    line(headers.iter().map(|h| h.to_string()).collect());
    for row in body {
        line(row);
    }
}

/// Prints one created/changed item: JSON with `--json`, else the sentence `said`.
pub fn done<T: Serialize>(ctx: &Ctx, item: &T, said: String) {
    if ctx.json {
        json(item);
    } else {
        say(format_args!("{said}"));
    }
}

#[cfg(test)]
mod tests {
    use super::pad;

    #[test]
    fn pad_handles_cells_wider_than_any_format_width() {
        let long = "x".repeat(70_000);
        assert_eq!(pad(&long, 70_001).chars().count(), 70_001);
        assert_eq!(pad("ab", 1), "ab");
    }
}
