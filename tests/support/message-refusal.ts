import { expect } from 'vitest';
import { MessageNotSentError } from '../../src/application/messaging/ports/outbound-message.js';

/** The `MessageNotSentError` a send ended in (the test fails if it succeeded or failed otherwise). */
export async function refusal(work: Promise<unknown>): Promise<MessageNotSentError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MessageNotSentError);
  return error as MessageNotSentError;
}
