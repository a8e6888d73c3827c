//! Small page actions shared by the window tests: set a field, pick or choose an option, hand a
//! file to the CSV import, press Ctrl+key, wait until the page says or does something, read a list
//! of strings from the page, find a member's chip, set up publishing in the Publish dialog, and
//! read the colour scheme the page rendered in (screenshots are named after it).
//!
//! They act on the page the way a person would (the same DOM events a keyboard, a mouse or a
//! file chooser fire) and fail the test with a sentence that says what never happened.
use std::time::Duration;

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use serde_json::Value;

use crate::Window;

/// `"dark"` or `"light"`: the colour scheme the page rendered in (the system's, under Xvfb).
pub async fn scheme(w: &Window) -> &'static str {
    if w.eval("return matchMedia('(prefers-color-scheme: dark)').matches;")
        .await
        == Value::Bool(true)
    {
        "dark"
    } else {
        "light"
    }
}

/// Presses `modifiers` (in order), then `key`, and lets go in reverse order, to whatever has the
/// focus.
pub async fn chord(w: &Window, modifiers: &[Key], key: char) {
    let mut keys = KeyActions::new("keys".to_owned());
    for m in modifiers {
        keys = keys.then(KeyAction::Down { value: (*m).into() });
    }
    keys = keys
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    for m in modifiers.iter().rev() {
        keys = keys.then(KeyAction::Up { value: (*m).into() });
    }
    w.client.perform_actions(keys).await.expect("key actions");
}

/// Presses Ctrl+`key` (to whatever has the focus).
pub async fn ctrl(w: &Window, key: char) {
    chord(w, &[Key::Control], key).await;
}

/// Presses Ctrl+Z, the window's Undo (to whatever has the focus).
pub async fn ctrl_z(w: &Window) {
    ctrl(w, 'z').await;
}

/// Presses Ctrl+Shift+Z, the window's Redo (to whatever has the focus).
pub async fn ctrl_shift_z(w: &Window) {
    chord(w, &[Key::Control, Key::Shift], 'z').await;
}

/// Waits (up to 10 s) until `script` returns true; fails with "`what`: never happened".
pub async fn until(w: &Window, script: &str, what: &str) {
    for _ in 0..200 {
        if w.eval(script).await == Value::Bool(true) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{what}: never happened");
}

/// Waits (up to 10 s) until the element matching `css` holds `needle`, read as textContent (the
/// WebDriver text of small print, such as the rail's, can come back without it).
pub async fn says(w: &Window, css: &str, needle: &str) {
    let script = format!("return document.querySelector({css:?})?.textContent ?? '';");
    for _ in 0..200 {
        if w.eval(&script).await.as_str().is_some_and(|t| t.contains(needle)) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{css} never said {needle:?}; it says {:?}", w.eval(&script).await);
}

/// Runs `script`, which returns an array of strings, and gives them back in order.
pub async fn strings(w: &Window, script: &str) -> Vec<String> {
    let v = w.eval(script).await;
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_owned())
        .collect()
}

/// Sets the value of the input or select matching `css` the way typing or picking does (input
/// and change events).
pub async fn set(w: &Window, css: &str, value: &str) {
    w.wait_for(css).await;
    w.eval(&format!(
        "const e = document.querySelector({css:?}); e.value = {value:?};
         e.dispatchEvent(new Event('input', {{ bubbles: true }})); e.dispatchEvent(new Event('change', {{ bubbles: true }})); return 0;"
    ))
    .await;
}

/// Picks the option of the select `css` whose text is `text`; fails when the select does not
/// offer it.
pub async fn pick(w: &Window, css: &str, text: &str) {
    w.wait_for(css).await;
    let found = w
        .eval(&format!(
            "const s = document.querySelector({css:?}); const o = [...s.options].find(o => o.text.trim() === {text:?});
             if (!o) return false; s.value = o.value; s.dispatchEvent(new Event('change', {{ bubbles: true }})); return true;"
        ))
        .await;
    assert_eq!(found, Value::Bool(true), "{css} offers {text}");
}

/// Chooses the option whose value is `value` in the select `css` as a person would (the change
/// event fires).
pub async fn choose(w: &Window, css: &str, value: &str) {
    w.wait_for(css).await;
    w.eval(&format!(
        "const s = document.querySelector('{css}'); s.value = {}; s.dispatchEvent(new Event('change', {{ bubbles: true }})); return s.value;",
        Value::String(value.to_owned())
    ))
    .await;
}

/// Hands the file at `path` to the CSV import's file input, as choosing it in the file dialog does.
pub async fn pick_file(w: &Window, path: &str) {
    let input = w.wait_for("[data-testid=csv-file]").await;
    input.send_keys(path).await.unwrap();
}

/// Waits until the policy editor's Save button is enabled.
pub async fn save_enabled(w: &Window) {
    until(
        w,
        "const b = document.querySelector('[data-testid=policy-save]'); return !!b && !b.disabled;",
        "Save enabled",
    )
    .await;
}

/// The planner's member chip of the member whose name starts with `name`.
pub async fn chip_of(w: &Window, name: &str) -> Element {
    let id = w
        .eval(&format!(
            "return [...document.querySelectorAll('[data-testid=member-chip]')]
               .find(e => e.querySelector('.who').textContent.trim().startsWith({name:?})).dataset.memberId;"
        ))
        .await;
    w.wait_for(&format!(
        "[data-testid=member-chip][data-member-id=\"{}\"]",
        id.as_str().unwrap()
    ))
    .await
}

/// Opens the Publish dialog and sets publishing up: the CalDAV collection `url`, `user`, and the
/// password read from the environment variable `password_env` (not the OS keyring: no Secret
/// Service runs under Xvfb here), then saves. The app is started by tauri-driver, which passes
/// its environment on, so the test sets that variable before [`Window::start`].
pub async fn set_up_publish_from_env(w: &Window, url: &str, user: &str, password_env: &str) {
    w.click("[data-testid=publish-open]").await;
    w.wait_for("[data-testid=publish-setup]").await;
    w.fill("[data-testid=publish-url]", url).await;
    w.fill("[data-testid=publish-user]", user).await;
    w.click("[data-testid=publish-source-env]").await;
    w.fill("[data-testid=publish-env]", password_env).await;
    w.click("[data-testid=publish-save]").await;
}
