//! The IANA time zones a team can be in: every name the bundled zone database knows, for pickers
//! that offer a list instead of free text (so a team is never silently left on UTC by a typo).
use chrono_tz::TZ_VARIANTS;

/// Every IANA zone name the bundled database knows (canonical names and their links, such as
/// `Europe/Berlin` and `US/Eastern`), sorted by byte order, without duplicates. Each one is
/// accepted by [`crate::time::parse_zone`].
pub fn zone_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = TZ_VARIANTS.iter().map(|tz| tz.name()).collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_zone;

    #[test]
    fn names_are_sorted_unique_and_parse() {
        let names = zone_names();
        assert!(names.len() > 300, "{}", names.len());
        assert!(names.windows(2).all(|w| w[0] < w[1]));
        for n in [
            "Europe/Berlin",
            "America/Chicago",
            "Australia/Lord_Howe",
            "UTC",
            "Asia/Kolkata",
        ] {
            assert!(names.contains(&n), "{n}");
        }
        assert!(names.iter().all(|n| parse_zone(n).is_ok()));
    }
}
