/**
 * The assignment engine: the pure decision of what a member owes under a requirement, and carrying
 * it out (creating, cancelling, extending assignments, retraining, reminders) inside a service's
 * unit of work. Services in {@code io.trainproof.core.internal} call it through {@link
 * io.trainproof.core.internal.engine.AssignmentEngine}; everything else here is package-private.
 * Not API.
 */
@NullMarked
package io.trainproof.core.internal.engine;

import org.jspecify.annotations.NullMarked;
