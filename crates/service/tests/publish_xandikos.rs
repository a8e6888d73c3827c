//! The main publish read-back test against a second CalDAV server, Xandikos 0.4.10 (Radicale is
//! in `publish_radicale.rs`): the same checks, so what one server lets pass cannot hide a fault.
//! Xandikos runs without authentication here (it only takes Basic over HTTPS); passwords are
//! tested on Radicale.
mod publish_support;

use sprintshield_caldav::xandikos::Xandikos;

use publish_support::*;

#[test]
fn publish_mirrors_the_plan_and_sends_only_what_changed_on_xandikos() {
    let server = Xandikos::start();
    mirror::publish_mirrors_the_plan_and_sends_only_what_changed(&server, "SPRINTSHIELD_TEST_PW_XANDIKOS");
}

#[test]
fn an_event_edited_on_xandikos_is_reported_and_overwritten_only_with_force() {
    let server = Xandikos::start();
    edited::an_event_edited_on_the_server_is_reported_and_overwritten_only_with_force(
        &server,
        "SPRINTSHIELD_TEST_PW_XANDIKOS_EDITED",
    );
}
