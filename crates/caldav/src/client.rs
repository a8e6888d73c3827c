//! [`CalDav`]: one server connection with basic authentication and a time-out on every request.
use std::future::Future;
use std::time::Duration;

use http::{Method, Request, StatusCode, Uri};
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use libdav::dav::{Delete, PutResource, WebDavClient};
use sprintshield_core::publish::server::{path_of, Fetched};
use sprintshield_core::publish::{CalendarServer, CalendarTarget, Connector, ServerError};
use tower_http::auth::AddAuthorization;

use crate::errors::{from_request, from_status, from_webdav, is_not_found};

/// How long one request may take, connection included, unless the caller says otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(15);

type Http = AddAuthorization<Client<HttpsConnector<HttpConnector>, String>>;

const CALENDAR_TYPE: &str = "text/calendar; charset=utf-8";

/// A CalDAV server reached with one user's password.
pub struct CalDav {
    /// Always `Some` until dropped (then shut down without blocking: it may be dropped inside
    /// another runtime).
    rt: Option<tokio::runtime::Runtime>,
    dav: WebDavClient<Http>,
    timeout: Duration,
    sent: usize,
}

impl std::fmt::Debug for CalDav {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the password: only where it talks to.
        f.debug_struct("CalDav")
            .field("server", &self.dav.base_url)
            .finish_non_exhaustive()
    }
}

impl CalDav {
    /// A client for the server of `collection_url` (any URL on it), as `user` with `password`,
    /// giving up on any request after `timeout`.
    pub fn connect(collection_url: &str, user: &str, password: &str, timeout: Duration) -> Result<CalDav, ServerError> {
        let uri: Uri = collection_url
            .parse()
            .map_err(|_| ServerError::Other(None, format!("{collection_url} is not a URL")))?;
        let base = Uri::builder()
            .scheme(uri.scheme().cloned().unwrap_or(http::uri::Scheme::HTTPS))
            .authority(
                uri.authority()
                    .cloned()
                    .ok_or_else(|| ServerError::Other(None, format!("{collection_url} names no server")))?,
            )
            .path_and_query("/")
            .build()
            .map_err(|e| ServerError::Other(None, e.to_string()))?;
        let mut plain = HttpConnector::new();
        plain.set_connect_timeout(Some(timeout));
        plain.enforce_http(false);
        let tls = hyper_rustls::HttpsConnectorBuilder::new()
            .with_provider_and_native_roots(rustls::crypto::ring::default_provider())
            .or_else(|_| {
                // No root certificates on this machine: http:// still works, https:// is refused.
                let config = rustls::ClientConfig::builder_with_provider(std::sync::Arc::new(
                    rustls::crypto::ring::default_provider(),
                ))
                .with_safe_default_protocol_versions()
                .map(|b| {
                    b.with_root_certificates(rustls::RootCertStore::empty())
                        .with_no_client_auth()
                })?;
                Ok::<_, rustls::Error>(hyper_rustls::HttpsConnectorBuilder::new().with_tls_config(config))
            })
            .map_err(|e| ServerError::Other(None, format!("TLS could not be set up ({e})")))?
            .https_or_http()
            .enable_http1()
            .wrap_connector(plain);
        let client = Client::builder(TokioExecutor::new()).build(tls);
        let http = AddAuthorization::basic(client, user, password);
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| ServerError::Other(None, format!("the network runtime could not start ({e})")))?;
        Ok(CalDav {
            rt: Some(rt),
            dav: WebDavClient::new(base, http),
            timeout,
            sent: 0,
        })
    }

    fn rt(&self) -> &tokio::runtime::Runtime {
        self.rt.as_ref().expect("the runtime lives until the client is dropped")
    }

    /// Sends a raw request; the status, the ETag header and the body.
    fn raw(
        &mut self,
        method: &str,
        href: &str,
        headers: &[(&str, &str)],
        body: String,
    ) -> Result<(StatusCode, Option<String>, String), ServerError> {
        let uri = self
            .dav
            .relative_uri(href)
            .map_err(|e| ServerError::Other(None, format!("{href} is not a path ({e})")))?;
        let mut req = Request::builder()
            .method(Method::from_bytes(method.as_bytes()).expect("known method"))
            .uri(uri);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let req = req.body(body).map_err(|e| ServerError::Other(None, e.to_string()))?;
        let dav = &self.dav;
        let fut = async move {
            let (parts, bytes) = dav.request_raw(req).await.map_err(|e| from_request(&e))?;
            let etag = parts
                .headers
                .get("etag")
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned);
            Ok((parts.status, etag, String::from_utf8_lossy(&bytes).into_owned()))
        };
        self.sent += 1;
        run(self.rt(), self.timeout, fut)
    }

    /// The ETag of `href` when a write did not return one (`HEAD`-like `GET`).
    fn etag_of(&mut self, href: &str) -> Result<Option<String>, ServerError> {
        Ok(self.fetch(href)?.and_then(|f| f.etag))
    }

    fn put(&mut self, href: &str, ics: &str, condition: Option<(&str, &str)>) -> Result<Option<String>, ServerError> {
        if condition.is_some() {
            self.sent += 1;
        }
        let dav = &self.dav;
        let etag = match condition {
            Some(("If-None-Match", _)) => {
                let req = PutResource::new(href).create(ics, CALENDAR_TYPE);
                run(self.rt(), self.timeout, async move {
                    dav.request(req).await.map(|r| r.etag).map_err(|e| from_webdav(&e))
                })?
            }
            Some((_, etag)) => {
                let req = PutResource::new(href).update(ics, CALENDAR_TYPE, etag);
                run(self.rt(), self.timeout, async move {
                    dav.request(req).await.map(|r| r.etag).map_err(|e| from_webdav(&e))
                })?
            }
            None => {
                let (status, etag, _) = self.raw("PUT", href, &[("Content-Type", CALENDAR_TYPE)], ics.to_owned())?;
                if !status.is_success() {
                    return Err(from_status(status));
                }
                etag
            }
        };
        match etag {
            Some(e) => Ok(Some(e)),
            None => self.etag_of(href),
        }
    }
}

impl Drop for CalDav {
    fn drop(&mut self) {
        if let Some(rt) = self.rt.take() {
            rt.shutdown_background();
        }
    }
}

impl CalendarServer for CalDav {
    fn collection_exists(&mut self, collection: &str) -> Result<bool, ServerError> {
        let body = r#"<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:"><D:prop><D:resourcetype/></D:prop></D:propfind>"#;
        let (status, _, answer) = self.raw(
            "PROPFIND",
            path_of(collection),
            &[("Depth", "0"), ("Content-Type", "application/xml; charset=utf-8")],
            body.to_owned(),
        )?;
        match status {
            StatusCode::MULTI_STATUS => Ok(!multistatus_says_not_found(&answer)),
            s if s.is_success() => Ok(true),
            StatusCode::NOT_FOUND => Ok(false),
            s => Err(from_status(s)),
        }
    }

    fn make_calendar(&mut self, collection: &str, display_name: &str) -> Result<(), ServerError> {
        let body = format!(
            concat!(
                r#"<?xml version="1.0" encoding="utf-8"?>"#,
                r#"<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop>"#,
                r#"<D:displayname>{}</D:displayname>"#,
                r#"<C:supported-calendar-component-set><C:comp name="VEVENT"/></C:supported-calendar-component-set>"#,
                r#"</D:prop></D:set></C:mkcalendar>"#
            ),
            xml_text(display_name)
        );
        let (status, _, _) = self.raw(
            "MKCALENDAR",
            path_of(collection),
            &[("Content-Type", "application/xml; charset=utf-8")],
            body,
        )?;
        if status.is_success() {
            Ok(())
        } else {
            Err(from_status(status))
        }
    }

    fn create(&mut self, href: &str, ics: &str) -> Result<Option<String>, ServerError> {
        self.put(href, ics, Some(("If-None-Match", "*")))
    }

    fn update(&mut self, href: &str, ics: &str, etag: &str) -> Result<Option<String>, ServerError> {
        self.put(href, ics, Some(("If-Match", etag)))
    }

    fn overwrite(&mut self, href: &str, ics: &str) -> Result<Option<String>, ServerError> {
        self.put(href, ics, None)
    }

    fn delete(&mut self, href: &str, etag: Option<&str>) -> Result<(), ServerError> {
        self.sent += 1;
        let dav = &self.dav;
        let result = match etag {
            Some(etag) => {
                let req = Delete::new(href).with_etag(etag);
                run(self.rt(), self.timeout, async move {
                    match dav.request(req).await {
                        Ok(_) => Ok(()),
                        Err(e) if is_not_found(&e) => Ok(()),
                        Err(e) => Err(from_webdav(&e)),
                    }
                })
            }
            None => {
                let req = Delete::new(href).force();
                run(self.rt(), self.timeout, async move {
                    match dav.request(req).await {
                        Ok(_) => Ok(()),
                        Err(e) if is_not_found(&e) => Ok(()),
                        Err(e) => Err(from_webdav(&e)),
                    }
                })
            }
        };
        result
    }

    fn fetch(&mut self, href: &str) -> Result<Option<Fetched>, ServerError> {
        let (status, etag, text) = self.raw("GET", href, &[], String::new())?;
        match status {
            s if s.is_success() => Ok(Some(Fetched { text, etag })),
            StatusCode::NOT_FOUND | StatusCode::GONE => Ok(None),
            s => Err(from_status(s)),
        }
    }

    fn requests(&self) -> usize {
        self.sent
    }
}

/// Runs one request on `rt`, bounded by `limit`. Called from inside another async runtime (the
/// app's commands run on Tauri's), it runs on a helper thread: a runtime cannot block inside
/// another one.
fn run<T: Send>(
    rt: &tokio::runtime::Runtime,
    limit: Duration,
    fut: impl Future<Output = Result<T, ServerError>> + Send,
) -> Result<T, ServerError> {
    let go = move || {
        rt.block_on(async move {
            tokio::time::timeout(limit, fut)
                .await
                .unwrap_or_else(|_| Err(ServerError::Timeout(limit.as_secs().max(1))))
        })
    };
    if tokio::runtime::Handle::try_current().is_err() {
        return go();
    }
    std::thread::scope(|scope| {
        scope
            .spawn(go)
            .join()
            .unwrap_or_else(|_| Err(ServerError::Other(None, "the request stopped unexpectedly".to_owned())))
    })
}

/// Whether a 207 answer to a `Depth: 0` PROPFIND says the resource is not there: Xandikos
/// answers a missing collection with a 207 whose only response carries `404 Not Found`, where
/// Radicale answers 404. A resource that exists has a `propstat` in its response.
fn multistatus_says_not_found(xml: &str) -> bool {
    !xml.contains("propstat>") && xml.contains(" 404 ")
}

fn xml_text(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Opens [`CalDav`] clients for targets, with the password the publish read for the target and
/// one time-out for every request.
#[derive(Debug, Clone, Copy)]
pub struct CalDavConnector {
    /// How long one request may take.
    pub timeout: Duration,
}

impl Default for CalDavConnector {
    fn default() -> Self {
        Self {
            timeout: DEFAULT_TIMEOUT,
        }
    }
}

impl Connector for CalDavConnector {
    fn connect(&self, target: &CalendarTarget, password: &str) -> Result<Box<dyn CalendarServer>, ServerError> {
        Ok(Box::new(CalDav::connect(
            &target.collection_url,
            &target.user,
            password,
            self.timeout,
        )?))
    }
}

#[cfg(test)]
mod tests {
    use super::multistatus_says_not_found;

    #[test]
    fn a_multistatus_404_means_missing() {
        // Xandikos 0.4.10, for a collection that is not there.
        assert!(multistatus_says_not_found(
            r#"<ns0:multistatus xmlns:ns0="DAV:"><ns0:response><ns0:href>http://127.0.0.1:1/ana/x/</ns0:href><ns0:status>HTTP/1.1 404 Not Found</ns0:status></ns0:response></ns0:multistatus>"#
        ));
        // Radicale 3.9.0, for one that is.
        assert!(!multistatus_says_not_found(
            r#"<multistatus xmlns="DAV:"><response><href>/ana/x/</href><propstat><prop><resourcetype><collection/></resourcetype></prop><status>HTTP/1.1 200 OK</status></propstat></response></multistatus>"#
        ));
    }
}
