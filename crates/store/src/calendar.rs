//! Calendar bookkeeping rows: what each export scope wrote (so re-exports keep UIDs, raise
//! sequences and cancel removed events; the rule is `sprintshield_core::calendar::reconcile`), and
//! the one write of an import.
use std::collections::HashMap;

use chrono::NaiveDate;
use chrono_tz::Tz;
use rusqlite::params;
use sprintshield_core::calendar::reconcile::{first_day, Recorded};
use sprintshield_core::calendar::CalendarEvent;
use sprintshield_core::time_off::{Holiday, TimeOff, TimeOffSpec};
use sprintshield_core::Id;

use crate::{teams, time_off, Result, Store};

impl Store {
    /// Everything the export scope `scope` wrote before, by UID.
    pub fn recorded_exports(&self, scope: &str) -> Result<HashMap<String, Recorded>> {
        let mut st = self
            .conn
            .prepare("SELECT uid, hash, sequence, event, first_day, cancelled FROM export_event WHERE scope = ?1")?;
        let rows = st.query_map([scope], |r| {
            let text: String = r.get(3)?;
            let event: CalendarEvent = serde_json::from_str(&text)
                .map_err(|e| rusqlite::Error::FromSqlConversionFailure(3, rusqlite::types::Type::Text, Box::new(e)))?;
            Ok((
                r.get::<_, String>(0)?,
                Recorded {
                    hash: r.get(1)?,
                    sequence: r.get(2)?,
                    event,
                    first_day: crate::members::date_col(r, 4)?,
                    cancelled: r.get(5)?,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records what an export of `scope` wrote: `events` (with their content `hashes`) as live,
    /// `gone` as cancelled with their raised sequences.
    pub fn record_export(
        &mut self,
        scope: &str,
        events: &[CalendarEvent],
        hashes: &HashMap<String, String>,
        gone: &[CalendarEvent],
        zone: Tz,
    ) -> Result<()> {
        let tx = self.conn.savepoint()?;
        for e in events {
            tx.execute(
                "INSERT INTO export_event (scope, uid, hash, sequence, event, first_day, cancelled)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0)
                 ON CONFLICT (scope, uid) DO UPDATE SET hash = excluded.hash, sequence = excluded.sequence,
                     event = excluded.event, first_day = excluded.first_day, cancelled = 0",
                params![
                    scope,
                    e.uid,
                    hashes.get(&e.uid).map(String::as_str).unwrap_or_default(),
                    e.sequence,
                    serde_json::to_string(e).expect("events serialise"),
                    first_day(e, zone).to_string()
                ],
            )?;
        }
        for e in gone {
            tx.execute(
                "UPDATE export_event SET sequence = ?3, cancelled = 1 WHERE scope = ?1 AND uid = ?2",
                params![scope, e.uid, e.sequence],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Writes imported time off and holidays of `team_id` together (all of it, or nothing) and
    /// returns the stored records.
    pub fn write_import(
        &mut self,
        team_id: Id,
        time_off: &[TimeOffSpec],
        holidays: &[(NaiveDate, String)],
    ) -> Result<(Vec<TimeOff>, Vec<Holiday>)> {
        let tx = self.conn.savepoint()?;
        let mut away = Vec::with_capacity(time_off.len());
        for spec in time_off {
            away.push(time_off::insert_time_off(&tx, spec)?);
        }
        let mut days = Vec::with_capacity(holidays.len());
        for (date, name) in holidays {
            days.push(teams::insert_holiday(&tx, team_id, *date, name)?);
        }
        tx.commit()?;
        Ok((away, days))
    }
}
