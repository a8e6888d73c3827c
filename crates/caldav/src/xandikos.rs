//! A second real CalDAV server for tests: Xandikos (from PyPI, installed by
//! `scripts/install-deps --test` into `.venv-test/` next to Radicale), started on 127.0.0.1 at a
//! free port with a Git-backed store in a temporary folder, stopped when dropped.
//!
//! Xandikos only takes Basic authentication over HTTPS (`--htpasswd` requires `--autocert`, a
//! self-signed certificate our client rightly refuses), so it runs without authentication: the
//! client still sends its Basic header, which Xandikos ignores. Passwords are tested on Radicale.
//!
//! Only built with the `radicale` feature (the test servers; test crates enable it).
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::radicale::{between, free_port, percent_decoded, raw_http, PASSWORD, USER};

/// Where the Xandikos binary is: `$SPRINTSHIELD_XANDIKOS`, else `<workspace>/.venv-test/bin/xandikos`.
pub fn xandikos_binary() -> PathBuf {
    if let Some(p) = std::env::var_os("SPRINTSHIELD_XANDIKOS") {
        return PathBuf::from(p);
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.venv-test/bin/xandikos")
}

/// A running Xandikos server with its own store.
pub struct Xandikos {
    child: Option<Child>,
    dir: tempfile::TempDir,
    /// Its port on 127.0.0.1.
    pub port: u16,
}

impl Xandikos {
    /// Starts a server (the user's principal created at `/<USER>/`) and waits until it accepts
    /// connections. Panics, saying how to install it, when Xandikos is missing.
    pub fn start() -> Xandikos {
        let bin = xandikos_binary();
        assert!(
            bin.exists(),
            "Xandikos is not installed at {}: run `scripts/install-deps --test` (it puts xandikos==0.4.10 in .venv-test/)",
            bin.display()
        );
        let dir = tempfile::tempdir().expect("temp dir");
        let port = free_port();
        let log = std::fs::File::create(dir.path().join("xandikos.log")).expect("log file");
        let child = Command::new(&bin)
            .arg("serve")
            .arg("-d")
            .arg(dir.path().join("store"))
            .arg("--state-dir")
            .arg(dir.path().join("state"))
            .args(["--autocreate", "--current-user-principal", &format!("/{USER}/")])
            .args(["-l", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("xandikos starts");
        let mut x = Xandikos {
            child: Some(child),
            dir,
            port,
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(("127.0.0.1", x.port)).is_err() || !x.log().contains("Listening on") {
            let exited = x.child.as_mut().and_then(|c| c.try_wait().ok().flatten());
            assert!(exited.is_none(), "Xandikos exited ({exited:?}): {}", x.log());
            assert!(Instant::now() < deadline, "Xandikos did not start: {}", x.log());
            std::thread::sleep(Duration::from_millis(50));
        }
        x
    }

    /// The server's log so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("xandikos.log")).unwrap_or_default()
    }

    /// `http://127.0.0.1:<port>`.
    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Sends one plain HTTP/1.1 request; the status and the body.
    pub fn http(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> (u16, String) {
        raw_http(self.port, method, path, USER, PASSWORD, headers, body)
    }
}

/// XML with its namespace prefixes dropped (`<ns0:href>` → `<href>`): Xandikos prefixes every
/// element, Radicale none.
fn unprefixed(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        out.push('<');
        rest = &rest[i + 1..];
        if let Some(r) = rest.strip_prefix('/') {
            out.push('/');
            rest = r;
        }
        let name_end = rest
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(rest.len());
        if let Some(colon) = rest[..name_end].find(':') {
            rest = &rest[colon + 1..];
        }
    }
    out.push_str(rest);
    out
}

impl crate::servers::TestServer for Xandikos {
    fn name(&self) -> &'static str {
        "Xandikos 0.4.10"
    }

    fn collection_url(&self, name: &str) -> String {
        format!("{}/{USER}/{name}/", self.base())
    }

    fn list(&self, collection_path: &str) -> Vec<(String, String)> {
        let (status, body) = self.http(
            "PROPFIND",
            collection_path,
            &[("Depth", "1"), ("Content-Type", "application/xml")],
            r#"<?xml version="1.0"?><propfind xmlns="DAV:"><prop><getetag/></prop></propfind>"#,
        );
        if status == 404 {
            return Vec::new();
        }
        assert_eq!(status, 207, "PROPFIND {collection_path}: {body}");
        let body = unprefixed(&body);
        let mut out = Vec::new();
        for response in body.split("<response>").skip(1) {
            let href = percent_decoded(between(response, "<href>", "</href>").unwrap_or_default());
            if href.trim_end_matches('/') == collection_path.trim_end_matches('/') || href.ends_with('/') {
                continue;
            }
            let etag = between(response, "<getetag>", "</getetag>").unwrap_or_default();
            out.push((href, etag.replace("&quot;", "\"")));
        }
        out.sort();
        out
    }

    fn get(&self, path: &str) -> Option<String> {
        let (status, body) = self.http("GET", path, &[], "");
        match status {
            200 => Some(body),
            404 => None,
            s => panic!("GET {path} answered {s}: {body}"),
        }
    }

    fn put(&self, path: &str, ics: &str) -> u16 {
        self.http("PUT", path, &[("Content-Type", "text/calendar")], ics).0
    }
}

impl Drop for Xandikos {
    fn drop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn namespace_prefixes_are_dropped() {
        assert_eq!(
            super::unprefixed(r#"<ns0:multistatus xmlns:ns0="DAV:"><ns0:href>/a/b:c</ns0:href><x/></ns0:multistatus>"#),
            r#"<multistatus xmlns:ns0="DAV:"><href>/a/b:c</href><x/></multistatus>"#
        );
    }
}
