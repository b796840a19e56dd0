/** The test host's dialog port: answers queued by the test, in order, instead of a person. */
import type { DialogPort } from '../../electron/main/services/ports';

export class ScriptedDialogs implements DialogPort {
  private readonly answers: (string | null)[] = [];
  readonly asked: { kind: 'save' | 'open' | 'folder'; title: string; defaultPath?: string }[] = [];

  /** Queues the next answer: a path, or null for "the user cancelled". */
  answer(path: string | null): void {
    this.answers.push(path);
  }

  private next(kind: 'save' | 'open' | 'folder', title: string, defaultPath?: string): Promise<string | null> {
    this.asked.push(defaultPath === undefined ? { kind, title } : { kind, title, defaultPath });
    if (this.answers.length === 0) {
      return Promise.reject(new Error(`The test did not choose an answer for the ${kind} dialog "${title}".`));
    }
    return Promise.resolve(this.answers.shift() ?? null);
  }

  chooseSaveFile(options: { title: string; defaultPath: string }): Promise<string | null> {
    return this.next('save', options.title, options.defaultPath);
  }

  chooseOpenFile(options: { title: string }): Promise<string | null> {
    return this.next('open', options.title);
  }

  chooseFolder(options: { title: string }): Promise<string | null> {
    return this.next('folder', options.title);
  }
}
