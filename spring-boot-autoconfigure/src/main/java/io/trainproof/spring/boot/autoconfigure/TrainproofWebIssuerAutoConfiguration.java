package io.trainproof.spring.boot.autoconfigure;

import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.spring.boot.autoconfigure.internal.IssuerFromProperties;
import io.trainproof.web.TrainproofWebIssuer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Hands the issuer that {@code trainproof.issuer.*} configures to the web module ({@code
 * trainproof-web}: VC API, verification page, dashboard), so that a host needs no bean of its own:
 * with {@code trainproof.issuer.organization} set, the module issues and verifies for that
 * organization with the same key history the credential issuer signs with. A host's own {@link
 * TrainproofWebIssuer} wins.
 */
@AutoConfiguration(
    after = TrainproofAutoConfiguration.class,
    beforeName = "io.trainproof.web.TrainproofWebAutoConfiguration")
@ConditionalOnClass(TrainproofWebIssuer.class)
@ConditionalOnProperty(
    prefix = "trainproof.issuer",
    name = {"key-location", "organization"})
public class TrainproofWebIssuerAutoConfiguration {
  static final String ORGANIZATION = "trainproof.issuer.organization";

  /** Created by Spring. */
  public TrainproofWebIssuerAutoConfiguration() {}

  /**
   * @param properties the properties
   * @return the organization and key history the web module serves
   */
  @Bean
  @ConditionalOnMissingBean
  TrainproofWebIssuer trainproofWebIssuer(TrainproofProperties properties) {
    String organization = properties.getIssuer().getOrganization();
    Id<Organization> id;
    try {
      id = Id.parse(organization);
    } catch (ValidationException e) {
      throw new TrainproofPropertyException(
          ORGANIZATION, organization, "is not an organization id (a UUID)", e);
    }
    return new TrainproofWebIssuer(id, IssuerFromProperties.keyHistory(properties.getIssuer()));
  }
}
