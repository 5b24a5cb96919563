package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.ForbiddenException;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.Trainproof;
import io.trainproof.core.attestation.AttestationStatus;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AttestationTrigger;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.LegalHold;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.SecurityReminder;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.policy.PolicyService;
import io.trainproof.core.status.RequirementStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * With random data across several organizations on one store, no query run by an actor of one
 * organization returns anything of another, and naming another organization's record is a
 * not-found, never data.
 */
class TenantIsolationPropertyTest {
  static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

  record Tenant(
      Fixtures fx,
      List<WorkforceMember> members,
      Policy policy,
      Course course,
      Requirement requirement,
      Set<String> ids) {}

  @Property(tries = 200)
  void noQueryOfOneOrganizationReturnsAnotherOrganizationsRecords(
      @ForAll @Size(min = 2, max = 4) List<@IntRange(min = 1, max = 5) Integer> sizes,
      @ForAll @IntRange(min = 0, max = 4) int managerIndex) {
    SettableClock clock =
        SettableClock.at(ZonedDateTime.of(TODAY.atTime(9, 0), ZoneId.of("UTC")).toInstant());
    Trainproof tp =
        Trainproof.builder()
            .store(new InMemoryStore())
            .clock(clock)
            .credentialIssuer(new StubIssuer())
            .build();
    List<Tenant> tenants = new ArrayList<>();
    for (int t = 0; t < sizes.size(); t++) {
      Fixtures fx = Fixtures.organization(tp, Simulation.ZONES.get(t % Simulation.ZONES.size()));
      Policy policy =
          tp.policies()
              .create(
                  fx.officer(),
                  new PolicyService.NewPolicy(
                      "POL",
                      "Policy",
                      Audience.everyone(),
                      AttestationTrigger.EVERY_VERSION,
                      14,
                      null));
      tp.policies()
          .publish(
              fx.officer(),
              policy.id(),
              new PolicyService.NewVersion(
                  TODAY.minusDays(30), Fixtures.sha256("text" + t), "v1", false, Set.of()));
      Course course = fx.course("SAME-CODE", policy);
      Requirement req =
          fx.requirement("Annual", Fixtures.terms(course, TODAY.minusYears(1)).build());
      List<WorkforceMember> members = new ArrayList<>();
      for (int i = 0; i < sizes.get(t); i++) {
        WorkforceMember m =
            fx.hire(
                TODAY.minusDays(10),
                "D" + (i % 2),
                WorkforceType.EMPLOYEE,
                members.isEmpty() ? null : members.get(0).id(),
                "nurse");
        members.add(m);
        if (i % 2 == 0) {
          Assignment a = tp.assignments().forMember(fx.officer(), m.id()).get(0);
          tp.completions()
              .record(fx.officer(), CompletionService.Request.inApp(a.id(), TODAY, 90, "o"));
        }
      }
      tp.securityReminders()
          .send(fx.officer(), "Tip", "Lock your screen", "email", Audience.everyone(), false);
      tp.retention().placeHold(fx.officer(), "Matter " + t, members.get(0).id(), null, null);
      Set<String> ids = new HashSet<>();
      ids.add(fx.org().id().toString());
      members.forEach(m -> ids.add(m.id().toString()));
      tenants.add(new Tenant(fx, members, policy, course, req, ids));
    }
    for (Tenant mine : tenants) {
      Id<Organization> org = mine.fx().org().id();
      WorkforceMember boss = mine.members().get(Math.min(managerIndex, mine.members().size() - 1));
      List<Actor> actors =
          List.of(
              mine.fx().officer(),
              new Actor("auditor", ActorRole.AUDITOR, org, null),
              new Actor("boss", ActorRole.MANAGER, org, boss.id()),
              new Actor("self", ActorRole.MEMBER, org, mine.members().get(0).id()));
      for (Actor actor : actors) {
        List<Object> seen = new ArrayList<>();
        seen.addAll(tp.workforce().list(actor));
        seen.addAll(tp.status().forCourse(actor, mine.course().id(), TODAY));
        seen.addAll(tp.status().forRequirement(actor, mine.requirement().id(), TODAY));
        for (WorkforceMember m : tp.workforce().list(actor)) {
          seen.addAll(tp.assignments().forMember(actor, m.id()));
          seen.addAll(tp.completions().forMember(actor, m.id()));
          seen.addAll(tp.certificates().forMember(actor, m.id()));
          seen.addAll(tp.attestations().forMember(actor, m.id(), TODAY));
          seen.addAll(tp.status().forMember(actor, m.id(), TODAY));
        }
        seen.addAll(tp.policies().list(actor));
        seen.addAll(tp.policies().inForceOn(actor, TODAY));
        seen.addAll(tp.courses().list(actor));
        seen.addAll(tp.requirements().list(actor));
        readIfAllowed(
            () ->
                seen.addAll(
                    tp.audit()
                        .entries(actor, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))));
        readIfAllowed(() -> seen.addAll(tp.retention().holds(actor)));
        readIfAllowed(
            () -> seen.addAll(tp.securityReminders().log(actor, TODAY.minusDays(1), TODAY)));
        for (Object record : seen) {
          assertThat(organizationOf(record, mine))
              .as("%s read %s", actor.role(), record)
              .isEqualTo(org);
        }
        // Naming another organization's records finds nothing.
        for (Tenant theirs : tenants) {
          if (theirs.equals(mine)) {
            continue;
          }
          WorkforceMember foreign = theirs.members().get(0);
          assertThatThrownBy(() -> tp.workforce().get(actor, foreign.id()))
              .isInstanceOf(NotFoundException.class);
          assertThatThrownBy(() -> tp.status().forMember(actor, foreign.id(), TODAY))
              .isInstanceOf(NotFoundException.class);
          assertThatThrownBy(() -> tp.status().forCourse(actor, theirs.course().id(), TODAY))
              .isInstanceOf(NotFoundException.class);
        }
      }
    }
  }

  private static void readIfAllowed(Runnable read) {
    try {
      read.run();
    } catch (ForbiddenException refused) {
      // not every role may read every kind; refusal leaks nothing
    }
  }

  /** The organization a record belongs to, read from its own fields. */
  private static Object organizationOf(Object record, Tenant mine) {
    if (record instanceof WorkforceMember m) {
      return m.organization();
    } else if (record instanceof RequirementStatus s) {
      return mine.ids().contains(s.member().toString())
          ? mine.fx().org().id()
          : "foreign member " + s.member();
    } else if (record instanceof Assignment a) {
      return a.organization();
    } else if (record instanceof Completion c) {
      return c.organization();
    } else if (record instanceof Certificate c) {
      return c.organization();
    } else if (record instanceof AttestationStatus s) {
      return s.attestation().organization();
    } else if (record instanceof Policy p) {
      return p.organization();
    } else if (record instanceof PolicyVersion v) {
      return v.organization();
    } else if (record instanceof Course c) {
      return c.organization();
    } else if (record instanceof Requirement r) {
      return r.organization();
    } else if (record instanceof AuditEntry e) {
      return e.organization();
    } else if (record instanceof LegalHold h) {
      return h.organization();
    } else if (record instanceof SecurityReminder r) {
      return r.organization();
    }
    throw new AssertionError("unchecked record type " + record.getClass());
  }
}
