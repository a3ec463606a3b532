/**
 * The conventions of Saldo's public API that every service reads requests by (docs/api.md,
 * "Conventions"): strict JSON bodies ({@link JsonBodies}) and their fields ({@link Fields}), query
 * and path parameters ({@link Params}), times ({@link Times}), opaque cursors ({@link Cursors}) and
 * pages ({@link Page}), and the body limit ({@link BodyLimitFilter}). What it answers when a
 * request breaks them comes from {@code com.saldo.problem}; it holds no SQL and no business rule.
 */
package com.saldo.api;
