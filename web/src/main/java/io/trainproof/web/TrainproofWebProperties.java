package io.trainproof.web;

import io.trainproof.web.vcapi.ApiKeys;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web module's settings, {@code trainproof.web.*}. Immutable.
 *
 * @param basePath where every endpoint lives ({@code /trainproof} by default): {@code
 *     <base>/credentials/issue}, {@code <base>/verify}, {@code <base>/did.json}, ...; a path of
 *     letters, digits, {@code -} and {@code _} segments, starting with {@code /} and not ending
 *     with one
 * @param apiKeys API keys for small installs, held as SHA-256 hashes ({@code
 *     trainproof.web.api-keys[0].sha256}, {@code .actor-id}, {@code .scopes}); a host may instead
 *     supply an {@link ApiKeys} bean
 */
@ConfigurationProperties("trainproof.web")
public record TrainproofWebProperties(
    @DefaultValue("/trainproof") String basePath, @DefaultValue List<ApiKey> apiKeys) {

  private static final Pattern BASE = Pattern.compile("(/[A-Za-z0-9_-]+)+");

  /** Checks the base path and copies the keys. */
  public TrainproofWebProperties {
    if (!BASE.matcher(basePath).matches()) {
      throw new IllegalArgumentException(
          "trainproof.web.base-path must be like /trainproof (segments of A-Z a-z 0-9 - _, no"
              + " trailing /), was '"
              + basePath
              + "'");
    }
    apiKeys = List.copyOf(apiKeys);
  }

  /**
   * One API key, by its hash.
   *
   * @param sha256 the SHA-256 of the key's UTF-8 bytes, 64 lowercase hex digits ({@code printf %s
   *     "$KEY" | sha256sum})
   * @param actorId who the key acts as
   * @param scopes the scopes it grants, e.g. {@code credentials:issue}
   */
  public record ApiKey(String sha256, String actorId, List<String> scopes) {
    /** Copies the scopes. */
    public ApiKey {
      scopes = List.copyOf(scopes);
    }
  }

  /**
   * @return the configured keys, checked (a malformed entry fails naming its index)
   */
  ApiKeys keys() {
    List<ApiKeys.Entry> entries = new ArrayList<>();
    for (int i = 0; i < apiKeys.size(); i++) {
      ApiKey k = apiKeys.get(i);
      try {
        entries.add(new ApiKeys.Entry(k.sha256(), k.actorId(), new LinkedHashSet<>(k.scopes())));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "trainproof.web.api-keys[" + i + "] is not usable: " + e.getMessage(), e);
      }
    }
    return ApiKeys.of(entries);
  }
}
