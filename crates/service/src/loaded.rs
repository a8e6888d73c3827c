//! The rotation context and turns a planner operation last loaded, kept between operations while
//! nothing has changed them, so a drag preview or a drop does not read the whole team again.
//!
//! Kept data is current when (a) no other connection has committed since it was loaded — SQLite's
//! `data_version`, read inside the operation's own transaction, is unchanged — and (b) this
//! connection has made no write since other than the one that handed it back with its result
//! (every write bumps [`Sprintshield`](crate::Sprintshield)'s write count). Anything else loads
//! again; a stale copy is never used.
use sprintshield_core::rotation::{RotationContext, Turn};
use sprintshield_core::Id;
use sprintshield_store::Store;

/// A team's rotation context and every stored turn of its policies, as of `version`.
#[derive(Debug, Clone)]
pub(crate) struct Loaded {
    pub team_id: Id,
    pub ctx: RotationContext,
    pub turns: Vec<Turn>,
    version: Version,
}

/// What must be unchanged for kept data to be current.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Version {
    /// SQLite's `data_version` (other connections' commits).
    data_version: i64,
    /// This connection's write count.
    own_writes: u64,
}

impl Loaded {
    /// The team's context and turns: `kept` when it is the same team and still current, else
    /// loaded from `s`. Call inside the operation's transaction.
    pub(crate) fn get(
        s: &Store,
        team_id: Id,
        kept: Option<Loaded>,
        own_writes: u64,
    ) -> sprintshield_store::Result<Loaded> {
        let version = Version {
            data_version: s.data_version()?,
            own_writes,
        };
        match kept {
            Some(k) if k.team_id == team_id && k.version == version => Ok(k),
            _ => {
                let (ctx, turns) = crate::rotation::load(s, team_id)?;
                Ok(Loaded {
                    team_id,
                    ctx,
                    turns,
                    version,
                })
            }
        }
    }

    /// The same context with `turns` as a write of this connection left them; current for as
    /// long as nothing else is written after that write (`own_writes` counts it).
    pub(crate) fn after_write(self, turns: Vec<Turn>, own_writes: u64) -> Loaded {
        Loaded {
            turns,
            version: Version {
                own_writes,
                ..self.version
            },
            ..self
        }
    }
}
