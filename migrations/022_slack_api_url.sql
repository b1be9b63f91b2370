-- Which Slack an install talks to. Null: the Slack of SLACK_API_URL (slack.com by
-- default). Set only for an install made against the sandbox's Slack emulator, which
-- the runtime points at wherever the emulator listens on each start (its port may
-- change), like the sandbox CRM connections' baseUrl.
alter table slack_installations add column api_url text;
