/**
 * The Spring Boot 4.0 starter: Trainproof's shared auto-configuration plus this Boot line's
 * actuator health indicator.
 */
@NullMarked
package io.trainproof.spring.boot.starter;

import org.jspecify.annotations.NullMarked;
