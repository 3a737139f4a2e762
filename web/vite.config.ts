/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// Both the dev server and `vite preview` forward /api/ to one API server, so
// the client always talks to its own origin, as it does behind nginx.
const apiTarget = process.env.GOBAN_API_PROXY ?? 'http://127.0.0.1:8001'
const proxy = {
  '/api/': { target: apiTarget, changeOrigin: false },
}

export default defineConfig({
  plugins: [vue()],
  server: { proxy },
  preview: { proxy },
  build: { target: 'es2020' },
  test: {
    environment: 'happy-dom',
    include: ['tests/**/*.test.ts'],
  },
})
