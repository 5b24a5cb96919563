package io.trainproof.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * Reads request bodies with a bound: a {@code Content-Length} over the limit is refused before a
 * byte is read, and a body without one is read only up to the limit. Stateless.
 */
final class RequestBodies {
  /** The VC API's JSON media types. */
  static final List<String> JSON_TYPES =
      List.of("application/json", "application/ld+json", "application/vc+ld+json");

  private RequestBodies() {}

  /** A body over the limit: answered 413. */
  static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge(long limit) {
      super("the request body is larger than " + limit + " bytes");
    }
  }

  /** A body that is not of the expected media type: answered 415. */
  static final class WrongType extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WrongType(String expected) {
      super("Content-Type: send the request as " + expected);
    }
  }

  /**
   * @param request the request
   * @param limit the largest body, in bytes
   * @return the body
   * @throws TooLarge when it is larger
   * @throws IOException when reading fails
   */
  static byte[] read(HttpServletRequest request, int limit) throws IOException {
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      throw new TooLarge(limit);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
    byte[] buffer = new byte[8192];
    try (InputStream in = request.getInputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (out.size() + n > limit) {
          throw new TooLarge(limit);
        }
        out.write(buffer, 0, n);
      }
    }
    return out.toByteArray();
  }

  /**
   * Checks that the body is JSON.
   *
   * @param request the request
   * @throws WrongType when it is not
   */
  static void requireJson(HttpServletRequest request) {
    String type = request.getContentType();
    String bare = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!JSON_TYPES.contains(bare)) {
      throw new WrongType("application/json");
    }
  }
}
