/**
 * Security policy as pure functions: no Electron, no I/O. The shell (Electron) and the bridge (HTTP) both
 * enforce what is decided here, and test/unit/policy checks it without either.
 */
export { CONTENT_SECURITY_POLICY, PERMISSIONS_POLICY, securityHeaders } from './csp';
export { APP_HOST, APP_ORIGIN, APP_SCHEME, isAllowedNavigation, isTrustedSender } from './origin';
export { NO_GRANTS, isAllowedPermission, type PermissionDetails, type PermissionGrant } from './permissions';
export { SPA_ENTRY, contentTypeFor, resolveAppPath, type PathApi } from './app-path';
export { createRateLimiter, type RateLimiter } from './rate-limit';
export { createRestartBudget, type RestartBudget } from './restart-budget';
