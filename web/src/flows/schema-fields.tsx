import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useRef, useState, type ReactNode } from 'react';
import {
  describeField,
  fieldsOf,
  formatValueText,
  initialConfig,
  mapValueSchema,
  parseValueText,
  type FieldSpec,
  type JsonSchema,
} from './schema-form';
import { errorUnder } from './builder-state';
import { VariablePicker } from './variable-picker';
import { insertTemplate } from './variables';

type Config = Record<string, unknown>;

export interface FieldsProps {
  schema: JsonSchema;
  value: Config;
  onChange: (value: Config) => void;
  /** Config keys whose value names a later step (condition's then/else). */
  jumpFields?: readonly string[];
  /** Config keys taken as written: they get no variable picker. */
  literalFields?: readonly string[];
  /** The steps a jump may go to: those after the one being edited. */
  laterSteps?: readonly string[];
  /** Server errors by path under this object (`url`, `rules[0].left`). */
  errors?: Record<string, string>;
  /** Prefix of this object's fields in `errors` and in input ids. */
  path?: string;
}

/** The inputs of an object schema's properties: a step's whole config, or a nested object. */
export function ConfigFields({
  schema,
  value,
  onChange,
  jumpFields = [],
  literalFields = [],
  laterSteps = [],
  errors,
  path = '',
}: FieldsProps) {
  return (
    <Stack gap="sm">
      {fieldsOf(schema, jumpFields).map((field) => {
        const fieldPath = path ? `${path}.${field.name}` : field.name;
        return (
          <FieldInput
            key={field.name}
            field={field}
            value={value[field.name]}
            onChange={(next) => {
              const copy = { ...value };
              if (next === undefined) delete copy[field.name];
              else copy[field.name] = next;
              onChange(copy);
            }}
            laterSteps={laterSteps}
            errors={errors}
            path={fieldPath}
            literal={literalFields.includes(field.name)}
          />
        );
      })}
    </Stack>
  );
}

interface FieldInputProps {
  field: FieldSpec;
  value: unknown;
  onChange: (value: unknown) => void;
  laterSteps: readonly string[];
  errors?: Record<string, string>;
  path: string;
  literal?: boolean;
}

function FieldInput({
  field,
  value,
  onChange,
  laterSteps,
  errors,
  path,
  literal,
}: FieldInputProps) {
  const error = errorUnder(errors, path);
  const common = {
    label: field.label,
    description: field.description,
    withAsterisk: field.required,
    error,
  };
  switch (field.kind) {
    case 'select':
      return (
        <NativeSelect
          {...common}
          value={typeof value === 'string' ? value : ''}
          data={[...(field.required ? [] : [{ value: '', label: '—' }]), ...(field.options ?? [])]}
          onChange={(event) => onChange(event.currentTarget.value || undefined)}
        />
      );
    case 'boolean':
      return (
        <Checkbox
          label={field.label}
          description={field.description}
          error={error}
          checked={value === true}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
      );
    case 'target':
      return (
        <NativeSelect
          {...common}
          value={value === null ? '__end' : typeof value === 'string' ? value : ''}
          data={[
            { value: '', label: 'The next step' },
            { value: '__end', label: 'End the run' },
            ...laterSteps.map((key) => ({ value: key, label: `Go to ${key}` })),
          ]}
          onChange={(event) => {
            const picked = event.currentTarget.value;
            onChange(picked === '' ? undefined : picked === '__end' ? null : picked);
          }}
        />
      );
    case 'map':
      return <MapInput field={field} value={value} onChange={onChange} error={error} />;
    case 'object':
      return (
        <Fieldset legend={field.label}>
          <ConfigFields
            schema={field.schema}
            value={isRecord(value) ? value : {}}
            onChange={onChange}
            laterSteps={laterSteps}
            errors={errors}
            path={path}
          />
        </Fieldset>
      );
    case 'list':
      return (
        <ListInput
          field={field}
          value={value}
          onChange={onChange}
          laterSteps={laterSteps}
          errors={errors}
          path={path}
        />
      );
    default:
      return (
        <TextField
          field={field}
          value={value}
          onChange={onChange}
          error={error}
          literal={literal}
        />
      );
  }
}

function isRecord(value: unknown): value is Config {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a text-like field shows, and what its text means. */
function textCodec(field: FieldSpec) {
  if (field.kind === 'value') return { format: formatValueText, parse: parseValueText };
  if (field.kind === 'number') {
    return {
      format: (v: unknown) => (v === undefined || v === null ? '' : String(v)),
      // A number, or a template that gives one at run time.
      parse: (text: string) =>
        text.trim() === '' ? undefined : /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text,
    };
  }
  return {
    format: (v: unknown) =>
      typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v),
    parse: (text: string) => (text === '' && !field.required ? undefined : text),
  };
}

/** A text input with the variable picker; inserts at the cursor. */
function TextField({
  field,
  value,
  onChange,
  error,
  label,
  literal,
}: {
  field: FieldSpec;
  value: unknown;
  onChange: (value: unknown) => void;
  error?: ReactNode;
  label?: string;
  /** Taken as written (code): no picker, since a template would not be resolved. */
  literal?: boolean;
}) {
  const codec = textCodec(field);
  // The text as typed: "{" on the way to a JSON object is not a value yet.
  const [draft, setDraft] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const text = draft ?? codec.format(value);
  const change = (next: string) => {
    setDraft(next);
    onChange(codec.parse(next));
  };
  const picker = (
    <VariablePicker
      label={label ?? field.label}
      onPick={(template) => {
        const element = ref.current;
        const selection = element
          ? {
              start: element.selectionStart ?? text.length,
              end: element.selectionEnd ?? text.length,
            }
          : null;
        const inserted = insertTemplate(text, template, selection);
        change(inserted.text);
        requestAnimationFrame(() => {
          element?.focus();
          element?.setSelectionRange(inserted.cursor, inserted.cursor);
        });
      }}
    />
  );
  const props = {
    ref,
    label: label ?? field.label,
    description: field.description,
    withAsterisk: field.required,
    error,
    value: text,
    onChange: (event: { currentTarget: { value: string } }) => change(event.currentTarget.value),
    onBlur: () => setDraft(null),
    rightSection: literal ? undefined : picker,
    rightSectionPointerEvents: 'all' as const,
  };
  const multiline =
    field.kind === 'code' ||
    field.kind === 'textarea' ||
    (field.kind === 'value' && typeof value === 'object' && value !== null);
  return multiline ? (
    <Textarea
      {...props}
      autosize
      minRows={field.kind === 'code' ? 8 : 3}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      spellCheck={false}
    />
  ) : (
    <TextInput {...props} />
  );
}

/** Name → value rows (headers, CRM fields), each value with the variable picker. */
function MapInput({
  field,
  value,
  onChange,
  error,
}: {
  field: FieldSpec;
  value: unknown;
  onChange: (value: unknown) => void;
  error?: string;
}) {
  const entries = Object.entries(isRecord(value) ? value : {});
  const valueField = describeField('value', mapValueSchema(field.schema), true);
  const write = (next: [string, unknown][]) => onChange(Object.fromEntries(next));
  return (
    <Fieldset legend={field.label} aria-label={field.label}>
      <Stack gap="xs">
        {field.description && (
          <Text size="xs" c="dimmed">
            {field.description}
          </Text>
        )}
        {entries.map(([name, item], index) => (
          <Group key={index} align="flex-end" wrap="nowrap" gap="xs">
            <TextInput
              label={`${field.label} name ${index + 1}`}
              value={name}
              w="40%"
              onChange={(event) => {
                const copy = [...entries];
                copy[index] = [event.currentTarget.value, item];
                write(copy);
              }}
            />
            <div style={{ flex: 1 }}>
              <TextField
                field={valueField}
                label={`${field.label} value ${index + 1}`}
                value={item}
                onChange={(next) => {
                  const copy = [...entries];
                  copy[index] = [name, next ?? ''];
                  write(copy);
                }}
              />
            </div>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove ${field.label} ${name || index + 1}`}
              onClick={() => write(entries.filter((_, i) => i !== index))}
              mb={4}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        {error && (
          <Text size="xs" c="red">
            {error}
          </Text>
        )}
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          onClick={() =>
            write([
              ...entries,
              [entries.some(([n]) => n === '') ? `field_${entries.length + 1}` : '', ''],
            ])
          }
        >
          Add {field.label.toLowerCase()}
        </Button>
      </Stack>
    </Fieldset>
  );
}

/** A list of objects (condition's rules), each with its own fields. */
function ListInput({
  field,
  value,
  onChange,
  laterSteps,
  errors,
  path,
}: {
  field: FieldSpec;
  value: unknown;
  onChange: (value: unknown) => void;
  laterSteps: readonly string[];
  errors?: Record<string, string>;
  path: string;
}) {
  const items = Array.isArray(value) ? (value as unknown[]) : [];
  const itemSchema = field.schema.items ?? {};
  return (
    <Fieldset legend={field.label}>
      <Stack gap="xs">
        {items.map((item, index) => (
          <Group key={index} align="flex-start" wrap="nowrap" gap="xs">
            <div style={{ flex: 1 }} aria-label={`${field.label} ${index + 1}`} role="group">
              <ConfigFields
                schema={itemSchema}
                value={isRecord(item) ? item : {}}
                onChange={(next) => onChange(items.map((old, i) => (i === index ? next : old)))}
                laterSteps={laterSteps}
                errors={errors}
                path={`${path}[${index}]`}
              />
            </div>
            <ActionIcon
              variant="subtle"
              color="red"
              mt={24}
              aria-label={`Remove ${field.label} ${index + 1}`}
              onClick={() => onChange(items.filter((_, i) => i !== index))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          onClick={() => onChange([...items, initialConfig(itemSchema)])}
        >
          Add to {field.label.toLowerCase()}
        </Button>
      </Stack>
    </Fieldset>
  );
}
