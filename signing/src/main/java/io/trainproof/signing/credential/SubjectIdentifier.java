package io.trainproof.signing.credential;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.ValidationException;
import io.trainproof.signing.internal.Crypto;
import io.trainproof.signing.internal.Hex;
import io.trainproof.signing.jcs.StrictJson;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How a certificate names its holder without exposing more than needed: the host's member id (Open
 * Badges {@code IdentityObject}, {@code identityType: systemId}, not hashed), or a salted SHA-256
 * of the e-mail address ({@code identityType: emailAddress}, {@code hashed: true}, {@code
 * identityHash: "sha256$" + hex(SHA-256(email + salt))}, as Open Badges 3.0 defines it; the e-mail
 * is trimmed and lower-cased first).
 *
 * @param identityType {@code systemId} or {@code emailAddress}
 * @param identityHash the member id, or {@code sha256$…}
 * @param hashed whether {@code identityHash} is a hash
 * @param salt the salt of a hash, or null
 */
public record SubjectIdentifier(
    String identityType, String identityHash, boolean hashed, @Nullable String salt) {

  /**
   * Names the subject by the host's member id.
   *
   * @param memberId the member id
   * @return the identifier
   */
  public static SubjectIdentifier memberId(String memberId) {
    if (memberId.isBlank()) {
      throw new ValidationException("memberId", memberId, "must not be blank");
    }
    return new SubjectIdentifier("systemId", memberId, false, null);
  }

  /**
   * Names the subject by a salted hash of an e-mail address.
   *
   * @param email the address (never written to the credential)
   * @param salt a random salt, kept by the host so it can match the hash later
   * @return the identifier
   */
  public static SubjectIdentifier hashedEmail(String email, String salt) {
    String normalized = email.trim().toLowerCase(Locale.ROOT);
    if (!normalized.contains("@")) {
      throw new ValidationException("email", null, "is not an e-mail address");
    }
    if (salt.length() < 8) {
      throw new ValidationException("salt", null, "must be at least 8 characters");
    }
    String hash =
        "sha256$" + Hex.encode(Crypto.sha256((normalized + salt).getBytes(StandardCharsets.UTF_8)));
    return new SubjectIdentifier("emailAddress", hash, true, salt);
  }

  /**
   * @return the Open Badges {@code IdentityObject}
   */
  public ObjectNode toJson() {
    ObjectNode identity = StrictJson.mapper().createObjectNode();
    identity.put("type", "IdentityObject");
    identity.put("identityHash", identityHash);
    identity.put("identityType", identityType);
    identity.put("hashed", hashed);
    if (salt != null) {
      identity.put("salt", salt);
    }
    return identity;
  }
}
