package io.trainproof.signing.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link AchievementInfo#achievementId()} URL-encodes each part (a colon too, so that the parts
 * stay apart), for every char, whichever path the encoding takes.
 */
class AchievementIdEveryCharTest {

  private static String encoded(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace(":", "%3A");
  }

  @Test
  void eachPartIsUrlEncodedForEveryCharUpToU0400() {
    for (int c = 0; c < 0x400; c++) {
      String alone = String.valueOf((char) c);
      String inside = "a" + (char) c + "Z9";
      if (alone.isBlank()) {
        continue;
      }
      AchievementInfo info = new AchievementInfo(alone, inside, "n", "d", "c");
      assertThat(info.achievementId())
          .as("U+%04X", c)
          .isEqualTo("urn:trainproof:achievement:" + encoded(alone) + ":" + encoded(inside));
    }
  }

  @Test
  void partsOfOnlySafeCharsAreKeptAsTheyAre() {
    AchievementInfo info = new AchievementInfo("azAZ09.-*_", "2026.1", "n", "d", "c");
    assertThat(info.achievementId()).isEqualTo("urn:trainproof:achievement:azAZ09.-*_:2026.1");
  }
}
