//! A real CalDAV server for tests: Radicale (from PyPI, installed by `scripts/install-deps --test`
//! into `.venv-test/`), started on 127.0.0.1 at a free port with plain htpasswd authentication,
//! stopped when dropped; plus a plain-HTTP reader (raw TCP, no libdav) to check what the server
//! holds independently of the client under test.
//!
//! Only built with the `radicale` feature (test crates enable it).
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The user every test server knows.
pub const USER: &str = "ana@example.com";
/// Their password.
pub const PASSWORD: &str = "s3cret-Radicale-pw";

/// Where the Radicale binary is: `$SPRINTSHIELD_RADICALE`, else `<workspace>/.venv-test/bin/radicale`.
pub fn radicale_binary() -> PathBuf {
    if let Some(p) = std::env::var_os("SPRINTSHIELD_RADICALE") {
        return PathBuf::from(p);
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.venv-test/bin/radicale")
}

/// A running Radicale server with its own storage folder.
pub struct Radicale {
    child: Option<Child>,
    dir: tempfile::TempDir,
    /// Its port on 127.0.0.1.
    pub port: u16,
}

impl Radicale {
    /// Starts a server and waits until it accepts connections. Panics, saying how to install
    /// it, when Radicale is missing: the tests need a real server.
    pub fn start() -> Radicale {
        let bin = radicale_binary();
        assert!(
            bin.exists(),
            "Radicale is not installed at {}: run `scripts/install-deps --test` (it puts radicale==3.9.0 in .venv-test/)",
            bin.display()
        );
        let dir = tempfile::tempdir().expect("temp dir");
        let port = free_port();
        let mut r = Radicale { child: None, dir, port };
        r.spawn();
        r
    }

    fn spawn(&mut self) {
        let d = self.dir.path();
        std::fs::create_dir_all(d.join("store")).expect("store folder");
        std::fs::write(d.join("users"), format!("{USER}:{PASSWORD}\n")).expect("htpasswd");
        let config = format!(
            "[server]\nhosts = 127.0.0.1:{port}\n[auth]\ntype = htpasswd\nhtpasswd_filename = {users}\nhtpasswd_encryption = plain\ndelay = 0\n\
             [storage]\nfilesystem_folder = {store}\n[rights]\ntype = owner_only\n[logging]\nlevel = warning\n",
            port = self.port,
            users = d.join("users").display(),
            store = d.join("store").display()
        );
        std::fs::write(d.join("config"), config).expect("config");
        let log = std::fs::File::create(d.join("radicale.log")).expect("log file");
        let child = Command::new(radicale_binary())
            .arg("--config")
            .arg(d.join("config"))
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("radicale starts");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            let exited = self.child.as_mut().and_then(|c| c.try_wait().ok().flatten());
            assert!(exited.is_none(), "Radicale exited ({exited:?}): {}", self.log());
            assert!(Instant::now() < deadline, "Radicale did not start: {}", self.log());
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Kills the server at once (SIGKILL), as a crash would.
    pub fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// Starts the server again on the same port and storage.
    pub fn restart(&mut self) {
        self.kill();
        self.spawn();
    }

    /// The server's log so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("radicale.log")).unwrap_or_default()
    }

    /// `http://127.0.0.1:<port>`.
    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The URL of the user's calendar collection `name`.
    pub fn collection_url(&self, name: &str) -> String {
        format!("{}/{USER}/{name}/", self.base())
    }

    /// Sends one plain HTTP/1.1 request as [`USER`]; the status and the body.
    pub fn http(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> (u16, String) {
        raw_http(self.port, method, path, USER, PASSWORD, headers, body)
    }

    /// The resources in a collection with their ETags (`PROPFIND Depth: 1`), sorted by path.
    pub fn list(&self, collection_path: &str) -> Vec<(String, String)> {
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

    /// The text of one resource (`GET`), `None` when there is none.
    pub fn get(&self, path: &str) -> Option<String> {
        let (status, body) = self.http("GET", path, &[], "");
        match status {
            200 => Some(body),
            404 => None,
            s => panic!("GET {path} answered {s}: {body}"),
        }
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
        Radicale::list(self, collection_path)
    }
    fn get(&self, path: &str) -> Option<String> {
        Radicale::get(self, path)
    }
    fn put(&self, path: &str, ics: &str) -> u16 {
        self.http("PUT", path, &[("Content-Type", "text/calendar")], ics).0
    }
}

impl Drop for Radicale {
    fn drop(&mut self) {
        self.kill();
    }
}

pub(crate) fn percent_decoded(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Ok(v) = u8::from_str_radix(&text[i + 1..i + 3], 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A port nobody listens on right now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

pub(crate) fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    let end = text[start..].find(close)? + start;
    Some(&text[start..end])
}

/// One HTTP/1.1 request over a fresh TCP connection with basic authentication.
pub(crate) fn raw_http(
    port: u16,
    method: &str,
    path: &str,
    user: &str,
    password: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect to radicale");
    s.set_read_timeout(Some(Duration::from_secs(20))).expect("timeout");
    let auth = base64(&format!("{user}:{password}"));
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: Basic {auth}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    req.push_str(body);
    s.write_all(req.as_bytes()).expect("send");
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("read");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let chunked = head
        .lines()
        .any(|l| l.to_ascii_lowercase().replace(' ', "") == "transfer-encoding:chunked");
    (status, if chunked { dechunked(body) } else { body.to_owned() })
}

/// The body of a `Transfer-Encoding: chunked` answer (Xandikos sends them), without the chunk
/// sizes.
fn dechunked(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let size = usize::from_str_radix(size.split(';').next().unwrap_or("").trim(), 16).unwrap_or(0);
        if size == 0 || rest.len() < size {
            break;
        }
        out.push_str(&rest[..size]);
        body = rest[size..].trim_start_matches("\r\n");
    }
    out
}

fn base64(text: &str) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let b = text.as_bytes();
    let mut out = String::new();
    for chunk in b.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(T[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_chunked_body_is_joined() {
        assert_eq!(
            super::dechunked("4\r\nWiki\r\n7\r\npedia i\r\n0\r\n\r\n"),
            "Wikipedia i"
        );
    }

    #[test]
    fn base64_matches_the_rfc_examples() {
        assert_eq!(super::base64("foobar"), "Zm9vYmFy");
        assert_eq!(super::base64("fooba"), "Zm9vYmE=");
        assert_eq!(super::base64("foob"), "Zm9vYg==");
    }
}
