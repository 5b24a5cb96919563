/**
 * A Spring Boot 4.0 host embedding Trainproof through {@code trainproof-spring-boot-starter}: the
 * demo clinic, the officer's sign-in and pages, and what the web module needs from a host (an
 * {@code ActorMapper} and the issuer). Not an API.
 */
@NullMarked
package io.trainproof.examples.boot;

import org.jspecify.annotations.NullMarked;
