//! Whether an imported interrupt "could have waited": the tools' exports do not say, so it is
//! inferred from the severity by one stated rule.
//!
//! **The rule.** An interrupt could have waited when its severity is one of the mapping's
//! could-wait severities; by default that is **low** only, which is what the tools' own "not
//! urgent" values read as: PagerDuty urgency `low`, Opsgenie `P4`/`P5`, Jira `Low`/`Lowest`
//! (see [`super::rows`] for how values become severities). **Critical and high never wait** —
//! they are the interrupts that must be handled at once, as the simulator models them — so a
//! mapping may add **normal** to the list but never critical or high. An interrupt whose file
//! gives no severity is read as normal and so, by default, as not able to wait.
//!
//! The user changes the list in the preview's mapping ([`super::CsvMapping::could_wait`]); it is
//! remembered with the rest of the mapping.
use super::CsvMapping;
use crate::interrupt::Severity;
use crate::Invalid;

/// The could-wait severities when the mapping names none.
pub const DEFAULT_COULD_WAIT: &[Severity] = &[Severity::Low];

/// Severities that must be handled at once and can never be marked as could-have-waited.
pub const NEVER_WAITS: &[Severity] = &[Severity::Critical, Severity::High];

/// The severities whose interrupts could have waited under `mapping` (sorted, no repeats).
pub fn could_wait(mapping: &CsvMapping) -> Vec<Severity> {
    let mut list: Vec<Severity> = mapping
        .could_wait
        .as_deref()
        .unwrap_or(DEFAULT_COULD_WAIT)
        .iter()
        .copied()
        .filter(|s| !NEVER_WAITS.contains(s))
        .collect();
    list.sort();
    list.dedup();
    list
}

/// Refuses a chosen list that names critical or high.
pub fn check_could_wait(list: &[Severity]) -> Result<(), Invalid> {
    match list.iter().find(|s| NEVER_WAITS.contains(s)) {
        Some(s) => Err(Invalid::new(
            "mapping",
            format!(
                "{} interrupts must be handled at once, so they cannot be marked as could-have-waited; choose among normal and low",
                s.label()
            ),
        )),
        None => Ok(()),
    }
}

/// The rule in one sentence, as the preview states it.
pub fn rule_sentence(list: &[Severity]) -> String {
    if list.is_empty() {
        return "No severity is marked as could-have-waited, so no imported interrupt is.".to_owned();
    }
    let names: Vec<&str> = list.iter().map(|s| s.name()).collect();
    format!(
        "Could have waited: every {} interrupt (PagerDuty urgency low, Opsgenie P4–P5 and Jira Low/Lowest read as low); critical and high never wait. Change which severities wait in the mapping.",
        names.join(" or ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapping(list: Option<Vec<Severity>>) -> CsvMapping {
        CsvMapping {
            could_wait: list,
            ..Default::default()
        }
    }

    #[test]
    fn low_waits_by_default() {
        assert_eq!(could_wait(&mapping(None)), vec![Severity::Low]);
    }

    #[test]
    fn the_user_can_add_normal_or_mark_none() {
        assert_eq!(
            could_wait(&mapping(Some(vec![Severity::Low, Severity::Normal, Severity::Low]))),
            vec![Severity::Normal, Severity::Low]
        );
        assert!(could_wait(&mapping(Some(vec![]))).is_empty());
    }

    #[test]
    fn critical_and_high_never_wait() {
        assert!(check_could_wait(&[Severity::Low, Severity::High]).is_err());
        assert!(check_could_wait(&[Severity::Critical]).is_err());
        assert!(check_could_wait(&[Severity::Normal, Severity::Low]).is_ok());
        // A remembered list that somehow names them is read without them.
        assert_eq!(
            could_wait(&mapping(Some(vec![Severity::Critical, Severity::Low]))),
            vec![Severity::Low]
        );
    }

    #[test]
    fn the_sentence_names_the_rule() {
        assert!(rule_sentence(&[Severity::Low]).starts_with("Could have waited: every low interrupt"));
        assert!(rule_sentence(&[]).starts_with("No severity"));
    }
}
