/**
 * Trainproof's entry point, the actor every call runs for, and the exception hierarchy
 * rooted at {@link io.trainproof.core.TrainproofException}.
 */
@NullMarked
package io.trainproof.core;

import org.jspecify.annotations.NullMarked;
