// Vite builds the UI into ui/dist, which the desktop crate embeds. No remote resources, ever.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  // The dev server may also serve the charts' font from the repository's assets/fonts/ (relative
  // to ui/); a build copies it into dist.
  server: { port: 1420, strictPort: true, host: '127.0.0.1', fs: { allow: ['.', '../assets/fonts'] } },
  build: { target: 'es2022', sourcemap: false, assetsInlineLimit: 0 },
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});
