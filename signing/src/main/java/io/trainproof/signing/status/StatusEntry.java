package io.trainproof.signing.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.ValidationException;
import io.trainproof.signing.jcs.StrictJson;

/**
 * One {@code BitstringStatusListEntry} of a credential.
 *
 * @param statusListCredential the URL of the status list credential
 * @param purpose the purpose
 * @param index the entry's index in that list
 */
public record StatusEntry(String statusListCredential, StatusPurpose purpose, int index) {
  /**
   * Validates.
   *
   * @param statusListCredential the list URL
   * @param purpose the purpose
   * @param index the index
   */
  public StatusEntry {
    if (index < 0) {
      throw new ValidationException("index", index, "must not be negative");
    }
  }

  /**
   * @return the entry as it appears in {@code credentialStatus}
   */
  public ObjectNode toJson() {
    ObjectNode entry = StrictJson.mapper().createObjectNode();
    entry.put("id", statusListCredential + "#" + index);
    entry.put("type", "BitstringStatusListEntry");
    entry.put("statusPurpose", purpose.value());
    // why: the standard writes the index as a string of decimal digits
    entry.put("statusListIndex", Integer.toString(index));
    entry.put("statusListCredential", statusListCredential);
    return entry;
  }
}
