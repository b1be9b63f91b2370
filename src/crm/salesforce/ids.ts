/**
 * Salesforce record ids: 15 case-sensitive characters (3 for the object's key
 * prefix, 2 for the pod, 1 reserved, 9 for the record number), and an 18-character
 * form whose last 3 characters encode the case of the first 15, so it survives
 * case-insensitive tools. The API accepts both and always answers with 18.
 */
const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** Whether a string has the shape of a Salesforce id (15 or 18 letters and digits). */
export function isSalesforceId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/** The 18-character form of a 15- or 18-character id; undefined for anything else. */
export function toId18(id: string): string | undefined {
  if (!ID_PATTERN.test(id)) return undefined;
  const base = id.slice(0, 15);
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk += 1) {
    let bits = 0;
    for (let i = 0; i < 5; i += 1) {
      const char = base.charCodeAt(chunk * 5 + i);
      if (char >= 65 && char <= 90) bits |= 1 << i;
    }
    suffix += CHECKSUM_ALPHABET[bits];
  }
  return base + suffix;
}
