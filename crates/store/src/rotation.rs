//! Duty policies and turns, and loading everything the rotation planner needs for a team.
use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveTime, Utc};
use rusqlite::{params, OptionalExtension, Row};
use sprintshield_core::rotation::{
    DutyPolicy, Handoff, NewPolicy, PolicyKind, PolicySpec, RotationContext, StandingCover, Turn, TurnSource,
};
use sprintshield_core::time::parse_weekday;
use sprintshield_core::{AppError, Id};

use crate::error::is_unique_violation;
use crate::{Result, Store};

const POLICY_COLUMNS: &str = "id, team_id, name, kind, handoff_weekday, handoff_time, pool, focus_share_percent, \
     checklist, escalates_to, shadow_pool, min_gap_turns, weights, standing_member_id, stand_in_id";
const TURN_COLUMNS: &str =
    "t.id, t.policy_id, t.member_id, t.start_at, t.end_at, t.source, t.locked, t.note, t.shadow_member_id, t.replaced_member_id";

fn conv<E: std::error::Error + Send + Sync + 'static>(i: usize, e: E) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
}

fn json<T: serde::de::DeserializeOwned>(r: &Row, i: usize) -> rusqlite::Result<T> {
    let text: String = r.get(i)?;
    serde_json::from_str(&text).map_err(|e| conv(i, e))
}

fn policy_from_row(r: &Row) -> rusqlite::Result<DutyPolicy> {
    let standing_member: Option<Id> = r.get(13)?;
    Ok(DutyPolicy {
        id: r.get(0)?,
        team_id: r.get(1)?,
        spec: PolicySpec {
            name: r.get(2)?,
            kind: PolicyKind::parse(&r.get::<_, String>(3)?).map_err(|e| conv(3, e))?,
            handoff: Handoff {
                weekday: parse_weekday(&r.get::<_, String>(4)?).map_err(|e| conv(4, e))?,
                time: NaiveTime::parse_from_str(&r.get::<_, String>(5)?, "%H:%M").map_err(|e| conv(5, e))?,
            },
            pool: json(r, 6)?,
            focus_share_percent: r.get(7)?,
            checklist: json(r, 8)?,
            escalates_to: r.get(9)?,
            shadow_pool: json(r, 10)?,
            min_gap_turns: r.get(11)?,
            weights: json(r, 12)?,
            standing: standing_member.map(|member_id| StandingCover {
                member_id,
                stand_in_id: r.get(14).ok().flatten(),
            }),
        },
    })
}

fn utc(r: &Row, i: usize) -> rusqlite::Result<DateTime<Utc>> {
    let text: String = r.get(i)?;
    DateTime::parse_from_rfc3339(&text)
        .map(|d| d.with_timezone(&Utc))
        .map_err(|e| conv(i, e))
}

fn utc_text(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn turn_from_row(r: &Row) -> rusqlite::Result<Turn> {
    Ok(Turn {
        id: r.get(0)?,
        policy_id: r.get(1)?,
        member_id: r.get(2)?,
        start: utc(r, 3)?,
        end: utc(r, 4)?,
        source: TurnSource::parse(&r.get::<_, String>(5)?).map_err(|e| conv(5, e))?,
        locked: r.get(6)?,
        note: r.get(7)?,
        shadow_member_id: r.get(8)?,
        replaced_member_id: r.get(9)?,
    })
}

/// Inserts a turn under its own id, or under a new one when it has none; returns the id.
fn insert_turn(tx: &rusqlite::Connection, t: &Turn) -> Result<Id> {
    tx.execute(
        "INSERT INTO turn (id, policy_id, member_id, start_at, end_at, source, locked, note, shadow_member_id, replaced_member_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            t.id,
            t.policy_id,
            t.member_id,
            utc_text(t.start),
            utc_text(t.end),
            t.source.name(),
            t.locked,
            t.note,
            t.shadow_member_id,
            t.replaced_member_id
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

fn update_turn(tx: &rusqlite::Connection, id: Id, t: &Turn) -> Result<()> {
    let n = tx.execute(
        "UPDATE turn SET member_id = ?2, start_at = ?3, end_at = ?4, source = ?5, locked = ?6, note = ?7,
                shadow_member_id = ?8, replaced_member_id = ?9 WHERE id = ?1",
        params![
            id,
            t.member_id,
            utc_text(t.start),
            utc_text(t.end),
            t.source.name(),
            t.locked,
            t.note,
            t.shadow_member_id,
            t.replaced_member_id
        ],
    )?;
    if n == 0 {
        return Err(AppError::not_found(format!("there is no turn with id {id}; reload the rotation")).into());
    }
    Ok(())
}

pub(crate) const INSERT_POLICY: &str = "INSERT INTO duty_policy (team_id, name, kind, handoff_weekday, handoff_time, pool,
        focus_share_percent, checklist, escalates_to, shadow_pool, min_gap_turns, weights, standing_member_id, stand_in_id)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
const UPDATE_POLICY: &str = "UPDATE duty_policy SET name = ?2, kind = ?3, handoff_weekday = ?4, handoff_time = ?5,
        pool = ?6, focus_share_percent = ?7, checklist = ?8, escalates_to = ?9, shadow_pool = ?10, min_gap_turns = ?11,
        weights = ?12, standing_member_id = ?13, stand_in_id = ?14
     WHERE id = ?1";

/// Runs `sql` (INSERT with `key` = team id, or UPDATE with `key` = policy id) with the spec's
/// fields as ?2..?14; a duplicate name becomes a conflict on `name`.
pub(crate) fn write_policy(conn: &rusqlite::Connection, sql: &str, key: Id, spec: &PolicySpec) -> Result<()> {
    let res = conn.execute(
        sql,
        params![
            key,
            spec.name,
            spec.kind.name(),
            spec.handoff.weekday.to_string(),
            spec.handoff.time.format("%H:%M").to_string(),
            serde_json::to_string(&spec.pool).expect("ids serialise"),
            spec.focus_share_percent,
            serde_json::to_string(&spec.checklist).expect("strings serialise"),
            spec.escalates_to,
            serde_json::to_string(&spec.shadow_pool).expect("ids serialise"),
            spec.min_gap_turns,
            serde_json::to_string(&spec.weights).expect("weights serialise"),
            spec.standing.map(|s| s.member_id),
            spec.standing.and_then(|s| s.stand_in_id),
        ],
    );
    match res {
        Err(e) if is_unique_violation(&e) => Err(AppError::conflict(
            "name",
            format!("the team already has a policy called \"{}\"", spec.name),
        )
        .into()),
        Err(e) => Err(e.into()),
        Ok(_) => Ok(()),
    }
}

impl Store {
    /// Validates and stores a duty policy: pool, shadow pool and standing members must belong to
    /// the team; the escalation target must exist and not be the policy itself.
    pub fn add_policy(&mut self, team_id: Id, new: NewPolicy) -> Result<DutyPolicy> {
        let spec = new.validate()?;
        self.team(team_id)?;
        spec.check_members(&self.members(team_id)?)?;
        if let Some(target) = spec.escalates_to {
            self.policy(target)?;
        }
        write_policy(&self.conn, INSERT_POLICY, team_id, &spec)?;
        Ok(DutyPolicy {
            id: self.conn.last_insert_rowid(),
            team_id,
            spec,
        })
    }

    /// The team's duty policies, in creation order.
    pub fn policies(&self, team_id: Id) -> Result<Vec<DutyPolicy>> {
        let mut st = self.conn.prepare(&format!(
            "SELECT {POLICY_COLUMNS} FROM duty_policy WHERE team_id = ?1 ORDER BY id"
        ))?;
        let rows = st.query_map([team_id], policy_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The policy with `id`, or a "not found" error.
    pub fn policy(&self, id: Id) -> Result<DutyPolicy> {
        self.conn
            .query_row(
                &format!("SELECT {POLICY_COLUMNS} FROM duty_policy WHERE id = ?1"),
                [id],
                policy_from_row,
            )
            .optional()?
            .ok_or_else(|| AppError::not_found(format!("there is no duty policy with id {id}")).into())
    }

    /// The team's policy called `name` (case-insensitive), or a "not found" error listing them.
    pub fn policy_by_name(&self, team_id: Id, name: &str) -> Result<DutyPolicy> {
        let all = self.policies(team_id)?;
        let names: Vec<String> = all.iter().map(|p| p.spec.name.clone()).collect();
        all.into_iter()
            .find(|p| p.spec.name.eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| {
                AppError::not_found(format!(
                    "there is no duty policy called \"{name}\" ({})",
                    if names.is_empty() {
                        "the team has none yet".to_owned()
                    } else {
                        format!("policies: {}", names.join(", "))
                    }
                ))
                .into()
            })
    }

    /// Every turn of the team's policies that overlaps `[from, to)`, by policy then start.
    pub fn turns(&self, team_id: Id, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<Turn>> {
        self.query_turns(team_id, &utc_text(from), &utc_text(to))
    }

    /// Every turn of the team's policies.
    pub fn all_turns(&self, team_id: Id) -> Result<Vec<Turn>> {
        // RFC 3339 text compares in time order; these bounds sort before and after every instant.
        self.query_turns(team_id, "0", "A")
    }

    fn query_turns(&self, team_id: Id, from: &str, to: &str) -> Result<Vec<Turn>> {
        let mut st = self.conn.prepare(&format!(
            "SELECT {TURN_COLUMNS} FROM turn t JOIN duty_policy p ON p.id = t.policy_id
             WHERE p.team_id = ?1 AND t.end_at > ?2 AND t.start_at < ?3 ORDER BY t.policy_id, t.start_at"
        ))?;
        let rows = st.query_map(params![team_id, from, to], turn_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Everything the planner, the checker and the fairness report need about the team: zone,
    /// working days, its policies plus the escalation targets in other teams (with their members),
    /// time off, holidays and sprints.
    pub fn rotation_context(&self, team_id: Id) -> Result<RotationContext> {
        let team = self.team(team_id)?;
        let mut policies = self.policies(team_id)?;
        let mut members = self.members(team_id)?;
        let mut time_off = self.time_off(team_id)?;
        let mut other_teams: HashSet<Id> = HashSet::new();
        for target in policies.iter().filter_map(|p| p.spec.escalates_to).collect::<Vec<_>>() {
            if policies.iter().all(|p| p.id != target) {
                let p = self.policy(target)?;
                if other_teams.insert(p.team_id) {
                    members.extend(self.members(p.team_id)?);
                    time_off.extend(self.time_off(p.team_id)?);
                }
                policies.push(p);
            }
        }
        Ok(RotationContext {
            zone: team.spec.zone,
            working_days: team.spec.working_days,
            policies,
            members,
            time_off,
            holidays: self.holidays(team_id)?,
            sprints: self.sprints(team_id)?,
            release_days: Vec::new(),
        })
    }

    /// Makes the stored turns of `policy_ids` equal `turns`, in one transaction: turns with an id
    /// are updated, turns without one inserted, and stored turns of those policies whose id is not
    /// in `turns` deleted. Returns the turns with their ids. Rejects turns of other policies.
    pub fn save_turns(&mut self, policy_ids: &[Id], turns: &[Turn]) -> Result<Vec<Turn>> {
        if let Some(t) = turns.iter().find(|t| !policy_ids.contains(&t.policy_id)) {
            return Err(
                AppError::conflict("policy", format!("turn of policy {} is outside this edit", t.policy_id)).into(),
            );
        }
        // A savepoint, so a caller's transaction (e.g. loading the demo) can include this write.
        let tx = self.conn.savepoint()?;
        let keep: HashSet<Id> = turns.iter().filter_map(|t| t.id).collect();
        for &pid in policy_ids {
            let ids: Vec<Id> = {
                let mut st = tx.prepare("SELECT id FROM turn WHERE policy_id = ?1")?;
                let rows = st.query_map([pid], |r| r.get(0))?;
                rows.collect::<rusqlite::Result<_>>()?
            };
            for id in ids.into_iter().filter(|id| !keep.contains(id)) {
                tx.execute("DELETE FROM turn WHERE id = ?1", [id])?;
            }
        }
        let mut saved = Vec::with_capacity(turns.len());
        // Updates first, so a turn moving onto a start another one leaves does not clash.
        for t in turns.iter().filter(|t| t.id.is_some()) {
            update_turn(&tx, t.id.expect("filtered"), t)?;
            saved.push(t.clone());
        }
        for t in turns.iter().filter(|t| t.id.is_none()) {
            let id = insert_turn(&tx, t).map_err(|e| match e {
                crate::StoreError::Sql(ref s) if is_unique_violation(s) => AppError::conflict(
                    "start",
                    format!("two turns of policy {} start at {}", t.policy_id, t.start),
                )
                .into(),
                other => other,
            })?;
            saved.push(Turn {
                id: Some(id),
                ..t.clone()
            });
        }
        tx.commit()?;
        saved.sort_by_key(|t| (t.policy_id, t.start));
        Ok(saved)
    }

    /// Deletes the stored turns `remove` that `put` does not name, then stores `put` under the
    /// ids they carry (updating a turn that still exists, keeping its note; inserting one that
    /// was deleted); one transaction. Callers check first that `remove` is what is stored.
    pub fn replace_turns(&mut self, remove: &[Turn], put: &[Turn]) -> Result<()> {
        let tx = self.conn.savepoint()?;
        // Every turn to put is written afresh after all of `remove` and the stored versions of
        // `put` are gone, so a re-plan that shifted starts along a chain (each turn onto the
        // start the next one leaves) is undone without two turns meeting on one start midway.
        let mut notes: HashMap<Id, String> = HashMap::new();
        for t in put {
            let id =
                t.id.ok_or_else(|| AppError::conflict("turn", "a turn to put back has no id"))?;
            let note: Option<String> = tx
                .query_row("SELECT note FROM turn WHERE id = ?1", [id], |r| r.get(0))
                .optional()?;
            notes.extend(note.map(|n| (id, n)));
        }
        for id in remove.iter().filter_map(|t| t.id).chain(notes.keys().copied()) {
            tx.execute("DELETE FROM turn WHERE id = ?1", [id])?;
        }
        for t in put {
            let note =
                t.id.and_then(|id| notes.get(&id))
                    .cloned()
                    .unwrap_or_else(|| t.note.clone());
            let written = insert_turn(&tx, &Turn { note, ..t.clone() }).map(|_| ());
            written.map_err(|e| match e {
                crate::StoreError::Sql(ref s) if is_unique_violation(s) => AppError::conflict(
                    "turn",
                    format!(
                        "another turn now starts at {}; nothing was changed — reload the rotation",
                        t.start.format("%Y-%m-%d %H:%M UTC")
                    ),
                )
                .into(),
                other => other,
            })?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The handoff note of a stored turn.
    pub fn turn_note(&self, turn_id: Id) -> Result<String> {
        self.conn
            .query_row("SELECT note FROM turn WHERE id = ?1", [turn_id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| AppError::not_found(format!("there is no turn with id {turn_id}")).into())
    }

    /// Sets the handoff note of a stored turn (validated by the caller).
    pub fn set_turn_note(&mut self, turn_id: Id, note: &str) -> Result<()> {
        let n = self
            .conn
            .execute("UPDATE turn SET note = ?2 WHERE id = ?1", params![turn_id, note])?;
        if n == 0 {
            return Err(AppError::not_found(format!("there is no turn with id {turn_id}")).into());
        }
        Ok(())
    }

    /// Updates the given stored turns (each must have an id) in one transaction.
    pub fn update_turns(&mut self, turns: &[Turn]) -> Result<()> {
        let tx = self.conn.savepoint()?;
        for t in turns {
            let id =
                t.id.ok_or_else(|| AppError::conflict("turn", "a turn to update has no id"))?;
            update_turn(&tx, id, t)?;
        }
        tx.commit()?;
        Ok(())
    }
}

impl Store {
    /// Stores `spec` as policy `id`'s fields (validated by the caller; members checked here
    /// against the team, the escalation target must exist and not be the policy itself).
    pub fn update_policy(&mut self, id: Id, spec: &PolicySpec) -> Result<DutyPolicy> {
        let old = self.policy(id)?;
        spec.check_members(&self.members(old.team_id)?)?;
        if let Some(target) = spec.escalates_to {
            if target == id {
                return Err(AppError::conflict("escalates_to", "a policy cannot escalate to itself").into());
            }
            self.policy(target)?;
        }
        write_policy(&self.conn, UPDATE_POLICY, id, spec)?;
        self.policy(id)
    }

    /// Deletes a duty policy and its turns; policies escalating to it no longer do.
    pub fn delete_policy(&mut self, id: Id) -> Result<DutyPolicy> {
        let policy = self.policy(id)?;
        self.conn.execute("DELETE FROM duty_policy WHERE id = ?1", [id])?;
        Ok(policy)
    }
}
