package io.trainproof.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds a form post before anything parses it (the CSRF filter reads its parameters): a {@code
 * POST} that is not JSON must declare a {@code Content-Length} (411 otherwise) of at most {@value
 * #MAX_FORM_BYTES} bytes (413 beyond). JSON bodies are bounded where they are read. Thread-safe.
 */
public final class FormLimitFilter extends OncePerRequestFilter {
  /** The largest form body, in bytes (a pasted certificate fits many times). */
  public static final int MAX_FORM_BYTES = 64 * 1024;

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String type = request.getContentType();
    boolean json = type != null && type.toLowerCase(Locale.ROOT).contains("json");
    if (request.getMethod().equals("POST") && !json) {
      long length = request.getContentLengthLong();
      if (length < 0) {
        Problems.write(response, 411, "Content-Length: a form post must declare its length");
        return;
      }
      if (length > MAX_FORM_BYTES) {
        Problems.write(
            response, 413, "the request body is larger than " + MAX_FORM_BYTES + " bytes");
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
