package com.saldo.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.TestPropertySource;

/**
 * A service's suite, run a second time on the Spanner emulator: put on a subclass of the suite,
 * which adds nothing else. Where the emulator is not installed the run is disabled and the reason
 * is printed. The property gives the run a Spring context of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIf("com.saldo.testing.SpannerRuns#available")
@TestPropertySource(properties = "saldo.test.backend=spanner")
public @interface OnSpanner {}
