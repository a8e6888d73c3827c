//! Checking a duty policy as it is typed, before it exists: the policy editor asks on every
//! change and shows the answer under the field it names. The check is the real `add_policy`
//! (every rule of core and the store: names, members of the team, the escalation target, a name
//! the team already uses), rolled back, so what passes here is what saving stores.
use sprintshield_core::rotation::NewPolicy;
use sprintshield_core::Id;

use crate::{Result, Sprintshield};

impl Sprintshield {
    /// Whether `new` could be added to team `team_id` as it stands: `Ok(())`, or the error saving
    /// would give (with the field it names). Nothing is written.
    pub fn validate_policy(&mut self, team_id: Id, new: NewPolicy) -> Result<()> {
        self.dry_run(|s| s.add_policy(team_id, new).map(|_| ()))
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use sprintshield_core::rotation::PolicyKind;

    use super::*;

    fn demo() -> (Sprintshield, Id) {
        let mut app = Sprintshield::open_in_memory().unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let now = today.and_hms_opt(10, 0, 0).unwrap().and_utc();
        app.load_demo(today, now).unwrap();
        let phoenix = app
            .teams()
            .unwrap()
            .into_iter()
            .find(|t| t.spec.name == "Phoenix")
            .unwrap();
        (app, phoenix.id)
    }

    #[test]
    fn a_valid_policy_passes_and_nothing_is_written() {
        let (mut app, team) = demo();
        let before = app.policies(team).unwrap().len();
        app.validate_policy(team, NewPolicy::new("Chores", PolicyKind::Sprint))
            .unwrap();
        assert_eq!(app.policies(team).unwrap().len(), before);
    }

    #[test]
    fn errors_name_their_field() {
        let (mut app, team) = demo();
        let taken = app
            .validate_policy(team, NewPolicy::new("Batman", PolicyKind::Daily))
            .unwrap_err();
        assert_eq!(taken.field.as_deref(), Some("name"));
        let mut far = NewPolicy::new("Chores", PolicyKind::Sprint);
        far.focus_share_percent = Some(120);
        assert_eq!(
            app.validate_policy(team, far).unwrap_err().field.as_deref(),
            Some("focus_share_percent")
        );
        let mut stranger = NewPolicy::new("Chores", PolicyKind::Sprint);
        stranger.pool = vec![424242];
        assert_eq!(
            app.validate_policy(team, stranger).unwrap_err().field.as_deref(),
            Some("pool")
        );
    }
}
