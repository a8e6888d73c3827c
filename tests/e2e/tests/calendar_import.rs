//! Importing time off from a calendar file in the real window, on the demo: a Google-style file
//! whose fold splits an accented character, with an attendee without `mailto:`, a sick day by
//! category, a vacation by title and an event that ends before it starts. The preview shows each
//! guessed kind and why, the skipped event with its reason; changing a kind reads the preview
//! again, and Apply writes the kinds shown. Screenshots (with `SCREENSHOT_DIR`) are named after
//! the colour scheme the page rendered in.
use sprintshield_e2e::{scheme, Home, Window};

/// Two Phoenix members with an e-mail: (name, e-mail).
fn two_members(home: &Home) -> Vec<(String, String)> {
    let db = home.read_db();
    let mut q = db
        .prepare(
            "SELECT m.name, m.email FROM member m JOIN team t ON t.id = m.team_id
             WHERE t.name = 'Phoenix' AND m.email IS NOT NULL ORDER BY m.id LIMIT 2",
        )
        .unwrap();
    q.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn file_bytes(a: &str, b: &str) -> Vec<u8> {
    let mut out = format!(
        "BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nVERSION:2.0\r\n\
BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270802\r\nDTEND;VALUE=DATE:20270807\r\nUID:summer@google.com\r\n\
ATTENDEE;CN=Someone:{a}\r\nSUMMARY:Sommerferien am Wörthersee – Caf"
    )
    .into_bytes();
    out.extend_from_slice(b"\xC3\r\n \xA9 inclus\r\nEND:VEVENT\r\n");
    out.extend_from_slice(
        format!(
            "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270913\r\nUID:flu@google.com\r\nATTENDEE:mailto:{}\r\n\
CATEGORIES:Sick\r\nSUMMARY:Out\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nDTSTART:20271001T090000Z\r\nDTEND:20270930T090000Z\r\nUID:back@google.com\r\n\
ATTENDEE:mailto:{a}\r\nSUMMARY:Backwards trip\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            b.replace('@', "%40")
        )
        .as_bytes(),
    );
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn import_preview_shows_guessed_kinds_and_skipped_events_and_applies_the_chosen_kind() {
    let home = Home::new();
    let w = Window::start(&home).await;
    let mode = scheme(&w).await;
    let people = two_members(&home);
    assert_eq!(people.len(), 2, "the demo has members with e-mails");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("google.ics");
    std::fs::write(&file, file_bytes(&people[0].1, &people[1].1)).unwrap();
    w.click("[data-testid=nav-calendar]").await;
    let input = w.wait_for("[data-testid=import-file]").await;
    input.send_keys(file.to_str().unwrap()).await.unwrap();
    w.wait_for_text("[data-testid=import-summary]", "Will import 2 time off")
        .await;
    let rows = w.text("[data-testid=import-time-off]").await;
    assert!(rows.contains("Sommerferien am Wörthersee – Café inclus"), "{rows}");
    assert!(rows.contains("guessed from \"sommerferien\" in the title"), "{rows}");
    assert!(rows.contains("guessed from category \"Sick\""), "{rows}");
    let kinds = w
        .eval("return [...document.querySelectorAll('[data-testid=import-kind]')].map(s => s.value);")
        .await;
    assert_eq!(kinds, serde_json::json!(["vacation", "sick"]));
    let notes = w.text("[data-testid=import-messages]").await;
    assert!(
        notes.contains("Backwards trip: skipped — it ends (2027-09-30 11:00) before it starts (2027-10-01 11:00)"),
        "{notes}"
    );
    w.eval("document.querySelector('[data-testid=import-summary]').scrollIntoView(); return true;")
        .await;
    w.screenshot(&format!("calendar-import-{mode}")).await;

    // The sick day was training after all.
    w.eval(
        "const s = document.querySelectorAll('[data-testid=import-kind]')[1];
         s.value = 'training'; s.dispatchEvent(new Event('change', { bubbles: true })); return true;",
    )
    .await;
    w.wait_for_text("[data-testid=import-time-off]", "your choice").await;
    w.screenshot(&format!("calendar-import-chosen-{mode}")).await;
    w.click("section.card:last-of-type button.primary").await;
    w.wait_for_text("[data-testid=import-summary]", "Imported 2 time off")
        .await;

    let db = home.read_db();
    let mut q = db
        .prepare("SELECT first_day, kind FROM time_off WHERE note IN ('Out', ?1) ORDER BY first_day")
        .unwrap();
    let written: Vec<(String, String)> = q
        .query_map(["Sommerferien am Wörthersee – Café inclus"], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        written,
        [
            ("2027-08-02".to_owned(), "vacation".to_owned()),
            ("2027-09-13".to_owned(), "training".to_owned())
        ]
    );
    w.close().await;
}
