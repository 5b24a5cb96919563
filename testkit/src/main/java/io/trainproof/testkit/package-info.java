/**
 * Test support published for hosts and store authors: the storage contract suite that every store
 * passes, a settable clock, and fixture builders.
 */
@NullMarked
package io.trainproof.testkit;

import org.jspecify.annotations.NullMarked;
