//! Operations on the team's records: teams, members, time off, holidays, sprints and the
//! interrupt log. Each write is one transaction and reports what it changed (adding time off and
//! holidays, which re-plans, is in `additions`; removing them is in `removals`).
use chrono::{DateTime, Utc};
use sprintshield_core::interrupt::{Interrupt, InterruptFilter, NewInterrupt};
use sprintshield_core::member::{first_free_colour, Member, NewMember};
use sprintshield_core::sprint::{NewSprint, Sprint};
use sprintshield_core::team::{NewTeam, Team};
use sprintshield_core::time_off::{Holiday, TimeOff};
use sprintshield_core::Id;

use crate::{Changes, Outcome, Record, Result, Sprintshield};

impl Sprintshield {
    /// All teams, by name.
    pub fn teams(&self) -> Result<Vec<Team>> {
        self.read(|s| s.teams())
    }

    /// The team with `id`.
    pub fn team(&self, id: Id) -> Result<Team> {
        self.read(|s| s.team(id))
    }

    /// The team called `name` (case-insensitive); the error lists the teams.
    pub fn team_by_name(&self, name: &str) -> Result<Team> {
        self.read(|s| s.team_by_name(name))
    }

    /// Creates a team.
    pub fn create_team(&mut self, new: NewTeam) -> Result<Outcome<Team>> {
        let team = self.write(|s| s.create_team(new))?;
        Ok(Outcome::new(team.clone(), Changes::created(Record::Team(team))))
    }

    /// The team's members, by name.
    pub fn members(&self, team_id: Id) -> Result<Vec<Member>> {
        self.read(|s| s.members(team_id))
    }

    /// The member with `id`.
    pub fn member(&self, id: Id) -> Result<Member> {
        self.read(|s| s.member(id))
    }

    /// The team's member called `name`.
    pub fn member_by_name(&self, team_id: Id, name: &str) -> Result<Member> {
        self.read(|s| s.member_by_name(team_id, name))
    }

    /// Adds a member to the team. Without a colour of their own they get the first palette
    /// colour no teammate wears (core's `first_free_colour`), so a team's colours differ.
    pub fn add_member(&mut self, team_id: Id, mut new: NewMember) -> Result<Outcome<Member>> {
        let member = self.write(|s| {
            if new.colour.as_deref().is_none_or(|c| c.trim().is_empty()) {
                let used: Vec<String> = s.members(team_id)?.into_iter().map(|m| m.spec.colour).collect();
                new.colour = Some(first_free_colour(&used));
            }
            s.add_member(team_id, new)
        })?;
        Ok(Outcome::new(member.clone(), Changes::created(Record::Member(member))))
    }

    /// All time off of the team's members, by first day.
    pub fn time_off(&self, team_id: Id) -> Result<Vec<TimeOff>> {
        self.read(|s| s.time_off(team_id))
    }

    /// The team's holidays, by date.
    pub fn holidays(&self, team_id: Id) -> Result<Vec<Holiday>> {
        self.read(|s| s.holidays(team_id))
    }

    /// The team's sprints, oldest first.
    pub fn sprints(&self, team_id: Id) -> Result<Vec<Sprint>> {
        self.read(|s| s.sprints(team_id))
    }

    /// The team's sprint called `name`.
    pub fn sprint_by_name(&self, team_id: Id, name: &str) -> Result<Sprint> {
        self.read(|s| s.sprint_by_name(team_id, name))
    }

    /// Creates a sprint (no overlap with the team's others, no duplicate name).
    pub fn create_sprint(&mut self, team_id: Id, new: NewSprint) -> Result<Outcome<Sprint>> {
        let sprint = self.write(|s| s.create_sprint(team_id, new))?;
        Ok(Outcome::new(sprint.clone(), Changes::created(Record::Sprint(sprint))))
    }

    /// Logs an interrupt (its arrival may not be in the future of `now`).
    pub fn log_interrupt(&mut self, team_id: Id, new: NewInterrupt, now: DateTime<Utc>) -> Result<Outcome<Interrupt>> {
        let i = self.write(|s| s.log_interrupt(team_id, new, now))?;
        Ok(Outcome::new(i.clone(), Changes::created(Record::Interrupt(i))))
    }

    /// The team's interrupts matching `filter`, newest first.
    pub fn interrupts(&self, team_id: Id, filter: &InterruptFilter) -> Result<Vec<Interrupt>> {
        self.read(|s| s.interrupts(team_id, filter))
    }
}
