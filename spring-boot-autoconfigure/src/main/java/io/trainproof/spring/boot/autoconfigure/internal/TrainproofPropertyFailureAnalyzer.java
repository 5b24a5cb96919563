package io.trainproof.spring.boot.autoconfigure.internal;

import io.trainproof.spring.boot.autoconfigure.TrainproofPropertyException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link TrainproofPropertyException} into Spring Boot's start-up report: which property,
 * which value, what to do. Registered in {@code META-INF/spring.factories}. Thread-safe.
 */
public final class TrainproofPropertyFailureAnalyzer
    extends AbstractFailureAnalyzer<TrainproofPropertyException> {

  /** Created by Spring Boot. */
  public TrainproofPropertyFailureAnalyzer() {}

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, TrainproofPropertyException cause) {
    String value = cause.value() == null ? "(not set)" : "'" + cause.value() + "'";
    return new FailureAnalysis(
        "Trainproof's property "
            + cause.property()
            + " "
            + cause.reason()
            + "; its value: "
            + value,
        "Set "
            + cause.property()
            + " in the application's configuration (see the README's"
            + " \"Spring Boot\" section), or set trainproof.enabled=false.",
        cause);
  }
}
