/**
 * What may be attached to a report, and how an uploaded file's name is made safe to show and
 * to offer back as a download name. Pure; the content is sniffed elsewhere (services).
 */

/** The types accepted, by the type detected from the content, with the extension each gets. */
export const ATTACHMENT_TYPES: Readonly<Record<string, string>> = Object.freeze({
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heic',
});

/** Extensions a name may already carry for each accepted type. */
const EXTENSIONS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  pdf: ['pdf'],
  jpg: ['jpg', 'jpeg', 'jpe', 'jfif'],
  png: ['png'],
  webp: ['webp'],
  heic: ['heic', 'heif'],
});

export const DEFAULT_MAX_UPLOAD_MB = 10;
const NAME_MAX = 150;

export function isAcceptedType(contentType: string): boolean {
  return Object.hasOwn(ATTACHMENT_TYPES, contentType);
}

/**
 * A display name from whatever the browser sent: no folders (`C:\fakepath\x`, `../../x`), no
 * control or direction-override characters (which can make `gpj.exe` read as `exe.jpg`), no
 * leading dots, at most 150 characters, and an extension that matches the content, so the
 * saved file opens in the right program.
 */
export function safeAttachmentName(raw: string | undefined, contentType: string): string {
  const extension = ATTACHMENT_TYPES[contentType] ?? 'bin';
  const base = (raw ?? '').split(/[/\\]/).at(-1) ?? '';
  let name = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const dot = name.lastIndexOf('.');
  const given = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (!(EXTENSIONS[extension] ?? [extension]).includes(given)) {
    // A name claiming another accepted type loses that claim; any other dot stays part of the name.
    const claimsAnother = Object.values(EXTENSIONS).some((list) => list.includes(given));
    name = `${claimsAnother ? name.slice(0, dot) : name}.${extension}`;
  }
  if (name.startsWith('.')) name = `adjunto${name}`;
  if (name.length > NAME_MAX) {
    const suffix = name.slice(name.lastIndexOf('.'));
    name = `${name.slice(0, NAME_MAX - suffix.length).trimEnd()}${suffix}`;
  }
  return name;
}

/**
 * `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): the plain `filename` is an ASCII
 * stand-in for old clients, `filename*` the real name.
 */
export function contentDisposition(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
