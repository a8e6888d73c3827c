//! Harness for the window tests: starts `tauri-driver` (which starts WebKitWebDriver, which starts
//! the built app) in its own process group, connects a WebDriver client, and tears everything down
//! — also when a test panics — so ports 4444/4445 are free for the next test.
//!
//! Needs a display (the test command runs these under `xvfb-run`), `tauri-driver` on PATH and the
//! app built with `--features custom-protocol`. `SPRINTSHIELD_APP` overrides the app path.
use std::net::TcpStream;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};

pub mod page;
pub mod samples;

pub use page::{
    chip_of, choose, chord, ctrl, ctrl_shift_z, ctrl_z, pick, pick_file, save_enabled, says, scheme, set,
    set_up_publish_from_env, strings, until,
};
pub use samples::csv_sample;

/// The built app binary: `SPRINTSHIELD_APP`, else `target/e2e/sprintshield-app`, the copy
/// `scripts/build-e2e-app` makes of a `--features custom-protocol` build. (A plain `cargo test`
/// or `cargo build` rewrites `target/debug/sprintshield-app` without the embedded UI, so the
/// window tests use their own copy.)
pub fn app_path() -> PathBuf {
    if let Some(p) = std::env::var_os("SPRINTSHIELD_APP") {
        return PathBuf::from(p);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    target
        .join("e2e/sprintshield-app")
        .canonicalize()
        .expect("build the app for window tests first: scripts/build-e2e-app")
}

fn port_open(port: u16) -> bool {
    TcpStream::connect(("127.0.0.1", port)).is_ok()
}

fn wait_until(what: &str, timeout: Duration, mut ok: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(start.elapsed() < timeout, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// An isolated home for one app: its database and XDG folders (logs, window state).
pub struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    /// A fresh, empty home.
    pub fn new() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }
    /// The database file the app uses.
    pub fn db(&self) -> PathBuf {
        self.dir.path().join("sprintshield.db")
    }
    /// Opens the database read-only to check what the app wrote.
    pub fn read_db(&self) -> rusqlite::Connection {
        rusqlite::Connection::open_with_flags(self.db(), rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
    }
}

impl Default for Home {
    fn default() -> Self {
        Self::new()
    }
}

/// A running app window under WebDriver.
pub struct Window {
    driver: Child,
    /// Held while the window runs: only one window test at a time may use ports 4444/4445,
    /// across test binaries and processes on this machine.
    _machine_lock: std::fs::File,
    /// The WebDriver client.
    pub client: Client,
    /// Spawn-to-first-paint time of this start.
    pub cold_start: Duration,
}

impl Window {
    /// Starts the app on `home` and waits until its main screen has painted.
    pub async fn start(home: &Home) -> Window {
        let lock = std::fs::File::create(std::env::temp_dir().join("sprintshield-e2e.lock")).expect("lock file");
        let lock = tokio::task::spawn_blocking(move || lock.lock().map(|_| lock))
            .await
            .unwrap()
            .expect("e2e lock");
        wait_until("ports 4444/4445 to be free", Duration::from_secs(20), || {
            !port_open(4444) && !port_open(4445)
        });
        let xdg = home.dir.path();
        let mut cmd = Command::new("tauri-driver");
        cmd.env("SPRINTSHIELD_DB", home.db())
            .env("XDG_DATA_HOME", xdg.join("data"))
            .env("XDG_CONFIG_HOME", xdg.join("config"))
            .env("XDG_CACHE_HOME", xdg.join("cache"))
            .env("XDG_STATE_HOME", xdg.join("state"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0);
        let driver = cmd
            .spawn()
            .expect("tauri-driver on PATH (cargo install tauri-driver --version '^2' --locked)");
        let mut guard = DriverGuard(Some(driver));
        // tauri-driver accepts on 4444 before the WebKitWebDriver it starts listens on 4445; a
        // session asked for in between fails with `SendRequest … IncompleteMessage` (seen on
        // every fresh machine). Wait for both.
        wait_until(
            "tauri-driver and WebKitWebDriver to listen",
            Duration::from_secs(30),
            || port_open(4444) && port_open(4445),
        );
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), "wry".into());
        caps.insert("tauri:options".into(), serde_json::json!({ "application": app_path() }));
        let started = Instant::now();
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = tokio::time::timeout(
            Duration::from_secs(60),
            ClientBuilder::new(connector)
                .capabilities(caps)
                .connect("http://127.0.0.1:4444"),
        )
        .await
        .expect("WebDriver session within 60 s")
        .expect("WebDriver session");
        let mut window = Window {
            driver: guard.0.take().unwrap(),
            _machine_lock: lock,
            client,
            cold_start: Duration::ZERO,
        };
        window.wait_for("body[data-ready='true']").await;
        window.cold_start = started.elapsed();
        window
    }

    /// Waits (up to 10 s) for an element matching `css` and returns it.
    pub async fn wait_for(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
    }

    /// Clicks the element matching `css`.
    pub async fn click(&self, css: &str) {
        self.wait_for(css).await.click().await.unwrap();
    }

    /// Replaces the text of the input matching `css`, and checks the field holds exactly `text`.
    ///
    /// A form that has just opened may give its first field focus through `autofocus`, which
    /// WebKit applies at the page's next frame; keys sent before that were split between two
    /// fields ("Checkout v3, cor" in the goal, "rected" in front of the name). So the page first
    /// draws two frames.
    pub async fn fill(&self, css: &str, text: &str) {
        self.next_frames().await;
        let el = self.wait_for(css).await;
        el.clear().await.unwrap();
        el.send_keys(text).await.unwrap();
        let value = el.prop("value").await.unwrap().unwrap_or_default();
        assert_eq!(value, text, "{css} holds what was typed");
    }

    /// Waits until the page has drawn two more frames (what it scheduled for the next frame has
    /// run).
    pub async fn next_frames(&self) {
        self.eval(
            "window.__frames = 0; requestAnimationFrame(() => requestAnimationFrame(() => { window.__frames = 2; }));
             return 0;",
        )
        .await;
        let start = Instant::now();
        while self.eval("return window.__frames;").await != serde_json::json!(2) {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "the page drew no frame for 10 s"
            );
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    /// The visible text of the element matching `css`.
    pub async fn text(&self, css: &str) -> String {
        self.wait_for(css).await.text().await.unwrap()
    }

    /// Waits until the element matching `css` contains `needle`.
    pub async fn wait_for_text(&self, css: &str, needle: &str) {
        let start = Instant::now();
        loop {
            if let Ok(el) = self.client.find(Locator::Css(css)).await {
                if el.text().await.unwrap_or_default().contains(needle) {
                    return;
                }
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "{css} never showed \"{needle}\""
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Drags `from` onto `to` with real pointer events (press, move in steps, pause, release), the
    /// way a mouse does; the planner's drag and drop listens to pointer events.
    pub async fn drag(&self, from: &fantoccini::elements::Element, to: &fantoccini::elements::Element) {
        self.drag_hold(from, to).await;
        tokio::time::sleep(Duration::from_millis(150)).await;
        self.release().await;
    }

    /// Waits (up to 10 s) until the page draws five frames in a row within 25 ms each. For the
    /// first second or two after start WebKitGTK holds frames back (140–1200 ms measured on a
    /// fresh start, whatever the page does); timings of user actions start after that.
    pub async fn settle(&self) {
        self.eval(
            "window.__settled = false; let calm = 0;
             const tick = () => { const t0 = performance.now(); requestAnimationFrame(() => {
               calm = performance.now() - t0 < 25 ? calm + 1 : 0;
               if (calm >= 5) window.__settled = true; else setTimeout(tick, 20); }); };
             tick(); return 0;",
        )
        .await;
        let start = Instant::now();
        while self.eval("return window.__settled;").await != serde_json::Value::Bool(true) {
            assert!(start.elapsed() < Duration::from_secs(10), "the window never settled");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Presses on `from` and moves onto `to` without letting go (to look at the drag preview);
    /// [`Window::release`] drops.
    pub async fn drag_hold(&self, from: &fantoccini::elements::Element, to: &fantoccini::elements::Element) {
        use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
        let step = Some(Duration::from_millis(60));
        let mouse = MouseActions::new("mouse".to_owned())
            .then(PointerAction::MoveToElement {
                element: from.clone(),
                duration: None,
                x: 0.0,
                y: 0.0,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::MoveBy {
                duration: step,
                x: 8.0,
                y: 8.0,
            })
            .then(PointerAction::MoveToElement {
                element: to.clone(),
                duration: step,
                x: 0.0,
                y: 0.0,
            });
        self.client.perform_actions(mouse).await.expect("pointer actions");
    }

    /// Lets go of the pointer pressed by [`Window::drag_hold`].
    pub async fn release(&self) {
        use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
        let mouse = MouseActions::new("mouse".to_owned()).then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
        self.client.perform_actions(mouse).await.expect("pointer actions");
    }

    /// Runs `script` in the page and returns its value.
    pub async fn eval(&self, script: &str) -> serde_json::Value {
        self.client.execute(script, vec![]).await.expect("script runs")
    }

    /// Saves an X11 screenshot of the whole screen (the real window) and the page's own screenshot
    /// when `SCREENSHOT_DIR` is set.
    pub async fn screenshot(&self, name: &str) {
        if let Some(dir) = std::env::var_os("SCREENSHOT_DIR") {
            // WebKit under WebDriver may not repaint the X screen; keep the page's own picture too.
            if let Ok(png) = self.client.screenshot().await {
                let _ = std::fs::create_dir_all(&dir);
                let _ = std::fs::write(Path::new(&dir).join(format!("{name}-page.png")), png);
            }
            let _ = std::fs::create_dir_all(&dir);
            let path = Path::new(&dir).join(format!("{name}.png"));
            // Give WebKit a moment to composite the last change onto the X screen.
            std::thread::sleep(Duration::from_millis(500));
            let _ = Command::new("import").args(["-window", "root"]).arg(&path).status();
        }
    }

    /// Ends the session and stops the driver, the WebKit driver and the app.
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        stop(&mut self.driver);
    }
}

impl Drop for Window {
    fn drop(&mut self) {
        stop(&mut self.driver);
    }
}

struct DriverGuard(Option<Child>);

impl Drop for DriverGuard {
    fn drop(&mut self) {
        if let Some(c) = self.0.as_mut() {
            stop(c);
        }
    }
}

fn stop(child: &mut Child) {
    if let Ok(Some(_)) = child.try_wait() {
        return;
    }
    // The `--` matters: without it a negative pid is read as an option and nothing is killed.
    let _ = Command::new("kill")
        .args(["-TERM", "--", &format!("-{}", child.id())])
        .status();
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{}", child.id())])
        .status();
    let _ = child.wait();
}
