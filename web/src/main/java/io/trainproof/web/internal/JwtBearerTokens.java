package io.trainproof.web.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * The module's JWT bearer tokens: the host's {@link JwtDecoder} (Spring Boot makes one from {@code
 * spring.security.oauth2.resourceserver.jwt.*}) checks a bearer credential shaped like a JWT; its
 * {@code scope} claim becomes {@code SCOPE_<scope>} authorities (Spring Security's default). An API
 * key is never handed to the decoder. Thread-safe.
 */
public final class JwtBearerTokens implements JwtResourceServer {
  private final ObjectProvider<JwtDecoder> decoders;

  /**
   * @param decoders the host's decoder, when it has one
   */
  public JwtBearerTokens(ObjectProvider<JwtDecoder> decoders) {
    this.decoders = decoders;
  }

  @Override
  public boolean configure(HttpSecurity http, SecurityProblems problems) throws Exception {
    JwtDecoder decoder = decoders.getIfUnique();
    if (decoder == null) {
      return false;
    }
    DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
    http.oauth2ResourceServer(
        o ->
            o.bearerTokenResolver(
                    request -> {
                      String token = header.resolve(request);
                      return token != null && ApiKeyFilter.looksLikeJwt(token) ? token : null;
                    })
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems)
                .jwt(jwt -> jwt.decoder(decoder)));
    return true;
  }
}
