//! Correcting records in the real window, on the demo: edit an interrupt's minutes in the list and
//! see the row and the totals change; page through the log; remove an interrupt and undo it;
//! correct a closed sprint's points and read what was replaced; edit, refuse to remove, reopen and
//! then remove a closed sprint. Screenshots (with `SCREENSHOT_DIR`) are named after the colour scheme the
//! page rendered in, so a run under `GTK_THEME=Adwaita:dark` gives the dark ones.
use sprintshield_e2e::{scheme, Home, Window};

/// "3 h 25 min", as the Interrupts screen writes a total.
fn shown_minutes(total: i64) -> String {
    let (h, m) = (total / 60, total % 60);
    match (h, m) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

fn shown_points(p: f64) -> String {
    if p.fract() == 0.0 {
        format!("{p:.0}")
    } else {
        format!("{p}")
    }
}

fn phoenix(home: &Home) -> i64 {
    home.read_db()
        .query_row("SELECT id FROM team WHERE name = 'Phoenix'", [], |r| r.get(0))
        .unwrap()
}

/// (count, total minutes) of the team's interrupts.
fn interrupt_totals(home: &Home, team: i64) -> (i64, i64) {
    home.read_db()
        .query_row(
            "SELECT count(*), coalesce(sum(minutes), 0) FROM interrupt WHERE team_id = ?1",
            [team],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
}

/// The id in the `data-testid` ("interrupt-row-17") of the first element matching `css`.
async fn first_id(w: &Window, css: &str) -> i64 {
    w.wait_for(css).await;
    let v = w
        .eval(&format!(
            "return document.querySelector('{css}').dataset.testid.split('-').pop();"
        ))
        .await;
    v.as_str().unwrap().parse().unwrap()
}

async fn count(w: &Window, css: &str) -> u64 {
    w.eval(&format!("return document.querySelectorAll('{css}').length;"))
        .await
        .as_u64()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn interrupts_are_edited_paged_removed_and_brought_back() {
    let home = Home::new();
    let w = Window::start(&home).await;
    let team = phoenix(&home);
    let mode = scheme(&w).await;
    w.click("[data-testid=nav-interrupts]").await;
    let (n, minutes) = interrupt_totals(&home, team);
    assert!(n > 50, "the demo logs more than a page: {n}");
    w.wait_for_text("[data-testid=interrupt-stats]", &shown_minutes(minutes))
        .await;

    // One page of rows at most; the totals still count every interrupt.
    w.wait_for_text("[data-testid=page-label]", &format!("1–50 of {n}"))
        .await;
    assert_eq!(count(&w, "[data-testid^=interrupt-row-]").await, 50);
    assert!(w
        .text("[data-testid=interrupt-stats]")
        .await
        .starts_with(&format!("{n} interrupts")));
    w.click("[data-testid=page-next]").await;
    let last = n.min(100);
    w.wait_for_text("[data-testid=page-label]", &format!("51–{last} of {n}"))
        .await;
    assert_eq!(count(&w, "[data-testid^=interrupt-row-]").await, (last - 50) as u64);
    w.screenshot(&format!("interrupt-page-2-{mode}")).await;
    w.click("[data-testid=page-previous]").await;
    w.wait_for_text("[data-testid=page-label]", &format!("1–50 of {n}"))
        .await;

    // Edit the newest interrupt's minutes in place.
    let id = first_id(&w, "[data-testid^=interrupt-row-]").await;
    let row = format!("[data-testid=interrupt-row-{id}]");
    let old: i64 = w.text(&format!("{row} td.num")).await.trim().parse().unwrap();
    w.click(&format!("[data-testid=interrupt-edit-{id}]")).await;
    w.wait_for("[data-testid=interrupt-editor]").await;
    w.screenshot(&format!("interrupt-edit-{mode}")).await;
    // A rejected edit shows the backend's sentence under its field and writes nothing.
    w.fill("[data-testid=interrupt-edit-minutes]", "20000").await;
    w.click("[data-testid=interrupt-edit-save]").await;
    w.wait_for_text(&format!("[data-testid=error-ie-{id}-min]"), "between 1 and 10080")
        .await;
    w.screenshot(&format!("interrupt-edit-error-{mode}")).await;
    assert_eq!(interrupt_totals(&home, team), (n, minutes));
    let new = old + 100;
    w.fill("[data-testid=interrupt-edit-minutes]", &new.to_string()).await;
    w.click("[data-testid=interrupt-edit-save]").await;
    w.wait_for_text(&format!("{row} td.num"), &new.to_string()).await;
    w.wait_for_text("[data-testid=interrupt-stats]", &shown_minutes(minutes + 100))
        .await;
    assert_eq!(interrupt_totals(&home, team), (n, minutes + 100));

    // Remove it, after a question that names it; then undo.
    let title = w.text(&format!("{row} td:nth-child(2)")).await;
    w.click(&format!("[data-testid=interrupt-remove-{id}]")).await;
    w.wait_for_text("[data-testid=interrupt-remove-question]", &format!("Remove “{title}”"))
        .await;
    w.screenshot(&format!("interrupt-remove-confirm-{mode}")).await;
    w.click("[data-testid=interrupt-confirm-remove]").await;
    w.wait_for_text("[data-testid=interrupt-removed]", &format!("Removed “{title}”"))
        .await;
    w.wait_for_text("[data-testid=interrupt-stats]", &format!("{} interrupts", n - 1))
        .await;
    w.screenshot(&format!("interrupt-removed-{mode}")).await;
    assert_eq!(interrupt_totals(&home, team), (n - 1, minutes + 100 - new));
    w.click("[data-testid=interrupt-undo]").await;
    w.wait_for(&row).await;
    w.wait_for_text("[data-testid=interrupt-stats]", &format!("{n} interrupts"))
        .await;
    assert_eq!(interrupt_totals(&home, team), (n, minutes + 100));
    w.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_closed_sprint_is_corrected_edited_and_reopened() {
    let home = Home::new();
    let w = Window::start(&home).await;
    let team = phoenix(&home);
    let (id, name, was): (i64, String, f64) = home
        .read_db()
        .query_row(
            "SELECT id, name, completed_points FROM sprint WHERE team_id = ?1 AND completed_points IS NOT NULL
             ORDER BY end_date DESC LIMIT 1",
            [team],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    let mode = scheme(&w).await;
    w.click("[data-testid=nav-sprints]").await;
    w.wait_for_text(&format!("[data-testid=sprint-close-{id}]"), "Correct…")
        .await;

    // Correct its points: the screen says what was replaced.
    w.click(&format!("[data-testid=sprint-close-{id}]")).await;
    w.wait_for("[data-testid=sprint-close-form]").await;
    w.screenshot(&format!("sprint-correct-{mode}")).await;
    let points = was + 2.0;
    w.fill("#sp-completed", &shown_points(points)).await;
    w.click("[data-testid=sprint-close-submit]").await;
    let said = format!(
        "Corrected {name}: {} points (was {})",
        shown_points(points),
        shown_points(was)
    );
    w.wait_for_text("[data-testid=banner-ok]", &said).await;
    w.wait_for_text(&format!("[data-testid=sprint-completed-{id}]"), &shown_points(points))
        .await;
    w.screenshot(&format!("sprint-corrected-{mode}")).await;
    let stored: f64 = home
        .read_db()
        .query_row("SELECT completed_points FROM sprint WHERE id = ?1", [id], |r| r.get(0))
        .unwrap();
    assert_eq!(stored, points);

    // Removing closed history is refused with core's way out.
    w.click(&format!("[data-testid=sprint-remove-{id}]")).await;
    w.wait_for_text("[data-testid=sprint-remove-question]", "reopen it first")
        .await;
    w.screenshot(&format!("sprint-remove-refused-{mode}")).await;
    w.click("[data-testid=sprint-remove-question] button").await;

    // Edit its goal.
    w.click(&format!("[data-testid=sprint-edit-{id}]")).await;
    w.wait_for("[data-testid=sprint-editor]").await;
    w.screenshot(&format!("sprint-edit-{mode}")).await;
    w.fill("#se-goal", "Checkout v3, corrected").await;
    w.click("[data-testid=sprint-edit-save]").await;
    w.wait_for_text("[data-testid=banner-ok]", &format!("Saved {name}"))
        .await;
    let goal: String = home
        .read_db()
        .query_row("SELECT goal FROM sprint WHERE id = ?1", [id], |r| r.get(0))
        .unwrap();
    assert_eq!(goal, "Checkout v3, corrected");

    // Reopen it: its points are cleared and it can be closed again.
    w.click(&format!("[data-testid=sprint-reopen-{id}]")).await;
    w.wait_for_text("[data-testid=banner-ok]", &format!("Reopened {name}"))
        .await;
    w.wait_for_text(&format!("[data-testid=sprint-close-{id}]"), "Close…")
        .await;
    let cleared: Option<f64> = home
        .read_db()
        .query_row("SELECT completed_points FROM sprint WHERE id = ?1", [id], |r| r.get(0))
        .unwrap();
    assert_eq!(cleared, None);

    // Reopened, it is no longer history: it can be removed, after a question that names it.
    w.click(&format!("[data-testid=sprint-remove-{id}]")).await;
    w.wait_for_text("[data-testid=sprint-remove-question]", &format!("Remove {name}?"))
        .await;
    w.screenshot(&format!("sprint-remove-confirm-{mode}")).await;
    w.click("[data-testid=sprint-confirm-remove]").await;
    w.wait_for_text("[data-testid=banner-ok]", &format!("Removed {name}"))
        .await;
    assert!(!w.text("[data-testid=sprint-list]").await.contains(&name));
    let left: i64 = home
        .read_db()
        .query_row("SELECT count(*) FROM sprint WHERE id = ?1", [id], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0);
    w.close().await;
}
