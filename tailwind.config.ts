import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}", "./public/respondent.js"],
  theme: {
    extend: {
      fontFamily: {
        sans: ["Inter Variable", "Inter", "ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],
      },
    },
  },
  plugins: [],
} satisfies Config;
