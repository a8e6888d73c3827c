//! The interrupt log of a team.
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, OptionalExtension, Row};
use sprintshield_core::import_csv::CsvSource;
use sprintshield_core::interrupt::{
    Interrupt, InterruptCategory, InterruptFilter, InterruptOrigin, InterruptSpec, NewInterrupt, Severity,
};
use sprintshield_core::{AppError, Id};

use crate::{Result, Store};

fn conv<E: std::error::Error + Send + Sync + 'static>(i: usize, e: E) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
}

fn from_row(r: &Row) -> rusqlite::Result<Interrupt> {
    let at: String = r.get(2)?;
    Ok(Interrupt {
        id: r.get(0)?,
        team_id: r.get(1)?,
        spec: InterruptSpec {
            arrived_at: DateTime::parse_from_rfc3339(&at)
                .map_err(|e| conv(2, e))?
                .with_timezone(&Utc),
            title: r.get(3)?,
            category: InterruptCategory::parse(&r.get::<_, String>(4)?).map_err(|e| conv(4, e))?,
            severity: Severity::parse(&r.get::<_, String>(5)?).map_err(|e| conv(5, e))?,
            handled_by: r.get(6)?,
            minutes: r.get(7)?,
            pulled_off_focus: r.get(8)?,
            could_have_waited: r.get(9)?,
            root_cause: r.get(10)?,
        },
        origin: match (r.get::<_, Option<String>>(11)?, r.get::<_, Option<String>>(12)?) {
            (Some(source), Some(external_id)) => Some(InterruptOrigin {
                source: CsvSource::parse(&source).map_err(|e| conv(11, e))?,
                external_id,
            }),
            _ => None,
        },
    })
}

/// The columns [`from_row`] reads, from `interrupt i` joined with its import source `s`.
const COLUMNS: &str = "i.id, i.team_id, i.arrived_at, i.title, i.category, i.severity, i.handled_by, i.minutes,
     i.pulled_off_focus, i.could_have_waited, i.root_cause, s.source, s.external_id
     FROM interrupt i LEFT JOIN interrupt_source s ON s.interrupt_id = i.id";

/// Remembers where an imported interrupt came from (a re-import skips it).
pub(crate) fn insert_origin(tx: &rusqlite::Connection, interrupt_id: Id, origin: &InterruptOrigin) -> Result<()> {
    tx.prepare_cached("INSERT INTO interrupt_source (interrupt_id, source, external_id) VALUES (?1, ?2, ?3)")?
        .execute(params![interrupt_id, origin.source.name(), origin.external_id])?;
    Ok(())
}

fn utc_text(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Refuses a handler who is not a member of `team_id`.
fn check_handler(tx: &rusqlite::Connection, team_id: Id, spec: &InterruptSpec) -> Result<()> {
    if let Some(m) = spec.handled_by {
        let team: Option<Id> = tx
            .query_row("SELECT team_id FROM member WHERE id = ?1", [m], |r| r.get(0))
            .optional()?;
        if team != Some(team_id) {
            return Err(
                AppError::conflict("handled_by", "the person who handled it is not a member of this team").into(),
            );
        }
    }
    Ok(())
}

/// `spec`'s fields as SQL values, in the order the statements below name their columns
/// (`arrived_at` … `root_cause`): insert and update bind the same list.
fn spec_values(spec: &InterruptSpec) -> [Value; 9] {
    [
        utc_text(spec.arrived_at).into(),
        spec.title.clone().into(),
        spec.category.name().to_owned().into(),
        spec.severity.name().to_owned().into(),
        spec.handled_by.into(),
        spec.minutes.into(),
        spec.pulled_off_focus.into(),
        spec.could_have_waited.into(),
        spec.root_cause.clone().into(),
    ]
}

/// `key` (team id for an insert, interrupt id for an update) then `spec`'s values, as `?1..?10`.
fn bound(key: Id, spec: &InterruptSpec) -> impl rusqlite::Params {
    params_from_iter(std::iter::once(Value::from(key)).chain(spec_values(spec)))
}

pub(crate) fn insert_interrupt(tx: &rusqlite::Connection, team_id: Id, spec: &InterruptSpec) -> Result<Interrupt> {
    check_handler(tx, team_id, spec)?;
    tx.prepare_cached(
        "INSERT INTO interrupt (team_id, arrived_at, title, category, severity, handled_by, minutes, pulled_off_focus,
                                could_have_waited, root_cause) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(bound(team_id, spec))?;
    Ok(Interrupt {
        id: tx.last_insert_rowid(),
        team_id,
        spec: spec.clone(),
        origin: None,
    })
}

impl Store {
    /// Validates and logs an interrupt; a time without offset is read in the team's zone.
    /// `now` bounds the arrival time (no interrupts from the future).
    pub fn log_interrupt(&mut self, team_id: Id, new: NewInterrupt, now: DateTime<Utc>) -> Result<Interrupt> {
        let team = self.team(team_id)?;
        let spec = new.validate(team.spec.zone, now)?;
        insert_interrupt(&self.conn, team_id, &spec)
    }

    /// The team's interrupts matching `filter`, newest first.
    pub fn interrupts(&self, team_id: Id, filter: &InterruptFilter) -> Result<Vec<Interrupt>> {
        let zone = self.team(team_id)?.spec.zone;
        let day_start = |d: NaiveDate| {
            utc_text(sprintshield_core::time::resolve_local(
                zone,
                d.and_hms_opt(0, 0, 0).expect("midnight"),
            ))
        };
        let from = filter.from.map(day_start).unwrap_or_default();
        let to = filter
            .to
            .and_then(|d| d.succ_opt())
            .map(day_start)
            .unwrap_or_else(|| "9999".into());
        let mut st = self.conn.prepare(&format!(
            "SELECT {COLUMNS}
             WHERE i.team_id = ?1 AND i.arrived_at >= ?2 AND i.arrived_at < ?3
               AND (?4 IS NULL OR i.category = ?4) AND (?5 IS NULL OR i.severity = ?5)
             ORDER BY i.arrived_at DESC, i.id DESC"
        ))?;
        let rows = st.query_map(
            params![
                team_id,
                from,
                to,
                filter.category.map(|c| c.name()),
                filter.severity.map(|s| s.name())
            ],
            from_row,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Store {
    /// The interrupt with `id`.
    pub fn interrupt(&self, id: Id) -> Result<Interrupt> {
        self.conn
            .query_row(&format!("SELECT {COLUMNS} WHERE i.id = ?1"), [id], from_row)
            .optional()?
            .ok_or_else(|| AppError::not_found(format!("there is no interrupt with id {id}")).into())
    }

    /// Replaces interrupt `id`'s fields (validated by the caller; the handler must be of its team).
    /// The row is updated in place, so what else refers to it — the source and external id of an
    /// imported interrupt — stays with it and a re-import still recognises it.
    pub fn update_interrupt(&mut self, id: Id, spec: &InterruptSpec) -> Result<Interrupt> {
        let old = self.interrupt(id)?;
        check_handler(&self.conn, old.team_id, spec)?;
        self.conn
            .prepare_cached(
                "UPDATE interrupt SET arrived_at = ?2, title = ?3, category = ?4, severity = ?5, handled_by = ?6,
                        minutes = ?7, pulled_off_focus = ?8, could_have_waited = ?9, root_cause = ?10
                 WHERE id = ?1",
            )?
            .execute(bound(id, spec))?;
        Ok(Interrupt {
            id,
            team_id: old.team_id,
            spec: spec.clone(),
            origin: old.origin,
        })
    }

    /// Deletes interrupt `id` and returns it.
    pub fn delete_interrupt(&mut self, id: Id) -> Result<Interrupt> {
        let old = self.interrupt(id)?;
        self.conn.execute("DELETE FROM interrupt WHERE id = ?1", [id])?;
        Ok(old)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use sprintshield_core::team::{NewTeam, TeamKind};

    fn new(at: &str, category: InterruptCategory) -> NewInterrupt {
        NewInterrupt {
            arrived_at: at.into(),
            title: "Something broke".into(),
            category,
            severity: Severity::Normal,
            handled_by: None,
            minutes: 30,
            pulled_off_focus: false,
            could_have_waited: false,
            root_cause: String::new(),
        }
    }

    #[test]
    fn filter_by_local_days_and_category() {
        let mut s = Store::open_in_memory().unwrap();
        let t = s
            .create_team(NewTeam {
                name: "P".into(),
                kind: TeamKind::Dev,
                zone: "Europe/Berlin".into(),
                working_days: None,
                sprint_length_days: None,
            })
            .unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
        // 00:30 Berlin on Nov 20 is still Nov 19 in UTC: the local day decides.
        s.log_interrupt(t.id, new("2026-11-20T00:30", InterruptCategory::ProductionBug), now)
            .unwrap();
        s.log_interrupt(t.id, new("2026-11-21T10:00", InterruptCategory::UserQuestion), now)
            .unwrap();
        let d = |day| NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
        let on_20 = s
            .interrupts(
                t.id,
                &InterruptFilter {
                    from: Some(d(20)),
                    to: Some(d(20)),
                    ..Default::default()
                },
            )
            .unwrap();
        assert_eq!(on_20.len(), 1);
        assert_eq!(on_20[0].spec.category, InterruptCategory::ProductionBug);
        let questions = s
            .interrupts(
                t.id,
                &InterruptFilter {
                    category: Some(InterruptCategory::UserQuestion),
                    ..Default::default()
                },
            )
            .unwrap();
        assert_eq!(questions.len(), 1);
        assert_eq!(s.interrupts(t.id, &InterruptFilter::default()).unwrap().len(), 2);
        let mut bad = new("2026-11-21T10:00", InterruptCategory::Other);
        bad.handled_by = Some(4242);
        assert!(s.log_interrupt(t.id, bad, now).is_err());
        assert_eq!(s.interrupts(t.id, &InterruptFilter::default()).unwrap().len(), 2);
    }

    #[test]
    fn insert_and_update_write_every_field_to_its_column() {
        let mut s = Store::open_in_memory().unwrap();
        let t = s
            .create_team(NewTeam {
                name: "P".into(),
                kind: TeamKind::Ops,
                zone: "UTC".into(),
                working_days: None,
                sprint_length_days: None,
            })
            .unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
        let logged = s
            .log_interrupt(t.id, new("2026-11-20T09:15", InterruptCategory::ProductionBug), now)
            .unwrap();
        assert_eq!(s.interrupt(logged.id).unwrap(), logged);
        // Every field differs from the logged one, and the two flags differ from each other,
        // so a column given another field's value shows up.
        let spec = InterruptSpec {
            arrived_at: Utc.with_ymd_and_hms(2026, 11, 21, 16, 40, 0).unwrap(),
            title: "Pager at tea time".into(),
            category: InterruptCategory::UserQuestion,
            severity: Severity::Critical,
            handled_by: None,
            minutes: 95,
            pulled_off_focus: true,
            could_have_waited: false,
            root_cause: "flaky probe".into(),
        };
        let updated = s.update_interrupt(logged.id, &spec).unwrap();
        assert_eq!(updated.spec, spec);
        assert_eq!(s.interrupt(logged.id).unwrap(), updated);
        let other = InterruptSpec {
            pulled_off_focus: false,
            could_have_waited: true,
            ..spec
        };
        assert_eq!(s.update_interrupt(logged.id, &other).unwrap().spec, other);
        assert_eq!(s.interrupt(logged.id).unwrap().spec, other);
    }
}
