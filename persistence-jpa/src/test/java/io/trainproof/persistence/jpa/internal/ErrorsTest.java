package io.trainproof.persistence.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.core.ConflictException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * What the store reports for the database's refusals: serialization failures and deadlocks are
 * transient conflicts (core's retry policy runs the unit again); lock timeouts, lost updates and
 * taken keys are conflicts that are not retried.
 */
class ErrorsTest {
  static RuntimeException failure(String state, int code) {
    return new PersistenceException(
        "could not execute statement", new SQLException("refused", state, code));
  }

  static ConflictException conflict(RuntimeException e) {
    RuntimeException translated = Errors.translate(e, "Assignment", "a-1");
    assertThat(translated).isInstanceOf(ConflictException.class);
    return (ConflictException) translated;
  }

  @Test
  void serializationFailuresAndDeadlocksAreTransient() {
    assertThat(conflict(failure("40001", 0)).transientFailure()).isTrue();
    assertThat(conflict(failure("40P01", 0)).transientFailure()).isTrue();
    assertThat(conflict(failure("40001", 1213)).transientFailure()).isTrue();
    assertThat(conflict(failure("40P01", 0)).getMessage()).contains("40P01").contains("retry");
  }

  @Test
  void lockTimeoutsLostUpdatesAndTakenKeysAreNot() {
    assertThat(conflict(failure("55P03", 0)).transientFailure()).isFalse();
    assertThat(conflict(failure("HY000", 1205)).transientFailure()).isFalse();
    assertThat(conflict(failure("23505", 0)).transientFailure()).isFalse();
    assertThat(conflict(new OptimisticLockException("stale")).transientFailure()).isFalse();
  }
}
