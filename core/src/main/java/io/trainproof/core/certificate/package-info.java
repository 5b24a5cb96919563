/** Training certificates: reading, revoking, and the status lists outside verifiers read. */
@NullMarked
package io.trainproof.core.certificate;

import org.jspecify.annotations.NullMarked;
