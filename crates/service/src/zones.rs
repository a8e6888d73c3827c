//! The IANA zones a team can be in, for the zone pickers of the team forms.
use crate::{Result, Sprintshield};

impl Sprintshield {
    /// Every IANA zone name a team may use, sorted (core's `zones::zone_names`); reads no data.
    pub fn zones(&self) -> Result<Vec<&'static str>> {
        Ok(sprintshield_core::zones::zone_names())
    }
}
