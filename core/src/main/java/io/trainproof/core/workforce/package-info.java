/** Workforce members and the events of their engagement. */
@NullMarked
package io.trainproof.core.workforce;

import org.jspecify.annotations.NullMarked;
