//! A second real CalDAV server for tests: Xandikos (from PyPI, installed by
//! `scripts/install-deps --test` into `.venv-test/` next to Radicale), started on 127.0.0.1 at a
//! free port with a Git-backed store in a temporary folder, stopped when dropped. What this module
//! holds is Xandikos's own: its command line and when it is ready; starting, waiting and the
//! plain-HTTP reader are `local_server`'s, shared with Radicale.
//!
//! Xandikos only takes Basic authentication over HTTPS (`--htpasswd` requires `--autocert`, a
//! self-signed certificate our client rightly refuses), so it runs without authentication: the
//! client still sends its Basic header, which Xandikos ignores. Passwords are tested on Radicale.
//!
//! Only built with the `radicale` feature (the test servers; test crates enable it).
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use crate::local_server::{venv_binary, ServerProcess, USER};

/// Where the Xandikos binary is: `$SPRINTSHIELD_XANDIKOS`, else `<workspace>/.venv-test/bin/xandikos`.
pub fn xandikos_binary() -> PathBuf {
    venv_binary("SPRINTSHIELD_XANDIKOS", "xandikos")
}

/// A running Xandikos server with its own store.
pub struct Xandikos {
    process: ServerProcess,
    /// Its port on 127.0.0.1.
    pub port: u16,
}

impl Xandikos {
    /// Starts a server (the user's principal created at `/<USER>/`) and waits until it accepts
    /// connections and says it listens. Panics, saying how to install it, when Xandikos is missing.
    pub fn start() -> Xandikos {
        let bin = xandikos_binary();
        let mut process = ServerProcess::prepare("Xandikos", &bin, "xandikos==0.4.10");
        let (d, port) = (process.dir(), process.port());
        let mut command = Command::new(&bin);
        command
            .arg("serve")
            .arg("-d")
            .arg(d.join("store"))
            .arg("--state-dir")
            .arg(d.join("state"))
            .args(["--autocreate", "--current-user-principal", &format!("/{USER}/")])
            .args(["-l", "127.0.0.1", "-p", &port.to_string()]);
        // Ready once the port accepts and Xandikos has logged that it listens.
        process.spawn(command, Duration::from_secs(30), |log| log.contains("Listening on"));
        Xandikos { process, port }
    }

    /// The server's log so far.
    pub fn log(&self) -> String {
        self.process.log()
    }

    /// `http://127.0.0.1:<port>`.
    pub fn base(&self) -> String {
        self.process.base()
    }

    /// Sends one plain HTTP/1.1 request; the status and the body.
    pub fn http(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> (u16, String) {
        self.process.http(method, path, headers, body)
    }
}

impl crate::servers::TestServer for Xandikos {
    fn name(&self) -> &'static str {
        "Xandikos 0.4.10"
    }
    fn collection_url(&self, name: &str) -> String {
        format!("{}/{USER}/{name}/", self.base())
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
