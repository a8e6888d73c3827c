//! The planner can be read at a glance in a 1280 px window: every turn of the sprint view shows
//! its person (the name, the first name or the initials, never a cut "Dmi…"), unclipped, with any
//! conflict marker still visible beside the corner badges; a daily turn lines up with its day
//! column; the "On duty" row above the grid names someone for each policy on each day; the
//! fairness table says what "vs average" measures; the quarter view counts daily turns per week.
//! Screenshots are named after the colour scheme (run once with `GTK_THEME=Adwaita:dark`).
use sprintshield_e2e::{scheme, Home, Window};

/// Checks that every turn of the sprint view shows its person (name, first name or initials of
/// a member), unclipped, with its full name in the accessible label and its conflict marker (if
/// any) visible inside it. Returns how many turns there are.
async fn every_turn_names_its_person(w: &Window) -> usize {
    // Each turn: its label, the member's full name, whether the label is clipped, and whether
    // its conflict marker (if any) is visible inside it.
    let v = w
        .eval(
            "const initials = n => { const w = n.trim().split(/\\s+/);
               return w.length === 1 ? [...w[0]].slice(0, 2).join('') : w.map(x => [...x][0]).slice(0, 3).join('').toUpperCase(); };
             const members = [...document.querySelectorAll('[data-testid=member-chip] .who')].map(e => e.textContent.trim());
             return { width: innerWidth, members, turns: [...document.querySelectorAll('[data-testid=turn]')].map(t => {
               const name = t.querySelector('[data-testid=turn-name]');
               const r = t.getBoundingClientRect();
               const m = t.querySelector('[data-testid=conflict-marker]');
               const mr = m && m.getBoundingClientRect();
               const who = members.find(n => t.dataset.member === n);
               const full = t.dataset.member;
               const label = name ? name.textContent.trim() : '';
               return { label, full, known: !!who,
                 matches: label !== '' && (label === full || label === full.split(/\\s+/)[0] || label === initials(full)),
                 clipped: !name || name.scrollWidth > name.clientWidth + 1 || name.getBoundingClientRect().width === 0,
                 conflicts: Number(t.dataset.conflicts),
                 marker: !m ? null : (mr.width > 0 && mr.left >= r.left - 1 && mr.right <= r.right + 1),
                 aria: t.getAttribute('aria-label') };
             }) };",
        )
        .await;
    assert!(v["width"].as_f64().unwrap() <= 1280.0, "viewport {}", v["width"]);
    let turns = v["turns"].as_array().unwrap();
    assert!(turns.len() >= 5, "a planned rotation: {turns:?}");
    let members: Vec<&str> = v["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    for t in turns {
        assert!(
            t["matches"] == true,
            "the turn shows its person's name, first name or initials: {t}"
        );
        assert!(t["known"] == true, "the turn's person is a member ({members:?}): {t}");
        assert!(t["clipped"] == false, "the label is not cut off: {t}");
        let full = t["full"].as_str().unwrap();
        assert!(
            t["aria"].as_str().unwrap().contains(full),
            "the accessible label carries the full name: {t}"
        );
        if t["conflicts"].as_u64().unwrap() > 0 {
            assert!(
                t["marker"] == true,
                "the conflict marker is visible inside the turn: {t}"
            );
        }
    }

    turns.len()
}

#[tokio::test(flavor = "multi_thread")]
async fn every_turn_shows_its_person_at_1280_px() {
    let home = Home::new();
    let w = Window::start(&home).await;
    w.client.set_window_size(1280, 800).await.expect("resize the window");
    w.click("[data-testid=nav-rotation]").await;
    w.wait_for("[data-testid=turn]").await;
    w.wait_for("[data-testid=on-duty-row]").await;
    w.settle().await;
    let s = scheme(&w).await;
    w.screenshot(&format!("planner-readability-{s}")).await;

    let n = every_turn_names_its_person(&w).await;
    assert!(n >= 5, "a planned rotation: {n} turns");

    // Keyboard focus on a turn showing a first name or initials shows the whole name: Tab into
    // it from the element before it (a keyboard focus, so :focus-visible applies).
    let short = w
        .eval(
            "const all = [...document.querySelectorAll('button, [href], input, select, [tabindex]')].filter(e => !e.disabled);
             const t = document.querySelector('[data-testid=turn].short');
             if (!t) return null;
             all[all.indexOf(t) - 1].focus();
             return [t.dataset.turnId, t.dataset.member];",
        )
        .await;
    if let Some(short) = short.as_array() {
        let (id, full) = (short[0].as_str().unwrap(), short[1].as_str().unwrap());
        let before = w.client.active_element().await.unwrap();
        before.send_keys("\u{E004}").await.unwrap();
        // The whole name is drawn from the turn's data-member (no hidden copy in the DOM): the
        // shortened label gives way to it, and the focused turn grows until nothing is cut.
        let shown = w
            .eval(
                "const t = document.activeElement; const before = getComputedStyle(t, '::before').content;
                 const label = t.querySelector('[data-testid=turn-name]');
                 return [t.dataset.turnId, before.replace(/^\"|\"$/g, ''), getComputedStyle(label).display === 'none',
                         t.scrollWidth <= t.clientWidth + 1];",
            )
            .await;
        assert_eq!(
            shown,
            serde_json::json!([id, full, true, true]),
            "the focused turn shows {full} whole"
        );
        w.screenshot(&format!("planner-readability-focus-{s}")).await;
        w.eval("document.activeElement.blur(); return 0;").await;
    }

    // The on-duty row: one cell per day column, each naming someone (or a dash) per policy.
    let duty = w
        .eval(
            "const cols = [...document.querySelectorAll('[data-testid=grid-column]')].map(c => c.getBoundingClientRect());
             const cells = [...document.querySelectorAll('[data-testid=on-duty-day]')];
             return { cols: cols.length, cells: cells.length,
                      aligned: cells.every((c, i) => Math.abs(c.getBoundingClientRect().left - cols[i].left) < 1.5),
                      named: cells.filter(c => [...c.children].some(s => s.textContent.trim() !== '–')).length,
                      texts: cells.map(c => c.textContent.trim()) };",
        )
        .await;
    assert_eq!(duty["cols"], duty["cells"], "one on-duty cell per day: {duty}");
    assert!(duty["aligned"] == true, "on-duty cells sit under their days: {duty}");
    assert!(
        duty["named"].as_u64().unwrap() >= 5,
        "the on-duty row names who is on duty: {duty}"
    );

    // A daily turn fills its day column: its left edge is a column's left edge.
    let daily = w
        .eval(
            "const daily = new Set([...document.querySelectorAll('[data-testid=edit-policy]')]
                 .filter(b => b.parentElement.textContent.includes('daily')).map(b => b.dataset.policy));
             const cols = [...document.querySelectorAll('[data-testid=grid-column]')].map(c => c.getBoundingClientRect().left);
             const turns = [...document.querySelectorAll('[data-testid=turn]')].filter(t => daily.has(t.getAttribute('aria-label').split(':')[0]));
             return { n: turns.length, off: turns.map(t => t.getBoundingClientRect().left).filter(l => !cols.some(c => Math.abs(c - l) < 1.5)) };",
        )
        .await;
    assert!(daily["n"].as_u64().unwrap() > 0, "daily turns on the grid: {daily}");
    assert_eq!(
        daily["off"],
        serde_json::json!([]),
        "daily turns start on a day's column"
    );

    // Fairness says what it measures and shows hours beside the turns.
    let fairness = w.text("[data-testid=fairness]").await;
    assert!(
        fairness.contains("weighted load") && fairness.contains("capacity"),
        "{fairness}"
    );
    assert!(fairness.to_lowercase().contains("hours"), "{fairness}");
    w.eval("document.querySelector('[data-testid=fairness]').scrollIntoView(); return 0;")
        .await;
    w.screenshot(&format!("planner-readability-fairness-{s}")).await;
    w.eval("document.scrollingElement.scrollTop = 0; document.querySelector('main')?.scrollTo?.(0, 0); return 0;")
        .await;

    // Undo and Redo with nothing to undo look disabled (no fill, dashed border).
    let undo = w
        .eval("const b = document.querySelector('[data-testid=undo]'); return [b.disabled, getComputedStyle(b).borderTopStyle];")
        .await;
    assert_eq!(undo, serde_json::json!([true, "dashed"]));

    // An override that makes conflicts: the name and the marker stay beside the corner badges.
    let ids = w
        .eval(
            "const t = [...document.querySelectorAll('[data-testid=turn]')].filter(e => e.getAttribute('aria-label').startsWith('Batman:'));
             const other = t.find(e => e.dataset.member !== t[0].dataset.member);
             return [t[0].dataset.turnId, other.dataset.member];",
        )
        .await;
    let (first, other) = (ids[0].as_str().unwrap(), ids[1].as_str().unwrap());
    let chip = w
        .eval(&format!(
            "return [...document.querySelectorAll('[data-testid=member-chip]')]
               .find(e => e.querySelector('.who').textContent.trim() === {other:?}).dataset.memberId;"
        ))
        .await;
    let chip = w
        .wait_for(&format!(
            "[data-testid=member-chip][data-member-id=\"{}\"]",
            chip.as_str().unwrap()
        ))
        .await;
    let target = w.wait_for(&format!("[data-turn-id=\"{first}\"]")).await;
    w.drag(&chip, &target).await;
    w.wait_for(&format!(
        "[data-turn-id=\"{first}\"] [data-testid=turn-badges][data-badges~=override]"
    ))
    .await;
    w.settle().await;
    every_turn_names_its_person(&w).await;
    let conflicted = w
        .eval("return document.querySelectorAll('[data-testid=turn]:not([data-conflicts=\"0\"])').length;")
        .await;
    assert!(conflicted.as_u64().unwrap() > 0, "the override made a conflict to show");
    w.screenshot(&format!("planner-readability-override-{s}")).await;

    // The quarter: daily turns as counts per week ("Ana ×3, Ben ×2").
    w.click("[data-testid=scale-quarter]").await;
    w.wait_for("[data-testid=week-counts]").await;
    w.settle().await;
    let counts = w
        .eval(
            "return [...document.querySelectorAll('[data-testid=week-counts] span')]
               .map(e => e.scrollWidth > e.parentElement.clientWidth + 1 ? 'CLIPPED ' + e.textContent : e.textContent.trim());",
        )
        .await;
    let counts = counts.as_array().unwrap();
    assert!(!counts.is_empty(), "week cells with counts");
    for c in counts {
        let c = c.as_str().unwrap();
        assert!(
            c.contains('×') && !c.starts_with("CLIPPED"),
            "a whole count per person: {c}"
        );
    }
    w.screenshot(&format!("planner-readability-quarter-{s}")).await;
    w.close().await;
}
