//! Publish in the real window, to a real Radicale started by the test: the Rotation screen's
//! Publish… opens the dialog, the setup form takes the calendar's URL, the user and the NAME of the
//! password's environment variable (set for the app here), the dialog then shows who is affected
//! and the changes before anything is sent, and "Publish N changes" sends them: the server holds
//! one resource per change and the database records each. Screenshots are named after the colour
//! scheme (run once with `GTK_THEME=Adwaita:dark`).
use std::time::Duration;

use sprintshield_caldav::radicale::{Radicale, PASSWORD, USER};
use sprintshield_e2e::{Home, Window};

async fn scheme(w: &Window) -> &'static str {
    if w.eval("return matchMedia('(prefers-color-scheme: dark)').matches;")
        .await
        .as_bool()
        .unwrap_or(false)
    {
        "dark"
    } else {
        "light"
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn publish_shows_who_is_affected_then_publishes_to_the_calendar() {
    let server = Radicale::start();
    // The app is started by tauri-driver, which passes its environment on.
    std::env::set_var("SPRINTSHIELD_E2E_CALDAV_PW", PASSWORD);
    let home = Home::new();
    let w = Window::start(&home).await;
    w.click("[data-testid=nav-rotation]").await;
    w.click("[data-testid=publish-open]").await;
    w.wait_for("[data-testid=publish-setup]").await;
    w.fill("[data-testid=publish-url]", &server.collection_url("team"))
        .await;
    w.fill("[data-testid=publish-user]", USER).await;
    w.fill("[data-testid=publish-env]", "SPRINTSHIELD_E2E_CALDAV_PW").await;
    w.click("[data-testid=publish-save]").await;

    w.wait_for("[data-testid=publish-affected]").await;
    let headline = w.text("[data-testid=publish-headline]").await;
    assert!(headline.starts_with("Publish "), "{headline}");
    let affected = w.text("[data-testid=publish-affected]").await;
    assert!(
        affected.contains(": now on duty"),
        "who is affected, per person: {affected}"
    );
    let button = w.text("[data-testid=publish-send]").await;
    let n: usize = button
        .trim_start_matches("Publish ")
        .split(' ')
        .next()
        .and_then(|x| x.parse().ok())
        .unwrap_or_else(|| panic!("the button counts the changes: {button}"));
    assert!(n > 0);
    assert!(
        server.list(&format!("/{USER}/team/")).is_empty(),
        "nothing is sent before the click"
    );
    let scheme = scheme(&w).await;
    w.screenshot(&format!("publish-preview-{scheme}")).await;

    w.click("[data-testid=publish-send]").await;
    for _ in 0..100 {
        let dialog = w.text("[data-testid=publish-dialog]").await;
        assert!(
            !dialog.contains("error") && !dialog.contains("refused") && !dialog.contains("not set"),
            "{dialog}"
        );
        if dialog.contains("Published") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    w.wait_for_text("[data-testid=publish-done]", "Published").await;
    let done = w.text("[data-testid=publish-done]").await;
    assert!(
        done.contains(&format!("Published {n} changes to 127.0.0.1:{}", server.port)),
        "{done}"
    );
    w.wait_for_text("[data-testid=publish-headline]", "Nothing to publish")
        .await;
    w.screenshot(&format!("publish-done-{scheme}")).await;

    // The server holds exactly what was sent, and the database recorded each resource.
    let listed = server.list(&format!("/{USER}/team/"));
    assert_eq!(listed.len(), n);
    let recorded: i64 = home
        .read_db()
        .query_row("SELECT count(*) FROM published_resource", [], |r| r.get(0))
        .unwrap();
    assert_eq!(recorded as usize, n);
    let db = std::fs::read(home.db()).unwrap();
    assert!(
        !String::from_utf8_lossy(&db).contains(PASSWORD),
        "the password is not in the database"
    );
    tokio::time::sleep(Duration::from_millis(100)).await;
    w.close().await;
}
