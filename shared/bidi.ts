/**
 * Bidirectional isolation for user-supplied strings shown inside longer text on screen.
 * Text arrives from other installations and may hold a right-to-left override (U+202E)
 * that is never closed: placed between FIRST STRONG ISOLATE (U+2068) and POP DIRECTIONAL
 * ISOLATE (U+2069), it cannot reorder what stands around it (the PDI closes every
 * embedding and override opened inside). Invisible; the printed reports use <bdi> instead.
 */
export function isolate(text: string): string {
  return text === '' ? '' : `\u2068${text}\u2069`;
}

/** Joins user strings, each isolated: "Hyatt Regency, Bishkek". */
export function joinIsolated(parts: readonly string[], separator: string): string {
  return parts
    .filter((part) => part !== '')
    .map(isolate)
    .join(separator);
}
