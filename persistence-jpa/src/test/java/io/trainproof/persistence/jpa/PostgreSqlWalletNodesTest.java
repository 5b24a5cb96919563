package io.trainproof.persistence.jpa;

/** {@link WalletNodesTest} on POSTGRESQL. */
class PostgreSqlWalletNodesTest extends WalletNodesTest {
  @Override
  SqlDialect dialect() {
    return SqlDialect.POSTGRESQL;
  }
}
