//! The window's one undo history, without the CLI: on the demo team, add a holiday (the form first
//! says, turn by turn, which turns adding it moves; saving moves the turn on it), edit a member on
//! the Team screen, remove the holiday after reading whose turns the removal moves, override a
//! turn in the planner; then, from the planner, undo three times (the rail's Undo once, Ctrl+Z
//! twice) and see all three reverted in the window and in the database; redo one; an undo over
//! a record changed behind the app's back is refused with the service's sentence, writing nothing,
//! and the screen is read again (it shows the record as stored); the holiday's addition is undone
//! and its day's turns are as before; an interrupt logged with quick capture (Ctrl+I) is undone;
//! a handoff note written on the planner's Today card is undone with Ctrl+Z.
//! Screenshots are named for the colour scheme the page rendered in, so a run under
//! `GTK_THEME=Adwaita:dark` gives the dark ones.

use sprintshield_e2e::{ctrl, ctrl_shift_z, ctrl_z, says, scheme, until, Home, Window};

/// Every stored turn of the team: id, policy, member, start and end.
fn team_turns(home: &Home, team: i64) -> Vec<(i64, i64, i64, String, String)> {
    let db = home.read_db();
    let mut st = db
        .prepare(
            "SELECT t.id, t.policy_id, t.member_id, t.start_at, t.end_at FROM turn t
             JOIN duty_policy p ON p.id = t.policy_id WHERE p.team_id = ?1 ORDER BY t.policy_id, t.start_at",
        )
        .unwrap();
    st.query_map([team], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

fn interrupts(home: &Home, title: &str) -> i64 {
    home.read_db()
        .query_row("SELECT count(*) FROM interrupt WHERE title = ?1", [title], |r| r.get(0))
        .unwrap()
}

fn capacity(home: &Home, member: i64) -> i64 {
    home.read_db()
        .query_row("SELECT capacity_percent FROM member WHERE id = ?1", [member], |r| {
            r.get(0)
        })
        .unwrap()
}

fn holiday(home: &Home, date: &str) -> Option<i64> {
    home.read_db()
        .query_row("SELECT id FROM holiday WHERE date = ?1", [date], |r| r.get(0))
        .ok()
}

/// The stored member and lock of a turn.
fn turn(home: &Home, id: i64) -> (i64, bool) {
    home.read_db()
        .query_row("SELECT member_id, locked FROM turn WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn one_history_undoes_edits_of_every_screen_from_the_planner() {
    let home = Home::new();
    let w = Window::start(&home).await;
    w.wait_for_text("[data-testid=member-list]", "Ana Souza").await;
    let theme = scheme(&w).await;
    let ana: i64 = home
        .read_db()
        .query_row("SELECT id FROM member WHERE name = 'Ana Souza'", [], |r| r.get(0))
        .unwrap();
    let ana_capacity = capacity(&home, ana);
    let new_capacity = if ana_capacity == 70 { 60 } else { 70 };

    let phoenix: i64 = home
        .read_db()
        .query_row("SELECT team_id FROM member WHERE id = ?1", [ana], |r| r.get(0))
        .unwrap();
    let turns_at_start = team_turns(&home, phoenix);

    // A holiday nine or more days ahead (a weekday), added first; later it is removed.
    // (Adding it is an edit of its own, made before the three that are undone.) Adding re-plans
    // the turn on it: the form says which turns move before saving.
    let day = w
        .eval(
            "let d = new Date(Date.now() + 9 * 864e5);
             while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d = new Date(d.getTime() + 864e5);
             return d.toISOString().slice(0, 10);",
        )
        .await;
    let day = day.as_str().unwrap().to_owned();
    w.eval(&format!(
        "const d = document.getElementById('hol-date'); d.value = {day:?};
         d.dispatchEvent(new Event('input', {{ bubbles: true }})); return 0;"
    ))
    .await;
    w.fill("#hol-name", "Team day").await;
    w.wait_for("#hol-name").await.send_keys("\u{E007}").await.unwrap();
    w.wait_for_text("[data-testid=holiday-add-effect]", "Adding it moves")
        .await;
    let asked = w.text("[data-testid=holiday-add-effect]").await;
    eprintln!("holiday addition question: {asked}");
    assert!(asked.contains("'s "), "the turns are named: {asked}");
    assert_eq!(holiday(&home, &day), None, "asking adds nothing");
    assert_eq!(team_turns(&home, phoenix), turns_at_start, "asking moves no turn");
    w.screenshot(&format!("undo-holiday-add-question-{theme}")).await;
    w.click("[data-testid=holiday-add-yes]").await;
    w.wait_for(&format!("[data-testid=holiday-row][data-date='{day}']"))
        .await;
    w.wait_for_text("[data-testid=team-notice]", "Added the holiday Team day")
        .await;
    let notice = w.text("[data-testid=team-notice]").await;
    assert!(notice.contains(" move"), "the notice says what moved: {notice}");
    let holiday_id = holiday(&home, &day).expect("the holiday is stored");
    let turns_with_holiday = team_turns(&home, phoenix);
    assert_ne!(
        turns_with_holiday, turns_at_start,
        "adding the holiday re-planned turns"
    );
    w.screenshot(&format!("undo-holiday-added-{theme}")).await;

    // 1. Edit a member on the Team screen.
    w.click("tr[data-member='Ana Souza'] [data-testid=member-edit]").await;
    w.fill(&format!("#edit-{ana}-capacity"), &new_capacity.to_string())
        .await;
    w.click("[data-testid=member-save]").await;
    w.wait_for_text("[data-testid=team-notice]", "Saved Ana Souza").await;
    assert_eq!(capacity(&home, ana), new_capacity);
    says(&w, "[data-testid=app-undo]", "Edit Ana Souza").await;

    // 2. Remove the holiday, after the question says what removing it does to the rotation.
    w.click(&format!(
        "[data-testid=holiday-row][data-date='{day}'] [data-testid=holiday-remove]"
    ))
    .await;
    w.wait_for_text("[data-testid=holiday-remove-effect]", "Removing it")
        .await;
    let effect = w.text("[data-testid=holiday-remove-effect]").await;
    assert!(holiday(&home, &day).is_some(), "asking removes nothing: {effect}");
    w.screenshot(&format!("undo-holiday-remove-question-{theme}")).await;
    w.click("[data-testid=holiday-remove-yes]").await;
    w.wait_for_text("[data-testid=team-notice]", "Removed the holiday Team day")
        .await;
    assert_eq!(holiday(&home, &day), None);
    eprintln!("holiday removal question: {effect}");

    // 3. Override a turn in the planner from the keyboard: a person's chip, then the last turn.
    w.click("[data-testid=nav-rotation]").await;
    w.wait_for("[data-testid=turn]").await;
    let (turn_id, was) = {
        let v = w
            .eval(
                "const t = [...document.querySelectorAll('[data-testid=turn]')].at(-1);
                 return [Number(t.dataset.turnId), t.dataset.member];",
            )
            .await;
        (v[0].as_i64().unwrap(), v[1].as_str().unwrap().to_owned())
    };
    let before = turn(&home, turn_id);
    let chip = w
        .eval(&format!(
            "return [...document.querySelectorAll('[data-testid=member-chip]')]
               .find(e => !e.querySelector('.who').textContent.trim().startsWith({:?}.split(' ')[0])).dataset.memberId;",
            was
        ))
        .await;
    let chip = chip.as_str().unwrap().to_owned();
    w.wait_for(&format!("[data-testid=member-chip][data-member-id='{chip}']"))
        .await
        .send_keys("\u{E007}")
        .await
        .unwrap();
    w.wait_for(&format!("[data-turn-id='{turn_id}']"))
        .await
        .send_keys("\u{E007}")
        .await
        .unwrap();
    until(
        &w,
        &format!("return !!document.querySelector('[data-turn-id=\"{turn_id}\"].locked');"),
        "the override on the grid",
    )
    .await;
    let overridden = turn(&home, turn_id);
    assert_eq!(overridden, (chip.parse().unwrap(), true), "the override is stored");
    w.screenshot(&format!("undo-rail-after-three-edits-{theme}")).await;

    // Undo three times from the planner: the rail's button, then Ctrl+Z twice.
    w.click("[data-testid=app-undo]").await;
    says(&w, "[data-testid=undo-status]", "Undid:").await;
    until(
        &w,
        &format!("return !document.querySelector('[data-turn-id=\"{turn_id}\"].locked');"),
        "the override undone on the grid",
    )
    .await;
    assert_eq!(turn(&home, turn_id), before, "the turn is as planned again");
    ctrl_z(&w).await;
    says(&w, "[data-testid=undo-status]", "Undid: Remove holiday Team day").await;
    assert_eq!(
        holiday(&home, &day),
        Some(holiday_id),
        "the holiday is back under its id"
    );
    ctrl_z(&w).await;
    says(&w, "[data-testid=undo-status]", "Undid: Edit Ana Souza").await;
    assert_eq!(capacity(&home, ana), ana_capacity, "Ana's capacity is as it was");
    w.screenshot(&format!("undo-rail-after-three-undos-{theme}")).await;

    // Back on the Team screen the lists show it; redo makes the edit again.
    w.click("[data-testid=nav-teams]").await;
    w.wait_for_text("tr[data-member='Ana Souza']", &format!("{ana_capacity} %"))
        .await;
    w.wait_for(&format!("[data-testid=holiday-row][data-date='{day}']"))
        .await;
    ctrl_shift_z(&w).await;
    says(&w, "[data-testid=undo-status]", "Redid: Edit Ana Souza").await;
    w.wait_for_text("tr[data-member='Ana Souza']", &format!("{new_capacity} %"))
        .await;
    assert_eq!(capacity(&home, ana), new_capacity);

    // Changed behind the app's back (another process): undo refuses, says so, writes nothing.
    rusqlite::Connection::open(home.db())
        .unwrap()
        .execute("UPDATE member SET capacity_percent = 55 WHERE id = ?1", [ana])
        .unwrap();
    ctrl_z(&w).await;
    says(&w, "[data-testid=undo-status]", "has changed since; nothing was undone").await;
    says(&w, "[data-testid=undo-status]", "The screen was reloaded").await;
    assert_eq!(capacity(&home, ana), 55, "a refused undo writes nothing");
    // The Team screen was read again: it shows what is stored, not the edit it held.
    w.wait_for_text("tr[data-member='Ana Souza']", "55 %").await;
    w.screenshot(&format!("undo-refused-{theme}")).await;

    // The holiday's addition is next in the history: undoing it removes the holiday and puts the
    // turns on its day back as they were.
    w.click("[data-testid=app-undo]").await;
    says(&w, "[data-testid=undo-status]", "Undid: Add holiday Team day").await;
    assert_eq!(holiday(&home, &day), None, "the holiday is gone");
    assert_eq!(team_turns(&home, phoenix), turns_at_start, "the turns are as before it");
    until(
        &w,
        &format!("return !document.querySelector(\"[data-testid=holiday-row][data-date='{day}']\");"),
        "the holiday off the list",
    )
    .await;

    // Quick capture (Ctrl+I) logs an interrupt; Ctrl+Z outside the form takes it back.
    let title = "Pager went off during the demo";
    ctrl(&w, 'i').await;
    w.wait_for("[data-testid=quick-capture]").await;
    w.fill("#int-title", title).await;
    w.wait_for("#int-title").await.send_keys("\u{E007}").await.unwrap();
    w.wait_for_text("[data-testid=quick-capture]", "Logged").await;
    assert_eq!(interrupts(&home, title), 1, "the interrupt is stored");
    says(&w, "[data-testid=app-undo]", "Log interrupt").await;
    w.screenshot(&format!("undo-quick-capture-{theme}")).await;
    w.click("[data-testid=quick-capture-close]").await;
    until(
        &w,
        "return !document.querySelector('[data-testid=quick-capture]');",
        "quick capture closed",
    )
    .await;
    ctrl_z(&w).await;
    says(
        &w,
        "[data-testid=undo-status]",
        &format!("Undid: Log interrupt “{title}”"),
    )
    .await;
    assert_eq!(interrupts(&home, title), 0, "undo removed the interrupt");

    // A handoff note on the planner's Today card, then Ctrl+Z (outside the note's field).
    let words = "Deploy is half done; see #ops";
    let notes = |home: &Home| -> i64 {
        home.read_db()
            .query_row("SELECT count(*) FROM turn WHERE note = ?1", [words], |r| r.get(0))
            .unwrap()
    };
    w.click("[data-testid=nav-rotation]").await;
    w.wait_for("[data-testid=today] .notef input").await;
    w.fill("[data-testid=today] .notef input", words).await;
    w.click("[data-testid=today] .notef button").await;
    says(&w, "[data-testid=app-undo]", "Handoff note from").await;
    assert_eq!(notes(&home), 1, "the note is stored");
    w.screenshot(&format!("undo-handoff-note-{theme}")).await;
    w.click("[data-testid=today] h3").await;
    ctrl_z(&w).await;
    says(&w, "[data-testid=undo-status]", "Undid: Handoff note from").await;
    assert_eq!(notes(&home), 0, "undo wrote the old note back");
    until(
        &w,
        &format!("return document.querySelector('[data-testid=today] .notef input').value !== {words:?};"),
        "the field shows the stored note again",
    )
    .await;
    w.close().await;
}
