package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.ForbiddenException;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.organization.OrganizationService;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, finding 9: refusals outside the per-organization operations (reading another
 * organization by id, creating organizations, granting vendor support) were typed but not audited,
 * and a vendor-support actor without an organization could grant itself access.
 */
class RefusalAuditTest {
  static final ZoneId ZONE = ZoneId.of("America/New_York");
  final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T15:00:00Z"));
  final Trainproof tp = Trainproof.builder().store(new InMemoryStore()).clock(clock).build();
  final Fixtures home = Fixtures.organization(tp, ZONE);
  final Fixtures other = Fixtures.organization(tp, ZoneId.of("America/Chicago"));

  List<AuditEntry> trail(Fixtures fx) {
    return tp.audit().entries(fx.officer(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
  }

  static AuditEntry lastRefusal(List<AuditEntry> trail) {
    assertThat(trail).isNotEmpty();
    AuditEntry last = trail.get(trail.size() - 1);
    assertThat(last.action()).isEqualTo("FORBIDDEN");
    return last;
  }

  @Test
  void anOfficerReadingAnotherOrganizationByIdIsRefusedAndAuditedInBothTrails() {
    Actor officer = home.officer();
    assertThatThrownBy(() -> tp.organizations().get(officer, other.org().id()))
        .isInstanceOf(ForbiddenException.class);
    assertThat(lastRefusal(trail(home)).actorId()).isEqualTo(officer.id());
    AuditEntry there = lastRefusal(trail(other));
    assertThat(there.actorId()).isEqualTo(officer.id());
    assertThat(there.subjectId()).isEqualTo("read organization");
  }

  @Test
  void anOfficerCreatingAnOrganizationIsRefusedAndAudited() {
    assertThatThrownBy(
            () ->
                tp.organizations()
                    .create(home.officer(), OrganizationService.NewOrganization.of("Shadow", ZONE)))
        .isInstanceOf(ForbiddenException.class);
    AuditEntry entry = lastRefusal(trail(home));
    assertThat(entry.subjectId()).isEqualTo("create organization");
    assertThat(entry.details()).containsKey("reason");
  }

  @Test
  void anOfficerGrantingVendorSupportIsRefusedAndAuditedInBothTrails() {
    Instant expires = clock.instant().plusSeconds(3600);
    assertThatThrownBy(
            () ->
                tp.organizations()
                    .grantVendorSupport(
                        home.officer(), other.org().id(), "support-9", "TICKET-9", expires))
        .isInstanceOf(ForbiddenException.class);
    assertThat(lastRefusal(trail(home)).subjectId()).isEqualTo("grant vendor support");
    assertThat(lastRefusal(trail(other)).subjectId()).isEqualTo("grant vendor support");
  }

  @Test
  void vendorSupportBelongsToAnOrganizationAndOnlyThePlatformGrants() {
    assertThatThrownBy(() -> new Actor("support-1", ActorRole.VENDOR_SUPPORT, null, null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("actor.organization"));
    assertThatThrownBy(() -> new Actor("platform", ActorRole.PLATFORM, home.org().id(), null))
        .isInstanceOf(ValidationException.class);
    Actor support = new Actor("support-1", ActorRole.VENDOR_SUPPORT, other.org().id(), null);
    Instant expires = clock.instant().plusSeconds(3600);
    assertThatThrownBy(
            () ->
                tp.organizations()
                    .grantVendorSupport(support, other.org().id(), "support-1", "self", expires))
        .isInstanceOf(ForbiddenException.class);
    assertThat(lastRefusal(trail(other)).actorId()).isEqualTo("support-1");
    assertThatThrownBy(() -> tp.workforce().list(support)).isInstanceOf(ForbiddenException.class);
  }

  @Test
  void thePlatformCannotGrantItselfAccess() {
    Actor platform = Actor.platform("platform-ops");
    Organization target = other.org();
    assertThatThrownBy(
            () ->
                tp.organizations()
                    .grantVendorSupport(
                        platform,
                        target.id(),
                        "platform-ops",
                        "TICKET-1",
                        clock.instant().plusSeconds(3600)))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("itself");
    AuditEntry entry = lastRefusal(trail(other));
    assertThat(entry.actorId()).isEqualTo("platform-ops");
    assertThat(entry.actorRole()).isEqualTo("PLATFORM");
    // and it does not act inside an organization at all
    assertThatThrownBy(() -> tp.workforce().list(platform)).isInstanceOf(ForbiddenException.class);
  }
}
