//! Importing an interrupt log from a CSV export in the real window, on the demo: open Import CSV
//! on the Interrupts screen, choose a PagerDuty incidents export, read the detected source, the
//! counts and the unreadable row's reason; change the severity column and map an unknown handler
//! to a member; import; the log grows by exactly the rows shown and a second import of the same
//! file has nothing to add. A generic file lists its unreadable rows with their lines. Screenshots
//! (with `SCREENSHOT_DIR`) are named after the colour scheme the page rendered in.
use sprintshield_e2e::{choose, csv_sample, pick_file, scheme, Home, Window};

/// (interrupts of Phoenix, of them imported from a tool with an id).
fn counts(home: &Home) -> (i64, i64) {
    let db = home.read_db();
    let team: i64 = db
        .query_row("SELECT id FROM team WHERE name = 'Phoenix'", [], |r| r.get(0))
        .unwrap();
    let all = db
        .query_row("SELECT count(*) FROM interrupt WHERE team_id = ?1", [team], |r| {
            r.get(0)
        })
        .unwrap();
    let imported = db
        .query_row(
            "SELECT count(*) FROM interrupt_source s JOIN interrupt i ON i.id = s.interrupt_id WHERE i.team_id = ?1",
            [team],
            |r| r.get(0),
        )
        .unwrap();
    (all, imported)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_pagerduty_export_is_previewed_mapped_imported_and_not_imported_twice() {
    let home = Home::new();
    let w = Window::start(&home).await;
    let mode = scheme(&w).await;
    w.click("[data-testid=nav-interrupts]").await;
    w.wait_for("[data-testid=interrupt-stats]").await;
    let (before, _) = counts(&home);

    w.click("[data-testid=csv-open]").await;
    w.wait_for("[data-testid=csv-dialog]").await;
    pick_file(&w, &csv_sample("pagerduty.csv")).await;
    w.wait_for_text(
        "[data-testid=csv-summary]",
        "PagerDuty incidents · 3 interrupts to add · 0 duplicates · 1 cannot be read",
    )
    .await;
    assert!(w
        .text("[data-testid=csv-skipped]")
        .await
        .contains("Line 4: it has no minutes"));
    assert!(w
        .text("[data-testid=csv-rows]")
        .await
        .contains("DB connection pool exhausted, checkout failing"));
    w.screenshot(&format!("csv-import-preview-{mode}")).await;

    // Severity from the priority column instead of the urgency: P1 is critical.
    choose(&w, "[data-testid=csv-map-severity]", "priority").await;
    w.wait_for_text("[data-testid=csv-rows] tbody tr:first-child", "critical")
        .await;
    // The demo has no "Ana Lima": map her to Ana Souza.
    assert!(w.text("[data-testid=csv-values]").await.contains("Ana Lima"));
    choose(&w, "[data-testid=csv-value-0]", "Ana Souza").await;
    w.wait_for_text("[data-testid=csv-rows] tbody tr:first-child", "Ana Souza")
        .await;
    w.screenshot(&format!("csv-import-mapped-{mode}")).await;
    assert_eq!(counts(&home).0, before, "nothing is written before Import");

    w.click("[data-testid=csv-apply]").await;
    w.wait_for_text("[data-testid=banner-ok]", "Imported 3 interrupts from pagerduty.csv")
        .await;
    assert_eq!(counts(&home), (before + 3, 3));
    let souza_has_it: i64 = home
        .read_db()
        .query_row(
            "SELECT count(*) FROM interrupt i JOIN member m ON m.id = i.handled_by
             WHERE m.name = 'Ana Souza' AND i.title = 'DB connection pool exhausted, checkout failing' AND i.severity = 'critical'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(souza_has_it, 1);
    w.screenshot(&format!("csv-import-done-{mode}")).await;

    // The same file again: everything is already in the log; the mapping was remembered.
    w.click("[data-testid=csv-open]").await;
    pick_file(&w, &csv_sample("pagerduty.csv")).await;
    w.wait_for_text("[data-testid=csv-summary]", "0 interrupts to add · 3 duplicates")
        .await;
    let disabled = w
        .eval("return document.querySelector('[data-testid=csv-apply]').disabled;")
        .await;
    assert_eq!(disabled, serde_json::Value::Bool(true));
    let severity = w
        .eval("return document.querySelector('[data-testid=csv-map-severity]').value;")
        .await;
    assert_eq!(severity, "priority");
    assert_eq!(counts(&home), (before + 3, 3));

    // A generic file: its unreadable rows are listed with their lines and reasons.
    pick_file(&w, &csv_sample("generic.csv")).await;
    w.wait_for_text("[data-testid=csv-summary]", "Generic CSV · 5 interrupts to add")
        .await;
    let skipped = w.text("[data-testid=csv-skipped]").await;
    assert!(
        skipped.contains("Line 6:") && skipped.contains("is not a time"),
        "{skipped}"
    );
    assert!(skipped.contains("future"), "{skipped}");
    w.screenshot(&format!("csv-import-generic-{mode}")).await;
    w.click("[data-testid=csv-close]").await;
    assert_eq!(counts(&home), (before + 3, 3));
    w.close().await;
}
