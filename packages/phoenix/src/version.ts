// Kept equal to package.json's version by `pnpm version-packages` (scripts/sync-versions.ts); a test checks it.
export const VERSION = '0.1.0'
