//! Setting up a team in the real window, without the CLI: create a team with a zone picked from
//! the searchable list, add two members (distinct colours, active from the team's today), edit
//! one, retire the other and read what it did, undo it with Ctrl+Z; on the demo team, removing a
//! member with history is refused with the way out, and a zone change shows its preview first.
use fantoccini::key::Key;
use sprintshield_e2e::{ctrl_z, Home, Window};

fn one<T: rusqlite::types::FromSql>(home: &Home, sql: &str, name: &str) -> T {
    home.read_db()
        .query_row(sql, [name], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql} ({name}): {e}"))
}

async fn value(w: &Window, css: &str) -> String {
    w.wait_for(css).await.prop("value").await.unwrap().unwrap_or_default()
}

/// Waits until the zone list offers `zone` first. (Read from the page: WebKitWebDriver's element
/// text comes back empty for the scrolling list, though it is drawn.)
async fn wait_for_zone_option(w: &Window, zone: &str) {
    let script = "const o = document.querySelector('[data-testid=zone-option]'); return o ? o.textContent : null;";
    let start = std::time::Instant::now();
    while w.eval(script).await != serde_json::Value::String(zone.to_owned()) {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "the zone list never offered {zone}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_team_is_set_up_in_the_app() {
    let home = Home::new();
    let w = Window::start(&home).await;
    w.wait_for_text("[data-testid=member-list]", "Ana Souza").await;

    // A new team, its zone picked from the list by typing part of the city.
    w.click(".newteam").await;
    w.fill("#team-name", "Orion").await;
    w.click("#team-zone").await;
    w.fill("#team-zone", "kolk").await;
    wait_for_zone_option(&w, "Asia/Kolkata").await;
    w.screenshot("team-new-zone-list").await;
    w.click("[data-testid=zone-option]").await;
    assert_eq!(value(&w, "#team-zone").await, "Asia/Kolkata");
    w.click("[data-testid=team-day-Fri]").await;
    w.fill("#team-len", "7").await;
    w.screenshot("team-new-form").await;
    w.click("[data-testid=team-submit]").await;
    w.wait_for_text("h1", "Orion").await;
    w.wait_for_text("[data-testid=team-empty]", "Add the people of the team")
        .await;
    w.wait_for_text("[data-testid=team-summary]", "Asia/Kolkata").await;
    w.screenshot("team-empty").await;
    let zone: String = one(&home, "SELECT zone FROM team WHERE name = ?1", "Orion");
    assert_eq!(zone, "Asia/Kolkata");

    // Two members; the form starts them on the team's today.
    w.click("[data-testid=add-member]").await;
    assert!(
        !value(&w, "#member-from").await.is_empty(),
        "active from defaults to today"
    );
    for (name, capacity) in [("Ben Okafor", "80"), ("Emma Larsen", "100")] {
        w.fill("#member-name", name).await;
        w.fill("#member-capacity", capacity).await;
        w.click("[data-testid=member-submit]").await;
        w.wait_for_text("[data-testid=member-list]", name).await;
    }
    let ben: String = one(
        &home,
        "SELECT colour FROM member WHERE name = ?1 AND team_id = (SELECT id FROM team WHERE name = 'Orion')",
        "Ben Okafor",
    );
    let emma: String = one(
        &home,
        "SELECT colour FROM member WHERE name = ?1 AND team_id = (SELECT id FROM team WHERE name = 'Orion')",
        "Emma Larsen",
    );
    assert_ne!(ben, emma, "teammates get distinct colours");
    w.click("[data-testid=add-member]").await; // close the add form

    // Edit Emma on screen: capacity, skills and a colour of her own.
    let emma_id: i64 = one(
        &home,
        "SELECT id FROM member WHERE name = ?1 AND team_id = (SELECT id FROM team WHERE name = 'Orion')",
        "Emma Larsen",
    );
    w.click("tr[data-member='Emma Larsen'] [data-testid=member-edit]").await;
    w.fill(&format!("#edit-{emma_id}-capacity"), "60").await;
    w.fill(&format!("#edit-{emma_id}-skills"), "db, ops").await;
    w.eval(&format!(
        "const c = document.getElementById('edit-{emma_id}-colour'); c.value = '#112233';
         c.dispatchEvent(new Event('input', {{ bubbles: true }})); return 0;"
    ))
    .await;
    w.screenshot("team-member-edit").await;
    w.click("[data-testid=member-save]").await;
    w.wait_for_text("[data-testid=team-notice]", "Saved Emma Larsen").await;
    let (cap, colour, skills): (i64, String, String) = home
        .read_db()
        .query_row(
            "SELECT capacity_percent, colour, skills FROM member WHERE id = ?1",
            [emma_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((cap, colour.as_str()), (60, "#112233"));
    assert!(skills.contains("db") && skills.contains("ops"), "{skills}");

    // Retire Ben with the offered last day (today) and read what it did.
    w.click("tr[data-member='Ben Okafor'] [data-testid=member-retire]")
        .await;
    let last_day = value(&w, "#retire-day").await;
    assert!(!last_day.is_empty());
    // A last day before Ben joined is refused next to the field.
    let set_day = |day: &str| {
        format!(
            "const d = document.getElementById('retire-day'); d.value = '{day}';
             d.dispatchEvent(new Event('input', {{ bubbles: true }})); return 0;"
        )
    };
    w.eval(&set_day("2000-01-03")).await;
    w.click("[data-testid=retire-confirm]").await;
    w.wait_for_text("[data-testid=retire-error]", "cannot be before").await;
    w.eval(&set_day(&last_day)).await;
    w.screenshot("team-retire").await;
    w.click("[data-testid=retire-confirm]").await;
    w.wait_for_text("[data-testid=team-notice]", "Ben retires after").await;
    let notice = w.text("[data-testid=team-notice]").await;
    println!("retire notice: {notice}");
    assert!(notice.contains("no future turn to re-plan"), "{notice}");
    let until: Option<String> = one(
        &home,
        "SELECT active_until FROM member WHERE name = ?1 AND team_id = (SELECT id FROM team WHERE name = 'Orion')",
        "Ben Okafor",
    );
    assert_eq!(until.as_deref(), Some(last_day.as_str()));
    w.screenshot("team-retired").await;

    // Ctrl+Z on the screen (not in a text field) undoes the retirement.
    w.click("h1").await;
    ctrl_z(&w).await;
    w.wait_for_text("[data-testid=team-notice]", "Undone").await;
    let until: Option<String> = one(
        &home,
        "SELECT active_until FROM member WHERE name = ?1 AND team_id = (SELECT id FROM team WHERE name = 'Orion')",
        "Ben Okafor",
    );
    assert_eq!(until, None);

    // Orion has no history yet: it can be removed, and the window shows another team.
    w.click("[data-testid=edit-team]").await;
    w.click("[data-testid=team-remove]").await;
    w.screenshot("team-remove-confirm").await;
    w.click("[data-testid=team-remove-confirm]").await;
    w.wait_for_text("h1", "Phoenix").await;
    let left: i64 = one(&home, "SELECT count(*) FROM team WHERE name = ?1", "Orion");
    assert_eq!(left, 0);
    w.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn demo_team_refuses_removal_of_a_member_with_history_and_previews_a_zone_change() {
    let home = Home::new();
    let w = Window::start(&home).await;
    w.wait_for_text("[data-testid=member-list]", "Ben Okafor").await;

    // Ben has turns on record: removing him is refused, and the message offers Retire.
    w.click("tr[data-member='Ben Okafor'] [data-testid=member-remove]")
        .await;
    w.wait_for_text("[data-testid=remove-refused]", "retire them instead")
        .await;
    w.screenshot("team-remove-refused").await;
    w.click("[data-testid=retire-instead]").await;
    w.wait_for("[data-testid=retire-form]").await;
    w.click("[data-testid=retire-confirm]").await;
    w.wait_for_text("[data-testid=team-notice]", "Ben retires after").await;
    let notice = w.text("[data-testid=team-notice]").await;
    println!("retire notice: {notice}");
    assert!(
        notice.contains("re-planned") || notice.contains("no future turn"),
        "{notice}"
    );
    // The Undo button puts him back.
    w.click("[data-testid=undo]").await;
    w.wait_for_text("[data-testid=team-notice]", "Undone").await;
    let until: Option<String> = one(&home, "SELECT active_until FROM member WHERE name = ?1", "Ben Okafor");
    assert_eq!(until, None);

    // A new zone re-plans the future: the editor shows the backend's sentence before saving.
    w.click("[data-testid=edit-team]").await;
    w.click("#edit-team-zone").await;
    w.fill("#edit-team-zone", "lisbon").await;
    wait_for_zone_option(&w, "Europe/Lisbon").await;
    // The keyboard path: Enter takes the highlighted (first) match.
    w.wait_for("#edit-team-zone")
        .await
        .send_keys(&Key::Enter.to_string())
        .await
        .unwrap();
    assert_eq!(value(&w, "#edit-team-zone").await, "Europe/Lisbon");
    w.click("[data-testid=team-save]").await;
    w.wait_for_text("[data-testid=team-preview]", "Saving").await;
    println!("preview: {}", w.text("[data-testid=team-preview]").await);
    w.screenshot("team-edit-preview").await;
    w.click("[data-testid=team-confirm]").await;
    w.wait_for_text("[data-testid=team-summary]", "Europe/Lisbon").await;
    let zone: String = one(&home, "SELECT zone FROM team WHERE name = ?1", "Phoenix");
    assert_eq!(zone, "Europe/Lisbon");

    // A team with history is kept, with the reason.
    w.click("[data-testid=edit-team]").await;
    w.click("[data-testid=team-remove]").await;
    w.click("[data-testid=team-remove-confirm]").await;
    w.wait_for_text("[data-testid=team-editor]", "has history").await;
    w.close().await;
}
