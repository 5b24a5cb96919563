package io.trainproof.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The wallet page's QR code reads back as the URL it was made from. */
class QrSvgTest {
  private static final Pattern VIEW = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
  private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");
  private static final int SCALE = 4;

  @Test
  void theCodeDecodesToTheInteractionUrl() throws Exception {
    String url =
        "https://lms.example/trainproof/wallet/interactions/"
            + "Qm9ndXMtc2VjcmV0LWZvci1hLXRlc3Qtb25seS0xMjM0NTY?iuv=1";
    String uri = QrSvg.dataUri(url);
    assertThat(uri).startsWith("data:image/svg+xml;base64,");
    String svg =
        new String(
            Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1)),
            StandardCharsets.UTF_8);
    Matcher view = VIEW.matcher(svg);
    assertThat(view.find()).isTrue();
    int size = Integer.parseInt(view.group(1));
    int[] pixels = new int[size * SCALE * size * SCALE];
    Arrays.fill(pixels, 0xFFFFFFFF);
    Matcher m = MODULE.matcher(svg);
    int modules = 0;
    while (m.find()) {
      modules++;
      int x = Integer.parseInt(m.group(1));
      int y = Integer.parseInt(m.group(2));
      for (int dy = 0; dy < SCALE; dy++) {
        for (int dx = 0; dx < SCALE; dx++) {
          pixels[(y * SCALE + dy) * size * SCALE + x * SCALE + dx] = 0xFF000000;
        }
      }
    }
    assertThat(modules).isGreaterThan(100);
    BinaryBitmap bitmap =
        new BinaryBitmap(
            new HybridBinarizer(new RGBLuminanceSource(size * SCALE, size * SCALE, pixels)));
    assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(url);
  }

  @Test
  void tooMuchTextIsRefused() {
    assertThatThrownBy(() -> QrSvg.dataUri("x".repeat(QrSvg.MAX_TEXT + 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
