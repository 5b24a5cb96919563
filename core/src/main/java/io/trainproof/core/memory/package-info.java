/** The thread-safe in-memory store: the reference implementation of the storage SPI. */
@NullMarked
package io.trainproof.core.memory;

import org.jspecify.annotations.NullMarked;
