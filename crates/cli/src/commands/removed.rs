//! What a removal took along, in words, for the removal commands' output: "3 members, 2 duty
//! policies with 18 future turns, 1 release train" and the policies elsewhere that no longer
//! escalate to a removed one. The CLI keeps no history between runs, so the output names
//! everything that went (the app's Undo, which holds the change, brings all of it back).
use sprintshield_service::{Changes, Record};

/// One kind of record, by the words for one and for many.
fn noun(r: &Record) -> Option<(&'static str, &'static str)> {
    Some(match r {
        Record::Member(_) => ("member", "members"),
        Record::TimeOff(_) => ("stretch of time off", "stretches of time off"),
        Record::Holiday(_) => ("holiday", "holidays"),
        Record::Sprint(_) => ("sprint", "sprints"),
        Record::Policy(_) => ("duty policy", "duty policies"),
        Record::ReleaseTrain(_) => ("release train", "release trains"),
        Record::ReleasePin { .. } => ("hand-placed release", "hand-placed releases"),
        Record::Freeze(_) => ("freeze window", "freeze windows"),
        Record::CalendarTarget(_) => ("calendar target", "calendar targets"),
        Record::ChatTarget(_) => ("chat target", "chat targets"),
        Record::Published { .. } => ("published-event record", "published-event records"),
        Record::ImportMapping { .. } => ("saved import mapping", "saved import mappings"),
        Record::ChatLine { .. } => ("line waiting for the chat", "lines waiting for the chat"),
        Record::Team(_) | Record::Interrupt(_) | Record::HandoffNote { .. } => return None,
    })
}

/// " with 3 members, 1 holiday and 12 future turns" for the records and turns `changes`
/// removed, leaving out the record the command names (`main`, e.g. the team itself); empty when
/// that is all.
pub fn took_along(changes: &Changes, main: &Record) -> String {
    let mut counts: Vec<((&str, &str), usize)> = Vec::new();
    let gone = changes
        .records
        .iter()
        .filter(|c| c.after.is_none())
        .filter_map(|c| c.before.as_ref())
        .filter(|r| *r != main);
    for r in gone {
        if let Some(n) = noun(r) {
            match counts.iter_mut().find(|(k, _)| *k == n) {
                Some((_, c)) => *c += 1,
                None => counts.push((n, 1)),
            }
        }
    }
    let mut parts: Vec<String> = counts
        .into_iter()
        .map(|((one, many), n)| format!("{n} {}", if n == 1 { one } else { many }))
        .collect();
    match changes.turns.before.len() {
        0 => {}
        1 => parts.push("1 future turn".into()),
        n => parts.push(format!("{n} future turns")),
    }
    match parts.len() {
        0 => String::new(),
        1 => format!(" with {}", parts[0]),
        _ => {
            let last = parts.pop().unwrap_or_default();
            format!(" with {} and {last}", parts.join(", "))
        }
    }
}

/// "; Batman no longer escalates to it" for the policies the removal left without their
/// escalation (empty when there is none).
pub fn escalations_cleared(changes: &Changes) -> String {
    let names: Vec<&str> = changes
        .records
        .iter()
        .filter_map(|c| match (&c.before, &c.after) {
            (Some(Record::Policy(b)), Some(Record::Policy(a)))
                if b.spec.escalates_to.is_some() && a.spec.escalates_to.is_none() =>
            {
                Some(b.spec.name.as_str())
            }
            _ => None,
        })
        .collect();
    match names.len() {
        0 => String::new(),
        1 => format!("; {} no longer escalates to it", names[0]),
        _ => format!("; {} no longer escalate to it", names.join(", ")),
    }
}
