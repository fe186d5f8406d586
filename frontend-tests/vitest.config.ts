import { defineConfig } from 'vitest/config';

// The code under test is in ../frontend; the tests need no DOM (the painters draw into recording stand-ins).
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    environment: 'node',
  },
});
