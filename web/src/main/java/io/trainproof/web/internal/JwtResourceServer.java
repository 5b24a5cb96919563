package io.trainproof.web.internal;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Turns on the OAuth 2.0 resource server for the module's chain when the host configured a JWT
 * decoder ({@code spring.security.oauth2.resourceserver.jwt.*}); an interface, so the chain's code
 * loads no JOSE class when the host has none on its class path.
 */
public interface JwtResourceServer {
  /**
   * @param http the module's chain
   * @param problems the refusals as Problem Details
   * @return true when a JWT decoder was found and the resource server configured
   * @throws Exception as Spring Security's configurers do
   */
  boolean configure(HttpSecurity http, SecurityProblems problems) throws Exception;
}
