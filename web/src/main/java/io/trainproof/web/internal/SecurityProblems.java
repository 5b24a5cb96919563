package io.trainproof.web.internal;

import io.trainproof.web.vcapi.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Spring Security's refusals as Problem Details: 401 with {@code WWW-Authenticate: Bearer} when no
 * (valid) credential was sent, 403 with {@code error="insufficient_scope"} when the caller lacks
 * the endpoint's scope, and 403 naming the CSRF token when a form post has none. Stateless.
 */
public final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {
  private final String basePath;

  /**
   * @param basePath the module's base path
   */
  public SecurityProblems(String basePath) {
    this.basePath = basePath;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    response.setHeader("WWW-Authenticate", "Bearer realm=\"trainproof\"");
    Problems.write(
        response, 401, "Authorization: authentication required (Bearer API key or access token)");
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    if (e instanceof CsrfException) {
      Problems.write(
          response, 403, "_csrf: the form's CSRF token is missing or not this session's");
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String scope = path.startsWith(basePath + "/dashboard") ? Caller.DASHBOARD : Caller.ISSUE;
    response.setHeader(
        "WWW-Authenticate",
        "Bearer realm=\"trainproof\", error=\"insufficient_scope\", scope=\"" + scope + "\"");
    Problems.write(response, 403, "scope: the caller lacks the scope " + scope);
  }
}
