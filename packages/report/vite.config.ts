/**
 * Builds the viewer (d3 and the chart code) into one script, `dist/viewer.js`, which `renderReport` inlines
 * into every report. Run by `npm run build -w @ccsim/report` (and before the report's tests).
 */
import { defineConfig } from "vite"

export default defineConfig({
  root: import.meta.dirname,
  publicDir: false,
  logLevel: "warn",
  build: {
    outDir: "dist",
    // dist also holds the type-checker's output; keep it.
    emptyOutDir: false,
    target: "es2022",
    minify: true,
    sourcemap: false,
    reportCompressedSize: false,
    lib: {
      entry: "src/viewer/main.ts",
      formats: ["iife"],
      name: "ccsimViewer",
      fileName: () => "viewer.js"
    }
  }
})
