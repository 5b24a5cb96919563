package io.trainproof.signing.credential;

import io.trainproof.core.ValidationException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The course version a certificate is for, as an Open Badges {@code Achievement}. There is one
 * achievement id per course version.
 *
 * @param courseId the course's stable id
 * @param courseVersion the version completed
 * @param name the course name
 * @param description what it covers
 * @param criteria what earning it took (the {@code Criteria} narrative)
 */
public record AchievementInfo(
    String courseId, String courseVersion, String name, String description, String criteria) {

  /**
   * Validates.
   *
   * @param courseId the course id
   * @param courseVersion the version
   * @param name the name
   * @param description the description
   * @param criteria the criteria narrative
   */
  public AchievementInfo {
    requireText("courseId", courseId);
    requireText("courseVersion", courseVersion);
    requireText("name", name);
    requireText("description", description);
    requireText("criteria", criteria);
  }

  /**
   * @return {@code urn:trainproof:achievement:<courseId>:<courseVersion>} (URL-encoded parts)
   */
  public String achievementId() {
    return "urn:trainproof:achievement:" + encode(courseId) + ":" + encode(courseVersion);
  }

  private static String encode(String part) {
    // why: URLEncoder leaves letters, digits and . - * _ as they are (course codes and version
    // ids are such), so those parts skip it; it is on every issuance
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (!((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '.'
          || c == '-'
          || c == '*'
          || c == '_')) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace(":", "%3A");
      }
    }
    return part;
  }

  static void requireText(String field, String value) {
    if (value.isBlank()) {
      throw new ValidationException(field, value, "must not be blank");
    }
  }
}
