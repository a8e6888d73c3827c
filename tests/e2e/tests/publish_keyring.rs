//! The calendar password kept in the OS keyring from the real window: a private D-Bus session bus
//! with GNOME Keyring's Secret Service is started by the test and handed to the app (tauri-driver
//! passes its environment on), with a real Radicale. The Publish dialog's set-up form keeps the
//! password in the keyring (its default choice); libsecret's `secret-tool` finds it there, the
//! database does not hold it, and "Publish N changes" publishes with it. The team chat's set-up
//! keeps the pasted webhook URL there too (its default choice): "Post today's duty" reaches a
//! local listener through it, and neither the database nor the app's trace-level log holds it.
//! Screenshots are named after the colour scheme the page rendered in (run once with
//! `GTK_THEME=Adwaita:dark` for the dark ones).
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::mpsc;
use std::time::Duration;

use sprintshield_caldav::radicale::{Radicale, PASSWORD, USER};
use sprintshield_caldav::secret_service::SecretService;
use sprintshield_e2e::page::scheme;
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

/// A chat webhook on 127.0.0.1 answering one POST with 200; the request line and the JSON body
/// arrive on the channel.
fn webhook() -> (String, mpsc::Receiver<(String, serde_json::Value)>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut request_line = String::new();
        reader.read_line(&mut request_line).unwrap();
        let mut len = 0usize;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            if line.trim_end().is_empty() {
                break;
            }
            if let Some((k, v)) = line.split_once(':') {
                if k.eq_ignore_ascii_case("content-length") {
                    len = v.trim().parse().unwrap();
                }
            }
        }
        let mut body = vec![0; len];
        reader.read_exact(&mut body).unwrap();
        stream
            .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
            .unwrap();
        let _ = tx.send((
            request_line.trim_end().to_owned(),
            serde_json::from_slice(&body).unwrap(),
        ));
    });
    (
        format!("http://127.0.0.1:{port}/services/T0WIN/B0WIN/xoxWindowSeCrEt{port}"),
        rx,
    )
}

/// Every file under `dir` whose bytes contain `needle` (the database, its side files, the logs,
/// the window state).
fn files_holding(dir: &std::path::Path, needle: &str) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files_holding(&path, needle));
        } else if let Ok(bytes) = std::fs::read(&path) {
            if String::from_utf8_lossy(&bytes).contains(needle) {
                found.push(path.display().to_string());
            }
        }
    }
    found
}

#[tokio::test(flavor = "multi_thread")]
async fn chat_setup_keeps_the_pasted_webhook_url_in_the_os_keyring_and_posts_with_it() {
    let keyring = SecretService::start();
    std::env::set_var("DBUS_SESSION_BUS_ADDRESS", &keyring.address);
    // The app logs everything it can: the URL must not reach its log file even so.
    std::env::set_var("SPRINTSHIELD_LOG", "trace");
    let (url, posts) = webhook();
    let secret = url.rsplit('/').next().unwrap().to_owned();
    let home = Home::new();
    let w = Window::start(&home).await;
    w.click("[data-testid=nav-rotation]").await;
    w.click("[data-testid=publish-open]").await;
    w.wait_for("[data-testid=chat-form]").await;
    let scheme = scheme(&w).await;

    // Pasting the URL is the default, into a field that does not show it.
    let kind = w
        .eval("return document.querySelector('[data-testid=chat-url]').type;")
        .await;
    assert_eq!(kind, "password", "the URL field hides what is typed");
    let checked = w
        .eval("return document.querySelector('[data-testid=chat-source-keyring]').checked;")
        .await;
    assert_eq!(checked, true, "the OS keyring is the default");

    // A plain-http URL to another computer is refused on the field without being repeated.
    w.fill(
        "[data-testid=chat-url]",
        &format!("http://chat.example.com/hooks/{secret}"),
    )
    .await;
    w.click("[data-testid=chat-save]").await;
    w.wait_for("[data-testid=error-chat-url]").await;
    let refused = w.text("[data-testid=error-chat-url]").await;
    assert!(
        refused.starts_with("the webhook URL must start with https://"),
        "{refused}"
    );
    assert!(!refused.contains(&secret));
    w.screenshot(&format!("chat-keyring-refused-{scheme}")).await;

    w.fill("[data-testid=chat-url]", &url).await;
    w.screenshot(&format!("chat-keyring-setup-{scheme}")).await;
    w.click("[data-testid=chat-save]").await;
    w.wait_for("[data-testid=chat-target]").await;
    let target = w.text("[data-testid=chat-target]").await;
    assert!(
        target
            .starts_with("Posts the stand-up message as Slack-compatible JSON to the webhook kept in the OS keyring."),
        "{target}"
    );
    let dialog = w.text("[data-testid=publish-dialog]").await;
    assert!(!dialog.contains(&secret), "the URL is not shown again: {dialog}");
    let shown = w.eval("return document.documentElement.outerHTML;").await;
    assert!(
        !shown.as_str().unwrap().contains(&secret),
        "the page holds no copy of the URL"
    );
    assert!(
        w.client
            .find(fantoccini::Locator::Css("[data-testid=chat-unset]"))
            .await
            .is_err(),
        "the app finds the URL in the keyring"
    );
    let account: String = home
        .read_db()
        .query_row("SELECT 'team ' || team_id FROM chat_target", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        keyring
            .lookup(&[("service", "sprintshield-chat"), ("username", &account)])
            .as_deref(),
        Some(url.as_str()),
        "libsecret finds the URL in the OS keyring"
    );
    w.screenshot(&format!("chat-keyring-saved-{scheme}")).await;

    // Changing it later never shows the stored URL: the field starts empty.
    w.click("[data-testid=chat-change]").await;
    w.wait_for("[data-testid=chat-url]").await;
    let field = w
        .eval("return document.querySelector('[data-testid=chat-url]').value;")
        .await;
    assert_eq!(field, "", "the stored URL is not put back into the field");
    let form = w.text("[data-testid=chat-form]").await;
    assert!(form.contains("The stored URL is not shown"), "{form}");
    w.screenshot(&format!("chat-keyring-change-{scheme}")).await;
    w.click("[data-testid=chat-form] button[type=button]").await;
    w.wait_for("[data-testid=chat-target]").await;

    w.click("[data-testid=chat-post-today]").await;
    w.wait_for_text(
        "[data-testid=chat-setup] [data-testid=banner-ok]",
        "Posted the stand-up message to",
    )
    .await;
    let (request_line, json) = posts
        .recv_timeout(Duration::from_secs(10))
        .expect("the webhook got a POST");
    assert!(
        request_line.starts_with(&format!("POST /services/T0WIN/B0WIN/{secret}")),
        "{request_line}"
    );
    assert!(json["text"].as_str().unwrap().starts_with("*Stand-up for "), "{json}");
    w.screenshot(&format!("chat-keyring-posted-{scheme}")).await;

    let (source, env, posted): (String, String, Option<String>) = home
        .read_db()
        .query_row(
            "SELECT webhook_source, webhook_env, last_posted_at FROM chat_target",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((source.as_str(), env.as_str()), ("keyring", ""));
    assert!(posted.is_some());
    tokio::time::sleep(Duration::from_millis(100)).await;
    w.close().await;
    std::env::remove_var("SPRINTSHIELD_LOG");
    // The app's database and XDG folders (logs, window state).
    let folder = home.db().parent().unwrap().to_path_buf();
    let logs = files_holding(&folder, "posted the stand-up message");
    assert!(
        !logs.is_empty(),
        "the app logged the post, so the check below means something"
    );
    assert!(
        !files_holding(&folder, "ureq::run: POST http://127.0.0.1").is_empty()
            && !files_holding(&folder, "TRACE").is_empty(),
        "the log holds the HTTP client's records and trace ones (its path redacted)"
    );
    assert_eq!(
        files_holding(&folder, &secret),
        Vec::<String>::new(),
        "no file of the app (database, side files, logs) holds the URL"
    );
}
