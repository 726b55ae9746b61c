/** A message shown once on the next screen (after completing a task, say). */
let pending: string | undefined;

export function setFlash(message: string): void {
  pending = message;
}

/** Takes the pending message, if any. */
export function takeFlash(): string | undefined {
  const message = pending;
  pending = undefined;
  return message;
}
