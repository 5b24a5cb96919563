/**
 * Extension points: the storage SPI every store implements (a {@link io.trainproof.core.spi.Store}
 * handing out the repositories of one transaction). Repositories speak domain records, are always
 * scoped by organization, return {@code Optional} for look-ups and signal lost updates with {@link
 * io.trainproof.core.ConflictException}. Orchestration lives in the services, never here.
 */
@NullMarked
package io.trainproof.core.spi;

import org.jspecify.annotations.NullMarked;
