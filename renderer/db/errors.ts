/** Errors the repositories throw on purpose, with enough structure for a form to show them per field. */

export interface ValidationIssue {
  /** Dotted path of the field, e.g. "displayName" or "name.en"; "" for the record as a whole. */
  path: string;
  message: string;
}

/** Input did not pass its schema; nothing was written. */
export class ValidationError extends Error {
  readonly issues: readonly ValidationIssue[];

  constructor(subject: string, issues: readonly ValidationIssue[]) {
    const summary = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
    super(`Invalid ${subject}: ${summary}`);
    this.name = 'ValidationError';
    this.issues = issues;
  }

  /** Takes zod's issues structurally, so this module does not depend on zod's classes. */
  static fromIssues(
    subject: string,
    issues: readonly { path: readonly PropertyKey[]; message: string }[],
  ): ValidationError {
    return new ValidationError(
      subject,
      issues.map((issue) => ({ path: issue.path.map((key) => String(key)).join('.'), message: issue.message })),
    );
  }

  /** The first message for a field, for forms that show one message per field. */
  messageFor(path: string): string | undefined {
    return this.issues.find((issue) => issue.path === path)?.message;
  }
}

/** An operation needs this installation's identity, which first run has not created yet. */
export class NoInstallationError extends Error {
  constructor() {
    super('This installation has not been set up yet (no name and role).');
    this.name = 'NoInstallationError';
  }
}

/** First run happened already: the identity (and so every record's origin) must not be replaced. */
export class InstallationExistsError extends Error {
  constructor() {
    super('This installation has already been set up.');
    this.name = 'InstallationExistsError';
  }
}
