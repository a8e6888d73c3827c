//! Histograms of simulated totals with "nice" bin widths (1, 2 or 5 × 10^k) for charts.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// About how many bins a histogram aims for.
const TARGET_BINS: f64 = 30.0;

/// One bin: values in `from..to` (the last bin includes `to`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct Bin {
    /// Lower edge, inclusive.
    pub from: f64,
    /// Upper edge, exclusive (inclusive for the last bin).
    pub to: f64,
    /// Number of trials in the bin.
    pub count: u32,
}

/// Equal-width bins covering every value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Histogram {
    /// Width of every bin.
    pub bin_width: f64,
    /// The bins, lowest first.
    pub bins: Vec<Bin>,
}

/// Bins `values` (finite, non-empty) into about 30 bins of a nice width between `min` and `max`.
pub(crate) fn histogram(values: &[f64], min: f64, max: f64) -> Histogram {
    let width = nice_width((max - min) / TARGET_BINS);
    let start = (min / width).floor() * width;
    let n = (((max - start) / width).floor() as usize + 1).max(1);
    let mut counts = vec![0u32; n];
    for &v in values {
        let i = (((v - start) / width) as usize).min(n - 1);
        counts[i] += 1;
    }
    Histogram {
        bin_width: width,
        bins: counts
            .into_iter()
            .enumerate()
            .map(|(i, count)| Bin {
                from: start + i as f64 * width,
                to: start + (i + 1) as f64 * width,
                count,
            })
            .collect(),
    }
}

/// The smallest of 1, 2, 5 × 10^k not below `raw`; 1 for a zero or tiny spread.
fn nice_width(raw: f64) -> f64 {
    if raw <= 1e-9 || !raw.is_finite() {
        return 1.0;
    }
    let exp = 10f64.powf(raw.log10().floor());
    let f = raw / exp;
    let step = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    step * exp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_lands_in_a_bin_with_nice_width() {
        let values: Vec<f64> = (0..1000).map(|i| 20.0 + f64::from(i) * 0.037).collect();
        let h = histogram(&values, 20.0, 20.0 + 999.0 * 0.037);
        assert_eq!(h.bin_width, 2.0);
        assert_eq!(h.bins.iter().map(|b| b.count).sum::<u32>(), 1000);
        assert!(h.bins.len() <= 31);
        assert!(h.bins[0].from <= 20.0 && h.bins.last().unwrap().to > 56.9);
    }

    #[test]
    fn a_single_value_makes_one_bin() {
        let h = histogram(&[32.0; 10], 32.0, 32.0);
        assert_eq!(h.bins.len(), 1);
        assert_eq!(h.bins[0].count, 10);
        assert_eq!((h.bins[0].from, h.bins[0].to), (32.0, 33.0));
    }
}
