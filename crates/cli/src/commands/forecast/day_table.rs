//! The per-day table under `sprintshield capacity`: one row per member and one for the team, one
//! column per day the team works or has a holiday, each cell the focus person-days left with a
//! marker for duty (D), time off (T), holiday (H) and not active (-), like the heat map screen.
use std::fmt::Write;

use sprintshield_core::capacity::{CapacityCell, CapacityReport, CellFlag};

const NAME: usize = 20;
const CELL: usize = 5;

/// What a cell shows: the strongest reason it is reduced (holiday, time off, not active) as a
/// letter when nothing is left, else the value with one decimal, followed by D when on duty.
fn cell_text(c: &CapacityCell) -> String {
    let has = |f: CellFlag| c.flags.contains(&f);
    if c.value < 0.05 {
        for (flag, letter) in [
            (CellFlag::Holiday, "H"),
            (CellFlag::TimeOff, "T"),
            (CellFlag::Inactive, "-"),
            (CellFlag::Duty, "D"),
        ] {
            if has(flag) {
                return letter.to_owned();
            }
        }
    }
    let duty = if has(CellFlag::Duty) { "D" } else { "" };
    format!("{:.1}{duty}", c.value)
}

/// The table as text, ending with a legend line.
pub(super) fn day_table(r: &CapacityReport) -> String {
    let shown: Vec<usize> = (0..r.days.len())
        .filter(|&i| r.days[i].working || r.days[i].holiday.is_some())
        .collect();
    let mut out = String::new();
    let mut row = |name: &str, cells: &mut dyn Iterator<Item = String>| {
        let _ = write!(out, "{name:<NAME$}");
        for c in cells {
            let _ = write!(out, " {c:>CELL$}");
        }
        out.push('\n');
    };
    row(
        "PER DAY",
        &mut shown.iter().map(|&i| {
            let d = r.days[i].date;
            format!("{} {}", &d.format("%a").to_string()[..2], d.format("%d"))
        }),
    );
    for p in &r.people {
        row(&p.name, &mut shown.iter().map(|&i| cell_text(&p.cells[i])));
    }
    row(
        "TEAM",
        &mut shown.iter().map(|&i| {
            let sum: f64 = r.people.iter().map(|p| p.cells[i].value).sum();
            format!("{sum:.1}")
        }),
    );
    out.push_str("focus person-days per day; D on duty, T time off, H holiday, - not active");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(value: f64, flags: &[CellFlag]) -> CapacityCell {
        CapacityCell {
            date: chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
            value,
            flags: flags.to_vec(),
            duty: None,
            before_interrupts: value,
            exposed: 0.0,
            from: String::new(),
        }
    }

    #[test]
    fn a_cell_shows_what_is_left_and_why_it_is_less() {
        assert_eq!(cell_text(&cell(1.0, &[])), "1.0");
        assert_eq!(cell_text(&cell(0.2, &[CellFlag::Duty])), "0.2D");
        assert_eq!(cell_text(&cell(0.0, &[CellFlag::Duty])), "D");
        assert_eq!(cell_text(&cell(0.0, &[CellFlag::Duty, CellFlag::TimeOff])), "T");
        assert_eq!(cell_text(&cell(0.0, &[CellFlag::TimeOff, CellFlag::Holiday])), "H");
        assert_eq!(cell_text(&cell(0.0, &[CellFlag::Inactive])), "-");
        assert_eq!(cell_text(&cell(0.0, &[])), "0.0");
    }
}
