/**
 * Implementation of the signing module. Public only because the feature packages share it; not API:
 * anything here may change in any release.
 */
@NullMarked
package io.trainproof.signing.internal;

import org.jspecify.annotations.NullMarked;
