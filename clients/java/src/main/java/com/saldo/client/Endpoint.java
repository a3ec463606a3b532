package com.saldo.client;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The operation of the public API that a client method calls, as {@code "METHOD /path"} with the
 * path as {@code /v1/openapi.json} writes it. A test holds these against that document.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Endpoint {
  String value();
}
