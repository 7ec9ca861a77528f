/** Shared by playwright.config.ts (which starts the server) and the specs (which sign in). */
export const E2E_PORT = Number(process.env.FOLIO_E2E_PORT ?? 3197);
export const ADMIN = { username: 'admin', password: 'e2e-admin-password-2026' };
/** Loaded by the server's demo data (not in production). */
export const AGENT = { username: 'agente', password: 'folio-demo-2026' };
