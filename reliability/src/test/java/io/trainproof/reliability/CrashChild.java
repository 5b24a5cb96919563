package io.trainproof.reliability;

import io.trainproof.core.Actor;
import io.trainproof.core.ConflictException;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.workforce.WorkforceService;
import io.trainproof.persistence.jpa.JpaStore;
import io.trainproof.persistence.jpa.SqlDialect;
import io.trainproof.testkit.SettableClock;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The process {@link CrashLoopTest} kills: one application node running the renewal sweep,
 * completions, hires and the notification dispatch against a PostgreSQL schema, as fast as it can,
 * on its own settable clock. After each completion's {@code record} returns (the commit is done),
 * it appends the completion and assignment ids to the acknowledgement file; its sink appends each
 * delivered message's key to the delivery file before returning. It prints {@code READY} once
 * started and {@code OP} after each operation, so the parent can kill it after a random number of
 * operations without sleeping. In {@code finish} mode it sweeps and dispatches until nothing is
 * left, prints {@code DONE} and exits.
 *
 * <p>Arguments: schema, user, organization id, acknowledgement file, delivery file, start instant,
 * seed, mode ({@code loop} or {@code finish}).
 */
public final class CrashChild {
  private static final int ITERATIONS = 60;

  private CrashChild() {}

  /**
   * Runs the node.
   *
   * @param args see the class comment
   */
  public static void main(String[] args) {
    String schemaName = args[0];
    String user = args[1];
    Id<Organization> org = Id.parse(args[2]);
    Path acks = Path.of(args[3]);
    Path deliveries = Path.of(args[4]);
    SettableClock clock = SettableClock.at(Instant.parse(args[5]));
    Random random = new Random(Long.parseLong(args[6]));
    boolean finish = "finish".equals(args[7]);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    var ds = PostgresSchema.dataSource(schemaName);
    ds.setUser(user);
    FaultInjectingDataSource connections = new FaultInjectingDataSource(ds);
    try (JpaStore store = JpaStore.create(connections, SqlDialect.POSTGRESQL)) {
      Trainproof tp =
          Trainproof.builder()
              .store(store)
              .clock(clock)
              .notificationSink(
                  n -> append(deliveries, n.organization() + "/" + n.idempotencyKey()))
              .build();
      Actor officer = Actor.complianceOfficer("officer-1", org);
      out.println("READY");
      if (finish) {
        int swept = retry(() -> tp.scheduler().sweep()).members();
        int delivered = 0;
        for (int round = 0; round < 10; round++) {
          delivered += retry(() -> tp.notifications().dispatch()).delivered();
        }
        out.println("DONE swept=" + swept + " delivered=" + delivered);
        return;
      }
      for (int i = 0; i < ITERATIONS; i++) {
        clock.advance(Duration.ofHours(9));
        retry(() -> tp.scheduler().sweep());
        out.println("OP");
        List<WorkforceMember> members = retry(() -> tp.workforce().list(officer));
        for (int c = 0; c < 2 && !members.isEmpty(); c++) {
          WorkforceMember m = members.get(random.nextInt(members.size()));
          List<Assignment> open =
              retry(() -> tp.assignments().forMember(officer, m.id())).stream()
                  .filter(Assignment::isOpen)
                  .toList();
          if (!open.isEmpty() && m.latestTerms().status() == MemberStatus.ACTIVE) {
            Assignment a = open.get(random.nextInt(open.size()));
            try {
              CompletionService.Outcome outcome =
                  tp.completions()
                      .record(
                          officer,
                          CompletionService.Request.inApp(a.id(), m0(clock), 90, "officer-1"));
              append(acks, outcome.completion().id() + " " + a.id());
            } catch (ConflictException | ValidationException e) {
              // why: a stale pick is fine; the next one goes on.
            }
            out.println("OP");
          }
        }
        if (i % 4 == 0) {
          String externalId = "K" + Long.toHexString(random.nextLong());
          retry(
              () ->
                  tp.workforce()
                      .hire(
                          officer,
                          new WorkforceService.NewMember(
                              externalId,
                              "Crash hire",
                              WorkforceType.EMPLOYEE,
                              Set.of("nurse"),
                              "ER",
                              null,
                              m0(clock))));
          out.println("OP");
        }
        retry(() -> tp.notifications().dispatch());
        out.println("OP");
      }
      out.println("EXHAUSTED");
    } finally {
      connections.closeIdle();
    }
  }

  private static LocalDate m0(SettableClock clock) {
    return clock.instant().atZone(World.ZONE).toLocalDate();
  }

  private static <T> T retry(Supplier<T> operation) {
    ConflictException last = null;
    for (int i = 0; i < 20; i++) {
      try {
        return operation.get();
      } catch (ConflictException e) {
        last = e;
      }
    }
    throw last;
  }

  private static void append(Path file, String line) {
    try {
      Files.writeString(
          file,
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
