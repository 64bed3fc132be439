/**
 * The base of every capability's exception (TaskException, IdentityException …). It carries an
 * HTTP status, a stable code and a Chinese and English message; the exception filter maps it once.
 */
export class DomainException extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly messageEn: string,
    public readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
