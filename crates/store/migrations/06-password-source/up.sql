-- Where a calendar target's password is kept: 'env' (the environment variable whose NAME is in
-- password_env) or 'keyring' (the OS keyring, through the Secret Service, under an entry derived
-- from the target's URL and user; password_env is then empty). The password itself is never
-- stored here.
ALTER TABLE publish_target ADD COLUMN password_source TEXT NOT NULL DEFAULT 'env'
    CHECK (password_source IN ('env', 'keyring'));
