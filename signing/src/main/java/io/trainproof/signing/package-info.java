/**
 * Trainproof's signing module: {@link io.trainproof.signing.SigningCredentialIssuer}, the
 * implementation of core's credential SPI (with {@link io.trainproof.signing.OrganizationIssuer}
 * naming who signs for each organization), and the exceptions shared by the feature packages.
 *
 * <p>Wallet delivery (issue 21): {@code SigningCredentialIssuer.issueHolderCertificate} signs the
 * certificate bound to a holder's {@code did:key} DID ({@code credentialSubject.id}, a credential
 * id of its own), and {@code verifyHolderProof} checks the holder's DID Authentication presentation
 * or OpenID4VCI {@code jwt} key proof with {@link
 * io.trainproof.signing.verify.HolderProofVerifier}. A holder signs a presentation with {@link
 * io.trainproof.signing.proof.DataIntegrity} and {@link
 * io.trainproof.signing.proof.ProofOptions#authentication}.
 *
 * <p>Feature packages: {@link io.trainproof.signing.key} (keys, key providers, issuer key
 * histories, {@code did:key}), {@link io.trainproof.signing.jcs} (RFC 8785 JSON canonicalization
 * and strict parsing), {@link io.trainproof.signing.proof} (Data Integrity proofs), {@link
 * io.trainproof.signing.credential} (Open Badges 3.0 certificates, policy attestations,
 * verification codes), {@link io.trainproof.signing.status} (Bitstring Status List revocation) and
 * {@link io.trainproof.signing.verify} (the offline verifier). {@code
 * io.trainproof.signing.internal} is not API.
 */
@NullMarked
package io.trainproof.signing;

import org.jspecify.annotations.NullMarked;
