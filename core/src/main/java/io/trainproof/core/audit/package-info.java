/** The tamper-evident audit trail: append-only and hash-chained per organization. */
@NullMarked
package io.trainproof.core.audit;

import org.jspecify.annotations.NullMarked;
