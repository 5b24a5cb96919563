package io.trainproof.reporting.evidence;

import org.jspecify.annotations.Nullable;

/**
 * A detached signature over {@code manifest.json}, written to {@code manifest.sig.json}. Immutable.
 *
 * @param algorithm the algorithm, e.g. {@code Ed25519}
 * @param keyId which key signed (a DID URL, a key fingerprint)
 * @param signatureBase64 the signature bytes, Base64
 * @param publicKeyBase64 the public key (X.509 SubjectPublicKeyInfo, Base64), if the signer shares
 *     it
 */
public record ManifestSignature(
    String algorithm, String keyId, String signatureBase64, @Nullable String publicKeyBase64) {}
