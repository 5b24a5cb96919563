/** Domain events published to host listeners after commit. */
@NullMarked
package io.trainproof.core.event;

import org.jspecify.annotations.NullMarked;
