// The packed-tarball smoke suite: everything it checks runs in a temporary project outside the
// workspace that installs the tarballs from packs/ (no workspace links, no source condition).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['*.test.ts'], testTimeout: 60_000, hookTimeout: 600_000, fileParallelism: false },
});
