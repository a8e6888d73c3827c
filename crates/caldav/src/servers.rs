//! The real CalDAV servers the publish tests run against, seen the same way: where a user's
//! collection is, and what it holds, read back with plain HTTP (PROPFIND, GET) — never with the
//! client under test. [`crate::radicale::Radicale`] (htpasswd authentication) and
//! [`crate::xandikos::Xandikos`] (a second implementation, to catch what one server lets pass).
//!
//! Only built with the `radicale` feature (test crates enable it).

/// A CalDAV server started by a test.
pub trait TestServer {
    /// Its name and version, for messages ("Radicale 3.9.0").
    fn name(&self) -> &'static str;
    /// The URL of the test user's calendar collection `name`.
    fn collection_url(&self, name: &str) -> String;
    /// The path of that collection (`/ana@example.com/phoenix/`).
    fn collection_path(&self, name: &str) -> String {
        sprintshield_core::publish::server::path_of(&self.collection_url(name)).to_owned()
    }
    /// The resources in a collection with their ETags (`PROPFIND Depth: 1`), sorted by path;
    /// empty when there is no such collection.
    fn list(&self, collection_path: &str) -> Vec<(String, String)>;
    /// The text of one resource (`GET`), `None` when there is none.
    fn get(&self, path: &str) -> Option<String>;
    /// Writes a resource unconditionally (`PUT`), as someone's calendar app would; the status.
    fn put(&self, path: &str, ics: &str) -> u16;
}
