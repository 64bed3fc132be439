export type PlanParseErrorCode = 'EMPTY' | 'BINARY' | 'NO_STRUCTURE' | 'TOO_LONG';

/** Thrown when the input cannot be a plan at all; `message` is Chinese because staff see it as is. */
export class PlanParseError extends Error {
  constructor(
    public readonly code: PlanParseErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PlanParseError';
  }
}
