package io.trainproof.persistence.jpa;

/** {@link JpaStoreBehaviourTest} on H2. */
class H2BehaviourTest extends JpaStoreBehaviourTest {
  @Override
  SqlDialect dialect() {
    return SqlDialect.H2;
  }
}
