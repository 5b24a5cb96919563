package io.trainproof.signing.credential;

/**
 * A signed credential and what the host stores next to it.
 *
 * @param json the signed credential, JSON text
 * @param credentialId its {@code id} ({@code urn:uuid:…})
 * @param verificationCode the short code a person types on the verification page
 * @param statusIndex its index in the issuer's status lists (revocation and superseded)
 */
public record IssuedCredential(
    String json, String credentialId, String verificationCode, int statusIndex) {}
