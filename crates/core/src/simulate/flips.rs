//! Saying plainly when the simulator's winner flips: which other strategy wins, in how many of
//! the recovery × block-length combinations tried, and over which recovery and block values.
use std::collections::BTreeMap;

use super::SensitivityCell;

/// The sentence for the simulation's summary: either that `best` wins in every combination, or,
/// for each other winner (most combinations first), where it wins instead. `label` turns a
/// strategy's name into its words.
pub(super) fn flip_sentence(cells: &[SensitivityCell], best: &str, label: impl Fn(&str) -> String) -> String {
    let mut others: BTreeMap<&str, Vec<&SensitivityCell>> = BTreeMap::new();
    for c in cells.iter().filter(|c| c.winner != best) {
        others.entry(c.winner.as_str()).or_default().push(c);
    }
    if others.is_empty() {
        let span = |v: &[u32]| match (v.iter().min(), v.iter().max()) {
            (Some(a), Some(b)) => format!("{a}–{b} min"),
            _ => "—".to_owned(),
        };
        let rec: Vec<u32> = cells.iter().map(|c| c.recovery_minutes).collect();
        let blk: Vec<u32> = cells.iter().map(|c| c.block_minutes).collect();
        return format!(
            "It wins across every recovery ({}) and block length ({}) tried.",
            span(&rec),
            span(&blk)
        );
    }
    let mut by_size: Vec<(&str, Vec<&SensitivityCell>)> = others.into_iter().collect();
    by_size.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
    let parts: Vec<String> = by_size
        .iter()
        .map(|(name, list)| {
            format!(
                "\u{201c}{}\u{201d} wins instead in {} of the {} combinations tried ({})",
                label(name),
                list.len(),
                cells.len(),
                where_(list)
            )
        })
        .collect();
    format!("The winner flips: {}.", parts.join("; "))
}

/// Exactly where, by recovery: "recovery 23 min with blocks of 90 or 120 min, 45 min with
/// blocks of 0, 90 or 120 min".
fn where_(list: &[&SensitivityCell]) -> String {
    let mut by_recovery: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for c in list {
        by_recovery.entry(c.recovery_minutes).or_default().push(c.block_minutes);
    }
    let parts: Vec<String> = by_recovery
        .into_iter()
        .map(|(recovery, mut blocks)| {
            blocks.sort_unstable();
            blocks.dedup();
            let names: Vec<String> = blocks.iter().map(u32::to_string).collect();
            let blocks = match names.as_slice() {
                [one] => one.clone(),
                [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
                [] => String::new(),
            };
            format!("{recovery} min with blocks of {blocks} min")
        })
        .collect();
    format!("recovery {}", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(recovery: u32, block: u32, winner: &str) -> SensitivityCell {
        SensitivityCell {
            recovery_minutes: recovery,
            block_minutes: block,
            winner: winner.into(),
        }
    }

    fn label(name: &str) -> String {
        match name {
            "none" => "No shield".into(),
            "daily" => "Daily Batman".into(),
            other => other.into(),
        }
    }

    #[test]
    fn no_flip_names_the_ranges() {
        let cells = [cell(0, 0, "none"), cell(45, 120, "none")];
        assert_eq!(
            flip_sentence(&cells, "none", label),
            "It wins across every recovery (0–45 min) and block length (0–120 min) tried."
        );
    }

    #[test]
    fn a_flip_says_who_wins_where() {
        let cells = [
            cell(0, 0, "none"),
            cell(0, 120, "none"),
            cell(23, 90, "daily"),
            cell(45, 90, "daily"),
            cell(45, 120, "daily"),
            cell(45, 0, "weekly"),
        ];
        assert_eq!(
            flip_sentence(&cells, "none", label),
            "The winner flips: \u{201c}Daily Batman\u{201d} wins instead in 3 of the 6 combinations tried (recovery 23 min with blocks of 90 min, 45 min with blocks of 90 or 120 min); \u{201c}weekly\u{201d} wins instead in 1 of the 6 combinations tried (recovery 45 min with blocks of 0 min)."
        );
    }
}
