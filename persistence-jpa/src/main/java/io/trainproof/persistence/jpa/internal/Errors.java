package io.trainproof.persistence.jpa.internal;

import io.trainproof.core.ConflictException;
import io.trainproof.core.TrainproofException;
import io.trainproof.core.ValidationException;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Translates what the provider and the JDBC driver throw into core's typed exceptions, naming the
 * entity and key: unique violations and lost updates become {@link ConflictException}, deadlocks
 * and lock timeouts too (retrying the whole operation is safe, since the transaction rolled back),
 * and other constraint violations {@link ValidationException}. Anything else is returned unchanged.
 * Stateless; thread-safe. Not API.
 */
public final class Errors {
  /** Unique constraints of the migrations, and the entity each protects. */
  private static final Map<String, String> UNIQUE =
      Map.ofEntries(
          Map.entry("uq_tp_member_external_id", "WorkforceMember"),
          Map.entry("uq_tp_policy_code", "Policy"),
          Map.entry("uq_tp_policy_version_number", "PolicyVersion"),
          Map.entry("uq_tp_course_code", "Course"),
          Map.entry("uq_tp_course_version_label", "CourseVersion"),
          Map.entry("uq_tp_assignment_dedupe_key", "Assignment"),
          Map.entry("uq_tp_audit_sequence", "AuditEntry"),
          Map.entry("uq_tp_attestation_member_version", "Attestation"),
          Map.entry("uq_tp_certificate_status_index", "Certificate"),
          Map.entry("uq_tp_issued_credential_status_index", "IssuedCredential"),
          Map.entry("uq_tp_issued_credential_credential_id", "IssuedCredential"),
          Map.entry("uq_tp_outbox_key", "Notification"),
          Map.entry("uq_tp_decision_number", "AddressableDecision"),
          Map.entry("uq_tp_certification_kind_code", "CertificationKind"),
          Map.entry("uq_tp_certification_credential", "Certification"),
          Map.entry("uq_tp_wallet_exchange_secret", "WalletExchange"),
          Map.entry("uq_tp_wallet_exchange_token", "WalletExchange"));

  private Errors() {}

  /**
   * Translates a failure of a store operation.
   *
   * @param failure what the provider threw
   * @param entity the kind of record the operation wrote
   * @param key its id or unique key
   * @return the typed exception to throw, or {@code failure} when it is of no known kind
   */
  public static RuntimeException translate(RuntimeException failure, String entity, Object key) {
    if (failure instanceof TrainproofException) {
      return failure;
    }
    String lower = messages(failure).toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> u : UNIQUE.entrySet()) {
      if (lower.contains(u.getKey())) {
        boolean same = u.getValue().equals(entity);
        return conflict(
            same ? entity : u.getValue(),
            same ? key : "constraint " + u.getKey(),
            "unique key already taken (" + u.getKey() + ")",
            failure);
      }
    }
    SQLException sql = sqlException(failure);
    if (sql != null) {
      String state = sql.getSQLState() == null ? "" : sql.getSQLState();
      int code = sql.getErrorCode();
      if (state.equals("23505") || code == 1062 || code == 1586) {
        return conflict(entity, key, "already exists", failure);
      }
      if (state.equals("40001") || state.equals("40P01") || code == 1213) {
        // why: the database gave the transaction up to resolve contention (serialization
        // failure, deadlock); the whole unit of work is run again by core's RetryPolicy
        ConflictException e =
            new ConflictException(
                entity,
                key,
                "serialization failure or deadlock (SQLState " + state + "); retry",
                true);
        e.initCause(failure);
        return e;
      }
      if (state.equals("55P03")
          || state.equals("57014")
          || state.equals("HYT00")
          || code == 1205
          || code == 1213
          || code == 50200) {
        return conflict(
            entity, key, "deadlock or lock timeout (SQLState " + state + "); retry", failure);
      }
      if (state.equals("23503") || state.equals("23506") || code == 1451 || code == 1452) {
        return validation(
            entity,
            key,
            "refers to a record that does not exist, or is still referred to",
            failure);
      }
      if (state.startsWith("23") || state.equals("22001") || code == 1406 || code == 1048) {
        return validation(
            entity, key, "violates a constraint of the schema (SQLState " + state + ")", failure);
      }
    }
    if (failure instanceof OptimisticLockException
        || hasCause(failure, OptimisticLockException.class)) {
      return conflict(entity, key, "was changed concurrently", failure);
    }
    if (failure instanceof PessimisticLockException || failure instanceof LockTimeoutException) {
      return conflict(entity, key, "lock not available; retry", failure);
    }
    if (failure instanceof EntityExistsException) {
      return conflict(entity, key, "id already exists", failure);
    }
    return failure;
  }

  private static ConflictException conflict(
      String entity, Object key, String detail, RuntimeException cause) {
    ConflictException e = new ConflictException(entity, key, detail);
    e.initCause(cause);
    return e;
  }

  private static ValidationException validation(
      String entity, Object key, String detail, RuntimeException cause) {
    ValidationException e = new ValidationException(entity, key, detail);
    e.initCause(cause);
    return e;
  }

  private static String messages(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      sb.append(c.getMessage()).append('\n');
      if (c instanceof SQLException s && s.getNextException() != null) {
        sb.append(s.getNextException().getMessage()).append('\n');
      }
    }
    return sb.toString();
  }

  private static @Nullable SQLException sqlException(Throwable t) {
    SQLException found = null;
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof SQLException s) {
        found = s;
        if (s.getNextException() != null && s.getNextException().getSQLState() != null) {
          found = s.getNextException();
        }
      }
    }
    return found;
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t.getCause(); c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }
}
