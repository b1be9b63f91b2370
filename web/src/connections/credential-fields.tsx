import { PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import type {
  CrmCredentials,
  CrmType,
  HubspotCredentials,
  HubspotTier,
  SalesforceCredentials,
} from '../api';

export interface CredentialForm {
  accessToken: string;
  tier: HubspotTier;
  instanceUrl: string;
}

export const EMPTY_CREDENTIALS: CredentialForm = { accessToken: '', tier: 'free', instanceUrl: '' };

const TIERS: { value: HubspotTier; label: string }[] = [
  { value: 'free', label: 'Free' },
  { value: 'starter', label: 'Starter' },
  { value: 'professional', label: 'Professional' },
  { value: 'enterprise', label: 'Enterprise' },
];

function isTier(value: string | null): value is HubspotTier {
  return TIERS.some((tier) => tier.value === value);
}

// The server's minimum token length: anything shorter is a paste gone wrong.
const MIN_TOKEN_LENGTH = 8;

/** The checks the server makes, so most mistakes show before a round trip. */
export function validateCredentials(
  crmType: CrmType,
  form: CredentialForm,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (form.accessToken.trim().length < MIN_TOKEN_LENGTH) {
    errors.accessToken =
      crmType === 'hubspot'
        ? 'Paste the private app token from HubSpot (it starts with pat-)'
        : 'Paste the access token (session id) Salesforce gave you';
  }
  if (crmType === 'salesforce' && !/^https?:\/\/\S+$/.test(form.instanceUrl.trim())) {
    errors.instanceUrl = 'Enter the instance URL, like https://yourcompany.my.salesforce.com';
  }
  return errors;
}

export function hubspotCredentials(form: CredentialForm): HubspotCredentials {
  return { accessToken: form.accessToken.trim(), tier: form.tier };
}

export function salesforceCredentials(form: CredentialForm): SalesforceCredentials {
  return { instanceUrl: form.instanceUrl.trim(), accessToken: form.accessToken.trim() };
}

/** The request body for this CRM's credentials. */
export function credentialsBody(crmType: CrmType, form: CredentialForm): CrmCredentials {
  return crmType === 'hubspot' ? hubspotCredentials(form) : salesforceCredentials(form);
}

interface TierSelectProps {
  value: HubspotTier;
  onChange: (tier: HubspotTier) => void;
  error?: string;
  disabled?: boolean;
}

export function TierSelect({ value, onChange, error, disabled }: TierSelectProps) {
  return (
    <Select
      label="HubSpot plan"
      description="Pandora paces its API calls to your plan's limits"
      data={TIERS}
      allowDeselect={false}
      value={value}
      onChange={(tier) => {
        if (isTier(tier)) onChange(tier);
      }}
      error={error}
      disabled={disabled}
    />
  );
}

interface CredentialFieldsProps {
  crmType: CrmType;
  form: CredentialForm;
  errors: Record<string, string>;
  onChange: <K extends keyof CredentialForm>(key: K, value: CredentialForm[K]) => void;
  /** HubSpot's plan select; off where the form shows it elsewhere. */
  withTier?: boolean;
  disabled?: boolean;
}

/** HubSpot's private-app token (and plan), or Salesforce's instance URL and access token. */
export function CredentialFields({
  crmType,
  form,
  errors,
  onChange,
  withTier = true,
  disabled,
}: CredentialFieldsProps) {
  if (crmType === 'hubspot') {
    return (
      <Stack gap="sm">
        <PasswordInput
          label="Private app token"
          description="In HubSpot: Settings → Integrations → Private apps, with CRM read and write scopes"
          placeholder="pat-na1-…"
          autoComplete="off"
          value={form.accessToken}
          onChange={(event) => onChange('accessToken', event.currentTarget.value)}
          error={errors.accessToken}
          disabled={disabled}
        />
        {withTier && (
          <TierSelect
            value={form.tier}
            onChange={(tier) => onChange('tier', tier)}
            error={errors.tier}
            disabled={disabled}
          />
        )}
      </Stack>
    );
  }
  return (
    <Stack gap="sm">
      <TextInput
        label="Instance URL"
        placeholder="https://yourcompany.my.salesforce.com"
        autoComplete="off"
        value={form.instanceUrl}
        onChange={(event) => onChange('instanceUrl', event.currentTarget.value)}
        error={errors.instanceUrl}
        disabled={disabled}
      />
      <PasswordInput
        label="Access token"
        description="A session id or OAuth access token of a user with API access"
        autoComplete="off"
        value={form.accessToken}
        onChange={(event) => onChange('accessToken', event.currentTarget.value)}
        error={errors.accessToken}
        disabled={disabled}
      />
    </Stack>
  );
}
