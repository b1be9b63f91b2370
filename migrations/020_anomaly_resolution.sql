-- Who resolved an anomaly: a person (their name, as audit trails name them) or the rule
-- itself when the measured value recovered past its lower threshold.
alter table anomalies
  add column resolved_by text,
  add column resolution text check (resolution in ('person', 'recovery'));

-- The evaluator reads every open finding of a rule at once.
create index anomalies_rule_open_idx on anomalies (rule, workspace_id, scope_key)
  where status in ('pending', 'active', 'acknowledged');

-- Trend points are kept for a while only (src/anomalies/evaluate.ts prunes older ones).
create index anomaly_samples_at_idx on anomaly_samples (at);
