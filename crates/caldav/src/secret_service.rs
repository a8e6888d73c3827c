//! A real OS keyring for tests: a private D-Bus session bus (`dbus-daemon`, no service
//! activation) with GNOME Keyring's Secret Service (`gnome-keyring-daemon --unlock
//! --components=secrets`, its login keyring created and unlocked with a known password), in a
//! temporary home, stopped when dropped; plus an independent reader (`secret-tool`, libsecret's
//! command line) to see what the keyring holds. Debian packages `dbus-daemon dbus-bin
//! gnome-keyring libsecret-tools`, installed by `scripts/install-deps --test`.
//!
//! Only built with the `radicale` feature (the test servers; test crates enable it).
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The password that unlocks the test keyring.
pub const KEYRING_PASSWORD: &str = "test-keyring-unlock";

/// A private session bus, and GNOME Keyring's Secret Service on it when started with
/// [`SecretService::start`].
pub struct SecretService {
    bus: Option<Child>,
    keyring: Option<Child>,
    dir: tempfile::TempDir,
    /// The bus's address, for `DBUS_SESSION_BUS_ADDRESS`.
    pub address: String,
}

fn require(bin: &str, package: &str) {
    assert!(
        Path::new(bin).exists(),
        "{bin} is missing: run `scripts/install-deps --test` (it installs the Debian package {package})"
    );
}

impl SecretService {
    /// A session bus with nothing on it: no Secret Service answers there.
    pub fn bus_only() -> SecretService {
        require("/usr/bin/dbus-daemon", "dbus-daemon");
        let dir = tempfile::tempdir().expect("temp dir");
        let d = dir.path();
        let config = format!(
            r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={bus}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#,
            bus = d.join("bus").display()
        );
        std::fs::write(d.join("bus.conf"), config).expect("bus config");
        let mut bus = Command::new("/usr/bin/dbus-daemon")
            .arg(format!("--config-file={}", d.join("bus.conf").display()))
            .args(["--nofork", "--print-address=1"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon starts");
        let mut line = String::new();
        BufReader::new(bus.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("dbus-daemon prints its address");
        let address = line.trim().to_owned();
        assert!(address.starts_with("unix:"), "dbus-daemon printed {address:?}");
        for sub in ["home", "run"] {
            std::fs::create_dir_all(d.join(sub)).expect("folder");
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(d.join("run"), std::fs::Permissions::from_mode(0o700)).expect("chmod");
        }
        SecretService {
            bus: Some(bus),
            keyring: None,
            dir,
            address,
        }
    }

    /// A session bus with GNOME Keyring's Secret Service on it, unlocked; waits until the
    /// service answers.
    pub fn start() -> SecretService {
        require("/usr/bin/gnome-keyring-daemon", "gnome-keyring");
        require("/usr/bin/secret-tool", "libsecret-tools");
        let mut s = Self::bus_only();
        let mut keyring = Command::new("/usr/bin/gnome-keyring-daemon")
            .args(["--unlock", "--components=secrets", "--foreground"])
            .envs(s.env())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(s.dir.path().join("keyring.log")).expect("log"))
            .spawn()
            .expect("gnome-keyring-daemon starts");
        {
            let mut stdin = keyring.stdin.take().expect("stdin");
            stdin.write_all(KEYRING_PASSWORD.as_bytes()).expect("unlock password");
        }
        s.keyring = Some(keyring);
        let deadline = Instant::now() + Duration::from_secs(20);
        while !s.answers() {
            assert!(
                Instant::now() < deadline,
                "the Secret Service did not come up: {}",
                std::fs::read_to_string(s.dir.path().join("keyring.log")).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        s
    }

    /// Whether something owns `org.freedesktop.secrets` on the bus.
    fn answers(&self) -> bool {
        Command::new("/usr/bin/dbus-send")
            .args([
                "--session",
                "--print-reply",
                "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.NameHasOwner",
                "string:org.freedesktop.secrets",
            ])
            .envs(self.env())
            .output()
            .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("boolean true"))
    }

    /// The environment a process needs to use this bus and keyring (and a home of its own).
    pub fn env(&self) -> Vec<(String, String)> {
        let d = self.dir.path();
        vec![
            ("DBUS_SESSION_BUS_ADDRESS".into(), self.address.clone()),
            ("HOME".into(), d.join("home").display().to_string()),
            (
                "XDG_DATA_HOME".into(),
                d.join("home/.local/share").display().to_string(),
            ),
            ("XDG_RUNTIME_DIR".into(), d.join("run").display().to_string()),
        ]
    }

    /// What the keyring holds for these attributes, read with `secret-tool lookup` (libsecret,
    /// not the code under test); `None` when nothing.
    pub fn lookup(&self, attributes: &[(&str, &str)]) -> Option<String> {
        let mut cmd = Command::new("/usr/bin/secret-tool");
        cmd.arg("lookup").envs(self.env());
        for (k, v) in attributes {
            cmd.arg(k).arg(v);
        }
        let out = cmd.output().expect("secret-tool runs");
        (out.status.success() && !out.stdout.is_empty()).then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }
}

impl Drop for SecretService {
    fn drop(&mut self) {
        for child in [self.keyring.take(), self.bus.take()].into_iter().flatten() {
            let mut c = child;
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}
