package io.trainproof.signing.credential;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.jcs.StrictJson;
import org.jspecify.annotations.Nullable;

/**
 * One Open Badges {@code Evidence} entry: what supports the achievement (a completion record, a
 * score, a file's hash), never PHI.
 *
 * @param id a URL or URN of the evidence, or null
 * @param name a short name
 * @param description a longer description, or null
 * @param narrative how it was obtained, or null
 */
public record EvidenceItem(
    @Nullable String id, String name, @Nullable String description, @Nullable String narrative) {

  /**
   * Validates.
   *
   * @param id the id or null
   * @param name the name
   * @param description the description or null
   * @param narrative the narrative or null
   */
  public EvidenceItem {
    AchievementInfo.requireText("evidence.name", name);
  }

  ObjectNode toJson() {
    ObjectNode evidence = StrictJson.mapper().createObjectNode();
    if (id != null) {
      evidence.put("id", id);
    }
    evidence.putArray("type").add("Evidence");
    evidence.put("name", name);
    if (description != null) {
      evidence.put("description", description);
    }
    if (narrative != null) {
      evidence.put("narrative", narrative);
    }
    return evidence;
  }
}
