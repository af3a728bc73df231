// Migrations are bundled as text (esbuild's text loader; a vitest transform in tests).
declare module '*.sql' {
  const sql: string;
  export default sql;
}
