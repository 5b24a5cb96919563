/**
 * JSON for signing: a strict parser (duplicate keys, size and depth limits) and the RFC 8785 JSON
 * Canonicalization Scheme, byte-exact, with ECMAScript number formatting.
 */
@NullMarked
package io.trainproof.signing.jcs;

import org.jspecify.annotations.NullMarked;
