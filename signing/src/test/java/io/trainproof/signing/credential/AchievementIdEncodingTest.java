package io.trainproof.signing.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link AchievementInfo#achievementId()} encodes each part as URLEncoder does, ':' as %3A. */
class AchievementIdEncodingTest {
  private static final String CHARS = "aZ09.-*_ :/?#%+~é€😀\u0000";

  @Test
  void encodesAsUrlEncoderDoes() {
    Random random = new Random(5);
    for (int i = 0; i < 5_000; i++) {
      String course = "c" + text(random);
      String version = "v" + text(random);
      AchievementInfo info = new AchievementInfo(course, version, "n", "d", "c");
      assertThat(info.achievementId())
          .isEqualTo("urn:trainproof:achievement:" + reference(course) + ":" + reference(version));
    }
  }

  private static String reference(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace(":", "%3A");
  }

  private static String text(Random random) {
    StringBuilder out = new StringBuilder();
    for (int k = random.nextInt(6); k > 0; k--) {
      out.appendCodePoint(
          CHARS.codePointAt(
              CHARS.offsetByCodePoints(
                  0, random.nextInt(CHARS.codePointCount(0, CHARS.length())))));
    }
    return out.toString();
  }
}
