-- Where a chat target's webhook URL is kept: 'env' (the environment variable whose NAME is in
-- webhook_env) or 'keyring' (the OS keyring, through the Secret Service, under the entry
-- service 'sprintshield-chat', account 'team <id>'; webhook_env is then empty). The URL itself is
-- never stored here. Existing targets name a variable, so they stay 'env'.
ALTER TABLE chat_target ADD COLUMN webhook_source TEXT NOT NULL DEFAULT 'env'
    CHECK (webhook_source IN ('env', 'keyring'));
