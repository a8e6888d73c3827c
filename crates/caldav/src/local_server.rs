//! What the two real CalDAV test servers ([`crate::radicale`], [`crate::xandikos`]) share: a
//! server process from `.venv-test/` started on a free 127.0.0.1 port with its own temporary
//! folder and log, waited for until it listens (failing with its log when it exits first), killed
//! when dropped; and the plain-HTTP reader (raw TCP, no libdav) that checks what a server holds
//! independently of the client under test. Each server's own module keeps its command line and
//! configuration.
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

/// A port nobody listens on right now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

/// Where a test server's binary is: `$<env_var>`, else `<workspace>/.venv-test/bin/<name>`.
pub(crate) fn venv_binary(env_var: &str, name: &str) -> PathBuf {
    if let Some(p) = std::env::var_os(env_var) {
        return PathBuf::from(p);
    }
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../.venv-test/bin")
        .join(name)
}

/// One test server's process, temporary folder and port; the process is killed when dropped.
pub(crate) struct ServerProcess {
    /// The server's name, for messages ("Radicale").
    name: &'static str,
    child: Option<Child>,
    dir: tempfile::TempDir,
    port: u16,
}

impl ServerProcess {
    /// A fresh temporary folder and a free port for server `name`, not started yet. Panics, saying
    /// how to install it (`pinned`, e.g. `radicale==3.9.0`), when its binary `bin` is missing: the
    /// tests need a real server.
    pub(crate) fn prepare(name: &'static str, bin: &Path, pinned: &str) -> ServerProcess {
        assert!(
            bin.exists(),
            "{name} is not installed at {}: run `scripts/install-deps --test` (it puts {pinned} in .venv-test/)",
            bin.display()
        );
        ServerProcess {
            name,
            child: None,
            dir: tempfile::tempdir().expect("temp dir"),
            port: free_port(),
        }
    }

    /// The server's own folder (configuration, storage, log).
    pub(crate) fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// Its port on 127.0.0.1.
    pub(crate) fn port(&self) -> u16 {
        self.port
    }

    fn log_path(&self) -> PathBuf {
        self.dir.path().join("server.log")
    }

    /// Starts `command` (stdout discarded, stderr to the log, which starts empty) and waits up to
    /// `wait` until the port accepts connections and `ready` holds for the log. Panics with the
    /// log when the process exits first or the time is up.
    pub(crate) fn spawn(&mut self, mut command: Command, wait: Duration, ready: fn(&str) -> bool) {
        let log = std::fs::File::create(self.log_path()).expect("log file");
        let child = command
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| panic!("{} starts: {e}", self.name));
        self.child = Some(child);
        let deadline = Instant::now() + wait;
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() || !ready(&self.log()) {
            let exited = self.child.as_mut().and_then(|c| c.try_wait().ok().flatten());
            assert!(exited.is_none(), "{} exited ({exited:?}): {}", self.name, self.log());
            assert!(Instant::now() < deadline, "{} did not start: {}", self.name, self.log());
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Kills the process at once (SIGKILL), as a crash would; nothing when it is not running.
    pub(crate) fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// The server's log so far.
    pub(crate) fn log(&self) -> String {
        std::fs::read_to_string(self.log_path()).unwrap_or_default()
    }

    /// `http://127.0.0.1:<port>`.
    pub(crate) fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Sends one plain HTTP/1.1 request as [`USER`]; the status and the body.
    pub(crate) fn http(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> (u16, String) {
        raw_http(self.port, method, path, USER, PASSWORD, headers, body)
    }

    /// The resources in a collection with their ETags (`PROPFIND Depth: 1`), sorted by path;
    /// empty when there is no such collection.
    pub(crate) fn list(&self, collection_path: &str) -> Vec<(String, String)> {
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

    /// The text of one resource (`GET`), `None` when there is none.
    pub(crate) fn get(&self, path: &str) -> Option<String> {
        let (status, body) = self.http("GET", path, &[], "");
        match status {
            200 => Some(body),
            404 => None,
            s => panic!("GET {path} answered {s}: {body}"),
        }
    }

    /// Writes a resource unconditionally (`PUT`), as someone's calendar app would; the status.
    pub(crate) fn put(&self, path: &str, ics: &str) -> u16 {
        self.http("PUT", path, &[("Content-Type", "text/calendar")], ics).0
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        self.kill();
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

fn percent_decoded(text: &str) -> String {
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

fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    let end = text[start..].find(close)? + start;
    Some(&text[start..end])
}

/// One HTTP/1.1 request over a fresh TCP connection with basic authentication.
fn raw_http(
    port: u16,
    method: &str,
    path: &str,
    user: &str,
    password: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect to the test server");
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

    #[test]
    fn namespace_prefixes_are_dropped() {
        assert_eq!(
            super::unprefixed(r#"<ns0:multistatus xmlns:ns0="DAV:"><ns0:href>/a/b:c</ns0:href><x/></ns0:multistatus>"#),
            r#"<multistatus xmlns:ns0="DAV:"><href>/a/b:c</href><x/></multistatus>"#
        );
    }

    #[test]
    fn an_unprefixed_answer_is_unchanged() {
        let radicale =
            r#"<multistatus xmlns="DAV:"><response><href>/ana@example.com/p/a%3Ab.ics</href></response></multistatus>"#;
        assert_eq!(super::unprefixed(radicale), radicale);
    }
}
