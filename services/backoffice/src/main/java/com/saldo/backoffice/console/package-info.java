/**
 * The operators' web console, served by the backoffice under {@code /console} through the gateway.
 * Signing in with an API key starts a session ({@link
 * com.saldo.backoffice.console.ConsoleSessions}) that is itself a credential: the console calls the
 * public API through the gateway with it ({@link com.saldo.backoffice.console.ConsoleApi}), so
 * every page and action is checked with the same scopes, tenant and rate limit as the API. {@link
 * com.saldo.backoffice.console.ConsoleFilter} sets the security headers, reads forms strictly and
 * checks their CSRF token; corrections of money carry a reason into the transfer's metadata and the
 * audit log ({@link com.saldo.backoffice.console.Corrections}). Pages are Thymeleaf templates under
 * {@code templates/console}; the assets under {@code static/console/assets} are all the browser
 * loads.
 */
package com.saldo.backoffice.console;
