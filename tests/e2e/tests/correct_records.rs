//! Correcting time off, freeze windows and release trains in the real window, without the CLI:
//! a stretch of time off is edited in place (a last day before the first is refused under its
//! field, nothing saved), then removed after the question says whose turns the removal moves, and
//! Ctrl+Z brings it back; on the Releases screen a freeze window is added, edited and the edit
//! undone; a release train is removed after a question that says what goes with it.
//! Screenshots are named for the colour scheme the page rendered in, so a run under
//! `GTK_THEME=Adwaita:dark` gives the dark ones.

use sprintshield_e2e::{ctrl_z, says, scheme, set, Home, Window};

fn count(home: &Home, sql: &str) -> i64 {
    home.read_db().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn time_off_freezes_and_trains_are_corrected_in_the_app() {
    let home = Home::new();
    let w = Window::start(&home).await;
    w.wait_for_text("[data-testid=member-list]", "Ana Souza").await;
    let theme = scheme(&w).await;

    // Time off: edit the first row in place.
    let first = w
        .eval("return document.querySelector('[data-testid=timeoff-row]').dataset.first;")
        .await;
    let first = first.as_str().unwrap().to_owned();
    let (id, last): (i64, String) = home
        .read_db()
        .query_row(
            "SELECT id, last_day FROM time_off WHERE first_day = ?1 ORDER BY id LIMIT 1",
            [&first],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    w.click(&format!(
        "[data-testid=timeoff-row][data-first='{first}'] [data-testid=timeoff-edit]"
    ))
    .await;
    w.wait_for("[data-testid=timeoff-edit-form]").await;
    // A last day before the first: refused under the last day, nothing saved.
    let before_first = w
        .eval(&format!(
            "return new Date(Date.parse({first:?}) - 3 * 864e5).toISOString().slice(0, 10);"
        ))
        .await;
    set(&w, "#toe-last", before_first.as_str().unwrap()).await;
    w.click("[data-testid=timeoff-save]").await;
    says(&w, "[data-testid=timeoff-edit-form]", "is before the first day").await;
    w.screenshot(&format!("correct-timeoff-edit-refused-{theme}")).await;
    let stored: String = home
        .read_db()
        .query_row("SELECT last_day FROM time_off WHERE id = ?1", [id], |r| r.get(0))
        .unwrap();
    assert_eq!(stored, last, "a refused edit writes nothing");
    // The same day as the first, and a note: saved.
    set(&w, "#toe-last", &first).await;
    w.fill("#toe-note", "shortened").await;
    w.click("[data-testid=timeoff-save]").await;
    says(&w, "[data-testid=team-notice]", "time off").await;
    let (stored, note): (String, String) = home
        .read_db()
        .query_row("SELECT last_day, note FROM time_off WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((stored.as_str(), note.as_str()), (first.as_str(), "shortened"));

    // Removed after the question says what removing it does; Ctrl+Z brings it back.
    w.click(&format!(
        "[data-testid=timeoff-row][data-first='{first}'] [data-testid=timeoff-remove]"
    ))
    .await;
    says(&w, "[data-testid=timeoff-remove-effect]", "Removing it").await;
    assert_eq!(
        count(&home, &format!("SELECT count(*) FROM time_off WHERE id = {id}")),
        1
    );
    w.screenshot(&format!("correct-timeoff-remove-question-{theme}")).await;
    w.click("[data-testid=timeoff-remove-yes]").await;
    says(&w, "[data-testid=team-notice]", "Removed").await;
    assert_eq!(
        count(&home, &format!("SELECT count(*) FROM time_off WHERE id = {id}")),
        0
    );
    ctrl_z(&w).await;
    says(&w, "[data-testid=undo-status]", "Undid: Remove").await;
    w.wait_for(&format!("[data-testid=timeoff-row][data-first='{first}']"))
        .await;
    assert_eq!(
        count(
            &home,
            &format!("SELECT count(*) FROM time_off WHERE id = {id} AND note = 'shortened'")
        ),
        1,
        "back under its id, as it was"
    );

    // Releases: add a freeze, edit it, undo the edit.
    w.click("[data-testid=nav-releases]").await;
    w.wait_for("[data-testid=freeze-form]").await;
    w.fill("#fz-name", "Launch").await;
    set(&w, "#fz-first", "2027-03-01").await;
    set(&w, "#fz-last", "2027-03-05").await;
    w.click("[data-testid=freeze-form] button[type=submit]").await;
    w.wait_for("[data-testid=freeze-row][data-name='Launch']").await;
    w.click("[data-testid=freeze-row][data-name='Launch'] [data-testid=freeze-edit]")
        .await;
    w.fill("#fz-name", "Launch week").await;
    set(&w, "#fz-last", "2027-02-20").await;
    w.click("[data-testid=freeze-save]").await;
    says(&w, "[data-testid=freeze-form]", "before").await;
    w.screenshot(&format!("correct-freeze-edit-refused-{theme}")).await;
    assert_eq!(
        count(
            &home,
            "SELECT count(*) FROM freeze_window WHERE name = 'Launch' AND last_day = '2027-03-05'"
        ),
        1
    );
    set(&w, "#fz-last", "2027-03-12").await;
    w.click("[data-testid=freeze-save]").await;
    w.wait_for("[data-testid=freeze-row][data-name='Launch week']").await;
    assert_eq!(
        count(
            &home,
            "SELECT count(*) FROM freeze_window WHERE name = 'Launch week' AND last_day = '2027-03-12'"
        ),
        1
    );
    w.screenshot(&format!("correct-freeze-edited-{theme}")).await;
    w.click("[data-testid=app-undo]").await;
    says(&w, "[data-testid=undo-status]", "Undid: Edit freeze Launch week").await;
    w.wait_for("[data-testid=freeze-row][data-name='Launch']").await;
    assert_eq!(
        count(
            &home,
            "SELECT count(*) FROM freeze_window WHERE name = 'Launch' AND last_day = '2027-03-05'"
        ),
        1
    );

    // The release train: removed after a question that says what goes with it.
    let trains = count(&home, "SELECT count(*) FROM release_train");
    w.click("[data-testid=train-remove]").await;
    says(&w, "[data-testid=train-remove-confirm]", "hand placements go with it").await;
    w.eval("window.scrollTo(0, 0); document.querySelector('main').scrollTo(0, 0); return 0;")
        .await;
    w.screenshot(&format!("correct-train-remove-question-{theme}")).await;
    w.click("[data-testid=train-remove-yes]").await;
    says(&w, "[data-testid=train-notice]", "Removed the release train").await;
    assert_eq!(count(&home, "SELECT count(*) FROM release_train"), trains - 1);
    assert_eq!(
        count(&home, "SELECT count(*) FROM freeze_window WHERE name = 'Launch'"),
        1,
        "freezes stay"
    );
    w.close().await;
}
