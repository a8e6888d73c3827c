//! Publish in the real window, to a real Radicale started by the test: the Rotation screen's
//! Publish… opens the dialog, the setup form takes the calendar's URL, the user and the NAME of the
//! password's environment variable (set for the app here), the dialog then shows who is affected
//! and the changes before anything is sent, and "Publish N changes" sends them: the server holds
//! one resource per change and the database records each. The dialog's Team chat section takes
//! the NAME of the webhook's environment variable (refusing a pasted URL with the CLI's sentence)
//! and the format, and "Post today's duty" posts the stand-up message to a local webhook started
//! by the test. Screenshots are named after the colour scheme (run once with
//! `GTK_THEME=Adwaita:dark`).
use std::time::Duration;

use sprintshield_caldav::radicale::{Radicale, PASSWORD, USER};
use sprintshield_e2e::{scheme, set_up_publish_from_env, Home, Window};

#[tokio::test(flavor = "multi_thread")]
async fn publish_shows_who_is_affected_then_publishes_to_the_calendar() {
    let server = Radicale::start();
    // The app is started by tauri-driver, which passes its environment on.
    std::env::set_var("SPRINTSHIELD_E2E_CALDAV_PW", PASSWORD);
    let home = Home::new();
    let w = Window::start(&home).await;
    w.click("[data-testid=nav-rotation]").await;
    set_up_publish_from_env(&w, &server.collection_url("team"), USER, "SPRINTSHIELD_E2E_CALDAV_PW").await;

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

/// One POST as a local webhook received it: the request line and the JSON body.
struct Captured {
    request_line: String,
    json: serde_json::Value,
}

/// A local incoming webhook that answers "200 OK" to each POST and passes what it received on.
fn webhook() -> (String, std::sync::mpsc::Receiver<Captured>) {
    use std::io::{BufRead, BufReader, Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request_line = String::new();
            reader.read_line(&mut request_line).unwrap();
            let mut len = 0usize;
            loop {
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                let line = line.trim_end();
                if line.is_empty() {
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
            let json = serde_json::from_slice(&body).unwrap_or(serde_json::Value::Null);
            if tx
                .send(Captured {
                    request_line: request_line.trim_end().to_owned(),
                    json,
                })
                .is_err()
            {
                return;
            }
        }
    });
    (format!("http://127.0.0.1:{port}/services/T0E2E/B0E2E/xoxE2eSeCrEt"), rx)
}

#[tokio::test(flavor = "multi_thread")]
async fn chat_set_up_in_the_dialog_posts_todays_duty_to_the_webhook() {
    let (url, posts) = webhook();
    // The app is started by tauri-driver, which passes its environment on.
    std::env::set_var("SPRINTSHIELD_E2E_CHAT_HOOK", &url);
    let home = Home::new();
    let w = Window::start(&home).await;
    w.click("[data-testid=nav-rotation]").await;
    w.click("[data-testid=publish-open]").await;
    w.wait_for("[data-testid=chat-form]").await;
    let scheme = scheme(&w).await;
    // The calendar's set-up offers the OS keyring first, with a password field.
    w.wait_for("[data-testid=publish-password]").await;
    w.screenshot(&format!("publish-setup-{scheme}")).await;

    // The URL pasted where the variable's name goes is refused with the CLI's sentence, and not kept.
    // (The URL itself into the OS keyring is the default: tests/publish_keyring.rs.)
    w.click("[data-testid=chat-source-env]").await;
    w.fill(
        "[data-testid=chat-env]",
        "https://hooks.slack.com/services/T0/B0/xoxPasted",
    )
    .await;
    w.click("[data-testid=chat-save]").await;
    w.wait_for("[data-testid=error-chat-env]").await;
    let refused = w.text("[data-testid=error-chat-env]").await;
    assert_eq!(
        refused,
        "give the NAME of an environment variable (letters, digits and _, e.g. SPRINTSHIELD_CALDAV_PASSWORD), not the secret itself"
    );
    let kept: i64 = home
        .read_db()
        .query_row("SELECT count(*) FROM chat_target", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, 0, "a refused chat target is not stored");
    w.screenshot(&format!("publish-chat-refused-{scheme}")).await;

    w.fill("[data-testid=chat-env]", "SPRINTSHIELD_E2E_CHAT_HOOK").await;
    w.click("[data-testid=chat-save]").await;
    w.wait_for("[data-testid=chat-target]").await;
    let target = w.text("[data-testid=chat-target]").await;
    assert!(
        target.starts_with(
            "Posts the stand-up message as Slack-compatible JSON to the webhook in $SPRINTSHIELD_E2E_CHAT_HOOK."
        ),
        "{target}"
    );
    assert!(!target.contains("not set"), "the app sees the variable: {target}");

    w.click("[data-testid=chat-post-today]").await;
    w.wait_for_text(
        "[data-testid=chat-setup] [data-testid=banner-ok]",
        "Posted the stand-up message to",
    )
    .await;
    let notice = w.text("[data-testid=chat-setup] [data-testid=banner-ok]").await;
    let port = url.trim_start_matches("http://127.0.0.1:").split('/').next().unwrap();
    assert_eq!(notice, format!("Posted the stand-up message to 127.0.0.1:{port}"));
    w.screenshot(&format!("publish-chat-posted-{scheme}")).await;

    // What arrived: Slack-compatible JSON naming who is on duty, as the backend's message does.
    let got = posts
        .recv_timeout(Duration::from_secs(10))
        .expect("the webhook got a POST");
    assert!(
        got.request_line.starts_with("POST /services/T0E2E/B0E2E/xoxE2eSeCrEt"),
        "{}",
        got.request_line
    );
    let text = got.json["text"].as_str().expect("a text field");
    assert_eq!(got.json["blocks"][0]["type"], "header", "{}", got.json);
    let team = text
        .trim_start_matches("*Stand-up for ")
        .split(',')
        .next()
        .unwrap()
        .to_owned();
    let id: i64 = home
        .read_db()
        .query_row("SELECT id FROM team WHERE name = ?1", [&team], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{team:?} is a team ({e}); posted:\n{text}"));
    let markdown = w
        .eval(&format!(
            "return window.__TAURI_INTERNALS__.invoke('standup_text', {{ teamId: {id} }});"
        ))
        .await;
    let markdown = markdown.as_str().unwrap();
    let mut duties = 0;
    for line in markdown.lines().filter(|l| l.starts_with("- **")) {
        // "- **Batman**: Ana Souza, until …" in Markdown is "• *Batman*: Ana Souza, until …" in Slack.
        let (policy, summary) = line.trim_start_matches("- **").split_once("**: ").unwrap();
        assert!(
            text.contains(&format!("• *{policy}*: {summary}")),
            "{policy}: {summary} is in the post:\n{text}"
        );
        duties += 1;
    }
    assert!(duties > 0, "{markdown}");
    println!("posted to the local webhook:\n{text}");

    // The database names the variable, never the URL; the post is recorded.
    let (var, posted): (String, Option<String>) = home
        .read_db()
        .query_row("SELECT webhook_env, last_posted_at FROM chat_target", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(var, "SPRINTSHIELD_E2E_CHAT_HOOK");
    assert!(posted.is_some());
    let db = std::fs::read(home.db()).unwrap();
    assert!(
        !String::from_utf8_lossy(&db).contains("xoxE2eSeCrEt"),
        "the webhook URL is not in the database"
    );
    w.close().await;
}
