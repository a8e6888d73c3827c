//! Rotation planning: who shields the team from interrupts, when.
//!
//! - [`policy`]: duty policies (daily, weekly, per sprint, standing) and their validation;
//! - [`turn`]: turns, one member's duty as UTC instants;
//! - [`handoff`]: turn boundaries as wall-clock handoffs in the team's zone, DST-correct;
//! - [`planner`]: the fair, deterministic planner with an explanation per choice;
//! - [`conflicts`]: checking a rotation, every problem with a human sentence;
//! - [`edit`]: overrides, swaps and "who is on duty now";
//! - [`fairness`]: the fairness report and the ledger of who covered for whom;
//! - [`view`]: what the planner screen shows, and the preview of an edit before it is made;
//!   the range's local days ([`ViewDay`]) come with it.
//!
//! Everything here is pure: the zone, `now`, members and time off come in as values.
mod calendar;
pub mod changes;
pub mod conflicts;
mod days;
pub mod edit;
pub mod fairness;
pub mod handoff;
pub mod planner;
pub mod policy;
mod rota;
pub mod turn;
pub mod view;

pub use calendar::RotationContext;
pub use changes::{diff_turns, same_duty, TurnChanges};
pub use conflicts::{validate, Conflict, ConflictChecker, ConflictKind, Severity};
pub use days::ViewDay;
pub use edit::{find_turn, override_turn, swap_turns, who_is_on_duty, OnDuty};
pub use fairness::{fairness, CoverEntry, FairnessReport, FairnessRow, Payback};
pub use handoff::{turn_windows, Window};
pub use planner::{plan, Explanation, Plan, PlanInput};
pub use policy::{DutyPolicy, Handoff, LoadWeights, NewPolicy, PolicyKind, PolicySpec, StandingCover};
pub use turn::{validate_note, Turn, TurnSource};
pub use view::{
    apply_edit, check_edit, preview_edit, rotation_view, CapacityChange, Edit, EditPreview, LoadChange, RotationView,
    ShownConflict, TodayCard,
};
