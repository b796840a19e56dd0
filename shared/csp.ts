/**
 * The Content-Security-Policies of the app, in one place. CONTENT_SECURITY_POLICY guards
 * the renderer: the Electron protocol handler sends it as a response header,
 * renderer/index.html repeats it in a meta tag and the test host serves the built
 * renderer with it, so all hosts enforce the same policy. PRINT_CONTENT_SECURITY_POLICY
 * guards a printed report page.
 */

type Directives = Readonly<Record<string, readonly string[]>>;

function serialize(directives: Directives): string {
  return Object.entries(directives)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}

/** Directive → sources. Nothing is allowed unless listed; there is no inline script or style. */
export const CSP_DIRECTIVES = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'manifest-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  // Only effective as a header (browsers ignore it in a meta tag); Electron sends the header.
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
} as const satisfies Directives;

export const CONTENT_SECURITY_POLICY: string = serialize(CSP_DIRECTIVES);

/**
 * A printed report is static HTML with no script that loads nothing: fonts and images are
 * embedded as data: URLs, styles are inline (<style> blocks and style attributes, harmless
 * without script). The Electron print port injects this policy as the page's first
 * <meta>; its print window also has JavaScript off and its network shut, so the policy is
 * the third lock, and the one a Chromium-page print port (test host) can share.
 */
export const PRINT_CSP_DIRECTIVES = {
  'default-src': ["'none'"],
  'script-src': ["'none'"],
  'style-src': ["'unsafe-inline'", 'data:'],
  'img-src': ['data:'],
  'font-src': ['data:'],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'object-src': ["'none'"],
} as const satisfies Directives;

export const PRINT_CONTENT_SECURITY_POLICY: string = serialize(PRINT_CSP_DIRECTIVES);
