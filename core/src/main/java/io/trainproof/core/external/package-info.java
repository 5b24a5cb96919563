/** Certifications from outside providers that stand in for training. */
@NullMarked
package io.trainproof.core.external;

import org.jspecify.annotations.NullMarked;
