//! `sprintshield publish setup --webhook-stdin` keeps the team chat's webhook URL in the OS
//! keyring: against a real Secret Service (GNOME Keyring on a private D-Bus bus), the URL piped in
//! lands in the keyring (read back with libsecret's `secret-tool`), `publish --post-today` posts
//! through it to a local listener, `publish status` says where it is, and neither the database
//! file nor anything printed holds it. Where no Secret Service runs, set-up is one sentence
//! pointing at `--webhook-env`, and nothing is set up; a plain-http URL to another computer is
//! refused without being repeated.
mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use sprintshield_caldav::secret_service::SecretService;
use support::Db;

/// A webhook on 127.0.0.1 answering one POST with 200; the request line arrives on the channel.
fn webhook() -> (String, mpsc::Receiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut request_line = String::new();
        reader.read_line(&mut request_line).unwrap();
        let mut len = 0usize;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            if line.trim_end().is_empty() {
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
        tx.send(request_line.trim_end().to_owned()).unwrap();
    });
    (
        format!("http://127.0.0.1:{port}/services/T0CLI/B0CLI/xoxKeyringCli{port}"),
        rx,
    )
}

fn text(out: &std::process::Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn webhook_stdin_keeps_the_url_in_the_os_keyring_and_the_post_uses_it() {
    let db = Db::new();
    db.ok(&["demo"]);
    let (url, posts) = webhook();
    let secret = url.rsplit('/').next().unwrap().to_owned();
    let setup = ["publish", "setup", "--team", "Phoenix", "--webhook-stdin"];
    let mut printed = String::new();

    // No Secret Service on the bus: one sentence, and no chat is set up.
    let empty = SecretService::bus_only();
    let out = db
        .cli_with_keyring(&empty)
        .args(setup)
        .write_stdin(format!("{url}\n"))
        .assert()
        .failure()
        .get_output()
        .clone();
    let (_, err) = text(&out);
    assert!(
        err.contains("no OS keyring (Secret Service) runs here") && err.contains("--webhook-env VAR"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    printed.push_str(&err);
    let status = db
        .cli_with_keyring(&empty)
        .args(["publish", "status", "--team", "Phoenix"])
        .assert()
        .success();
    assert!(String::from_utf8_lossy(&status.get_output().stdout).contains("Chat:       not set up"));
    drop(empty);

    let keyring = SecretService::start();
    // A plain-http URL to another computer: refused in one sentence that does not repeat it.
    let out = db
        .cli_with_keyring(&keyring)
        .args(setup)
        .write_stdin(format!("http://chat.example.com/hooks/{secret}\n"))
        .assert()
        .failure()
        .get_output()
        .clone();
    let (_, err) = text(&out);
    assert!(err.contains("the webhook URL must start with https://"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    printed.push_str(&err);
    // Nothing on standard input: says how to give it.
    let out = db
        .cli_with_keyring(&keyring)
        .args(setup)
        .write_stdin("")
        .assert()
        .failure()
        .get_output()
        .clone();
    assert!(text(&out).1.contains("no webhook URL was given"), "{}", text(&out).1);

    // A real Secret Service: the URL read from standard input goes into it.
    let out = db
        .cli_with_keyring(&keyring)
        .args(setup)
        .args(["--format", "slack"])
        .write_stdin(format!("{url}\n"))
        .assert()
        .success()
        .get_output()
        .clone();
    let (said, err) = text(&out);
    assert_eq!(
        said.trim(),
        "Phoenix posts its stand-up message as Slack-compatible JSON (Slack, Mattermost, Rocket.Chat, Discord /slack) to the webhook in the OS keyring"
    );
    printed.push_str(&said);
    printed.push_str(&err);
    let team_id = db
        .json(&["team", "list"])
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "Phoenix")
        .map(|t| t["id"].as_i64().unwrap())
        .unwrap();
    assert_eq!(
        keyring
            .lookup(&[
                ("service", "sprintshield-chat"),
                ("username", &format!("team {team_id}"))
            ])
            .as_deref(),
        Some(url.as_str()),
        "libsecret finds the URL under the team's entry"
    );

    // The status says where it is, never what it is.
    let out = db
        .cli_with_keyring(&keyring)
        .args(["--json", "publish", "status", "--team", "Phoenix"])
        .assert()
        .success()
        .get_output()
        .clone();
    let status: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(status["chat"]["webhook_source"], "keyring");
    assert_eq!(status["chat"]["webhook_env"], "");
    printed.push_str(&text(&out).0);
    let out = db
        .cli_with_keyring(&keyring)
        .args(["publish", "status", "--team", "Phoenix"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(
        text(&out).0.contains("via the OS keyring; last post never"),
        "{}",
        text(&out).0
    );

    // The post reads it from the keyring and reaches the chat.
    let out = db
        .cli_with_keyring(&keyring)
        .args(["publish", "--team", "Phoenix", "--post-today"])
        .assert()
        .success()
        .get_output()
        .clone();
    let (said, err) = text(&out);
    assert!(
        said.contains("Posted the stand-up message to 127.0.0.1:"),
        "{said}{err}"
    );
    let request_line = posts
        .recv_timeout(Duration::from_secs(10))
        .expect("the webhook got a POST");
    assert!(
        request_line.starts_with(&format!("POST /services/T0CLI/B0CLI/{secret}")),
        "{request_line}"
    );
    printed.push_str(&said);
    printed.push_str(&err);

    assert!(!db.bytes().contains(&secret), "the database holds the URL");
    assert!(db.bytes().contains("keyring"));
    assert!(!printed.contains(&secret), "the output holds the URL:\n{printed}");
}
