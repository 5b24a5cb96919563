/**
 * The Spring Boot 3.5 starter: Trainproof's shared auto-configuration plus this Boot line's
 * actuator health indicator.
 */
@NullMarked
package io.trainproof.spring.boot3.starter;

import org.jspecify.annotations.NullMarked;
