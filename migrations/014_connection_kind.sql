-- Which connections are the built-in CRM emulator (the sandbox). Only the server marks
-- one, never a request's metadata: the emulator's loopback URL is the one exception to
-- the outbound URL check (src/net/outbound-url.ts), so the mark must not be forgeable.
alter table connections add column kind text not null default 'crm'
  check (kind in ('crm', 'sandbox'));

-- Sandbox connections made before the mark existed. Their stored URL may have come
-- from a request, so it is dropped: the server sets it when the emulator starts.
update connections
set kind = 'sandbox', metadata = metadata - 'baseUrl'
where metadata->>'sandbox' = 'true';
