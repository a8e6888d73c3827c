//! Importing sprint history from a CSV file in the real window, on the demo: open Import CSV on
//! the Sprints screen, choose a file whose name column the preview does not recognise ("Iteration"),
//! read the note that asks for it, choose it, read the counts (one duplicate name, one unreadable
//! date), import; the sprints are listed and stored with their points, the window's Undo takes the
//! whole import back and Redo brings it again, and a second import of the same file remembers the
//! chosen column and has nothing to add. Screenshots (with `SCREENSHOT_DIR`) are named after the colour scheme the page rendered in.
use std::time::Duration;

use sprintshield_e2e::{choose, csv_sample, pick_file, scheme, Home, Window};

const FILE: &str = "sprint_history_2025.csv";
const IMPORTED: [&str; 3] = ["Phoenix 19", "Phoenix 20", "Phoenix 21"];

/// (sprints of Phoenix, of them the imported ones with their completed points).
fn stored(home: &Home) -> (i64, Vec<(String, Option<f64>)>) {
    let db = home.read_db();
    let team: i64 = db
        .query_row("SELECT id FROM team WHERE name = 'Phoenix'", [], |r| r.get(0))
        .unwrap();
    let all = db
        .query_row("SELECT count(*) FROM sprint WHERE team_id = ?1", [team], |r| r.get(0))
        .unwrap();
    let mut st = db
        .prepare(
            "SELECT name, completed_points FROM sprint
             WHERE team_id = ?1 AND name IN ('Phoenix 19', 'Phoenix 20', 'Phoenix 21', 'Phoenix 22')
             ORDER BY start_date",
        )
        .unwrap();
    let named = st
        .query_map([team], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    (all, named)
}

/// Waits until the sprint list shows (or no longer shows) `name`.
async fn listed(w: &Window, name: &str, shown: bool) {
    let script = format!(
        "return document.querySelector('[data-testid=sprint-list]')?.textContent.includes({}) ?? false;",
        serde_json::Value::String(name.to_owned())
    );
    for _ in 0..200 {
        if w.eval(&script).await == serde_json::Value::Bool(shown) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!(
        "the sprint list never {} {name}",
        if shown { "showed" } else { "dropped" }
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_sprint_history_is_previewed_mapped_imported_undone_and_not_imported_twice() {
    let home = Home::new();
    let w = Window::start(&home).await;
    let mode = scheme(&w).await;
    w.click("[data-testid=nav-sprints]").await;
    w.wait_for("[data-testid=sprint-list]").await;
    let (before, none) = stored(&home);
    assert!(none.is_empty(), "the demo has none of the file's sprints: {none:?}");

    w.click("[data-testid=csv-open]").await;
    w.wait_for_text("[data-testid=csv-dialog] h2", "Import sprint history")
        .await;
    pick_file(&w, &csv_sample(FILE)).await;
    // "Iteration" is not a name the reader knows: the preview asks for it instead of failing.
    w.wait_for_text("[data-testid=csv-notes]", "choose the column for name")
        .await;
    w.wait_for_text("[data-testid=csv-summary]", "0 sprints to add").await;
    let start = w
        .eval("return document.querySelector('[data-testid=csv-map-start]').value;")
        .await;
    assert_eq!(start, "Start date", "the columns it knows are found by name");
    w.screenshot(&format!("sprint-import-needs-name-{mode}")).await;

    choose(&w, "[data-testid=csv-map-name]", "Iteration").await;
    w.wait_for_text(
        "[data-testid=csv-summary]",
        "3 sprints to add · 1 duplicate · 1 cannot be read",
    )
    .await;
    let rows = w.text("[data-testid=csv-rows]").await;
    assert!(rows.contains("Phoenix 19") && rows.contains("35.5"), "{rows}");
    assert!(w
        .text("[data-testid=csv-skipped]")
        .await
        .contains("Line 5: \"someday\" is not a date"));
    let dups = w
        .eval("return document.querySelector('[data-testid=csv-duplicates]').textContent;")
        .await;
    assert!(
        dups.as_str()
            .unwrap()
            .contains("already has a sprint called \"Phoenix 31\""),
        "{dups}"
    );
    w.screenshot(&format!("sprint-import-preview-{mode}")).await;
    assert_eq!(stored(&home).0, before, "nothing is written before Import");

    w.click("[data-testid=csv-apply]").await;
    w.wait_for_text(
        "[data-testid=banner-ok]",
        &format!("Imported 3 sprints from {FILE} (2 left out: 1 duplicate, 1 unreadable)."),
    )
    .await;
    for name in IMPORTED {
        listed(&w, name, true).await;
    }
    let (after, named) = stored(&home);
    assert_eq!(after, before + 3);
    assert_eq!(
        named,
        vec![
            ("Phoenix 19".to_owned(), Some(31.0)),
            ("Phoenix 20".to_owned(), Some(35.5)),
            ("Phoenix 21".to_owned(), None),
        ]
    );
    w.screenshot(&format!("sprint-import-done-{mode}")).await;

    // One change in the window's history: Undo takes all three back, Redo brings them again.
    w.click("[data-testid=app-undo]").await;
    w.wait_for_text("[data-testid=undo-status]", "Undid: Import 3 sprints")
        .await;
    listed(&w, "Phoenix 19", false).await;
    assert_eq!(stored(&home), (before, vec![]));
    w.click("[data-testid=app-redo]").await;
    w.wait_for_text("[data-testid=undo-status]", "Redid: Import 3 sprints")
        .await;
    listed(&w, "Phoenix 19", true).await;
    assert_eq!(stored(&home).0, before + 3);

    // The same file again: the team's choice of "Iteration" is remembered (nothing to choose),
    // and every name is there now, so nothing is added.
    w.click("[data-testid=csv-open]").await;
    pick_file(&w, &csv_sample(FILE)).await;
    w.wait_for("[data-testid=csv-map-name]").await;
    w.wait_for_text(
        "[data-testid=csv-summary]",
        "0 sprints to add · 4 duplicates · 1 cannot be read",
    )
    .await;
    let disabled = w
        .eval("return document.querySelector('[data-testid=csv-apply]').disabled;")
        .await;
    assert_eq!(disabled, serde_json::Value::Bool(true));
    let name = w
        .eval("return document.querySelector('[data-testid=csv-map-name]').value;")
        .await;
    assert_eq!(name, "Iteration", "the remembered column is shown as chosen");
    let notes = w
        .eval("return document.querySelector('[data-testid=csv-notes]')?.textContent ?? '';")
        .await;
    assert!(
        !notes.as_str().unwrap().contains("choose the column for name"),
        "nothing left to choose: {notes}"
    );
    w.screenshot(&format!("sprint-import-again-{mode}")).await;
    w.click("[data-testid=csv-close]").await;
    assert_eq!(stored(&home).0, before + 3, "a re-import adds nothing");
    w.close().await;
}
