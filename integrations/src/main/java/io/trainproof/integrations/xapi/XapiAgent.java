package io.trainproof.integrations.xapi;

import org.jspecify.annotations.Nullable;

/**
 * A statement's actor: its inverse functional identifiers. Immutable.
 *
 * @param mbox {@code mailto:} IRI, or null
 * @param mboxSha1sum hex SHA-1 of the mbox, or null
 * @param openid OpenID URI, or null
 * @param accountHomePage the account's system, or null
 * @param accountName the account's name in that system, or null
 * @param name a display name, or null (never used to identify anyone)
 */
public record XapiAgent(
    @Nullable String mbox,
    @Nullable String mboxSha1sum,
    @Nullable String openid,
    @Nullable String accountHomePage,
    @Nullable String accountName,
    @Nullable String name) {

  /**
   * @return the mbox without its {@code mailto:} scheme, or null
   */
  public @Nullable String email() {
    if (mbox == null) {
      return null;
    }
    return mbox.regionMatches(true, 0, "mailto:", 0, 7) ? mbox.substring(7) : mbox;
  }
}
