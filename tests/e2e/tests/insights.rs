//! The Insights screen in the real window, on the demo: the shares and observations are there as
//! text, the charts are drawn, the simulator's comparison table has the seven strategies with the
//! winner's summary; "Adopt" on the winner opens the Rotation screen's policy editor (or says why
//! there is nothing to adopt), pre-filled with the adopted shield's kind. Then quick capture from
//! another screen: with a turn covering this moment whatever the clock says, Ctrl+I opens the form
//! over the Sprints screen with the backend's on-duty person as "handled by", and the interrupt is
//! logged with that handler. Screenshots (with `SCREENSHOT_DIR`) are named after the colour scheme.
use std::time::{Duration, Instant};

use sprintshield_e2e::{ctrl, scheme, Home, Window};

/// Waits (up to 20 s: the simulator runs 7 × 1000 sprints in a debug build) until `script` returns `want`.
async fn wait_eval(w: &Window, script: &str, want: serde_json::Value) {
    let start = Instant::now();
    loop {
        let got = w.eval(script).await;
        if got == want {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{script}: {got} (want {want})"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn insights_compare_the_shields_and_quick_capture_works_from_anywhere() {
    let home = Home::new();
    let w = Window::start(&home).await;
    let scheme = scheme(&w).await;
    w.click("[data-testid=nav-insights]").await;

    // What the log says: shares and observations as visible text, the charts drawn.
    w.wait_for_text("[data-testid=insights-shares]", "handled by whoever was on duty")
        .await;
    let observations = w.text("[data-testid=insights-observations]").await;
    assert!(!observations.trim().is_empty(), "observations are shown");
    assert!(
        observations.chars().any(|c| c.is_ascii_digit()),
        "observations carry numbers: {observations}"
    );
    w.wait_for("[data-testid=insights-trend] canvas").await;
    w.wait_for("[data-testid=insights-heat] td").await;
    w.wait_for("[data-testid=insights-people] tbody tr").await;
    w.screenshot(&format!("insights-{scheme}")).await;
    w.eval("document.querySelector('[data-testid=insights-heat]').scrollIntoView();")
        .await;
    w.screenshot(&format!("insights-heat-{scheme}")).await;

    // The simulator: seven strategies, one winner, its summary, the sensitivity table.
    wait_eval(
        &w,
        "return document.querySelectorAll('[data-testid=sim-row]').length;",
        7.into(),
    )
    .await;
    let summary = w.text("[data-testid=sim-summary]").await;
    assert!(!summary.trim().is_empty());
    wait_eval(
        &w,
        "return document.querySelectorAll('[data-testid=sim-row] [data-testid=sim-adopt]').length;",
        1.into(),
    )
    .await;
    wait_eval(
        &w,
        "return document.querySelectorAll('[data-testid=sim-sensitivity] tbody td').length;",
        16.into(),
    )
    .await;
    assert!(!w.text("[data-testid=sim-assumptions]").await.trim().is_empty());
    w.eval("document.querySelector('[data-testid=simulator]').scrollIntoView();")
        .await;
    w.screenshot(&format!("insights-simulator-{scheme}")).await;

    w.eval("document.querySelector('[data-testid=sim-sensitivity]').scrollIntoView();")
        .await;
    w.screenshot(&format!("insights-sensitivity-{scheme}")).await;

    // The backtest: one row per closed sprint, the hit counts in words.
    wait_eval(
        &w,
        "return document.querySelectorAll('[data-testid=sim-backtest-row]').length;",
        6.into(),
    )
    .await;
    let bt = w.text("[data-testid=sim-backtest-summary]").await;
    assert!(bt.starts_with("Checked against 6 past sprints"), "{bt}");
    assert!(bt.contains("Interrupt hours:") && bt.contains("Points:"), "{bt}");
    w.eval("document.querySelector('[data-testid=sim-backtest]').scrollIntoView();")
        .await;
    w.screenshot(&format!("insights-backtest-{scheme}")).await;

    // The days looked at were chosen by the service (the last 90 on the team's today) and the
    // inputs show them; a preset asks the service again.
    let span = "const v = (t) => document.querySelector(`[data-testid=insights-${t}]`).value; \
                return (Date.parse(v('to')) - Date.parse(v('from'))) / 86400000;";
    wait_eval(&w, span, 89.into()).await;
    w.eval("[...document.querySelectorAll('.presets button')].find(b => b.textContent.includes('30')).click();")
        .await;
    wait_eval(&w, span, 29.into()).await;

    // A different recovery re-runs the simulation (the inputs say what they ask for).
    w.fill("[data-testid=sim-recovery]", "45").await;
    w.eval("document.querySelector('[data-testid=sim-recovery]').dispatchEvent(new Event('change'));")
        .await;
    wait_eval(
        &w,
        "return [...document.querySelectorAll('[data-testid=sim-sensitivity] td.current')].length;",
        1.into(),
    )
    .await;

    // Adopt the winner: the policy editor opens on the Rotation screen; a winner with no policy to
    // adopt says why and offers the shield with the most focus (the first result that has a
    // policy), which opens the editor the same way. Either way the editor is a new policy
    // pre-filled with that shield's kind, and the note names it.
    let winner = w
        .eval("return document.querySelector('[data-testid=sim-adopt]').closest('tr').dataset.strategy;")
        .await;
    let rows = w
        .eval("return [...document.querySelectorAll('[data-testid=sim-row]')].map(r => r.dataset.strategy);")
        .await;
    let policy_kind = |strategy: &str| match strategy.split('+').next().unwrap_or_default() {
        "daily" => Some("daily"),
        "weekly" => Some("weekly"),
        "per_sprint" => Some("sprint"),
        "standing" => Some("standing"),
        _ => None,
    };
    let winner = winner.as_str().unwrap_or_default().to_owned();
    let expected = policy_kind(&winner).unwrap_or_else(|| {
        rows.as_array()
            .unwrap()
            .iter()
            .find_map(|r| policy_kind(r.as_str().unwrap_or_default()))
            .expect("some strategy has a policy to adopt")
    });
    w.click("[data-testid=sim-adopt]").await;
    if policy_kind(&winner).is_none() {
        // Nothing to adopt: the note says so and offers the shield with the most focus.
        w.wait_for("[data-testid=sim-adopt-note]").await;
        w.screenshot(&format!("insights-adopt-note-{scheme}")).await;
        w.click("[data-testid=sim-adopt-shield]").await;
    }
    w.wait_for("[data-testid=policy-editor]").await;
    w.wait_for_text("[data-testid=adopt-note]", "From Insights").await;
    let kind = w
        .wait_for("[data-testid=policy-editor] #policy-kind")
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    assert_eq!(
        kind, expected,
        "the editor is pre-filled with the adopted shield's kind (winner {winner})"
    );
    let words = match expected {
        "daily" => "daily (Batman)",
        "weekly" => "weekly (Op of the Week)",
        "sprint" => "per-sprint",
        _ => "standing",
    };
    let note = w.text("[data-testid=adopt-note]").await;
    assert!(note.contains(&format!("a {words} duty policy")), "{note}");
    let name = w
        .wait_for("[data-testid=policy-editor] #policy-name")
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    assert_eq!(name, "", "a new policy, not an edit of a stored one");
    // The pool offers the team's members (loaded with the screen), none ticked: everyone.
    wait_eval(
        &w,
        "return document.querySelectorAll('[data-testid=policy-editor] fieldset.pool input[type=checkbox]').length > 0;",
        true.into(),
    )
    .await;
    wait_eval(
        &w,
        "return document.querySelectorAll('[data-testid=policy-editor] fieldset.pool input[type=checkbox]:checked').length;",
        0.into(),
    )
    .await;
    w.screenshot(&format!("insights-adopt-{scheme}")).await;

    // Quick capture from another screen, the handler pre-filled with whoever is on duty now. So
    // that someone is on duty whatever the clock says, every policy with no turn covering this
    // moment gets one filling its gap (a handoff is not "now" on a night or a weekend).
    {
        let db = rusqlite::Connection::open(home.db()).unwrap();
        db.busy_timeout(Duration::from_secs(5)).unwrap();
        db.execute_batch(
            "INSERT INTO turn (policy_id, member_id, start_at, end_at, source)
             SELECT p.id,
                    (SELECT m.id FROM member m WHERE m.team_id = p.team_id ORDER BY m.id LIMIT 1),
                    COALESCE((SELECT max(t.end_at) FROM turn t WHERE t.policy_id = p.id
                              AND t.end_at <= strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
                             strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-1 hour')),
                    COALESCE((SELECT min(t.start_at) FROM turn t WHERE t.policy_id = p.id
                              AND t.start_at > strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
                             strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '+1 hour')),
                    'override'
             FROM duty_policy p
             WHERE EXISTS (SELECT 1 FROM member m WHERE m.team_id = p.team_id)
               AND NOT EXISTS (SELECT 1 FROM turn t WHERE t.policy_id = p.id
                               AND t.start_at <= strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
                               AND t.end_at > strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));",
        )
        .unwrap();
    }
    w.click("[data-testid=nav-sprints]").await;
    w.eval("document.activeElement && document.activeElement.blur();").await;
    ctrl(&w, 'i').await;
    w.wait_for("[data-testid=quick-capture]").await;
    let duty = w.text("[data-testid=quick-capture-duty]").await;
    let handler = w
        .wait_for("#int-who")
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    let handler: i64 = handler
        .parse()
        .unwrap_or_else(|_| panic!("handled by is pre-filled: {handler:?} ({duty})"));
    w.fill("#int-title", "Checkout slow after deploy").await;
    w.screenshot(&format!("insights-quick-capture-{scheme}")).await;
    w.click("[data-testid=quick-capture] [data-testid=interrupt-submit]")
        .await;
    w.wait_for_text(
        "[data-testid=quick-capture] [data-testid=banner-ok]",
        "Checkout slow after deploy",
    )
    .await;
    let (stored, team): (Option<i64>, i64) = home
        .read_db()
        .query_row(
            "SELECT handled_by, team_id FROM interrupt WHERE title = 'Checkout slow after deploy'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(stored, Some(handler), "logged with the pre-filled handler");
    // The pre-fill is the backend's on-duty person: the member of the turn covering this moment
    // under the team's policy the form names.
    let on_duty: Vec<(i64, String, String)> = {
        let db = home.read_db();
        let mut st = db
            .prepare(
                "SELECT t.member_id, m.name, p.name FROM turn t
                 JOIN duty_policy p ON p.id = t.policy_id JOIN member m ON m.id = t.member_id
                 WHERE p.team_id = ?1 AND t.start_at <= strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
                   AND t.end_at > strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
            )
            .unwrap();
        let rows = st.query_map([team], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap();
        rows.collect::<Result<_, _>>().unwrap()
    };
    assert!(!on_duty.is_empty(), "someone of the team is on duty now");
    assert!(
        on_duty
            .iter()
            .any(|(id, person, policy)| *id == handler
                && duty == format!("{person} is on duty now ({policy}). Esc closes.")),
        "the form names the backend's on-duty person ({duty}; handler {handler}; on duty {on_duty:?})"
    );
    w.click("[data-testid=quick-capture-close]").await;
    wait_eval(
        &w,
        "return !!document.querySelector('[data-testid=quick-capture]');",
        false.into(),
    )
    .await;
    w.close().await;
}
