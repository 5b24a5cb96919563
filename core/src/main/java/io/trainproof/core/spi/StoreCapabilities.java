package io.trainproof.core.spi;

/**
 * What a store declares it can do. The testkit contract suite reads these instead of
 * skipping a store by its class.
 *
 * @param sharedAcrossProcesses several processes may use the same data at once (a database)
 * @param durable data survives a restart of the process
 */
public record StoreCapabilities(boolean sharedAcrossProcesses, boolean durable) {}
