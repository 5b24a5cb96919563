/** Policies, their versions, and the retraining a material change triggers. */
@NullMarked
package io.trainproof.core.policy;

import org.jspecify.annotations.NullMarked;
