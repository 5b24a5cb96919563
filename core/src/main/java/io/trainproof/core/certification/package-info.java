/** Certifications from outside providers that stand in for training. */
@NullMarked
package io.trainproof.core.certification;

import org.jspecify.annotations.NullMarked;
