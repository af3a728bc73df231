/** Plain JSON, as the contract's `z.json()` accepts it (no undefined, no functions). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
