/**
 * Keys: Ed25519 (default) and ECDSA P-256; import and export as PEM, JWK and Multikey; the {@link
 * io.trainproof.signing.key.Signer} / {@link io.trainproof.signing.key.KeyProvider} SPI through
 * which an HSM or KMS signs without handing over private bytes; the key-id registry; issuer key
 * histories ({@code did:web} plus every key's validity interval); and local {@code did:key}
 * resolution.
 */
@NullMarked
package io.trainproof.signing.key;

import org.jspecify.annotations.NullMarked;
