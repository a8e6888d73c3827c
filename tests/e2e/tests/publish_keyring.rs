//! The calendar password kept in the OS keyring from the real window: a private D-Bus session bus
//! with GNOME Keyring's Secret Service is started by the test and handed to the app (tauri-driver
//! passes its environment on), with a real Radicale. The Publish dialog's set-up form keeps the
//! password in the keyring (its default choice); libsecret's `secret-tool` finds it there, the
//! database does not hold it, and "Publish N changes" publishes with it.
use std::time::Duration;

use sprintshield_caldav::radicale::{Radicale, PASSWORD, USER};
use sprintshield_caldav::secret_service::SecretService;
use sprintshield_e2e::{Home, Window};

#[tokio::test(flavor = "multi_thread")]
async fn the_publish_dialog_keeps_the_password_in_the_os_keyring_and_publishes_with_it() {
    let server = Radicale::start();
    let keyring = SecretService::start();
    // The app reaches the keyring through the session bus it inherits (only the bus: the app's
    // own folders stay the harness's).
    std::env::set_var("DBUS_SESSION_BUS_ADDRESS", &keyring.address);
    let home = Home::new();
    let w = Window::start(&home).await;
    w.click("[data-testid=nav-rotation]").await;
    w.click("[data-testid=publish-open]").await;
    w.wait_for("[data-testid=publish-setup]").await;
    let url = server.collection_url("team");
    w.fill("[data-testid=publish-url]", &url).await;
    w.fill("[data-testid=publish-user]", USER).await;
    w.click("[data-testid=publish-source-keyring]").await;
    w.fill("[data-testid=publish-password]", PASSWORD).await;
    w.screenshot("publish-keyring-setup").await;
    w.click("[data-testid=publish-save]").await;

    w.wait_for("[data-testid=publish-affected]").await;
    assert_eq!(
        keyring
            .lookup(&[
                ("service", "sprintshield-caldav"),
                ("username", &format!("{USER} at {url}"))
            ])
            .as_deref(),
        Some(PASSWORD),
        "the password is in the OS keyring"
    );
    let source: String = home
        .read_db()
        .query_row("SELECT password_source FROM publish_target", [], |r| r.get(0))
        .unwrap();
    assert_eq!(source, "keyring");

    let button = w.text("[data-testid=publish-send]").await;
    let n: usize = button
        .trim_start_matches("Publish ")
        .split(' ')
        .next()
        .and_then(|x| x.parse().ok())
        .unwrap_or_else(|| panic!("the button counts the changes: {button}"));
    assert!(n > 0);
    w.click("[data-testid=publish-send]").await;
    for _ in 0..150 {
        let dialog = w.text("[data-testid=publish-dialog]").await;
        assert!(
            !dialog.contains("no OS keyring") && !dialog.contains("keyring is locked") && !dialog.contains("refused"),
            "{dialog}"
        );
        if dialog.contains("Published") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    w.wait_for_text("[data-testid=publish-done]", "Published").await;
    w.screenshot("publish-keyring-done").await;
    assert_eq!(server.list(&format!("/{USER}/team/")).len(), n);

    let mut db = std::fs::read(home.db()).unwrap();
    for side in ["-wal", "-shm"] {
        if let Ok(b) = std::fs::read(format!("{}{side}", home.db().display())) {
            db.extend(b);
        }
    }
    assert!(
        !String::from_utf8_lossy(&db).contains(PASSWORD),
        "the password is not in the database"
    );
    tokio::time::sleep(Duration::from_millis(100)).await;
    w.close().await;
}
