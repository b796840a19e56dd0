/**
 * The `app://cwg` protocol that serves the built renderer: a pure, Node-testable resolver
 * (URL → file under the renderer root, or a refusal) and a thin adapter for Electron's
 * `protocol.handle`. Serving from a custom standard+secure scheme instead of file:// gives
 * the page a real origin (for the IPC sender check and CSP 'self') and a secure context
 * (WebCrypto, crypto.randomUUID).
 */
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'cwg';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * standard: relative URLs, origin and storage (IndexedDB) behave as on https.
 * secure: a secure context, so WebCrypto and crypto.randomUUID exist.
 * supportFetchAPI: fetch() of the app's own assets (e.g. JSON, fonts) works.
 * codeCache: V8 keeps the compiled code of the app's scripts between starts (Chromium does
 * this only for http(s) unless a scheme asks), so a start does not compile 1 MB of code again.
 * Deliberately not bypassCSP, corsEnabled, allowServiceWorkers or stream.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** Must run before the app's `ready` event: Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** Only these extensions are served; anything else is a 404 even if the file exists. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export type AppResolution =
  | { status: 200; filePath: string; mimeType: string }
  | { status: 403 | 404; reason: string };

const INDEX_FILE = 'index.html';

function refuse(reason: string): AppResolution {
  return { status: 403, reason };
}

/**
 * Maps an `app://cwg/...` URL to a file under `rendererRoot`.
 *
 * The checks run on the raw URL text as well as on the parsed one, because URL parsing
 * silently resolves `..` and `%2e%2e` segments, and a later percent-decoding step could
 * turn `%2f` or `%5c` into separators. Anything that looks like an attempt to leave the
 * root is refused outright (403) rather than normalised, and a final containment check
 * on the resolved path backs the pattern checks up.
 */
export function resolveAppRequest(url: string, rendererRoot: string): AppResolution {
  const rawPath = rawPathOf(url);
  if (rawPath === null) return refuse('not an app:// URL');
  if (rawPath.includes('\\')) return refuse('backslash in path');
  // An empty segment is how an absolute path sneaks in after the host (app://cwg//etc).
  if (rawPath.includes('//')) return refuse('empty path segment');
  if (/%(2e|2f|5c|00)/i.test(rawPath)) return refuse('encoded dot, separator or NUL in path');
  if (rawPath.split('/').some((segment) => segment === '.' || segment === '..')) {
    return refuse('dot segment in path');
  }

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse('malformed URL');
  }
  if (parsed.protocol !== `${APP_SCHEME}:`) return refuse('wrong scheme');
  if (parsed.hostname !== APP_HOST || parsed.port !== '' || parsed.username !== '' || parsed.password !== '') {
    return refuse('unknown host');
  }

  let segments: string[];
  try {
    segments = parsed.pathname.split('/').filter((segment) => segment !== '').map((segment) => decodeURIComponent(segment));
  } catch {
    return refuse('malformed percent-encoding');
  }
  for (const segment of segments) {
    // Dotfiles (and any leftover dot segment), drive letters and control characters never
    // name a renderer asset; refusing them keeps the root check below a second line only.
    if (segment.startsWith('.') || segment.includes(':') || segment.includes('/') || segment.includes('\\')) {
      return refuse('forbidden path segment');
    }
    if (hasControlCharacter(segment)) return refuse('control character in path');
  }

  const last = segments.at(-1);
  // Client-side routes (/meetings/42) have no extension: the SPA shell answers them.
  const relativePath = last === undefined || !last.includes('.') ? INDEX_FILE : segments.join('/');

  const root = resolve(rendererRoot);
  const filePath = resolve(join(root, relativePath));
  const fromRoot = relative(root, filePath);
  if (fromRoot === '' || fromRoot.startsWith(`..${sep}`) || fromRoot === '..' || isAbsolute(fromRoot)) {
    return refuse('path escapes the renderer root');
  }

  const mimeType = MIME_TYPES[extname(filePath).toLowerCase()];
  if (mimeType === undefined) return { status: 404, reason: 'file type not served' };
  return { status: 200, filePath, mimeType };
}

function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** The path part of the URL text as written (before any normalisation), or null. */
function rawPathOf(url: string): string | null {
  const prefix = `${APP_SCHEME}://`;
  if (!url.toLowerCase().startsWith(prefix)) return null;
  const afterScheme = url.slice(prefix.length);
  const end = afterScheme.search(/[?#]/);
  const authorityAndPath = end === -1 ? afterScheme : afterScheme.slice(0, end);
  const slash = authorityAndPath.indexOf('/');
  return slash === -1 ? '/' : authorityAndPath.slice(slash);
}

/** Headers on every answer, errors included. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // Local files change only with an app update; revalidation is cheap and avoids
    // serving a stale bundle right after one.
    'Cache-Control': 'no-cache',
  };
}

export type ReadAsset = (filePath: string) => Promise<Uint8Array>;

function errorResponse(status: number, message: string): Response {
  return new Response(message, { status, headers: appResponseHeaders('text/plain; charset=utf-8') });
}

function isMissingFile(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}

/** Answers one protocol request; Node's Request/Response, so tests can call it directly. */
export async function handleAppRequest(
  request: Pick<Request, 'url' | 'method'>,
  rendererRoot: string,
  readAsset: ReadAsset = readFile,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return errorResponse(405, 'Method not allowed');
  }
  const resolution = resolveAppRequest(request.url, rendererRoot);
  if (resolution.status !== 200) {
    return errorResponse(resolution.status, resolution.status === 403 ? 'Forbidden' : 'Not found');
  }
  let body: Uint8Array;
  try {
    body = await readAsset(resolution.filePath);
  } catch (error) {
    if (isMissingFile(error)) return errorResponse(404, 'Not found');
    // A thrown error would surface as an opaque net:: failure; a 500 is easier to diagnose.
    return errorResponse(500, 'Could not read the file');
  }
  const headers = appResponseHeaders(resolution.mimeType);
  headers['Content-Length'] = String(body.byteLength);
  // A copy into a plain ArrayBuffer: Response wants a BufferSource, and a Node Buffer may
  // be a view into a larger shared pool.
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body).buffer, { status: 200, headers });
}

/** Serves `rendererRoot` as `app://cwg/` on the default session. Call after `ready`. */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererRoot: string): void {
  protocol.handle(APP_SCHEME, (request) => handleAppRequest(request, rendererRoot));
}
