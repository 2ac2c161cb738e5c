/**
 * Which real services this run has. Without them, database tests run on PGlite and Redis tests are
 * skipped with the reason in their name; with REQUIRE_SERVICES=1 (CI) a missing one is an error.
 */
export const databaseUrl = process.env.DATABASE_URL || undefined;
export const redisUrl = process.env.REDIS_URL || undefined;
export const requireServices = process.env.REQUIRE_SERVICES === '1';

if (requireServices && (!databaseUrl || !redisUrl)) {
  throw new Error('REQUIRE_SERVICES=1 needs both DATABASE_URL and REDIS_URL');
}

export const redisSkipReason = redisUrl ? '' : ' (skipped: REDIS_URL is not set; CI sets it)';
