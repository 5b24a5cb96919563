package io.trainproof.signing.credential;

import com.fasterxml.jackson.databind.JsonNode;
import io.trainproof.core.ValidationException;
import io.trainproof.signing.internal.Sanitized;
import io.trainproof.signing.proof.JsonLdContexts;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks that a JSON document has the shape of a verifiable credential before it is signed, per the
 * W3C Verifiable Credentials Data Model 2.0 (first {@code @context} {@code
 * https://www.w3.org/ns/credentials/v2}) or 1.1 (first {@code @context} {@code
 * https://www.w3.org/2018/credentials/v1}). {@link io.trainproof.signing.proof.DataIntegrity}
 * refuses to sign a document that claims one of these contexts and fails here; a host that takes
 * credentials to sign (such as a VC API {@code /credentials/issue} endpoint) calls {@link #check}
 * first and answers 422 with the {@link ValidationException#field()} and message.
 *
 * <p>What is required: {@code @context} a string or an array whose first item is one of the two
 * contexts above; {@code type} a string or an array of strings containing {@code
 * VerifiableCredential}; {@code issuer} a URL or an object whose {@code id} is a URL; {@code
 * credentialSubject} a non-empty object or a non-empty array of non-empty objects; {@code id}, when
 * present, a URL; every {@code @context} entry a URL or an object. Dates are XML Schema
 * dateTimeStamps (a date, a time to the second or finer, and a time zone): for VC 2.0 {@code
 * validFrom} and {@code validUntil} (both optional; {@code validUntil} not before {@code
 * validFrom}), and no VC 1.1 date; for VC 1.1 {@code issuanceDate} (required) and {@code
 * expirationDate} (optional, not before {@code issuanceDate}). {@code credentialStatus}, {@code
 * credentialSchema}, {@code evidence}, {@code termsOfUse} and {@code refreshService}, when present,
 * are objects (or arrays of objects) with a {@code type}.
 *
 * <p>A {@code VerifiablePresentation} is not a credential and is not checked here. Messages name
 * the field and never echo its content, except a date, shown bounded and sanitized. Stateless and
 * thread-safe.
 */
public final class CredentialShape {
  /** A scheme and something after it: what tells a URL from a relative reference or a word. */
  private static final Pattern URL = Pattern.compile("(?s)[A-Za-z][A-Za-z0-9+.-]*:.+");

  private static final Pattern DATE_TIME_STAMP =
      Pattern.compile(
          "-?[0-9]{4,}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?"
              + "(Z|[+-][0-9]{2}:[0-9]{2})");
  private static final int MAX_OFFSET_SECONDS = 14 * 3600;
  private static final List<String> TYPED_MEMBERS =
      List.of("credentialStatus", "credentialSchema", "evidence", "termsOfUse", "refreshService");

  private CredentialShape() {}

  /**
   * One thing wrong with a credential.
   *
   * @param field where: a member name, or a path such as {@code credentialStatus[1].type}
   * @param reason what is wrong, without the content
   */
  public record Problem(String field, String reason) {}

  /**
   * Whether a document claims to be a verifiable credential: its first {@code @context} is the VC
   * 2.0 or VC 1.1 context and its {@code type} does not name {@code VerifiablePresentation}.
   *
   * @param document the document
   * @return true when {@link #check} applies to it
   */
  public static boolean claimsToBeACredential(JsonNode document) {
    String first = firstContext(document);
    return (JsonLdContexts.CREDENTIALS_V2.equals(first)
            || JsonLdContexts.CREDENTIALS_V1.equals(first))
        && !hasType(document, "VerifiablePresentation");
  }

  /**
   * Everything wrong with a credential's shape.
   *
   * @param credential the credential (with or without proof)
   * @return the problems, in document order; empty when it has a credential's shape
   */
  public static List<Problem> problems(JsonNode credential) {
    List<Problem> problems = new ArrayList<>();
    if (!credential.isObject()) {
      problems.add(new Problem("credential", "must be a JSON object"));
      return problems;
    }
    String first = firstContext(credential);
    boolean v2 = JsonLdContexts.CREDENTIALS_V2.equals(first);
    boolean v1 = JsonLdContexts.CREDENTIALS_V1.equals(first);
    if (!v1 && !v2) {
      problems.add(
          new Problem(
              "@context",
              "the first context must be "
                  + JsonLdContexts.CREDENTIALS_V2
                  + " (VC 2.0) or "
                  + JsonLdContexts.CREDENTIALS_V1
                  + " (VC 1.1)"));
    }
    checkContexts(credential.get("@context"), problems);
    JsonNode id = credential.get("id");
    if (id != null && !isUrl(id)) {
      problems.add(new Problem("id", "must be a URL"));
    }
    checkType(credential, problems);
    checkIssuer(credential.get("issuer"), problems);
    checkSubject(credential.get("credentialSubject"), problems);
    if (v1) {
      dates(credential, "issuanceDate", "expirationDate", true, problems);
      forbid(credential, "validFrom", "VC 2.0; a VC 1.1 credential states issuanceDate", problems);
      forbid(
          credential, "validUntil", "VC 2.0; a VC 1.1 credential states expirationDate", problems);
    } else {
      dates(credential, "validFrom", "validUntil", false, problems);
      forbid(credential, "issuanceDate", "VC 1.1; a VC 2.0 credential states validFrom", problems);
      forbid(
          credential, "expirationDate", "VC 1.1; a VC 2.0 credential states validUntil", problems);
    }
    for (String member : TYPED_MEMBERS) {
      checkTyped(member, credential.get(member), problems);
    }
    return problems;
  }

  /**
   * Refuses a document that does not have a credential's shape.
   *
   * @param credential the credential
   * @throws ValidationException naming the field of the first problem (its value is not echoed,
   *     except a date, bounded and sanitized)
   */
  public static void check(JsonNode credential) {
    List<Problem> problems = problems(credential);
    if (!problems.isEmpty()) {
      Problem problem = problems.get(0);
      String more =
          problems.size() == 1
              ? ""
              : " (and " + (problems.size() - 1) + " more: " + fields(problems) + ")";
      throw new ValidationException(problem.field(), null, problem.reason() + more);
    }
  }

  private static String fields(List<Problem> problems) {
    List<String> names = new ArrayList<>();
    for (int i = 1; i < problems.size(); i++) {
      names.add(problems.get(i).field());
    }
    return String.join(", ", names);
  }

  private static @Nullable String firstContext(JsonNode document) {
    JsonNode context = document.get("@context");
    if (context == null) {
      return null;
    }
    JsonNode first = context.isArray() ? context.get(0) : context;
    return first != null && first.isTextual() ? first.textValue() : null;
  }

  private static boolean hasType(JsonNode document, String type) {
    JsonNode types = document.get("type");
    if (types == null) {
      return false;
    }
    if (types.isTextual()) {
      return type.equals(types.textValue());
    }
    for (JsonNode t : types) {
      if (t.isTextual() && type.equals(t.textValue())) {
        return true;
      }
    }
    return false;
  }

  private static void checkContexts(@Nullable JsonNode context, List<Problem> problems) {
    if (context == null || !context.isArray()) {
      return;
    }
    for (JsonNode entry : context) {
      if (!entry.isTextual() && !entry.isObject()) {
        problems.add(new Problem("@context", "every entry must be a URL or an object"));
        return;
      }
    }
  }

  private static void checkType(JsonNode credential, List<Problem> problems) {
    JsonNode type = credential.get("type");
    if (type == null) {
      problems.add(new Problem("type", "is required and must contain VerifiableCredential"));
      return;
    }
    boolean strings = type.isTextual();
    if (type.isArray()) {
      strings = type.size() > 0;
      for (JsonNode t : type) {
        strings &= t.isTextual() && !t.textValue().isBlank();
      }
    }
    if (!strings) {
      problems.add(new Problem("type", "must be a string or an array of strings"));
    } else if (!hasType(credential, "VerifiableCredential")) {
      problems.add(new Problem("type", "must contain VerifiableCredential"));
    }
  }

  private static void checkIssuer(@Nullable JsonNode issuer, List<Problem> problems) {
    if (issuer == null) {
      problems.add(new Problem("issuer", "is required"));
    } else if (issuer.isObject()) {
      if (!isUrl(issuer.path("id"))) {
        problems.add(new Problem("issuer.id", "must be a URL"));
      }
    } else if (!isUrl(issuer)) {
      problems.add(new Problem("issuer", "must be a URL or an object with an id"));
    }
  }

  private static void checkSubject(@Nullable JsonNode subject, List<Problem> problems) {
    if (subject == null) {
      problems.add(new Problem("credentialSubject", "is required"));
      return;
    }
    List<JsonNode> subjects = new ArrayList<>();
    if (subject.isArray()) {
      subject.forEach(subjects::add);
    } else {
      subjects.add(subject);
    }
    if (subjects.isEmpty()) {
      problems.add(new Problem("credentialSubject", "must hold at least one subject"));
    }
    for (int i = 0; i < subjects.size(); i++) {
      JsonNode one = subjects.get(i);
      String field = subject.isArray() ? "credentialSubject[" + i + "]" : "credentialSubject";
      if (!one.isObject() || one.isEmpty()) {
        problems.add(new Problem(field, "must be an object holding at least one claim"));
      } else if (one.has("id") && !isUrl(one.get("id"))) {
        problems.add(new Problem(field + ".id", "must be a URL"));
      }
    }
  }

  private static void dates(
      JsonNode credential,
      String fromName,
      String untilName,
      boolean fromRequired,
      List<Problem> problems) {
    JsonNode fromNode = credential.get(fromName);
    JsonNode untilNode = credential.get(untilName);
    if (fromNode == null && fromRequired) {
      problems.add(new Problem(fromName, "is required"));
    }
    Instant from = fromNode == null ? null : date(fromName, fromNode, problems);
    Instant until = untilNode == null ? null : date(untilName, untilNode, problems);
    if (from != null && until != null && until.isBefore(from)) {
      problems.add(new Problem(untilName, "is before " + fromName));
    }
  }

  private static @Nullable Instant date(String name, JsonNode node, List<Problem> problems) {
    if (node.isTextual() && DATE_TIME_STAMP.matcher(node.textValue()).matches()) {
      try {
        OffsetDateTime parsed = OffsetDateTime.parse(node.textValue());
        // why: XML Schema time zones run from -14:00 to +14:00
        if (Math.abs(parsed.getOffset().getTotalSeconds()) <= MAX_OFFSET_SECONDS) {
          return parsed.toInstant();
        }
      } catch (DateTimeException e) {
        // why: a field out of range (month 13, 30 February); reported below
      }
    }
    problems.add(
        new Problem(
            name,
            shown(node)
                + " is not an XML Schema dateTimeStamp (e.g. 2026-03-01T09:30:00Z; a time"
                + " zone is required)"));
    return null;
  }

  private static void forbid(
      JsonNode credential, String name, String because, List<Problem> problems) {
    if (credential.has(name)) {
      problems.add(new Problem(name, "is " + because));
    }
  }

  private static void checkTyped(String member, @Nullable JsonNode value, List<Problem> problems) {
    if (value == null) {
      return;
    }
    List<JsonNode> items = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(items::add);
    } else {
      items.add(value);
    }
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String field = value.isArray() ? member + "[" + i + "]" : member;
      if (!item.isObject()) {
        problems.add(new Problem(field, "must be an object"));
      } else if (!item.path("type").isTextual() && !item.path("type").isArray()) {
        problems.add(new Problem(field + ".type", "is required"));
      }
    }
  }

  private static boolean isUrl(JsonNode node) {
    return node.isTextual() && URL.matcher(node.textValue()).matches();
  }

  /** A value in a message: at most 40 chars of printable ASCII, quoted. */
  private static String shown(JsonNode node) {
    if (!node.isTextual()) {
      return "a " + node.getNodeType().toString().toLowerCase(Locale.ROOT);
    }
    return Sanitized.quoted(node.textValue(), 40);
  }
}
