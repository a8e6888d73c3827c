//! Releases and Calendar screens through the real window, over the demo (Phoenix released by
//! Atlas two weeks after each sprint).
use sprintshield_e2e::{Home, Window};

#[tokio::test(flavor = "multi_thread")]
async fn releases_show_phoenix_sprints_with_warnings_and_calendar_previews_events() {
    let home = Home::new();
    let w = Window::start(&home).await;
    w.click("[data-testid=nav-releases]").await;
    w.wait_for_text("[data-testid=release-table]", "Phoenix").await;
    w.wait_for("[data-testid=release-timeline]").await;
    let table = w.text("[data-testid=release-table]").await;
    // Atlas's rotation is planned four weeks ahead: later releases have nobody on duty.
    assert!(table.contains("nobody on ops duty"), "{table}");
    w.screenshot("releases").await;

    // The keyboard alternative to dragging: preview a later week, then place it and undo.
    w.click("[data-testid=release-table] tbody tr:first-child button:nth-of-type(2)")
        .await;
    w.wait_for_text("[data-testid=release-preview]", "Moving to").await;
    w.screenshot("releases-preview").await;
    w.click("[data-testid=release-preview] button.primary").await;
    w.wait_for_text("[data-testid=release-table]", "placed by hand").await;
    let pins: i64 = home
        .read_db()
        .query_row("SELECT count(*) FROM release_pin", [], |r| r.get(0))
        .unwrap();
    assert_eq!(pins, 1);
    w.click("[data-testid=undo]").await;
    for _ in 0..50 {
        let left: i64 = home
            .read_db()
            .query_row("SELECT count(*) FROM release_pin", [], |r| r.get(0))
            .unwrap();
        if left == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let left: i64 = home
        .read_db()
        .query_row("SELECT count(*) FROM release_pin", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0, "undo removes the hand placement");
    // …and the screen shows it again before the next step reads the first release's day.
    for _ in 0..100 {
        if !w.text("[data-testid=release-table]").await.contains("placed by hand") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(
        !w.text("[data-testid=release-table]").await.contains("placed by hand"),
        "undo shows on screen"
    );

    // A freeze added on the screen moves the first release a week later and says why.
    let label = w
        .eval("return document.querySelector('[data-testid=release-timeline] g.release').getAttribute('aria-label')")
        .await;
    let day = label.as_str().unwrap().rsplit(' ').next().unwrap().to_owned();
    let month_day = &day[5..];
    w.click("[data-testid=freeze-form] button[type=submit]").await;
    w.wait_for_text("[data-testid=error-fz-name]", "Enter a name").await;
    w.fill("#fz-name", "Launch freeze").await;
    w.click("[data-testid=fz-yearly]").await;
    w.fill("#fz-from", month_day).await;
    w.fill("#fz-to", "13-01").await;
    w.click("[data-testid=freeze-form] button[type=submit]").await;
    w.wait_for_text("[data-testid=error-fz-to]", "MM-DD").await;
    w.fill("#fz-to", month_day).await;
    w.click("[data-testid=freeze-form] button[type=submit]").await;
    w.wait_for_text("[data-testid=freeze-list]", "Launch freeze").await;
    w.wait_for_text("[data-testid=release-table]", &format!("Moved from {day}"))
        .await;
    w.wait_for_text("[data-testid=release-table]", "in the freeze window \"Launch freeze\"")
        .await;
    w.screenshot("releases-freeze").await;
    let stored: i64 = home
        .read_db()
        .query_row(
            "SELECT count(*) FROM freeze_window WHERE name = 'Launch freeze'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stored, 1);
    w.click("[aria-label='Delete freeze Launch freeze']").await;
    let start = std::time::Instant::now();
    while w.text("[data-testid=release-table]").await.contains("Launch freeze") {
        assert!(
            start.elapsed().as_secs() < 10,
            "deleting the freeze puts the release back"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    // The routine settings show the rule's error under the field it names.
    w.click("[data-testid=routine-settings] summary").await;
    w.fill("#rt-lag", "13").await;
    w.click("[data-testid=routine-settings] button.primary").await;
    w.wait_for_text("[data-testid=error-rt-lag]", "1 to 12 weeks").await;
    w.screenshot("releases-settings").await;

    w.click("[data-testid=nav-calendar]").await;
    w.wait_for_text("[data-testid=export-count]", "events").await;
    let count = w.text("[data-testid=export-count]").await;
    let n: usize = count.split_whitespace().next().unwrap().parse().unwrap();
    assert!(n > 0, "{count}");
    assert!(w.text("[data-testid=export-preview]").await.contains("Batman"));
    w.screenshot("calendar").await;
    w.close().await;
}
