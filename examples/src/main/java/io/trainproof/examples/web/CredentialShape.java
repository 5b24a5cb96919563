package io.trainproof.examples.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The VC data model checks made before the host signs a credential (VC Data Model 2.0 §4, and 1.1
 * for a credential on the v1 context): {@code @context} starts with the VC context, {@code type}
 * includes {@code VerifiableCredential}, {@code credentialSubject} is an object or a non-empty list
 * of objects, {@code id} is a string, {@code issuer} is a string or an object with a string {@code
 * id}, and the dates are well-formed XML Schema dateTimes ({@code validFrom} and {@code validUntil}
 * with a time zone, v1's {@code issuanceDate} and {@code expirationDate} with or without), {@code
 * validFrom} not after {@code validUntil}. A refusal names the field, never its value. Stateless.
 *
 * <p>To be consolidated with the validator the signing module is getting.
 */
final class CredentialShape {
  static final String V2 = "https://www.w3.org/ns/credentials/v2";
  static final String V1 = "https://www.w3.org/2018/credentials/v1";

  /** XML Schema 1.1 dateTime (the VC 2.0 spec's expression), the time zone in group 4. */
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "-?([1-9][0-9]{3,8}|0[0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
              + "T(?:(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]+)?|24:00:00(?:\\.0+)?)"
              + "(Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))?");

  private CredentialShape() {}

  /**
   * Checks a credential before signing.
   *
   * @param credential the credential without a proof
   * @return what is wrong, naming the field; empty when it may be signed
   */
  static Optional<String> problem(ObjectNode credential) {
    JsonNode context = credential.get("@context");
    JsonNode first = context != null && context.isArray() ? context.get(0) : context;
    if (first == null
        || !first.isTextual()
        || !(first.textValue().equals(V2) || first.textValue().equals(V1))) {
      return Optional.of("@context: the first entry must be " + V2 + " (or " + V1 + ")");
    }
    for (JsonNode entry : context.isArray() ? context : credential.arrayNode().add(context)) {
      if (!entry.isTextual() && !entry.isObject()) {
        return Optional.of("@context: every entry must be a URL or an object");
      }
    }
    if (!strings(credential.get("type"))) {
      return Optional.of("type: must be a string or a list of strings");
    }
    if (!includes(credential.get("type"), "VerifiableCredential")) {
      return Optional.of("type: must include VerifiableCredential");
    }
    JsonNode subject = credential.get("credentialSubject");
    if (subject == null) {
      return Optional.of("credentialSubject: is required");
    }
    if (!subjects(subject)) {
      return Optional.of("credentialSubject: must be an object or a non-empty list of objects");
    }
    JsonNode id = credential.get("id");
    if (id != null && !id.isTextual()) {
      return Optional.of("id: must be a string (a URL)");
    }
    JsonNode issuer = credential.get("issuer");
    if (issuer != null && !issuer.isTextual() && !(issuer.isObject() && issuer.has("id"))) {
      return Optional.of("issuer: must be a URL or an object with an id");
    }
    if (issuer != null && issuer.isObject() && !issuer.get("id").isTextual()) {
      return Optional.of("issuer.id: must be a string (a URL)");
    }
    return dates(credential);
  }

  private static Optional<String> dates(ObjectNode credential) {
    for (String field : new String[] {"validFrom", "validUntil"}) {
      if (credential.has(field) && !dateTime(credential.get(field), true)) {
        return Optional.of(field + ": must be an XML Schema dateTime with a time zone");
      }
    }
    for (String field : new String[] {"issuanceDate", "expirationDate"}) {
      if (credential.has(field) && !dateTime(credential.get(field), false)) {
        return Optional.of(field + ": must be an XML Schema dateTime");
      }
    }
    if (credential.has("validFrom") && credential.has("validUntil")) {
      OffsetDateTime from = parse(credential.get("validFrom").textValue());
      OffsetDateTime until = parse(credential.get("validUntil").textValue());
      if (from != null && until != null && from.isAfter(until)) {
        return Optional.of("validUntil: is before validFrom");
      }
    }
    return Optional.empty();
  }

  static boolean dateTime(JsonNode value, boolean zoneRequired) {
    if (!value.isTextual()) {
      return false;
    }
    Matcher m = DATE_TIME.matcher(value.textValue());
    if (!m.matches() || (zoneRequired && m.group(4) == null)) {
      return false;
    }
    String text = value.textValue();
    boolean negative = text.startsWith("-");
    int year = Integer.parseInt(m.group(1)) * (negative ? -1 : 1);
    return YearMonth.of(year, Integer.parseInt(m.group(2)))
        .isValidDay(Integer.parseInt(m.group(3)));
  }

  private static @Nullable OffsetDateTime parse(String text) {
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      return null; // why: years past 9999 or 24:00:00 are well-formed but not compared
    }
  }

  private static boolean strings(JsonNode node) {
    if (node == null) {
      return false;
    }
    if (node.isTextual()) {
      return true;
    }
    if (!node.isArray() || node.isEmpty()) {
      return false;
    }
    for (JsonNode n : node) {
      if (!n.isTextual()) {
        return false;
      }
    }
    return true;
  }

  static boolean includes(JsonNode types, String type) {
    if (types == null) {
      return false;
    }
    if (types.isTextual()) {
      return types.textValue().equals(type);
    }
    for (JsonNode n : types) {
      if (n.isTextual() && n.textValue().equals(type)) {
        return true;
      }
    }
    return false;
  }

  private static boolean subjects(JsonNode subject) {
    if (subject.isObject()) {
      return true;
    }
    if (!subject.isArray() || subject.isEmpty()) {
      return false;
    }
    for (JsonNode n : subject) {
      if (!n.isObject()) {
        return false;
      }
    }
    return true;
  }
}
