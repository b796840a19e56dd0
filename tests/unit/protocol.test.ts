/**
 * The app:// protocol: which URLs map to which renderer files, which are refused, and
 * what every answer carries (CSP, nosniff). Runs in Node with Node's Request/Response.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import type { CustomScheme } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES, PRINT_CONTENT_SECURITY_POLICY } from '../../shared/csp';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME_PRIVILEGES,
  handleAppRequest,
  registerAppProtocol,
  registerAppScheme,
  resolveAppRequest,
} from '../../electron/main/protocol';

const root = resolve(tmpdir(), 'cwg-renderer-root');

function resolvedPath(url: string): string {
  const result = resolveAppRequest(url, root);
  if (result.status !== 200) throw new Error(`${url} was refused: ${result.reason}`);
  return result.filePath;
}

describe('resolveAppRequest', () => {
  it('serves the entry page and assets under the renderer root', () => {
    expect(APP_ORIGIN).toBe('app://cwg');
    expect(APP_ENTRY_URL).toBe('app://cwg/index.html');
    expect(resolvedPath('app://cwg/index.html')).toBe(join(root, 'index.html'));
    expect(resolvedPath('app://cwg/assets/index-3f2a1b.js')).toBe(join(root, 'assets', 'index-3f2a1b.js'));
    expect(resolvedPath('app://cwg/assets/fonts/NotoSans-Regular.woff2')).toBe(
      join(root, 'assets', 'fonts', 'NotoSans-Regular.woff2'),
    );
    expect(resolvedPath('app://cwg/assets/report%20logo.svg')).toBe(join(root, 'assets', 'report logo.svg'));
  });

  it('answers client-side routes with the SPA shell', () => {
    for (const url of ['app://cwg', 'app://cwg/', 'app://cwg/meetings', 'app://cwg/meetings/42', 'app://cwg/mou/draft?tab=2#clause-4']) {
      expect(resolvedPath(url), url).toBe(join(root, 'index.html'));
    }
  });

  it('ignores query and fragment', () => {
    expect(resolvedPath('app://cwg/assets/app.css?v=3#x')).toBe(join(root, 'assets', 'app.css'));
  });

  it.each([
    ['app://cwg/index.html', 'text/html; charset=utf-8'],
    ['app://cwg/assets/a.js', 'text/javascript; charset=utf-8'],
    ['app://cwg/assets/a.mjs', 'text/javascript; charset=utf-8'],
    ['app://cwg/assets/a.css', 'text/css; charset=utf-8'],
    ['app://cwg/locales/ru.json', 'application/json; charset=utf-8'],
    ['app://cwg/assets/logo.svg', 'image/svg+xml'],
    ['app://cwg/assets/logo.PNG', 'image/png'],
    ['app://cwg/assets/photo.jpeg', 'image/jpeg'],
    ['app://cwg/assets/font.woff2', 'font/woff2'],
    ['app://cwg/assets/font.ttf', 'font/ttf'],
    ['app://cwg/assets/engine.wasm', 'application/wasm'],
    ['app://cwg/meetings/42', 'text/html; charset=utf-8'],
  ])('%s is served as %s', (url, mimeType) => {
    expect(resolveAppRequest(url, root)).toMatchObject({ status: 200, mimeType });
  });

  it('answers 404 for file types it does not serve', () => {
    expect(resolveAppRequest('app://cwg/tool.exe', root).status).toBe(404);
    expect(resolveAppRequest('app://cwg/assets/db.sqlite', root).status).toBe(404);
  });

  it.each([
    'app://cwg/../etc/passwd',
    'app://cwg/assets/../../etc/passwd.txt',
    'app://cwg/./index.html',
    'app://cwg/%2e%2e/etc/passwd.txt',
    'app://cwg/%2E%2E/%2E%2E/secret.json',
    'app://cwg/.%2e/secret.json',
    'app://cwg/..%2f..%2fetc%2fpasswd.txt',
    'app://cwg/assets%2f..%2f..%2fsecret.json',
    'app://cwg/assets\\..\\..\\secret.json',
    'app://cwg/%5c..%5csecret.json',
    'app://cwg//etc/passwd.txt',
    'app://cwg/C:/Windows/win.ini',
    'app://cwg/c%3a%5cwindows%5cwin.ini',
    'app://cwg/index.html%00.png',
    'app://cwg/.env.json',
    'app://cwg/assets/.hidden.js',
    'app://cwg/%ZZ.js',
  ])('refuses %s', (url) => {
    const result = resolveAppRequest(url, root);
    expect(result.status).toBe(403);
  });

  it.each([
    'app://evil/index.html',
    'app://cwg.evil/index.html',
    'app://cwg:8080/index.html',
    'app://user:pw@cwg/index.html',
    'app:///index.html',
    'https://cwg/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses the foreign or malformed URL %s', (url) => {
    expect(resolveAppRequest(url, root).status).toBe(403);
  });

  it('never resolves outside the root, whatever the input', () => {
    const probes = ['a', 'b.js', '..', '.', '%2e', '%2f', '\\', '//', 'c:', '%00', 'é.css', '%c3%a9.css'];
    for (const first of probes) {
      for (const second of probes) {
        const result = resolveAppRequest(`app://cwg/${first}/${second}`, root);
        if (result.status === 200) expect(result.filePath.startsWith(root + sep), result.filePath).toBe(true);
      }
    }
  });
});

describe('shared CSP', () => {
  it('is the agreed strict policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)|\*/);
    expect(Object.keys(CSP_DIRECTIVES)).toContain('default-src');
  });

  it('print pages may load nothing and run nothing', () => {
    expect(PRINT_CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(PRINT_CONTENT_SECURITY_POLICY).toContain("script-src 'none'");
    expect(PRINT_CONTENT_SECURITY_POLICY).not.toMatch(/'self'|https?:|unsafe-eval/);
  });
});

describe('handleAppRequest', () => {
  let rendererRoot: string;
  beforeAll(async () => {
    rendererRoot = await mkdtemp(join(tmpdir(), 'cwg-renderer-'));
    await mkdir(join(rendererRoot, 'assets'));
    await writeFile(join(rendererRoot, 'index.html'), '<!doctype html><title>CWG Desk</title>');
    await writeFile(join(rendererRoot, 'assets', 'app.js'), 'console.log("cwg");');
    // A file next to the root that traversal would reach.
    await writeFile(join(rendererRoot, '..', `${rendererRoot.split(sep).at(-1) ?? 'x'}-secret.json`), '{"secret":1}');
  });
  afterAll(async () => {
    await rm(rendererRoot, { recursive: true, force: true });
    await rm(join(rendererRoot, '..', `${rendererRoot.split(sep).at(-1) ?? 'x'}-secret.json`), { force: true });
  });

  function get(url: string, method = 'GET'): Promise<Response> {
    return handleAppRequest({ url, method }, rendererRoot);
  }

  function expectSecurityHeaders(response: Response): void {
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  }

  it('serves a file with its type and the security headers', async () => {
    const response = await get('app://cwg/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expectSecurityHeaders(response);
    expect(await response.text()).toBe('console.log("cwg");');
  });

  it('serves the SPA shell for routes', async () => {
    const response = await get('app://cwg/delegates/7');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>CWG Desk</title>');
    expectSecurityHeaders(response);
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://cwg/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Length')).toBe(String('<!doctype html><title>CWG Desk</title>'.length));
    expect(await response.text()).toBe('');
  });

  it('refuses traversal with 403 and security headers', async () => {
    const name = `${rendererRoot.split(sep).at(-1) ?? 'x'}-secret.json`;
    for (const url of [`app://cwg/../${name}`, `app://cwg/%2e%2e/${name}`, `app://cwg/..%2f${name}`]) {
      const response = await get(url);
      expect(response.status, url).toBe(403);
      expectSecurityHeaders(response);
      expect(await response.text()).not.toContain('secret');
    }
  });

  it('answers 404 for a missing asset and 405 for other methods', async () => {
    const missing = await get('app://cwg/assets/missing.js');
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing);
    expect((await get('app://cwg/index.html', 'POST')).status).toBe(405);
  });

  it('answers 500, not a crash, when reading fails otherwise', async () => {
    const response = await handleAppRequest({ url: 'app://cwg/index.html', method: 'GET' }, rendererRoot, () =>
      Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' })),
    );
    expect(response.status).toBe(500);
    expectSecurityHeaders(response);
  });

  it('registers on the app scheme through protocol.handle', async () => {
    let registered: { scheme: string; handler: (request: Request) => Response | Promise<Response> } | undefined;
    registerAppProtocol(
      {
        handle: (scheme, handler) => {
          registered = { scheme, handler };
        },
      },
      rendererRoot,
    );
    expect(registered?.scheme).toBe('app');
    const request = new Request('http://placeholder/');
    Object.defineProperty(request, 'url', { value: 'app://cwg/index.html' });
    const response = await registered?.handler(request);
    expect(response?.status).toBe(200);
  });
});

describe('scheme privileges', () => {
  it('registers app:// as standard, secure and fetch-capable, and nothing more', () => {
    let schemes: CustomScheme[] = [];
    registerAppScheme({
      registerSchemesAsPrivileged: (custom) => {
        schemes = custom;
      },
    });
    expect(schemes).toEqual([APP_SCHEME_PRIVILEGES]);
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    });
  });
});
