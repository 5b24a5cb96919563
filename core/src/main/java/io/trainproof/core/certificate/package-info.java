/**
 * Training certificates and the other credentials the SDK signs: reading, signing what a host
 * assembled, revoking (every credential has a status entry), and the status lists outside verifiers
 * read.
 */
@NullMarked
package io.trainproof.core.certificate;

import org.jspecify.annotations.NullMarked;
