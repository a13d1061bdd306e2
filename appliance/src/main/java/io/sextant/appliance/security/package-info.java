/**
 * Accounts, clearances, authentication and the request-level defences: Argon2id password hashes with lockout, API
 * tokens stored hashed, server-side sessions behind an HttpOnly SameSite=Strict cookie, a deny-by-default
 * authentication filter, synchronizer-token CSRF checks, login rate limiting and the security headers on every
 * response.
 */
package io.sextant.appliance.security;
