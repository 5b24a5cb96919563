package io.trainproof.persistence.jpa;

/** {@link FailedReadTest} on H2. */
class H2FailedReadTest extends FailedReadTest {
  @Override
  SqlDialect dialect() {
    return SqlDialect.H2;
  }
}
