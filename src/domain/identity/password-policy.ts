import { DomainError } from '../shared/domain-error.js';
import { COMMON_PASSWORDS } from './common-passwords.js';

export const PASSWORD_RULES = { minLength: 10, maxLength: 256, minDistinctCharacters: 4 } as const;

/** What a password must not equal: the account's own identifiers. */
export interface PasswordOwner {
  phone: string;
  username: string | null;
  email: string | null;
}

/**
 * Every reason a password is refused (empty when it is acceptable). Length and a list of common
 * passwords follow NIST SP 800-63B: no composition rules, which push people to `Password@123`.
 */
export function passwordProblems(password: string, owner: PasswordOwner): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_RULES.minLength) {
    problems.push(`Must be at least ${PASSWORD_RULES.minLength} characters`);
  }
  if (length > PASSWORD_RULES.maxLength) {
    problems.push(`Must be at most ${PASSWORD_RULES.maxLength} characters`);
  }
  const folded = password.trim().toLowerCase();
  if (COMMON_PASSWORDS.has(folded)) problems.push('Is a commonly used password');
  else if (new Set(folded).size < PASSWORD_RULES.minDistinctCharacters) {
    problems.push('Is too repetitive');
  }
  if (ownIdentifiers(owner).includes(folded)) {
    problems.push("Must not be the account's phone, username or email");
  }
  return problems;
}

function ownIdentifiers({ phone, username, email }: PasswordOwner): string[] {
  const digits = phone.replace(/\D/g, '');
  const found = [phone, digits, digits.slice(-10), `0${digits.slice(-10)}`];
  if (username) found.push(username.toLowerCase());
  if (email) found.push(email.toLowerCase(), email.toLowerCase().split('@')[0]!);
  return found.map((value) => value.trim().toLowerCase()).filter((value) => value.length > 0);
}

/** A password the policy refuses: 400 VALIDATION_ERROR naming every problem. */
export class WeakPasswordError extends DomainError {
  constructor(readonly problems: string[]) {
    super('VALIDATION_ERROR', 'Validation failed', { password: problems.join('; ') });
  }
}

export function assertAcceptablePassword(password: string, owner: PasswordOwner): void {
  const problems = passwordProblems(password, owner);
  if (problems.length > 0) throw new WeakPasswordError(problems);
}
