package io.trainproof.reporting.internal;

import io.trainproof.core.audit.AuditChain;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * File names inside an evidence pack, unique by construction. An external id that is already a safe
 * file name (letters, digits, {@code . _ -}, not starting with a dot, at most {@value #MAX_BASE}
 * characters) and that no other id in the pack matches ignoring case keeps its own name. Any other
 * id gets its sanitized form followed by {@code ~} and the first 16 hex digits of the SHA-256 of
 * the id: {@code ~} never occurs in a kept name, so a hashed name cannot equal a kept one, and two
 * hashed names differ unless their ids' hashes share 64 bits (checked, and then the whole hash is
 * used). Names are also unique ignoring case, for case-insensitive file systems.
 */
final class PackFileNames {
  static final int MAX_BASE = 80;
  private static final int SHORT_HASH = 16;

  private final Map<String, String> names;

  private PackFileNames(Map<String, String> names) {
    this.names = names;
  }

  /**
   * @param externalId one of the ids the names were made for
   * @return its file name, without extension
   */
  String nameOf(String externalId) {
    String name = names.get(externalId);
    if (name == null) {
      throw new IllegalArgumentException("no file name was made for this external id");
    }
    return name;
  }

  /**
   * @param ids the external ids, each distinct
   * @return each id's file name (without extension)
   */
  static PackFileNames of(Collection<String> ids) {
    Map<String, Integer> caseless = new HashMap<>();
    for (String id : ids) {
      caseless.merge(id.toLowerCase(Locale.ROOT), 1, Integer::sum);
    }
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, String> taken = new HashMap<>();
    for (String id : ids) {
      String safe = sanitize(id);
      boolean keep = safe.equals(id) && caseless.getOrDefault(id.toLowerCase(Locale.ROOT), 0) == 1;
      String name = keep ? id : safe + "~" + AuditChain.sha256(id).substring(0, SHORT_HASH);
      if (taken.containsKey(name.toLowerCase(Locale.ROOT))) {
        name = safe + "~" + AuditChain.sha256(id);
      }
      String previous = taken.putIfAbsent(name.toLowerCase(Locale.ROOT), id);
      if (previous != null && !previous.equals(id)) {
        throw new IllegalStateException("two external ids share a SHA-256 hash");
      }
      names.put(id, name);
    }
    return new PackFileNames(names);
  }

  static String sanitize(String externalId) {
    String safe = externalId.replaceAll("[^A-Za-z0-9._-]", "_");
    if (safe.length() > MAX_BASE) {
      safe = safe.substring(0, MAX_BASE);
    }
    return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
  }
}
