package io.trainproof.core.spi;

/**
 * What a store declares it can do. The testkit contract suite reads these instead of skipping a
 * store by its class: a store that declares a capability is tested for it (and its contract test
 * must then open a second store over the same data), one that does not has those tests skipped with
 * the reason. Core itself does not read them.
 *
 * @param sharedAcrossProcesses several processes may use the same data at once (a database): the
 *     contract checks that what one commits the other sees, that optimistic versions hold across
 *     them, and that their sweep claims of one day divide the members
 * @param durable data survives a restart of the process: the contract checks that what one store
 *     committed is there for a store opened after it was closed
 */
public record StoreCapabilities(boolean sharedAcrossProcesses, boolean durable) {}
