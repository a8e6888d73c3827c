//! Printing results: aligned text tables for people, JSON with `--json`.
use serde::Serialize;

use crate::Ctx;

/// Prints `rows` as JSON (with `--json`) or as a table with `headers`, one `cells` row per item.
pub fn table<T: Serialize>(ctx: &Ctx, rows: &[T], headers: &[&str], cells: impl Fn(&T) -> Vec<String>) {
    if ctx.json {
        println!("{}", serde_json::to_string_pretty(rows).expect("rows serialise"));
        return;
    }
    if rows.is_empty() {
        println!("(none)");
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
        let padded: Vec<String> = cells.iter().zip(&widths).map(|(c, w)| format!("{c:<w$}")).collect();
        println!("{}", padded.join("  ").trim_end());
    };
    line(headers.iter().map(|h| h.to_string()).collect());
    for row in body {
        line(row);
    }
}

/// Prints one created/changed item: JSON with `--json`, else the sentence `said`.
pub fn done<T: Serialize>(ctx: &Ctx, item: &T, said: String) {
    if ctx.json {
        println!("{}", serde_json::to_string_pretty(item).expect("item serialises"));
    } else {
        println!("{said}");
    }
}
