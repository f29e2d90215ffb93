/**
 * Redaction of free text from the page and its servers: message content and close reasons. A token does
 * not only travel in a URL: a page authenticates over the socket, and a server that refuses it may say why
 * in its close reason, token included. Names and words stay, so the text still explains what happened.
 */
export const REDACTED = 'REDACTED';

/** What stands in for one secret value: `REDACTED` in what is shown, a numbered one in an export. */
export type Mark = (value: string) => string;
export const plain: Mark = () => REDACTED;

/**
 * A run of at least 20 letters, digits and `_+=` with both a letter and a digit in it: what a key, a
 * base64 token or a JWT part looks like. Words, slugs (`-` breaks a run), UUIDs, version numbers and
 * numeric ids do not.
 */
const TOKEN_RUN = /[A-Za-z0-9_+=]{20,}/g;
const isTokenRun = (run: string): boolean => /\d/.test(run) && /[A-Za-z]/.test(run);

export function looksLikeToken(text: string): boolean {
  return (text.match(TOKEN_RUN) ?? []).some(isTokenRun);
}

/** A placeholder an export put in (`REDACTED`, `REDACTED-2`, …): in an opened file, it stands for a secret. */
export const PLACEHOLDER = /^REDACTED(?:-[1-9]\d*)?$/;

/**
 * Names of fields that carry credentials. A page that authenticates over the socket sends its token in a
 * message (`{"type":"auth","token":"…"}`, STOMP's `passcode:` header), and a server that refuses it closes
 * with 1008 right after: that message is then among the last ones kept before the close.
 */
const ANYWHERE =
  'token|secret|passw|passcode|api[-_]?key|authori[sz]ation|credential|cookie|jwt|bearer|signature|session[-_]?id|private[-_]?key|access[-_]?key';
/** Short names that are credentials only as the whole name (`sig`, not `design`). */
const WHOLE = 'auth|pwd|sig|otp|pin|sid';
const SECRET_NAME = new RegExp(`${ANYWHERE}|^(?:${WHOLE})$`, 'i');

/** Every text SECRET_NAME or `Bearer` can match in has one of these: one cheap scan spares most texts. */
const MAY_NAME_SECRET = new RegExp(`${ANYWHERE}|${WHOLE}`, 'i');

/** `Bearer` and the credential after it. */
const BEARER = /\b(Bearer\s+)([A-Za-z0-9._~+/-]{8,}=*)/g;

/** A JSON string field: its name, and its value up to the closing quote or the end of a cut text. */
const JSON_STRING_FIELD = /("([^"\\]{1,64})"\s*:\s*")((?:[^"\\]|\\.)*)/g;

/** A header line (STOMP, HTTP-like frames): `name:value` or `name: value` at the start of a line. */
const HEADER_LINE = /(^|[\r\n])([A-Za-z][A-Za-z0-9_-]{0,63}[ \t]*:[ \t]*)([^\r\n]*)/g;

/**
 * Redacts secrets in free text (a message body): the value of every `name=value` pair, as in a URL query
 * or a form body; a JSON string field or a header line whose name is a credential's; and what follows
 * `Bearer`. Names stay, as in URLs.
 */
export function redactText(text: string): string {
  const out = text.replace(/([A-Za-z0-9_.[\]-]+)=([^&\s"'<>;,}]+)/g, `$1=${REDACTED}`);
  // Most messages name no credential: one scan for any of the names (a superset) spares them the rest.
  if (!MAY_NAME_SECRET.test(out)) return out;
  return out
    .replace(JSON_STRING_FIELD, (all: string, head: string, name: string) =>
      SECRET_NAME.test(name) ? head + REDACTED : all,
    )
    .replace(HEADER_LINE, (all: string, start: string, head: string) =>
      SECRET_NAME.test(head.replace(/[ \t]*:[ \t]*$/, '')) ? start + head + REDACTED : all,
    )
    .replace(BEARER, `$1${REDACTED}`);
}

/** A credential-named `name=value` pair in prose (`token=…` in a reason): the value, up to a separator. */
const CREDENTIAL_PAIR = /\b([A-Za-z][A-Za-z0-9_.-]{0,63})=([^\s&,;"'<>()[\]{}]+)/g;

/** An export's placeholder inside a text. */
const PLACEHOLDER_IN_TEXT = /\bREDACTED(?:-[1-9]\d*)?\b/g;

/**
 * Redacts the secrets a close reason can carry (at most 123 bytes, written by a server or the page): each
 * run that looks like a token (a JWT part, a key), the value of a credential-named `name=value`, and what
 * follows `Bearer`. Prose stays, `name: value` included (`token: expired` explains, and redacting it would
 * not). An export's placeholders count as secrets, so a file opened shows what the recording showed.
 */
export function redactReason(reason: string, mark: Mark = plain): string {
  if (reason.length < 8) return reason;
  const out = reason
    .replace(PLACEHOLDER_IN_TEXT, (p: string) => mark(p))
    .replace(TOKEN_RUN, (run: string) => (isTokenRun(run) ? mark(run) : run));
  if (!MAY_NAME_SECRET.test(out)) return out;
  return out
    .replace(CREDENTIAL_PAIR, (all: string, name: string, value: string) =>
      SECRET_NAME.test(name) && !PLACEHOLDER.test(value) ? `${name}=${mark(value)}` : all,
    )
    .replace(BEARER, (all: string, head: string, value: string) =>
      PLACEHOLDER.test(value) ? all : head + mark(value),
    );
}
