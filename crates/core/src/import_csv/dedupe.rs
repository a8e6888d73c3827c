//! Which rows of an import are already in the log, or repeated in the file.
//!
//! A row is a duplicate when
//! - the log holds an interrupt imported from the same source with the same external id, or an
//!   earlier row of the file has that id; or else
//! - an interrupt in the log (or an earlier row) arrived in the same minute with the same title
//!   (case aside) — unless both carry ids of the same source that differ: two alerts of the same
//!   name in one minute are two alerts.
//!
//! So a re-import adds nothing, and a log typed by hand is not doubled by importing the export it
//! was typed from.
use std::collections::HashMap;

use chrono::{DateTime, DurationRound, TimeDelta, Utc};

use super::{CsvSource, DuplicateRow, InterruptCsvPreview};

/// What dedupe needs of a stored interrupt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredInterruptKey {
    /// The source and id it was imported with, if it was imported.
    pub external: Option<(CsvSource, String)>,
    /// When it arrived.
    pub arrived_at: DateTime<Utc>,
    /// Its title.
    pub title: String,
}

/// Arrival minute and lower-case title.
type Key = (DateTime<Utc>, String);
/// Who holds a key: the id of the import's source it carries, and where it was seen (`None`: in
/// the log; `Some(line)`: earlier in the file).
type Holders = Vec<(Option<String>, Option<u64>)>;

fn minute(t: DateTime<Utc>) -> DateTime<Utc> {
    t.duration_trunc(TimeDelta::minutes(1)).unwrap_or(t)
}

/// Moves the rows of `preview` that are already stored (`stored`) or repeated in the file from
/// `rows` to `duplicates`, each with its reason.
pub fn mark_duplicates(preview: &mut InterruptCsvPreview, stored: &[StoredInterruptKey]) {
    let source = preview.source;
    // id -> where it was seen (None: in the log; Some(line): earlier in the file)
    let mut ids: HashMap<&str, Option<u64>> = HashMap::new();
    // (minute, lower-case title) -> (the id of that source it carries, where it was seen)
    let mut seen: HashMap<Key, Holders> = HashMap::new();
    for s in stored {
        let id = match &s.external {
            Some((src, id)) if *src == source => {
                ids.insert(id.as_str(), None);
                Some(id.clone())
            }
            _ => None,
        };
        seen.entry((minute(s.arrived_at), s.title.to_lowercase()))
            .or_default()
            .push((id, None));
    }
    let rows = std::mem::take(&mut preview.rows);
    let mut keep = Vec::with_capacity(rows.len());
    let mut file_ids: HashMap<String, u64> = HashMap::new();
    for row in rows {
        let by_id = row.external_id.as_deref().and_then(|id| {
            ids.get(id)
                .copied()
                .or_else(|| file_ids.get(id).map(|l| Some(*l)))
                .map(|w| (id, w))
        });
        let reason = match by_id {
            Some((id, None)) => Some(format!("already in the log ({} id {id})", source.label())),
            Some((id, Some(line))) => Some(format!("repeats line {line} (same id {id})")),
            None => {
                let key = (minute(row.spec.arrived_at), row.spec.title.to_lowercase());
                seen.get(&key).and_then(|hits| {
                    hits.iter()
                        .find(|(id, _)| id.is_none() || row.external_id.is_none() || *id == row.external_id)
                        .map(|(_, w)| match w {
                            None => "already in the log (same arrival minute and title)".to_owned(),
                            Some(line) => format!("repeats line {line} (same arrival minute and title)"),
                        })
                })
            }
        };
        match reason {
            Some(reason) => preview.duplicates.push(DuplicateRow {
                line: row.line,
                title: row.spec.title.clone(),
                reason,
            }),
            None => {
                if let Some(id) = &row.external_id {
                    file_ids.insert(id.clone(), row.line);
                }
                seen.entry((minute(row.spec.arrived_at), row.spec.title.to_lowercase()))
                    .or_default()
                    .push((row.external_id.clone(), Some(row.line)));
                keep.push(row);
            }
        }
    }
    preview.rows = keep;
}
