/** Retention dates, legal holds, and purging with tombstones. */
@NullMarked
package io.trainproof.core.retention;

import org.jspecify.annotations.NullMarked;
