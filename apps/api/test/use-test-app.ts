import type { TestDatabase } from './databases';
import { startTestApp, type TestApp } from './harness';

type StartOptions = NonNullable<Parameters<typeof startTestApp>[1]>;

/**
 * The scaffolding every e2e suite repeated: start the app on a fresh, migrated and seeded
 * database before the suite (beforeAll), close it and drop the database after (afterAll).
 * Call it at the top of a describe block, before the suite's own hooks: those run after the
 * app is up, so they may log in or add fixtures. The answer stands for the app from the first
 * hook on — helpers and clients may hold it from the start (`client(t)`); touching it before
 * the app is up throws.
 *
 * @param hookTimeouts for suites whose start or close takes longer than jest's default.
 */
export function useTestApp(db: TestDatabase, opts: StartOptions = {}, hookTimeouts: { start?: number; close?: number } = {}): TestApp {
  let current: TestApp | undefined;
  const started = (): TestApp => {
    if (!current) throw new Error('the test app is not up yet: use it inside a hook or a test');
    return current;
  };
  beforeAll(async () => {
    current = await startTestApp(db, opts);
  }, hookTimeouts.start);
  afterAll(async () => {
    await current?.close();
  }, hookTimeouts.close);
  return {
    get app() {
      return started().app;
    },
    get config() {
      return started().config;
    },
    get clock() {
      return started().clock;
    },
    request: (...args) => started().request(...args),
    login: (idNumber) => started().login(idNumber),
    close: () => started().close(),
  };
}
