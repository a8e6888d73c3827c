//! What can be wrong with a planned release, as a closed set of kinds plus a sentence.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::named_enum;

named_enum! {
    /// The kind of a release warning.
    #[ts(rename = "ReleaseWarningKind")]
    pub enum WarningKind ("release warning") {
        NoDutyCover = "no_duty_cover", "No ops duty cover";
        DutyOnTimeOff = "duty_on_time_off", "Duty person on time off";
        OnHoliday = "on_holiday", "Release on a holiday";
        InFreeze = "in_freeze", "Release in a freeze window";
        LagTooShort = "lag_too_short", "Lag shorter than the minimum";
        TwoInOneWeekend = "two_in_one_weekend", "Two releases in one weekend";
        NoValidSlot = "no_valid_slot", "No valid slot found";
    }
}

/// One warning on a release.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReleaseWarning {
    /// What kind of problem.
    pub kind: WarningKind,
    /// The problem in plain words, with dates and names.
    pub message: String,
}

impl ReleaseWarning {
    /// A warning of `kind` saying `message`.
    pub fn new(kind: WarningKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
        }
    }
}
