//! A real CalDAV server for tests: Radicale (from PyPI, installed by `scripts/install-deps --test`
//! into `.venv-test/`), started on 127.0.0.1 at a free port with plain htpasswd authentication,
//! stopped when dropped. What this module holds is Radicale's own: its configuration and command
//! line; starting, waiting and the plain-HTTP reader that checks what it holds are
//! `local_server`'s, shared with Xandikos.
//!
//! Only built with the `radicale` feature (test crates enable it).
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

pub use crate::local_server::{free_port, PASSWORD, USER};
use crate::local_server::{venv_binary, ServerProcess};

/// Where the Radicale binary is: `$SPRINTSHIELD_RADICALE`, else `<workspace>/.venv-test/bin/radicale`.
pub fn radicale_binary() -> PathBuf {
    venv_binary("SPRINTSHIELD_RADICALE", "radicale")
}

/// A running Radicale server with its own storage folder.
pub struct Radicale {
    process: ServerProcess,
    /// Its port on 127.0.0.1.
    pub port: u16,
}

impl Radicale {
    /// Starts a server and waits until it accepts connections. Panics, saying how to install
    /// it, when Radicale is missing: the tests need a real server.
    pub fn start() -> Radicale {
        let process = ServerProcess::prepare("Radicale", &radicale_binary(), "radicale==3.9.0");
        let d = process.dir();
        std::fs::create_dir_all(d.join("store")).expect("store folder");
        std::fs::write(d.join("users"), format!("{USER}:{PASSWORD}\n")).expect("htpasswd");
        let config = format!(
            "[server]\nhosts = 127.0.0.1:{port}\n[auth]\ntype = htpasswd\nhtpasswd_filename = {users}\nhtpasswd_encryption = plain\ndelay = 0\n\
             [storage]\nfilesystem_folder = {store}\n[rights]\ntype = owner_only\n[logging]\nlevel = warning\n",
            port = process.port(),
            users = d.join("users").display(),
            store = d.join("store").display()
        );
        std::fs::write(d.join("config"), config).expect("config");
        let port = process.port();
        let mut r = Radicale { process, port };
        r.spawn();
        r
    }

    fn spawn(&mut self) {
        let mut command = Command::new(radicale_binary());
        command.arg("--config").arg(self.process.dir().join("config"));
        self.process.spawn(command, Duration::from_secs(20), |_| true);
    }

    /// Kills the server at once (SIGKILL), as a crash would.
    pub fn kill(&mut self) {
        self.process.kill();
    }

    /// Starts the server again on the same port and storage.
    pub fn restart(&mut self) {
        self.kill();
        self.spawn();
    }

    /// The server's log so far.
    pub fn log(&self) -> String {
        self.process.log()
    }

    /// `http://127.0.0.1:<port>`.
    pub fn base(&self) -> String {
        self.process.base()
    }

    /// The URL of the user's calendar collection `name`.
    pub fn collection_url(&self, name: &str) -> String {
        format!("{}/{USER}/{name}/", self.base())
    }

    /// Sends one plain HTTP/1.1 request as [`USER`]; the status and the body.
    pub fn http(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> (u16, String) {
        self.process.http(method, path, headers, body)
    }

    /// The resources in a collection with their ETags (`PROPFIND Depth: 1`), sorted by path.
    pub fn list(&self, collection_path: &str) -> Vec<(String, String)> {
        self.process.list(collection_path)
    }

    /// The text of one resource (`GET`), `None` when there is none.
    pub fn get(&self, path: &str) -> Option<String> {
        self.process.get(path)
    }
}

impl crate::servers::TestServer for Radicale {
    fn name(&self) -> &'static str {
        "Radicale 3.9.0"
    }
    fn collection_url(&self, name: &str) -> String {
        Radicale::collection_url(self, name)
    }
    fn list(&self, collection_path: &str) -> Vec<(String, String)> {
        self.process.list(collection_path)
    }
    fn get(&self, path: &str) -> Option<String> {
        self.process.get(path)
    }
    fn put(&self, path: &str, ics: &str) -> u16 {
        self.process.put(path, ics)
    }
}
