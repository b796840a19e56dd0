// The bridge as the page sees it, for code that runs inside page.evaluate().
import type { CwgApi } from '../../shared/ipc/api';

declare global {
  interface Window {
    cwg?: CwgApi;
  }
}
