/**
 * What every service exports about itself where Spring Boot's configuration would be fixed at build
 * time by Spring AOT: today the OTLP span exporter, whose endpoint a deployment names.
 */
package com.saldo.telemetry;
