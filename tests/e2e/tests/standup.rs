//! "Copy for stand-up" on the Today card, in the real window: the click puts the team's stand-up
//! message on the clipboard as Markdown, read back from the clipboard through the page; it is
//! the backend's message (the text the chat post is made from) and names whoever the Today card
//! names. Screenshots are named after the colour scheme (run once with `GTK_THEME=Adwaita:dark`).
use std::time::Duration;

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
