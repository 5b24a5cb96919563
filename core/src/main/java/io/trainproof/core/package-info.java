/**
 * Trainproof's entry point, {@link io.trainproof.core.Trainproof}, the {@link
 * io.trainproof.core.Actor} every call runs for, and the exception hierarchy rooted at {@link
 * io.trainproof.core.TrainproofException}.
 */
@NullMarked
package io.trainproof.core;

import org.jspecify.annotations.NullMarked;
