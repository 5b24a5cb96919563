package io.trainproof.integrations;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.workforce.WorkforceService;
import io.trainproof.testkit.Fixtures;
import io.trainproof.testkit.SettableClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A clinic on the in-memory store with two courses required of everyone. One per test. */
public final class World {
  public static final ZoneId ZONE = ZoneId.of("America/Chicago");
  public static final LocalDate TODAY = LocalDate.of(2026, 8, 3);
  public final SettableClock clock =
      SettableClock.at(ZonedDateTime.of(TODAY.atTime(10, 0), ZONE).toInstant());
  public final Trainproof tp = Trainproof.builder().store(new InMemoryStore()).clock(clock).build();
  public final Fixtures fx = Fixtures.organization(tp, ZONE);
  public final Actor officer = fx.officer();
  public final Course privacy;
  public final Course security;

  public World() {
    Policy p = fx.policy("PRIV", TODAY.minusYears(3));
    privacy = fx.course("HIPAA-101", p);
    security = fx.course("SEC-201", p);
    fx.requirement("Privacy", Fixtures.terms(privacy, TODAY.minusYears(3)).build());
    fx.requirement("Security", Fixtures.terms(security, TODAY.minusYears(3)).build());
  }

  public WorkforceMember hire(String externalId, LocalDate engagedOn) {
    return tp.workforce()
        .hire(
            officer,
            new WorkforceService.NewMember(
                externalId,
                "Name " + externalId,
                WorkforceType.EMPLOYEE,
                Set.of("nurse"),
                "ICU",
                null,
                engagedOn));
  }

  public WorkforceMember member(String externalId) {
    return tp.workforce().getByExternalId(officer, externalId);
  }

  public List<Completion> completions(String externalId) {
    return tp.completions().forMember(officer, member(externalId).id());
  }

  public List<Assignment> assignments(String externalId) {
    return tp.assignments().forMember(officer, member(externalId).id());
  }

  public int auditSize() {
    return tp.audit().entries(officer, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")).size();
  }

  /**
   * Everything observable about members, assignments and completions, without generated ids and
   * record times: two worlds that did the same things have equal snapshots.
   */
  public List<String> snapshot() {
    List<String> out = new ArrayList<>();
    for (WorkforceMember m : tp.workforce().list(officer)) {
      out.add(
          "M "
              + m.externalId()
              + " "
              + m.displayName()
              + " "
              + m.engagedOn()
              + " "
              + m.history().stream()
                  .map(
                      t ->
                          t.effectiveFrom()
                              + "/"
                              + t.type()
                              + "/"
                              + new TreeSet<>(t.roles())
                              + "/"
                              + t.department()
                              + "/"
                              + (t.manager() == null
                                  ? "-"
                                  : tp.workforce().get(officer, t.manager()).externalId())
                              + "/"
                              + t.status())
                  .toList());
      for (Assignment a : tp.assignments().forMember(officer, m.id())) {
        out.add(
            "A "
                + m.externalId()
                + " "
                + code(a.course())
                + " "
                + a.reason()
                + " "
                + a.assignedOn()
                + " "
                + a.currentDueOn()
                + " "
                + a.state());
      }
      for (Completion c : tp.completions().forMember(officer, m.id())) {
        out.add(
            "C "
                + m.externalId()
                + " "
                + code(c.course())
                + " "
                + c.completedOn()
                + " "
                + c.score()
                + " "
                + c.passed()
                + " "
                + c.provenance().method()
                + " "
                + c.provenance().source()
                + " "
                + c.provenance().sourceRef());
      }
    }
    out.sort(String::compareTo);
    return out;
  }

  private String code(Id<Course> id) {
    return id.equals(privacy.id())
        ? privacy.code()
        : id.equals(security.id()) ? security.code() : id.toString();
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] resource(String name) {
    try (InputStream in = World.class.getResourceAsStream("/samples/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
