/** Compliance status as of any date, derived from dates. */
@NullMarked
package io.trainproof.core.status;

import org.jspecify.annotations.NullMarked;
