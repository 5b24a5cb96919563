/** Policy attestations: signed acknowledgements of the exact policy version and statement. */
@NullMarked
package io.trainproof.core.attestation;

import org.jspecify.annotations.NullMarked;
