package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.ForbiddenException;
import io.trainproof.core.Trainproof;
import io.trainproof.core.access.Operation;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.organization.OrganizationService.NewOrganization;
import io.trainproof.core.spi.OperationObserver;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The operation observer hook: called once around every operation, refused ones too, with the
 * operation and the organization. (The organization id in SLF4J's MDC is tested by the Spring Boot
 * starters, whose test class path has an MDC-capable logger; slf4j-simple's MDC keeps nothing.)
 */
class OperationObserverTest {

  record Seen(Operation operation, Id<Organization> organization) {}

  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  private final OperationObserver recording =
      new OperationObserver() {
        @Override
        public <T> T observe(Operation operation, Id<Organization> organization, Supplier<T> call) {
          seen.add(new Seen(operation, organization));
          return call.get();
        }
      };

  @Test
  void everyOperationIsObservedOnceWithItsOrganization() {
    Trainproof trainproof =
        Trainproof.builder().store(new InMemoryStore()).operationObserver(recording).build();
    Organization org =
        trainproof
            .organizations()
            .create(Actor.platform("vendor-admin"), NewOrganization.of("Clinic", ZoneId.of("UTC")));
    seen.clear();
    trainproof.audit().verify(Actor.complianceOfficer("u-1", org.id()));
    assertThat(seen).containsExactly(new Seen(Operation.AUDIT_READ, org.id()));
  }

  @Test
  void aRefusedOperationIsObservedToo() {
    Trainproof trainproof =
        Trainproof.builder().store(new InMemoryStore()).operationObserver(recording).build();
    Organization org =
        trainproof
            .organizations()
            .create(Actor.platform("vendor-admin"), NewOrganization.of("Clinic", ZoneId.of("UTC")));
    seen.clear();
    assertThatThrownBy(
            () ->
                trainproof
                    .audit()
                    .verify(new Actor("m-1", ActorRole.MEMBER, org.id(), Id.random())))
        .isInstanceOf(ForbiddenException.class);
    assertThat(seen).contains(new Seen(Operation.AUDIT_READ, org.id()));
  }
}
