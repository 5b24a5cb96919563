package io.trainproof.web.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * QR codes as SVG data URIs, for pages whose Content-Security-Policy allows images only from {@code
 * data:}. Medium error correction and a four-module quiet zone, as phone cameras and wallet
 * scanners expect. Stateless.
 */
final class QrSvg {
  /** The longest text encoded (a credential offer with its URL-encoded JSON fits easily). */
  static final int MAX_TEXT = 2000;

  private QrSvg() {}

  /**
   * @param text what the code says
   * @return {@code data:image/svg+xml;base64,…}
   */
  static String dataUri(String text) {
    if (text.length() > MAX_TEXT) {
      throw new IllegalArgumentException(
          "a QR code holds at most " + MAX_TEXT + " characters here");
    }
    BitMatrix m;
    try {
      m =
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      4,
                      EncodeHintType.CHARACTER_SET,
                      "UTF-8"));
    } catch (WriterException e) {
      throw new IllegalArgumentException("the text does not fit a QR code", e);
    }
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < m.getHeight(); y++) {
      for (int x = 0; x < m.getWidth(); x++) {
        if (m.get(x, y)) {
          path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    String svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
            + m.getWidth()
            + " "
            + m.getHeight()
            + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\""
            + " fill=\"#fff\"/><path fill=\"#000\" d=\""
            + path
            + "\"/></svg>";
    return "data:image/svg+xml;base64,"
        + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
  }
}
