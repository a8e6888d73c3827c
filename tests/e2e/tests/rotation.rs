//! The rotation planner through the real window: drag a person onto a turn (the ghost previews
//! the drop), the conflict marker changes, undo restores the turn, redo makes the override again;
//! a turn dragged onto another swaps them; the same edits from the keyboard (override, swap,
//! Ctrl+Z, Escape); a shadow; a handoff note; an accepted auto-plan is undone, in the sprint and
//! in the quarter view; after a restart the override (locked) is still there. Also prints the
//! drop round trip (IPC, SQLite write, re-validation, DOM, layout, frame) from page marks.
use sprintshield_e2e::{chip_of, strings, Home, Window};

async fn batman_turns(w: &Window) -> Vec<(String, String, String)> {
    let v = w
        .eval(
            "return [...document.querySelectorAll('[data-testid=turn]')]
               .filter(e => e.getAttribute('aria-label').startsWith('Batman:'))
               .map(e => [e.dataset.turnId, e.dataset.member, e.dataset.conflicts]);",
        )
        .await;
    v.as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t[0].as_str().unwrap().to_owned(),
                t[1].as_str().unwrap().to_owned(),
                t[2].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// Every turn on the grid as "id:member", in page order.
async fn all_turns(w: &Window) -> Vec<String> {
    strings(
        w,
        "return [...document.querySelectorAll('[data-testid=turn]')].map(e => e.dataset.turnId + ':' + e.dataset.member);",
    )
    .await
}

async fn wait_turns(w: &Window, ok: impl Fn(&Vec<String>) -> bool, what: &str) {
    for _ in 0..100 {
        if ok(&all_turns(w).await) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("{what}: never happened");
}

/// Waits for the screen-reader announcement (visually hidden, so read as textContent).
async fn wait_announced(w: &Window, needle: &str) {
    let script = format!("return document.querySelector('[data-testid=announce]').textContent.includes({needle:?});");
    for _ in 0..100 {
        if w.eval(&script).await == serde_json::Value::Bool(true) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("never announced {needle:?}");
}

async fn turn_member(w: &Window, id: &str) -> String {
    w.eval(&format!(
        "return document.querySelector('[data-turn-id=\"{id}\"]').dataset.member;"
    ))
    .await
    .as_str()
    .unwrap()
    .to_owned()
}

async fn wait_member(w: &Window, id: &str, name: &str) {
    for _ in 0..100 {
        if turn_member(w, id).await == name {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("turn {id} never showed {name}");
}

/// Prints p50 / p95 / max of the page's measures named `sprintshield:{mark}`.
async fn report(w: &Window, mark: &str, what: &str) {
    let v = w
        .eval(&format!(
            "return performance.getEntriesByName('sprintshield:{mark}').map(m => m.duration);"
        ))
        .await;
    let mut ms: Vec<f64> = v.as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect();
    ms.sort_by(|a, b| a.partial_cmp(b).unwrap());
    if let Some(max) = ms.last() {
        let p = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
        println!(
            "drop round trip, {what}, {} drops: p50 {:.1} ms, p95 {:.1} ms, max {max:.1} ms",
            ms.len(),
            p(0.5),
            p(0.95)
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn drag_override_undo_redo_and_restart() {
    let home = Home::new();
    let w = Window::start(&home).await;
    w.click("[data-testid=nav-rotation]").await;
    w.wait_for("[data-testid=turn]").await;
    let turns = batman_turns(&w).await;
    assert!(turns.len() >= 5, "a planned Batman rotation: {turns:?}");
    w.screenshot("rotation-before").await;
    w.settle().await;
    // Put the person of the second turn on the first one as well: back-to-back, a new conflict.
    let (first, first_member, conflicts_before) = turns[0].clone();
    let (_, second_member, _) = turns[1].clone();
    assert_ne!(first_member, second_member);
    let chip = chip_of(&w, &second_member).await;
    let target = w.wait_for(&format!("[data-turn-id=\"{first}\"]")).await;
    // While dragging, the ghost previews the drop: the action and the conflict it would add.
    w.drag_hold(&chip, &target).await;
    w.wait_for_text("[data-testid=drag-ghost]", "Override").await;
    w.wait_for_text("[data-testid=drag-ghost]", "in a row").await;
    w.screenshot("rotation-drag-preview").await;
    w.release().await;
    wait_member(&w, &first, &second_member).await;
    let after = batman_turns(&w).await;
    let conflicts_after = &after.iter().find(|t| t.0 == first).unwrap().2;
    assert_ne!(
        &conflicts_before, conflicts_after,
        "the conflict marker changes after the drop"
    );
    assert!(
        w.text("[data-testid=conflicts]").await.contains("back"),
        "a back-to-back conflict is listed"
    );
    w.screenshot("rotation-after-drop").await;

    // Undo restores the planned person; redo makes the override again.
    w.click("[data-testid=undo]").await;
    wait_member(&w, &first, &first_member).await;
    w.click("[data-testid=redo]").await;
    wait_member(&w, &first, &second_member).await;

    // A few more drops to measure the round trip (each followed by undo).
    // More drops to measure the round trip, each followed by undo; the test does not poll the
    // page while a drop is under way (WebDriver's scripts run on the page's thread).
    for (id, member, _) in after.iter().skip(2).cycle().take(27) {
        let other = if *member == first_member {
            &second_member
        } else {
            &first_member
        };
        let chip = chip_of(&w, other).await;
        let target = w.wait_for(&format!("[data-turn-id=\"{id}\"]")).await;
        w.drag(&chip, &target).await;
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
        wait_member(&w, id, other).await;
        w.click("[data-testid=undo]").await;
        wait_member(&w, id, member).await;
    }
    for (mark, what) in [
        ("drop-ipc", "IPC (SQLite write, re-validation, view)"),
        ("drop-tick", "IPC + DOM updated"),
        ("drop-dom", "IPC + DOM updated and laid out"),
        ("drop-frame-wait", "laid out → start of the frame that paints it"),
        ("drop", "IPC + DOM + next frame"),
    ] {
        report(&w, mark, what).await;
    }
    // Dragging a turn onto another turn of the policy swaps the two people; undo swaps back.
    let (pa, pa_member, _) = after[4].clone();
    let (pb, pb_member, _) = after
        .iter()
        .skip(5)
        .find(|t| t.1 != pa_member)
        .cloned()
        .expect("a later turn with someone else");
    let from = w.wait_for(&format!("[data-turn-id=\"{pa}\"]")).await;
    let onto = w.wait_for(&format!("[data-turn-id=\"{pb}\"]")).await;
    w.drag(&from, &onto).await;
    wait_member(&w, &pa, &pb_member).await;
    wait_member(&w, &pb, &pa_member).await;
    w.click("[data-testid=undo]").await;
    wait_member(&w, &pa, &pa_member).await;
    wait_member(&w, &pb, &pb_member).await;

    // The same from the keyboard: Enter on a person picks them up, Enter on a turn puts them on
    // duty, Ctrl+Z undoes it; Enter on two turns swaps them; Escape cancels a pick.
    let (kid, k_member, _) = after[5].clone();
    let k_other = if k_member == first_member {
        &second_member
    } else {
        &first_member
    };
    chip_of(&w, k_other).await.send_keys("\u{E007}").await.unwrap();
    wait_announced(&w, "Picked").await;
    let turn = w.wait_for(&format!("[data-turn-id=\"{kid}\"]")).await;
    turn.send_keys("\u{E007}").await.unwrap();
    wait_member(&w, &kid, k_other).await;
    turn.send_keys("\u{E009}z").await.unwrap();
    wait_member(&w, &kid, &k_member).await;
    // Enter on a turn, then Enter on another turn of the policy swaps the two people.
    let (sa, sa_member, _) = after[6].clone();
    let (sb, sb_member, _) = after
        .iter()
        .skip(7)
        .find(|t| t.1 != sa_member)
        .cloned()
        .expect("a later turn with someone else");
    w.wait_for(&format!("[data-turn-id=\"{sa}\"]"))
        .await
        .send_keys("\u{E007}")
        .await
        .unwrap();
    wait_announced(&w, "Picked").await;
    let b_turn = w.wait_for(&format!("[data-turn-id=\"{sb}\"]")).await;
    b_turn.send_keys("\u{E007}").await.unwrap();
    wait_member(&w, &sa, &sb_member).await;
    wait_member(&w, &sb, &sa_member).await;
    b_turn.send_keys("\u{E009}z").await.unwrap();
    wait_member(&w, &sa, &sa_member).await;
    chip_of(&w, k_other).await.send_keys("\u{E007}").await.unwrap();
    wait_announced(&w, "Picked").await;
    w.wait_for("body").await.send_keys("\u{E00C}").await.unwrap();
    wait_announced(&w, "Cancelled").await;

    // Drop a trainee on the shadow row of a turn: the shadow shows, the person on duty stays.
    let (sid, s_member, _) = after[3].clone();
    let trainee = if s_member == first_member {
        &second_member
    } else {
        &first_member
    };
    let chip = chip_of(&w, trainee).await;
    let slot = w
        .wait_for(&format!("[data-testid=shadow-slot][data-turn-id=\"{sid}\"]"))
        .await;
    w.drag(&chip, &slot).await;
    let first_name = trainee.split(' ').next().unwrap().to_owned();
    let shadow_shown = format!(
        "return document.querySelector('[data-testid=shadow-slot][data-turn-id=\"{sid}\"]').textContent.includes({first_name:?});"
    );
    let start = std::time::Instant::now();
    while w.eval(&shadow_shown).await != serde_json::Value::Bool(true) {
        assert!(
            start.elapsed().as_secs() < 10,
            "the shadow {first_name} never showed on turn {sid}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(turn_member(&w, &sid).await, s_member, "a shadow is not cover");
    w.screenshot("rotation-shadow").await;

    // A handoff note for the next person, and auto-plan as a proposal (ghosts or "nothing to change").
    w.fill("[data-testid=today] form input", "Payments job flaky, see ticket 123")
        .await;
    w.click("[data-testid=today] form button").await;
    // Auto-plan over the sprint shows a proposal, or says the rotation is already the fair plan
    // (after this test's own edits it may well be); a proposal accepted is undone turn by turn.
    // The quarter view below always has something to plan, so accept and undo are seen there.
    let before = all_turns(&w).await;
    w.click("[data-testid=autoplan]").await;
    let decided = "return !!document.querySelector('[data-testid=proposal]') || document.body.innerText.includes('Auto-plan would change nothing');";
    let start = std::time::Instant::now();
    while w.eval(decided).await != serde_json::Value::Bool(true) {
        assert!(
            start.elapsed().as_secs() < 10,
            "auto-plan showed neither a proposal nor 'nothing to change'"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    w.screenshot("rotation-autoplan").await;
    if w.eval("return !!document.querySelector('[data-testid=proposal]');")
        .await
        == serde_json::Value::Bool(true)
    {
        w.click("[data-testid=accept-plan]").await;
        wait_turns(&w, |t| *t != before, "auto-plan changes the turns").await;
        w.click("[data-testid=undo]").await;
        wait_turns(&w, |t| *t == before, "undo of auto-plan restores every turn").await;
    }

    // The quarter view: 13 week columns. The demo is planned a few weeks ahead; auto-plan over the
    // quarter fills the rest (the coverage gap), and undo takes that back too.
    let sprint_turns = before.len();
    w.click("[data-testid=scale-quarter]").await;
    w.wait_for_text("[data-testid=grid-column]", "W").await;
    let columns = w
        .eval("return document.querySelectorAll('[data-testid=grid-column]').length;")
        .await;
    assert_eq!(columns, serde_json::json!(13), "one column per week");
    assert!(
        w.text("[data-testid=grid-column]").await.starts_with('W'),
        "columns are ISO weeks"
    );
    let quarter = all_turns(&w).await;
    w.click("[data-testid=autoplan]").await;
    w.wait_for("[data-testid=proposal]").await;
    w.screenshot("rotation-quarter-proposal").await;
    w.click("[data-testid=accept-plan]").await;
    wait_turns(&w, |t| t.len() > 3 * sprint_turns, "auto-plan fills the quarter").await;
    w.screenshot("rotation-quarter").await;
    w.click("[data-testid=undo]").await;
    wait_turns(&w, |t| *t == quarter, "undo of the quarter's auto-plan").await;
    w.click("[data-testid=scale-sprint]").await;
    wait_turns(&w, |t| *t == before, "back to the sprint's days").await;
    w.close().await;
    let note: String = home
        .read_db()
        .query_row(
            "SELECT count(*) FROM turn WHERE note = 'Payments job flaky, see ticket 123'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .map(|n| n.to_string())
        .unwrap();
    assert_eq!(note, "1", "the handoff note is stored on the current turn");

    let w = Window::start(&home).await;
    w.click("[data-testid=nav-rotation]").await;
    w.wait_for("[data-testid=turn]").await;
    wait_member(&w, &first, &second_member).await;
    let locked = w
        .eval(&format!(
            "return document.querySelector('[data-turn-id=\"{first}\"]').classList.contains('locked');"
        ))
        .await;
    assert_eq!(
        locked,
        serde_json::Value::Bool(true),
        "the override is locked after a restart"
    );
    w.close().await;
}
