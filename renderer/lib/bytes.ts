/**
 * Files cross IPC as bytes (Uint8Array, structured clone): text the app saves is encoded here
 * once, in the renderer; main writes the bytes as they arrive.
 */
export function utf8Bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
