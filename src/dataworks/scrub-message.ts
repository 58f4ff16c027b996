// Removes secrets from text that may reach a log, a report or the state file. The SDK and the
// network layer sometimes echo request details (URLs, headers) into error messages, so every
// message built from a remote failure passes through here.

const REDACTED = '***';

// key=value or key: value (optionally quoted), for keys whose value must never be shown.
const SECRET_KEYS = [
  'AccessKeySecret',
  'access_key_secret',
  'accessKeySecret',
  'SecurityToken',
  'security_token',
  'securityToken',
  'x-acs-security-token',
  'x-acs-bearer-token',
  'BearerToken',
  'Signature',
  'password',
  'secret',
];

// Not \b before the key: in a URL-encoded string to sign the key follows "%26" ("&"), and "6S" has
// no word boundary, so "…%26SecurityToken%3D<token>" slipped through.
const KEYED_VALUE = new RegExp(
  `(["']?(?<![A-Za-z])(?:${SECRET_KEYS.map(escapeRegExp).join('|')})["']?\\s*(?:=|:|%3D)\\s*["']?)([^"'&\\s,;}]+)`,
  'gi',
);

// The whole Authorization header value: "ACS3-HMAC-SHA256 Credential=...,Signature=..." or "acs AK:sig".
const AUTHORIZATION = /(["']?\bauthorization["']?\s*[:=]\s*["']?)([^"'\r\n}]+)/gi;

// Credentials the process holds: a message that echoes one without its key name is caught by value.
const SECRET_ENV = ['ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'ALIBABA_CLOUD_SECURITY_TOKEN', 'ALICLOUD_ACCESS_KEY_SECRET', 'ALICLOUD_SECURITY_TOKEN'];
const MIN_LITERAL = 6; // shorter values would blank out ordinary words

export function scrubMessage(text: string, literals: readonly string[] = secretsFromEnv(process.env)): string {
  let scrubbed = text.replace(AUTHORIZATION, `$1${REDACTED}`).replace(KEYED_VALUE, `$1${REDACTED}`);
  for (const literal of literals) {
    if (literal.length >= MIN_LITERAL) scrubbed = scrubbed.split(literal).join(REDACTED);
  }
  return scrubbed;
}

export function secretsFromEnv(env: Record<string, string | undefined>): string[] {
  return SECRET_ENV.flatMap((name) => {
    const value = env[name]?.trim();
    return value ? [value, encodeURIComponent(value)] : [];
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}
