//! "Copy for stand-up" on the Today card, in the real window: the click puts the team's stand-up
//! message on the clipboard as Markdown, read back from the clipboard through the page; it is
//! the backend's message (the text the chat post is made from) and names whoever the Today card
//! names; after an override (the plan published to a real Radicale before), it also says what
//! changed since the last publish and whom it affects. Screenshots are named after the colour
//! scheme (run once with `GTK_THEME=Adwaita:dark`).
use std::time::Duration;

use sprintshield_caldav::radicale::{Radicale, PASSWORD, USER};
use sprintshield_e2e::{scheme, set_up_publish_from_env, Home, Window};

/// The clipboard's text, read back through the page: WebKit lets a page read the clipboard only
/// inside a user's gesture, so a probe button is added whose click (a real one, through the
/// driver) calls `navigator.clipboard.readText()`.
async fn clipboard(w: &Window) -> String {
    w.eval(
        "const b = document.createElement('button');
         b.id = 'clipboard-probe'; b.textContent = 'read clipboard';
         b.style.cssText = 'position:fixed;top:0;left:0;z-index:99999';
         b.onclick = () => navigator.clipboard.readText().then(t => { b.dataset.text = t; }, e => { b.dataset.text = 'READ FAILED: ' + e; });
         document.body.appendChild(b);
         return true;",
    )
    .await;
    w.click("#clipboard-probe").await;
    for _ in 0..50 {
        let v = w
            .eval("return document.getElementById('clipboard-probe').dataset.text ?? null;")
            .await;
        if let Some(t) = v.as_str() {
            w.eval("document.getElementById('clipboard-probe').remove(); return true;")
                .await;
            return t.to_owned();
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the clipboard could not be read back");
}

#[tokio::test(flavor = "multi_thread")]
async fn copy_for_standup_puts_the_message_on_the_clipboard() {
    let home = Home::new();
    let w = Window::start(&home).await;
    w.click("[data-testid=nav-rotation]").await;
    w.wait_for("[data-testid=today] [data-testid=copy-standup]").await;
    let card = w.text("[data-testid=today]").await;
    w.click("[data-testid=copy-standup]").await;
    let mut status = String::new();
    for _ in 0..50 {
        status = w.text("[data-testid=copy-standup-status]").await;
        if !status.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(status.starts_with("Copied"), "the button says: {status:?}");
    assert!(
        status.ends_with("lines as Markdown; paste them in the team's chat."),
        "{status}"
    );
    w.screenshot(&format!("standup-copied-{}", scheme(&w).await)).await;

    let text = clipboard(&w).await;
    assert!(text.starts_with("**Stand-up for "), "the clipboard holds: {text:?}");
    // The team shown is the one the message is about; the backend says the same text.
    let team = text
        .trim_start_matches("**Stand-up for ")
        .split(',')
        .next()
        .unwrap()
        .to_owned();
    let id: i64 = home
        .read_db()
        .query_row("SELECT id FROM team WHERE name = ?1", [&team], |r| r.get(0))
        .unwrap();
    let backend = w
        .eval(&format!(
            "return window.__TAURI_INTERNALS__.invoke('standup_text', {{ teamId: {id} }});"
        ))
        .await;
    assert_eq!(
        text,
        backend.as_str().unwrap(),
        "the clipboard holds the backend's message"
    );
    // Whoever the Today card names for a policy of this team, the message names too.
    for line in text.lines().filter(|l| l.starts_with("- **")) {
        let policy = line.trim_start_matches("- **").split("**").next().unwrap();
        assert!(card.contains(policy), "{policy} is on the Today card: {card}");
    }
    let on_duty: Vec<String> = serde_json::from_value(
        w.eval(
            "return [...document.querySelectorAll('[data-testid=today] .today')].map(d => d.textContent.split(':')[1].split('·')[0].trim());",
        )
        .await,
    )
    .unwrap();
    for name in on_duty.iter().filter(|n| *n != "nobody") {
        assert!(
            text.contains(name.as_str()),
            "{name} (on the Today card) is in the message:\n{text}"
        );
    }
    println!("clipboard after Copy for stand-up:\n{text}");
    w.close().await;
}

/// Waits until the copy button says it copied, and returns what it says.
async fn copied(w: &Window) -> String {
    for _ in 0..100 {
        let status = w.text("[data-testid=copy-standup-status]").await;
        if !status.is_empty() {
            return status;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("Copy for stand-up said nothing");
}

#[tokio::test(flavor = "multi_thread")]
async fn after_an_override_the_copy_says_what_changed_since_the_last_publish() {
    let server = Radicale::start();
    // The app is started by tauri-driver, which passes its environment on.
    std::env::set_var("SPRINTSHIELD_E2E_STANDUP_PW", PASSWORD);
    let home = Home::new();
    let w = Window::start(&home).await;
    w.click("[data-testid=nav-rotation]").await;
    w.wait_for("[data-testid=today] [data-testid=copy-standup]").await;

    // Publish the plan from the dialog: afterwards nothing has changed since the last publish.
    set_up_publish_from_env(
        &w,
        &server.collection_url("standup"),
        USER,
        "SPRINTSHIELD_E2E_STANDUP_PW",
    )
    .await;
    w.wait_for("[data-testid=publish-affected]").await;
    w.click("[data-testid=publish-send]").await;
    for _ in 0..600 {
        if w.text("[data-testid=publish-dialog]").await.contains("Published") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    w.wait_for_text("[data-testid=publish-done]", "Published").await;
    w.click("[data-testid=publish-close]").await;

    w.click("[data-testid=copy-standup]").await;
    copied(&w).await;
    let before = clipboard(&w).await;
    assert!(
        !before.contains("Changed since the last publish"),
        "just published, nothing changed:\n{before}"
    );
    let team = before
        .trim_start_matches("**Stand-up for ")
        .split(',')
        .next()
        .unwrap()
        .to_owned();

    // An override of a turn a few days ahead, as the planner makes it.
    let db = home.read_db();
    let team_id: i64 = db
        .query_row("SELECT id FROM team WHERE name = ?1", [&team], |r| r.get(0))
        .unwrap();
    let (turn, holder): (i64, i64) = db
        .query_row(
            "SELECT t.id, t.member_id FROM turn t JOIN duty_policy p ON p.id = t.policy_id
             WHERE p.team_id = ?1 AND t.start_at > strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '+2 days')
             ORDER BY t.start_at LIMIT 1",
            [team_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let stand_in: i64 = db
        .query_row(
            "SELECT id FROM member WHERE team_id = ?1 AND id != ?2 ORDER BY id LIMIT 1",
            [team_id, holder],
            |r| r.get(0),
        )
        .unwrap();
    drop(db);
    let applied = w
        .eval(&format!(
            "const today = new Date().toISOString().slice(0, 10);
             const later = new Date(Date.now() + 30 * 864e5).toISOString().slice(0, 10);
             return window.__TAURI_INTERNALS__.invoke('apply_edit', {{ teamId: {team_id}, from: today, to: later,
               edit: {{ kind: 'override', turn_id: {turn}, member_id: {stand_in} }} }}).then(() => 'ok', e => JSON.stringify(e));"
        ))
        .await;
    assert_eq!(applied, "ok", "the override was made");

    w.click("[data-testid=copy-standup]").await;
    copied(&w).await;
    let text = clipboard(&w).await;
    println!("clipboard after an override:\n{text}");
    w.screenshot(&format!("standup-changes-{}", scheme(&w).await)).await;
    let (_, section) = text
        .split_once("**Changed since the last publish**\n")
        .unwrap_or_else(|| panic!("a change section:\n{text}"));
    // The section is what publishing now would change, per person, marked as not published yet.
    let preview = w
        .eval(&format!(
            "return window.__TAURI_INTERNALS__.invoke('preview_publish', {{ teamId: {team_id}, from: null, to: null }});"
        ))
        .await;
    let affected: Vec<String> = serde_json::from_value(preview["affected"].clone()).unwrap();
    assert!(!affected.is_empty(), "{preview}");
    let lines: Vec<&str> = section.lines().collect();
    let want: Vec<String> = affected.iter().map(|l| format!("- {l} (not published yet)")).collect();
    assert_eq!(lines, want, "the change section:\n{section}");
    let name = |id: i64| -> String {
        home.read_db()
            .query_row("SELECT name FROM member WHERE id = ?1", [id], |r| r.get(0))
            .unwrap()
    };
    for who in [name(holder), name(stand_in)] {
        assert!(section.contains(&who), "{who} is named:\n{section}");
    }
    w.close().await;
}
