/**
 * How every Saldo service answers a request that cannot succeed: RFC 9457 problem bodies with a
 * stable {@code code} ({@link Problem}, {@link ProblemException}), the codes every service shares
 * ({@link Problems}), request ids, and the rendering of what Spring and Tomcat refuse before a
 * controller runs. Conventions only; each service decides which problems of its own exist.
 */
package com.saldo.problem;
