package io.trainproof.signing.verify;

/** Why a check failed. Each is distinct so that a verification page can say what is wrong. */
public enum FailureReason {
  /** The input is not JSON (or, as bytes, not UTF-8), repeats a key, or has trailing content. */
  MALFORMED_JSON,
  /** The input is larger or deeper than the verifier's limits. */
  INPUT_TOO_LARGE,
  /**
   * The JSON is not a credential (not an object, no issuer, a date that does not parse, a status
   * entry without its list or with an index that is not a number inside the list).
   */
  MALFORMED_CREDENTIAL,
  /** The credential carries no proof. */
  MISSING_PROOF,
  /** A proof lacks a required member or has the wrong type. */
  MALFORMED_PROOF,
  /** A proof names a cryptosuite this verifier does not implement. */
  UNKNOWN_CRYPTOSUITE,
  /** {@code proofValue} is not base58btc multibase ({@code z…}). */
  MALFORMED_MULTIBASE,
  /** The proof's {@code @context} is not a prefix of the document's. */
  PROOF_CONTEXT_NOT_PREFIX,
  /** {@code previousProof} names a proof that is not present. */
  UNKNOWN_PREVIOUS_PROOF,
  /** The verification method is neither a {@code did:key} nor a key in the trust bundle. */
  UNKNOWN_KEY,
  /** The key is of the wrong type for the suite, or is not the issuer's key. */
  WRONG_KEY,
  /**
   * The verification method is a key of a type Trainproof recognises but does not support (an ECDSA
   * key on P-384 or P-521, multicodec {@code 0x1201} / {@code 0x1202}).
   */
  UNSUPPORTED_KEY_TYPE,
  /** The content cannot be canonicalized (e.g. JSON-LD that is not valid, an unknown context). */
  UNCANONICALIZABLE_CONTENT,
  /**
   * JSON-LD safe mode ({@code eddsa-rdfc-2022}): expansion or conversion to RDF would drop a term,
   * a type or a value (a term or type no context defines, a relative IRI, an ill-formed language
   * tag, ...), so the signature would not cover everything the credential says.
   */
  UNSAFE_JSON_LD,
  /**
   * Canonicalizing the content would take more work than the verifier allows ({@code
   * CanonicalizationLimits}: values, quads, blank nodes, steps or time).
   */
  CANONICALIZATION_LIMIT,
  /** The signature does not verify: the content or the proof was changed after signing. */
  TAMPERED_CONTENT,
  /** The proof was created at or after its key was retired. */
  KEY_RETIRED_BEFORE_PROOF,
  /** The proof was created before its key became active. */
  KEY_NOT_YET_ACTIVE,
  /** {@code validUntil} has passed. */
  EXPIRED,
  /** {@code validFrom} has not come yet. */
  NOT_YET_VALID,
  /** The issuer revoked the credential. */
  REVOKED,
  /** A renewal superseded the credential. */
  SUPERSEDED,
  /**
   * A status list the credential refers to is not in the trust bundle, does not verify, or is not a
   * {@code BitstringStatusListCredential} of the entry's purpose signed by its issuer.
   */
  STATUS_UNAVAILABLE,
  /**
   * A status list is past its own {@code validUntil} (or, stating none, older than {@link
   * VerificationPolicy#statusListMaxAge()}; stating no date at all), or is older than one the
   * verifier has already seen ({@link SeenStatusLists}): a replayed list from before a revocation.
   */
  STALE_STATUS_LIST,
  /**
   * A {@code credentialStatus} entry this verifier cannot check: not an object, a type other than
   * {@code BitstringStatusListEntry} (e.g. {@code StatusList2021Entry}), a {@code statusPurpose}
   * other than {@code revocation} or {@code superseded} (e.g. {@code suspension}, {@code
   * Revocation}), or a {@code statusSize} other than 1. The status is unknown, so the credential is
   * not accepted.
   */
  UNSUPPORTED_STATUS,
  /** The issuer is not in the trust bundle. */
  UNKNOWN_ISSUER;

  /**
   * What this reason means, in words a person reads (a verification page, a command's output): the
   * one wording of each reason, so that no page shows the constant's name.
   *
   * @return a short lower-case phrase, e.g. "changed after it was signed"
   */
  public String description() {
    return switch (this) {
      case MALFORMED_JSON -> "not well-formed JSON";
      case INPUT_TOO_LARGE -> "larger or more deeply nested than a verifier accepts";
      case MALFORMED_CREDENTIAL -> "not shaped like a credential";
      case MISSING_PROOF -> "carries no signature";
      case MALFORMED_PROOF -> "its signature block is incomplete or malformed";
      case UNKNOWN_CRYPTOSUITE -> "signed with a method this verifier does not implement";
      case MALFORMED_MULTIBASE -> "its signature value is not encoded as the standard requires";
      case PROOF_CONTEXT_NOT_PREFIX -> "its signature's contexts do not match the credential's";
      case UNKNOWN_PREVIOUS_PROOF -> "a chained signature names one that is not there";
      case UNKNOWN_KEY -> "signed with a key this verifier does not know";
      case WRONG_KEY -> "signed with a key that is not the issuer's or not of the right kind";
      case UNSUPPORTED_KEY_TYPE -> "signed with a kind of key this verifier does not support";
      case UNCANONICALIZABLE_CONTENT -> "its content cannot be put in the form that was signed";
      case UNSAFE_JSON_LD ->
          "it says things its vocabulary does not define, which a signature" + " would not cover";
      case CANONICALIZATION_LIMIT -> "checking it would take more work than a verifier allows";
      case TAMPERED_CONTENT -> "changed after it was signed";
      case KEY_RETIRED_BEFORE_PROOF -> "signed after the issuer retired the key";
      case KEY_NOT_YET_ACTIVE -> "signed before the key came into use";
      case EXPIRED -> "expired";
      case NOT_YET_VALID -> "not valid yet";
      case REVOKED -> "revoked by the issuer";
      case SUPERSEDED -> "replaced by a newer credential";
      case STATUS_UNAVAILABLE -> "the issuer's status list cannot be checked";
      case STALE_STATUS_LIST -> "the issuer's status list is out of date";
      case UNSUPPORTED_STATUS -> "it has a status this verifier cannot check";
      case UNKNOWN_ISSUER -> "the issuer is not one this verifier trusts";
    };
  }
}
