import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  clearScreen: false,
  build: { outDir: "dist", emptyOutDir: true, target: "es2022" },
  // tap-flat: the default reporter needs Node 21 (Map.groupBy) to print failures; Debian has 20.
  test: { environment: "jsdom", include: ["src/**/*.test.{ts,tsx}"], reporters: ["tap-flat"] },
});
