package io.trainproof.persistence.jpa;

/** {@link WalletNodesTest} on MARIADB. */
class MariaDbWalletNodesTest extends WalletNodesTest {
  @Override
  SqlDialect dialect() {
    return SqlDialect.MARIADB;
  }
}
