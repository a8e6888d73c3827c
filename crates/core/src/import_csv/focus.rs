//! Whether an imported interrupt pulled someone off focus work: the log's tools do not say, but
//! the rotation does. An interrupt handled by someone who was not on duty at its arrival pulled
//! them off focus work; one handled by the person on duty did not; one without a handler is left
//! unmarked (nobody is known to have been pulled).
use std::collections::HashMap;

use super::InterruptCsvPreview;
use crate::rotation::Turn;
use crate::Id;

/// Sets `pulled_off_focus` on every row with a handler from the team's `turns` (any policy),
/// and says so in the preview's notes.
pub fn mark_off_focus(preview: &mut InterruptCsvPreview, turns: &[Turn]) {
    let mut by_member: HashMap<Id, Vec<&Turn>> = HashMap::new();
    for t in turns {
        by_member.entry(t.member_id).or_default().push(t);
    }
    for list in by_member.values_mut() {
        list.sort_by_key(|t| t.start);
    }
    let (mut marked, mut handled) = (0usize, 0usize);
    for row in &mut preview.rows {
        let Some(member) = row.spec.handled_by else { continue };
        let at = row.spec.arrived_at;
        let on_duty = by_member.get(&member).is_some_and(|list| {
            let started = list.partition_point(|t| t.start <= at);
            // A member's turns rarely overlap (two policies at once); a few back is enough.
            list[..started].iter().rev().take(8).any(|t| at < t.end)
        });
        row.spec.pulled_off_focus = !on_duty;
        handled += 1;
        marked += usize::from(!on_duty);
    }
    preview
        .notes
        .retain(|n| !n.starts_with("Imported interrupts are not marked"));
    preview.notes.push(if handled == 0 {
        "No row names a member who handled it, so none is marked as pulling someone off focus work.".to_owned()
    } else {
        format!(
            "{marked} of the {handled} interrupts with a known handler pulled that person off focus work (not on duty then, by the stored rotation)."
        )
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import_csv::{CsvMapping, CsvSource, ImportRow};
    use crate::interrupt::{InterruptCategory, InterruptSpec, Severity};
    use chrono::{DateTime, Utc};

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn row(at: &str, who: Option<Id>) -> ImportRow {
        ImportRow {
            line: 2,
            external_id: None,
            spec: InterruptSpec {
                arrived_at: t(at),
                title: "x".into(),
                category: InterruptCategory::Other,
                severity: Severity::Normal,
                handled_by: who,
                minutes: 5,
                pulled_off_focus: false,
                could_have_waited: false,
                root_cause: String::new(),
            },
            handled_by_name: String::new(),
            notes: vec![],
        }
    }

    #[test]
    fn on_duty_handlers_stay_on_focus_others_are_pulled_off() {
        // Built from JSON so fields added to turns later (all optional) do not break the test.
        let turn = |member: Id, start: &str, end: &str| -> Turn {
            serde_json::from_value(serde_json::json!({
                "id": null, "policy_id": 1, "member_id": member, "start": start, "end": end,
                "source": "generated", "locked": false, "note": "", "shadow_member_id": null,
            }))
            .unwrap()
        };
        let turns = vec![
            turn(1, "2026-11-02T08:00:00Z", "2026-11-03T08:00:00Z"),
            turn(2, "2026-11-03T08:00:00Z", "2026-11-04T08:00:00Z"),
        ];
        let mut p = InterruptCsvPreview {
            source: CsvSource::Generic,
            detected: CsvSource::Generic,
            columns: vec![],
            mapping: CsvMapping::default(),
            rows: vec![
                row("2026-11-02T09:00:00Z", Some(1)),
                row("2026-11-02T09:00:00Z", Some(2)),
                row("2026-11-03T08:00:00Z", Some(1)),
                row("2026-11-03T08:00:00Z", Some(2)),
                row("2026-11-03T09:00:00Z", None),
            ],
            duplicates: vec![],
            skipped: vec![],
            unknown_values: vec![],
            notes: vec!["Imported interrupts are not marked as pulling someone off focus".into()],
            applied: false,
        };
        mark_off_focus(&mut p, &turns);
        let off: Vec<bool> = p.rows.iter().map(|r| r.spec.pulled_off_focus).collect();
        // The handoff instant belongs to the next turn.
        assert_eq!(off, vec![false, true, true, false, false]);
        assert_eq!(p.notes.len(), 1);
        assert!(p.notes[0].starts_with("2 of the 4 interrupts"), "{}", p.notes[0]);
    }
}
