package io.trainproof.spring.boot.autoconfigure;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.organization.OrganizationService.NewOrganization;
import java.time.ZoneId;
import org.springframework.stereotype.Service;

/**
 * The README's Spring Boot example, verbatim (examples' DocSnippetsTest checks the region; the
 * starters' theReadmeExampleRuns runs it).
 */
// snippet:host
@Service
public class HostOnboarding {
  private final Trainproof trainproof;

  public HostOnboarding(Trainproof trainproof) {
    this.trainproof = trainproof;
  }

  public Organization addClinic(String name) {
    return trainproof
        .organizations()
        .create(
            Actor.platform("vendor-admin"), NewOrganization.of(name, ZoneId.of("America/Chicago")));
  }
}
// end:host
