//! The policy editor through the real window, on a team made in the app without any policy: the
//! empty state (no green coverage strip, no "Conflicts (0)"), a Batman created with a field
//! error shown as you type, an Op of the Week escalating to it, a standing duty's fields (not
//! saved), Auto-plan offered and accepted,
//! an edit whose preview sentence is shown before saving, a refused removal, and an override made
//! from the keyboard and reverted to the plan (undo puts it back).
use serde_json::Value;
use sprintshield_e2e::{chip_of, pick, save_enabled, set, until, Home, Window};
use std::time::Duration;

async fn tick_pool(w: &Window, name: &str) {
    w.click(&format!("[data-testid=pool-member][data-member={name:?}]"))
        .await;
}

/// Members of the turns of `policy` on the grid, in order, with their locked flags.
async fn turns_of(w: &Window, policy: &str) -> Vec<(String, bool)> {
    let v = w
        .eval(&format!(
            "return [...document.querySelectorAll('[data-testid=turn]')]
               .filter(e => e.getAttribute('aria-label').startsWith({:?}))
               .map(e => [e.dataset.member, e.classList.contains('locked')]);",
            format!("{policy}:")
        ))
        .await;
    v.as_array()
        .unwrap()
        .iter()
        .map(|t| (t[0].as_str().unwrap().to_owned(), t[1].as_bool().unwrap()))
        .collect()
}

async fn wait_turns(
    w: &Window,
    policy: &str,
    ok: impl Fn(&[(String, bool)]) -> bool,
    what: &str,
) -> Vec<(String, bool)> {
    for _ in 0..200 {
        let t = turns_of(w, policy).await;
        if ok(&t) {
            return t;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{what}: never happened; turns {:?}", turns_of(w, policy).await);
}

/// Waits until the drawer lists `n` overrides and swaps (read as textContent: the heading is
/// drawn in capitals).
async fn hand_edits(w: &Window, n: usize) {
    until(
        w,
        &format!("return document.querySelector('[data-testid=hand-edits] h3')?.textContent.includes('Overrides and swaps ({n})');"),
        "the drawer's count of hand edits",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn create_edit_plan_override_and_revert() {
    let home = Home::new();
    let w = Window::start(&home).await;

    // A new team with four members, made in the app.
    w.click("button.newteam").await;
    w.fill("#team-name", "Orion").await;
    w.click("[data-testid=team-form] [type=submit]").await;
    until(
        &w,
        "return document.querySelector('[data-testid=team-picker]').selectedOptions[0]?.text === 'Orion';",
        "Orion selected",
    )
    .await;
    let people = ["Ana Lima", "Ben Ode", "Cleo Park", "Dan Roy"];
    for (i, name) in people.iter().enumerate() {
        if w.eval("return !document.querySelector('#member-name');").await == Value::Bool(true) {
            w.click("[data-testid=add-member]").await;
        }
        w.fill("#member-name", name).await;
        w.click("[data-testid=member-submit]").await;
        if i == 0 {
            w.screenshot("policy-team-members").await;
        }
        until(
            &w,
            &format!(
                "return [...document.querySelectorAll('[data-testid=member-row]')].some(r => r.textContent.includes({name:?}));"
            ),
            "member added",
        )
        .await;
    }

    // No policy: the empty state, not a green strip and "Conflicts (0)".
    w.click("[data-testid=nav-rotation]").await;
    w.wait_for_text("[data-testid=no-policy]", "No duty policy yet — who shields the team?")
        .await;
    assert_eq!(
        w.eval("return document.querySelectorAll('.covered, [data-testid=conflicts]').length;")
            .await,
        serde_json::json!(0),
        "no coverage strip and no conflict list without a policy"
    );
    w.screenshot("policy-empty").await;

    // Batman: a field error appears under its field as you type and keeps Save disabled.
    w.click("[data-testid=add-first-policy]").await;
    w.wait_for("[data-testid=policy-editor]").await;
    w.fill("#policy-name", "Batman").await;
    set(&w, "#policy-time", "09:30").await;
    w.fill("#policy-focus", "120").await;
    w.wait_for_text("[data-testid=error-policy-focus]", "between 0 and 100")
        .await;
    assert_eq!(
        w.eval("return document.querySelector('[data-testid=policy-save]').disabled;")
            .await,
        Value::Bool(true),
        "no saving while a field is wrong"
    );
    w.screenshot("policy-editor-error").await;
    w.fill("#policy-focus", "0").await;
    for name in &people[..3] {
        tick_pool(&w, name).await;
    }
    w.click("[data-testid=checklist-add]").await;
    w.fill(
        "[data-testid=checklist-item]",
        "Look at the error dashboard after stand-up",
    )
    .await;
    save_enabled(&w).await;
    assert_eq!(
        w.eval("return document.querySelectorAll('[data-testid^=error-policy]').length;")
            .await,
        serde_json::json!(0),
        "the error went away with the fix"
    );
    w.screenshot("policy-editor-new").await;
    w.click("[data-testid=policy-save]").await;
    // Saved: the grid has its row, no turns yet, and Auto-plan is offered right there.
    w.wait_for("[data-testid=offer-autoplan]").await;
    w.wait_for("[data-testid=edit-policy][data-policy=Batman]").await;

    // Op of the Week, weekly, escalating to Batman (listed with every team's policies).
    w.click("[data-testid=add-policy]").await;
    w.wait_for("[data-testid=policy-editor]").await;
    w.fill("#policy-name", "Op of the Week").await;
    pick(&w, "#policy-kind", "Weekly (Op of the Week)").await;
    w.wait_for("#policy-weekday").await;
    pick(&w, "#policy-weekday", "Mon").await;
    set(&w, "#policy-time", "12:00").await;
    pick(&w, "#policy-escalates", "Orion / Batman").await;
    let options = w
        .eval("return [...document.querySelectorAll('#policy-escalates option')].map(o => o.text);")
        .await;
    assert!(
        options
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o == "Phoenix / Dev of the Week"),
        "other teams' policies are offered: {options}"
    );
    save_enabled(&w).await;
    w.click("[data-testid=policy-save]").await;
    w.wait_for("[data-testid=edit-policy][data-policy='Op of the Week']")
        .await;

    // A standing duty asks for the fixed member and a stand-in who is someone else; cancelled.
    w.click("[data-testid=add-policy]").await;
    w.wait_for("[data-testid=policy-editor]").await;
    w.fill("#policy-name", "Tech lead").await;
    pick(&w, "#policy-kind", "Standing").await;
    pick(&w, "#policy-standing", "Ana Lima").await;
    pick(&w, "#policy-standin", "Ana Lima").await;
    w.wait_for_text("[data-testid=error-policy-standin]", "someone other")
        .await;
    assert_eq!(
        w.eval("return !document.querySelector('#policy-time') && document.querySelector('[data-testid=policy-save]').disabled;")
            .await,
        Value::Bool(true),
        "no handoff for a standing duty, and no saving with the fixed member as stand-in"
    );
    w.screenshot("policy-editor-standing").await;
    pick(&w, "#policy-standin", "Ben Ode").await;
    save_enabled(&w).await;
    w.click("[data-testid=policy-cancel]").await;
    until(
        &w,
        "return !document.querySelector('[data-testid=policy-editor]');",
        "the editor closes",
    )
    .await;

    // Auto-plan from the offer: a proposal, accepted.
    w.click("[data-testid=offer-autoplan-button]").await;
    w.wait_for("[data-testid=proposal]").await;
    w.click("[data-testid=accept-plan]").await;
    let planned = wait_turns(&w, "Batman", |t| t.len() >= 5, "Batman planned").await;
    assert!(
        !turns_of(&w, "Op of the Week").await.is_empty(),
        "Op of the Week planned with it"
    );
    assert!(
        planned.iter().all(|(m, _)| m != "Dan Roy"),
        "only the pool takes Batman turns: {planned:?}"
    );
    w.wait_for("[data-testid=conflicts]").await;
    w.screenshot("policy-planned").await;

    // Edit Batman: the preview says what saving re-plans before anything is written.
    w.click("[data-testid=edit-policy][data-policy=Batman]").await;
    w.wait_for("[data-testid=policy-editor]").await;
    assert_eq!(
        w.eval("return document.querySelector('#policy-time').value;").await,
        serde_json::json!("09:30")
    );
    tick_pool(&w, "Dan Roy").await;
    w.wait_for_text("[data-testid=policy-effect]", "Saving").await;
    let sentence = w.text("[data-testid=policy-effect]").await;
    assert!(
        sentence.starts_with("Saving re-plans") || sentence.starts_with("Saving moves no"),
        "{sentence}"
    );
    assert_eq!(turns_of(&w, "Batman").await, planned, "the preview wrote nothing");
    // Removing a policy with past turns is refused, with the reason.
    w.click("[data-testid=policy-remove]").await;
    w.click("[data-testid=policy-remove-confirm]").await;
    w.wait_for_text("[data-testid=policy-editor] [data-testid=banner-error]", "in the past")
        .await;
    w.screenshot("policy-editor-edit").await;
    save_enabled(&w).await;
    w.click("[data-testid=policy-save]").await;
    w.wait_for_text("[data-testid=banner-ok]", "Batman saved").await;
    let planned = turns_of(&w, "Batman").await;

    // Override a later Batman turn from the keyboard, then revert it to the plan.
    let i = planned.len() - 2;
    let (was, _) = planned[i].clone();
    let other = people.iter().find(|p| **p != was).unwrap();
    chip_of(&w, other).await.send_keys("\u{E007}").await.unwrap();
    let turn_id = w
        .eval(&format!(
            "return [...document.querySelectorAll('[data-testid=turn]')]
               .filter(e => e.getAttribute('aria-label').startsWith('Batman:'))[{i}].dataset.turnId;"
        ))
        .await;
    let turn_css = format!("[data-turn-id=\"{}\"]", turn_id.as_str().unwrap());
    w.wait_for(&turn_css).await.send_keys("\u{E007}").await.unwrap();
    let overridden = wait_turns(&w, "Batman", |t| t[i].1 && t[i].0 == *other, "override").await;
    hand_edits(&w, 1).await;
    w.screenshot("policy-override").await;
    // "Revert to plan" by keyboard: focus the drawer's button and press Enter.
    let revert = w.wait_for("[data-testid=revert-turn]").await;
    revert.send_keys("\u{E007}").await.unwrap();
    let reverted = wait_turns(&w, "Batman", |t| !t[i].1, "revert to plan").await;
    assert_eq!(reverted, planned, "the turn follows the plan again");
    hand_edits(&w, 0).await;
    // The revert is in the undo history: Ctrl+Z puts the override back, Ctrl+Shift+Z reverts again.
    w.click("[data-testid=undo]").await;
    wait_turns(&w, "Batman", |t| *t == overridden, "undo of the revert").await;
    w.click("[data-testid=redo]").await;
    wait_turns(&w, "Batman", |t| *t == planned, "redo of the revert").await;
    w.close().await;

    let locked: i64 = home
        .read_db()
        .query_row(
            "SELECT count(*) FROM turn JOIN duty_policy p ON p.id = turn.policy_id JOIN team ON team.id = p.team_id
             WHERE team.name = 'Orion' AND turn.locked",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(locked, 0, "no locked turn left after the revert");
}
