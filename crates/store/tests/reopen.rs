//! The database file keeps what was written across close and reopen, and rejected writes leave no trace.
use sprintshield_core::member::NewMember;
use sprintshield_core::sprint::NewSprint;
use sprintshield_core::team::{NewTeam, TeamKind};
use sprintshield_store::Store;

#[test]
fn reopened_file_has_the_data_and_is_sound() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sprintshield.db");
    {
        let mut s = Store::open(&path).unwrap();
        let t = s
            .create_team(NewTeam {
                name: "Phoenix".into(),
                kind: TeamKind::Dev,
                zone: "Europe/Berlin".into(),
                working_days: None,
                sprint_length_days: None,
            })
            .unwrap();
        s.add_member(
            t.id,
            NewMember {
                name: "Ana".into(),
                capacity_percent: Some(80),
                ..Default::default()
            },
        )
        .unwrap();
        // Rejected: the sprint ends before it starts.
        assert!(s
            .create_sprint(
                t.id,
                NewSprint {
                    name: "S1".into(),
                    start: "2026-06-12".into(),
                    end: "2026-06-01".into(),
                    ..Default::default()
                }
            )
            .is_err());
    }
    let s = Store::open(&path).unwrap();
    let t = s.team_by_name("Phoenix").unwrap();
    let members = s.members(t.id).unwrap();
    assert_eq!(members.len(), 1);
    assert_eq!(members[0].spec.capacity_percent, 80);
    assert!(s.sprints(t.id).unwrap().is_empty());
    assert_eq!(s.integrity_check().unwrap(), "ok");
}
