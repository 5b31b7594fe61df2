import { defineConfig } from 'vite';

/**
 * Built by `npm run build:web` (`vite build web`): `root` is this folder, the output goes to
 * dist/web, which the API service serves at `/` (src/app.factory.ts). Plain React: Vite's own
 * transform handles TSX; no dev-server plugin is needed for a production build.
 */
export default defineConfig({
  base: '/',
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
  },
  oxc: { jsx: { runtime: 'automatic' } },
  server: { proxy: { '/api': 'http://localhost:3000', '/health': 'http://localhost:3000' } },
});
