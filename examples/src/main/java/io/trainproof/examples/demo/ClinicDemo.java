package io.trainproof.examples.demo;

import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.Trainproof;
import io.trainproof.core.TrainproofException;
import io.trainproof.core.ValidationException;
import io.trainproof.core.attestation.AttestationService;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.course.CourseService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Attestation;
import io.trainproof.core.domain.AttestationMethod;
import io.trainproof.core.domain.AttestationTrigger;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.CompletionMethod;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.Provenance;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.RegulatoryTopic;
import io.trainproof.core.domain.ReminderSchedule;
import io.trainproof.core.domain.RequirementTerms;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.event.TrainproofEvent;
import io.trainproof.core.organization.OrganizationService;
import io.trainproof.core.policy.PolicyService;
import io.trainproof.core.status.ComplianceStatus;
import io.trainproof.core.workforce.WorkforceService;
import io.trainproof.examples.cli.CliException;
import io.trainproof.examples.cli.InputFiles;
import io.trainproof.examples.cli.OutputFiles;
import io.trainproof.examples.cli.OutputFiles.Existing;
import io.trainproof.examples.cli.OutputFiles.Secrecy;
import io.trainproof.persistence.jpa.JpaStore;
import io.trainproof.persistence.jpa.SqlDialect;
import io.trainproof.signing.OrganizationIssuer;
import io.trainproof.signing.SigningCredentialIssuer;
import io.trainproof.signing.key.InMemoryKeyProvider;
import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.signing.verify.TrustBundle;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;

/**
 * An 18-month life of a 40-person clinic on an embedded H2 database: policies with one material
 * change, courses, an onboarding rule with an annual fixed-date cycle and a yearly security rule,
 * hires, role changes, a leave, terminations, completions (some late, one failed then passed),
 * attestations, certificates (one revoked, renewals superseding older ones), security reminders.
 * Running it again reuses the database and changes nothing.
 */
public final class ClinicDemo {
  static final ZoneId ZONE = ZoneId.of("America/Chicago");
  static final String DID = "did:web:lakeside-clinic.example.org";
  static final int MONTHS = 18;

  private final Path dir;
  private final PrintWriter out;
  private final Random random = new Random(20_261_125L);

  /** What members will do, by day: fed by the events Trainproof publishes after each commit. */
  private final Map<LocalDate, List<Runnable>> agenda = new TreeMap<>();

  private @org.jspecify.annotations.Nullable Trainproof live;
  private @org.jspecify.annotations.Nullable DemoClock liveClock;
  private @org.jspecify.annotations.Nullable Organization liveOrg;
  private boolean failedOnce;

  /** The member who fails a first attempt once: a nurse hired in the simulation. */
  private static final String FAILS_FIRST = "HR-1031";

  /**
   * A draw that depends only on what it is about (a member's HR id, a date, a course), never on the
   * order the SDK reports events in (which follows random ids): two runs on the same day make the
   * same choices, so they give the same figures.
   */
  private static int draw(String about, int bound) {
    long h = 1_125_899_906_842_597L;
    for (int i = 0; i < about.length(); i++) {
      h = 31 * h + about.charAt(i);
    }
    return new SplittableRandom(20_261_125L ^ h).nextInt(bound);
  }

  /** Whether H2 refused the file because another process holds it (error 90020). */
  static boolean inUse(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
        return true;
      }
    }
    return false;
  }

  /** The security course's content: one version's policies, topics and pass mark. */
  private static CourseService.NewVersion securityVersion(
      String label, Policy security, String content) {
    return new CourseService.NewVersion(
        label,
        Set.of(security.id()),
        Set.of(
            RegulatoryTopic.SECURITY_AWARENESS,
            RegulatoryTopic.SECURITY_REMINDERS,
            RegulatoryTopic.MALWARE_PROTECTION,
            RegulatoryTopic.PASSWORD_MANAGEMENT),
        80,
        true,
        sha256(content));
  }

  /** A course's code, stable across runs (ids are not). */
  private String courseCode(@Nullable String courseId) {
    if (courseId == null) {
      return "";
    }
    // The catalog is read once (the demo has two courses), not once per assignment event.
    if (!courseCodes.containsKey(courseId)) {
      Actor system = Actor.system(Objects.requireNonNull(liveOrg).id());
      Objects.requireNonNull(live)
          .courses()
          .list(system)
          .forEach(c -> courseCodes.put(c.id().toString(), c.code()));
    }
    return courseCodes.getOrDefault(courseId, "");
  }

  /** Course codes by course id, filled on first use. */
  private final Map<String, String> courseCodes = new HashMap<>();

  /** A member's HR id, stable across runs (ids are not). */
  private String hrId(Id<WorkforceMember> member) {
    return Objects.requireNonNull(live)
        .workforce()
        .get(Actor.system(Objects.requireNonNull(liveOrg).id()), member)
        .externalId();
  }

  /** What the demo left behind, for the summary and the outputs. */
  record World(
      Trainproof tp,
      Organization org,
      Actor officer,
      IssuerKeyHistory history,
      SigningKey key,
      DemoClock clock,
      JpaStore store,
      javax.sql.DataSource dataSource,
      boolean simulatedNow)
      implements AutoCloseable {

    /** Closes the store and shuts the embedded database down cleanly. */
    @Override
    public void close() {
      store.close();
      try (var c = dataSource.getConnection();
          var st = c.createStatement()) {
        st.execute("SHUTDOWN");
      } catch (SQLException e) {
        throw new IllegalStateException(
            "could not shut the demo database down: " + e.getMessage(), e);
      }
    }
  }

  /**
   * Creates the demo.
   *
   * @param dir where the database, keys and outputs live
   * @param out where progress goes
   */
  public ClinicDemo(Path dir, PrintWriter out) {
    this.dir = dir;
    this.out = out;
  }

  /**
   * Runs the demo: simulates on the first run, reuses the database after.
   *
   * @return the world, open (close its store when done)
   */
  World open() {
    createDirectories(dir);
    Path stateFile = dir.resolve("state.properties");
    Properties state = load(stateFile);
    boolean finished = "true".equals(state.getProperty("finished"));
    if (!finished) {
      // A run that stopped half-way starts over from an empty database.
      deleteDatabase();
      LocalDate start = LocalDate.now(ZONE).minusMonths(MONTHS);
      state.setProperty("start", start.toString());
    }
    LocalDate start = LocalDate.parse(state.getProperty("start"));
    JdbcDataSource ds = new JdbcDataSource();
    // why: the store opens a connection per transaction; keeping the database open between
    // them avoids reopening the file thousands of times. close() shuts it down.
    ds.setURL(
        "jdbc:h2:file:"
            + dir.toAbsolutePath().resolve("db")
            + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE");
    ds.setUser("sa");
    try {
      Flyway.configure()
          .dataSource(ds)
          .locations(SqlDialect.H2.migrationLocation())
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (RuntimeException e) {
      if (inUse(e)) {
        throw new CliException(
            "the demo database in "
                + dir
                + " is in use by another trainproof process (a running 'serve' or 'demo');"
                + " stop it first, or give this run another --dir");
      }
      throw e;
    }
    JpaStore store = JpaStore.create(ds, SqlDialect.H2);
    SigningKey key = key();
    IssuerKeyHistory history =
        IssuerKeyHistory.fromJson(read(dir.resolve("keys/issuer-key-history.json")));
    DemoClock clock =
        new DemoClock(finished ? LocalDate.parse(state.getProperty("end")) : start, ZONE);
    SigningCredentialIssuer signing =
        SigningCredentialIssuer.builder()
            .issuers(
                org ->
                    OrganizationIssuer.of(
                        history,
                        new InMemoryKeyProvider().add(key),
                        "https://lakeside-clinic.example.org"))
            .statusListBaseUrl("https://lakeside-clinic.example.org/status")
            .clock(clock)
            .build();
    List<String> delivered = new ArrayList<>();
    Trainproof tp =
        Trainproof.builder()
            .store(store)
            .clock(clock)
            .credentialIssuer(signing)
            .notificationSink(n -> delivered.add(n.kind() + " " + n.idempotencyKey()))
            .listener(this::plan)
            .build();
    this.live = tp;
    this.liveClock = clock;
    if (finished) {
      Organization org =
          tp.organizations()
              .get(
                  Actor.complianceOfficer(
                      "u-privacy-officer", Id.parse(state.getProperty("organization"))));
      out.println(
          "Reusing the demo database in "
              + dir
              + " (simulated "
              + start
              + " to "
              + clock.today()
              + "); nothing is recorded twice.");
      return new World(
          tp,
          org,
          Actor.complianceOfficer("u-privacy-officer", org.id()),
          history,
          key,
          clock,
          store,
          ds,
          false);
    }
    World world = simulate(tp, history, key, clock, store, ds, start);
    state.setProperty("organization", world.org().id().toString());
    state.setProperty("end", clock.today().toString());
    state.setProperty("finished", "true");
    store(stateFile, state);
    write(dir.resolve("out/notifications.log"), String.join("\n", delivered) + "\n");
    return world;
  }

  private World simulate(
      Trainproof tp,
      IssuerKeyHistory history,
      SigningKey key,
      DemoClock clock,
      JpaStore store,
      javax.sql.DataSource ds,
      LocalDate start) {
    out.println(
        "Simulating "
            + MONTHS
            + " months of Lakeside Family Clinic from "
            + start
            + " on an embedded H2 database in "
            + dir);
    Organization org =
        tp.organizations()
            .create(
                Actor.platform("vendor-admin"),
                OrganizationService.NewOrganization.of("Lakeside Family Clinic", ZONE));
    this.liveOrg = org;
    Actor officer = Actor.complianceOfficer("u-privacy-officer", org.id());
    Policy privacy =
        policy(
            tp,
            officer,
            "PRIV-01",
            "Uses and disclosures of PHI",
            AttestationTrigger.EVERY_VERSION,
            start);
    Policy security =
        policy(
            tp, officer, "SEC-01", "Information security", AttestationTrigger.MATERIAL_ONLY, start);
    Policy breach =
        policy(
            tp, officer, "BRN-01", "Breach notification", AttestationTrigger.EVERY_VERSION, start);
    Course privacyCourse =
        tp.courses()
            .create(
                officer,
                new CourseService.NewCourse("HIPAA-PRIV", "HIPAA Privacy and Breach Notification"));
    tp.courses()
        .release(
            officer,
            privacyCourse.id(),
            new CourseService.NewVersion(
                "2025.1",
                Set.of(privacy.id(), breach.id()),
                Set.of(RegulatoryTopic.PRIVACY_RULE, RegulatoryTopic.BREACH_NOTIFICATION),
                80,
                true,
                sha256("privacy course package")));
    Course securityCourse =
        tp.courses()
            .create(officer, new CourseService.NewCourse("HIPAA-SEC", "Security Awareness"));
    tp.courses()
        .release(
            officer,
            securityCourse.id(),
            securityVersion("2025.1", security, "security course package"));
    tp.requirements()
        .create(
            officer,
            "Privacy and breach notification: onboarding, then every January",
            "Every workforce member handles or can see PHI (164.530(b)(1))",
            new RequirementTerms(
                start.minusYears(2),
                Audience.everyone(),
                privacyCourse.id(),
                30,
                Recurrence.fixedDate(MonthDay.of(1, 31)),
                Period.ofDays(45),
                Period.ofMonths(3),
                7,
                30,
                ReminderSchedule.standard(),
                true));
    tp.requirements()
        .create(
            officer,
            "Security awareness: onboarding, then yearly",
            "Security awareness for all workforce including management (164.308(a)(5)(i))",
            new RequirementTerms(
                start.minusYears(2),
                Audience.everyone(),
                securityCourse.id(),
                30,
                Recurrence.every(Period.ofYears(1), Recurrence.CountFrom.COMPLETION),
                Period.ofDays(30),
                Period.ZERO,
                7,
                21,
                ReminderSchedule.standard(),
                true));
    tp.documentation()
        .decide(
            officer,
            RegulatoryTopic.LOG_IN_MONITORING,
            false,
            "Log-in monitoring is performed by IT tooling, not by members",
            "Failed log-ins alert IT; reviewed weekly",
            start);

    List<WorkforceMember> staff = new ArrayList<>();
    String[][] roster = {
      {"nurse", "Clinic"},
      {"nurse", "Clinic"},
      {"nurse", "Clinic"},
      {"nurse", "Clinic"},
      {"nurse", "Clinic"},
      {"nurse", "Clinic"},
      {"nurse", "Clinic"},
      {"nurse", "Clinic"},
      {"physician", "Clinic"},
      {"physician", "Clinic"},
      {"physician", "Clinic"},
      {"physician", "Clinic"},
      {"front-desk", "Reception"},
      {"front-desk", "Reception"},
      {"front-desk", "Reception"},
      {"front-desk", "Reception"},
      {"front-desk", "Reception"},
      {"billing", "Billing"},
      {"billing", "Billing"},
      {"billing", "Billing"},
      {"billing", "Billing"},
      {"it", "IT"},
      {"it", "IT"},
      {"manager", "Admin"},
      {"manager", "Clinic"},
      {"privacy-officer", "Admin"},
      {"lab-tech", "Lab"},
      {"lab-tech", "Lab"},
      {"volunteer", "Reception"},
      {"nurse", "Clinic"}
    };
    for (int i = 0; i < roster.length; i++) {
      LocalDate engaged = start.minusDays(200 + random.nextInt(2000));
      WorkforceType type =
          roster[i][0].equals("volunteer") ? WorkforceType.VOLUNTEER : WorkforceType.EMPLOYEE;
      WorkforceMember m =
          tp.workforce()
              .hire(
                  officer,
                  new WorkforceService.NewMember(
                      String.format("HR-%04d", 1000 + i),
                      name(i),
                      type,
                      Set.of(roster[i][0]),
                      roster[i][1],
                      null,
                      engaged));
      staff.add(m);
      // Their history from the previous system, so the clinic starts mostly compliant.
      if (i % 7 != 3) {
        for (Course c : List.of(privacyCourse, securityCourse)) {
          tp.completions()
              .importCompletion(
                  officer,
                  new CompletionService.Import(
                      m.id(),
                      c.id(),
                      null,
                      start.minusDays(20 + random.nextInt(300)),
                      85 + random.nextInt(15),
                      null,
                      new Provenance(
                          CompletionMethod.HISTORICAL_IMPORT,
                          officer.id(),
                          "legacy-lms-export.csv",
                          "line " + (2 * i + (c.equals(privacyCourse) ? 2 : 3)),
                          null),
                      List.of()));
        }
      }
    }
    int hires = roster.length;
    int day = 0;
    LocalDate end = start.plusMonths(MONTHS);
    while (clock.today().isBefore(end)) {
      int month = (int) ChronoUnit.MONTHS.between(start, clock.today());
      boolean firstOfMonth = clock.today().getDayOfMonth() == start.getDayOfMonth();
      if (firstOfMonth && day > 0) {
        out.printf(
            "  month %2d (%s): %d active members: %s%n",
            month, clock.today(), active(tp, officer).size(), inWords(overall(tp, officer)));
        out.flush();
        switch (month) {
          case 2, 7, 10, 13, 16 -> {
            for (int k = 0; k < 2; k++) {
              hires++;
              staff.add(
                  tp.workforce()
                      .hire(
                          officer,
                          new WorkforceService.NewMember(
                              String.format("HR-%04d", 1000 + hires),
                              name(hires),
                              WorkforceType.EMPLOYEE,
                              Set.of(k == 0 ? "nurse" : "front-desk"),
                              k == 0 ? "Clinic" : "Reception",
                              null,
                              clock.today())));
            }
          }
          case 3 ->
              tp.workforce()
                  .change(
                      officer,
                      staff.get(1).id(),
                      new WorkforceService.MemberChange(
                          clock.today(), Set.of("manager"), "Admin", null, null));
          case 4 -> tp.workforce().startLeave(officer, staff.get(4).id(), clock.today());
          case 5 -> tp.workforce().terminate(officer, staff.get(20).id(), clock.today());
          case 6 -> tp.workforce().returnFromLeave(officer, staff.get(4).id(), clock.today());
          case 9 -> {
            tp.policies()
                .publish(
                    officer,
                    security.id(),
                    new PolicyService.NewVersion(
                        clock.today().plusDays(14),
                        sha256(
                            "Information security v2: multi-factor authentication for remote access"),
                        "Multi-factor authentication is now required for remote access",
                        true,
                        Set.of("nurse", "physician", "it")));
            // The course is revised the same day to teach the change: only training on content
            // released for the new version counts as retraining on it.
            tp.courses()
                .release(
                    officer,
                    securityCourse.id(),
                    securityVersion(
                        "2025.2",
                        security,
                        "security course package, multi-factor authentication"));
          }
          case 11 -> {
            tp.workforce().terminate(officer, staff.get(15).id(), clock.today());
            tp.workforce()
                .change(
                    officer,
                    staff.get(13).id(),
                    WorkforceService.MemberChange.roles(clock.today(), Set.of("billing")));
          }
          case 12 -> waiveAndExtend(tp, officer, staff);
          case 14 -> revokeOne(tp, officer, staff);
          case 15 -> tp.workforce().terminate(officer, staff.get(27).id(), clock.today());
          default -> {}
        }
        if (month % 3 == 0) {
          var reminder =
              tp.securityReminders()
                  .send(
                      officer,
                      "Security reminder " + clock.today(),
                      "Report phishing to IT; never share passwords; lock your screen.",
                      "email",
                      Audience.everyone(),
                      true);
          for (var r : reminder.recipients()) {
            String about =
                "ack " + tp.workforce().get(officer, r.member()).externalId() + " " + clock.today();
            if (draw(about, 10) < 8) {
              tp.securityReminders()
                  .acknowledge(
                      new Actor("u-" + r.member(), ActorRole.MEMBER, org.id(), r.member()),
                      reminder.id());
            }
          }
        }
      }
      // Work planned for today may plan more work for today: run until none is left.
      for (List<Runnable> actions = agenda.remove(clock.today());
          actions != null;
          actions = agenda.remove(clock.today())) {
        actions.forEach(Runnable::run);
      }
      // The host's scheduler: a weekly sweep opens renewal windows well inside their 30-45 days.
      if (day % 7 == 0) {
        tp.scheduler().sweep();
        tp.notifications().dispatch();
      }
      clock.nextDay();
      day++;
    }
    out.printf(
        "  month %2d (%s): %d active members: %s%n",
        MONTHS, clock.today(), active(tp, officer).size(), inWords(overall(tp, officer)));
    return new World(tp, org, officer, history, key, clock, store, ds, true);
  }

  /**
   * Plans what members do about new work: most complete an assignment before it is due, some late,
   * one fails first and passes a week later; attestations come within a few weeks.
   */
  private void plan(TrainproofEvent event) {
    if (live == null || liveClock == null || liveOrg == null) {
      return;
    }
    LocalDate today = liveClock.today();
    switch (event.type()) {
      case "ASSIGNMENT_CREATED" -> {
        Id<Assignment> assignment = Id.parse(event.subjectId());
        Id<WorkforceMember> member = Id.parse(event.details().get("member"));
        LocalDate due = LocalDate.parse(event.details().get("dueOn"));
        long window = Math.max(1, due.toEpochDay() - today.toEpochDay());
        String about =
            hrId(member)
                + " "
                + courseCode(event.details().get("course"))
                + " "
                + event.details().get("reason")
                + " "
                + today
                + " "
                + due;
        boolean late = draw("late " + about, 100) < 12;
        LocalDate when =
            late
                ? AssignmentDates.later(due, today).plusDays(3 + draw("delay " + about, 30))
                : today.plusDays(draw("when " + about, (int) Math.min(window, 60)));
        // One member fails a first attempt (then passes a week later): always the same one.
        boolean failFirst = !failedOnce && !late && hrId(member).equals(FAILS_FIRST);
        failedOnce |= failFirst;
        agenda
            .computeIfAbsent(when, d -> new ArrayList<>())
            .add(() -> complete(member, assignment, failFirst));
      }
      case "ATTESTATION_REQUESTED" -> {
        Id<Attestation> attestation = Id.parse(event.subjectId());
        Id<WorkforceMember> member = Id.parse(event.details().get("member"));
        LocalDate when = today.plusDays(2 + draw("attest " + hrId(member) + " " + today, 25));
        agenda.computeIfAbsent(when, d -> new ArrayList<>()).add(() -> attest(member, attestation));
      }
      default -> {}
    }
  }

  private void complete(Id<WorkforceMember> member, Id<Assignment> assignment, boolean failFirst) {
    Trainproof tp = Objects.requireNonNull(live);
    LocalDate today = Objects.requireNonNull(liveClock).today();
    Actor self =
        new Actor("u-" + member, ActorRole.MEMBER, Objects.requireNonNull(liveOrg).id(), member);
    try {
      tp.completions()
          .record(
              self,
              CompletionService.Request.inApp(
                  assignment,
                  today,
                  failFirst ? 62 : 82 + draw("score " + hrId(member) + " " + today, 18),
                  self.id()));
      if (failFirst) {
        agenda
            .computeIfAbsent(today.plusDays(7), d -> new ArrayList<>())
            .add(() -> complete(member, assignment, false));
      }
    } catch (TrainproofException noLongerOpen) {
      // Cancelled meanwhile (termination, role change), completed through another assignment, or on
      // leave.
    }
  }

  private void attest(Id<WorkforceMember> member, Id<Attestation> attestation) {
    Trainproof tp = Objects.requireNonNull(live);
    Actor self =
        new Actor("u-" + member, ActorRole.MEMBER, Objects.requireNonNull(liveOrg).id(), member);
    try {
      tp.attestations()
          .record(
              self,
              new AttestationService.Submission(
                  attestation,
                  "I have read and will follow this policy version.",
                  AttestationMethod.CLICK_THROUGH,
                  null,
                  null));
    } catch (TrainproofException futureOrGone) {
      // A version that takes effect later is attested once it does; try again then.
      LocalDate retry = Objects.requireNonNull(liveClock).today().plusDays(10);
      if (futureOrGone instanceof ValidationException v && v.getMessage().contains("future")) {
        agenda
            .computeIfAbsent(retry, d -> new ArrayList<>())
            .add(() -> attest(member, attestation));
      }
    }
  }

  /** An approver waives one open assignment and extends another, each with a reason. */
  private void waiveAndExtend(Trainproof tp, Actor officer, List<WorkforceMember> staff) {
    boolean waived = false;
    boolean extended = false;
    for (WorkforceMember m : staff) {
      // In a stable order (ids are random): oldest first, then by due date and reason.
      List<Assignment> theirs =
          tp.assignments().forMember(officer, m.id()).stream()
              .sorted(
                  Comparator.comparing((Assignment a) -> a.assignedOn())
                      .thenComparing(a -> a.dueOn())
                      .thenComparing(a -> a.reason().name()))
              .toList();
      for (Assignment a : theirs) {
        if (!a.isOpen()) {
          continue;
        }
        if (!waived) {
          tp.assignments()
              .waive(
                  officer,
                  a.id(),
                  "completed equivalent training at a previous employer (certificate on file)");
          waived = true;
        } else if (!extended) {
          tp.assignments()
              .extend(
                  officer,
                  a.id(),
                  a.currentDueOn().plusDays(21),
                  "medical leave of absence paperwork pending");
          extended = true;
        }
      }
      if (waived && extended) {
        return;
      }
    }
  }

  private void revokeOne(Trainproof tp, Actor officer, List<WorkforceMember> staff) {
    for (WorkforceMember m : staff) {
      List<Certificate> theirs =
          tp.certificates().forMember(officer, m.id()).stream()
              .sorted(Comparator.comparing(Certificate::issuedAt))
              .toList();
      for (Certificate c : theirs) {
        if (c.status() == Certificate.Status.VALID) {
          tp.certificates()
              .revoke(
                  officer,
                  c.id(),
                  "issued in error: the course was taken by a colleague on this account");
          return;
        }
      }
    }
  }

  static List<WorkforceMember> active(Trainproof tp, Actor officer) {
    LocalDate today = tp.clock().instant().atZone(ZONE).toLocalDate();
    return tp.workforce().list(officer).stream().filter(m -> m.activeOn(today)).toList();
  }

  /**
   * Counts by status in words, most urgent first, leaving out zeros: "2 overdue, 30 compliant".
   *
   * @param counts members by status
   * @return the words, or "nobody" when all are zero
   */
  static String inWords(Map<ComplianceStatus, Integer> counts) {
    String words =
        Arrays.stream(ComplianceStatus.values())
            .filter(st -> counts.getOrDefault(st, 0) > 0)
            .map(st -> counts.get(st) + " " + st.description())
            .collect(Collectors.joining(", "));
    return words.isEmpty() ? "nobody" : words;
  }

  static Map<ComplianceStatus, Integer> overall(Trainproof tp, Actor officer) {
    LocalDate today = tp.clock().instant().atZone(ZONE).toLocalDate();
    Map<ComplianceStatus, Integer> counts = new EnumMap<>(ComplianceStatus.class);
    for (WorkforceMember m : active(tp, officer)) {
      counts.merge(tp.status().overall(officer, m.id(), today), 1, Integer::sum);
    }
    return counts;
  }

  private static Policy policy(
      Trainproof tp,
      Actor officer,
      String code,
      String title,
      AttestationTrigger trigger,
      LocalDate start) {
    Policy p =
        tp.policies()
            .create(
                officer,
                new PolicyService.NewPolicy(
                    code, title, Audience.everyone(), trigger, 30, start.plusMonths(12)));
    tp.policies()
        .publish(
            officer,
            p.id(),
            new PolicyService.NewVersion(
                start.minusYears(1), sha256(title + " v1"), "Initial version", false, Set.of()));
    return p;
  }

  /**
   * The demo's throwaway issuer key: made on the first run (mode 600 from its creation, written
   * atomically, never over an existing file), read on later runs.
   */
  private SigningKey key() {
    Path pem = dir.resolve("keys/key-1.private.pem");
    Path history = dir.resolve("keys/issuer-key-history.json");
    boolean havePem = Files.exists(pem, LinkOption.NOFOLLOW_LINKS);
    boolean haveHistory = Files.exists(history, LinkOption.NOFOLLOW_LINKS);
    if (haveHistory && !havePem) {
      throw new CliException(
          history
              + " is there but the demo's private key is not; delete "
              + dir
              + " to start the demo over");
    }
    SigningKey key;
    if (havePem) {
      tightenOlderKey(pem);
      key = SigningKey.fromPkcs8Pem(DID + "#key-1", InputFiles.readText(pem));
      if (haveHistory) {
        return key;
      }
    } else {
      key = SigningKey.generate(KeyAlgorithm.ED25519, DID + "#key-1", new SecureRandom());
      OutputFiles.write(pem, Secrecy.SECRET, Existing.REFUSE, key.toPkcs8Pem());
    }
    // A run that stopped between the two files keeps its key and gets its history now.
    OutputFiles.write(
        history,
        Secrecy.PUBLIC,
        Existing.REFUSE,
        IssuerKeyHistory.start(
                DID,
                key.keyId(),
                key.publicKey(),
                LocalDate.now(ZONE).minusMonths(MONTHS + 1).atStartOfDay(ZONE).toInstant())
            .toJson());
    return key;
  }

  /** Earlier versions wrote the demo key with the default mode (often 644): make it 600. */
  private void tightenOlderKey(Path pem) {
    if (Files.isSymbolicLink(pem)
        || !pem.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    try {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(pem, LinkOption.NOFOLLOW_LINKS);
      if (!PosixFilePermissions.fromString("rw-------").containsAll(mode)) {
        Files.setPosixFilePermissions(pem, PosixFilePermissions.fromString("rw-------"));
        out.println(
            "Made "
                + pem
                + " readable by its owner only (it was "
                + PosixFilePermissions.toString(mode)
                + "); it is a throwaway demo key, but treat it as seen by others.");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check the mode of " + pem + ": " + e.getMessage(), e);
    }
  }

  static TrustBundle trustBundle(World w) {
    return TrustBundle.of(
        List.of(w.history()),
        List.of(
            w.tp().certificates().statusListCredential(w.officer(), "revocation"),
            w.tp().certificates().statusListCredential(w.officer(), "superseded")));
  }

  private void deleteDatabase() {
    for (String f : List.of("db.mv.db", "db.trace.db", "state.properties")) {
      try {
        Files.deleteIfExists(dir.resolve(f));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static String name(int i) {
    String[] first = {
      "Avery", "Blake", "Casey", "Dana", "Eli", "Frankie", "Gray", "Harper", "Indy", "Jules", "Kai",
      "Logan", "Morgan", "Noel", "Oakley", "Parker", "Quinn", "Riley", "Sage", "Taylor", "Uma",
      "Val", "Wren", "Xen", "Yael", "Zion"
    };
    String[] last = {"Adams", "Brook", "Cole", "Diaz", "Ellis", "Fox", "Gray", "Hale"};
    return first[i % first.length] + " " + last[(i / first.length + i) % last.length];
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void createDirectories(Path path) {
    try {
      Files.createDirectories(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + path + ": " + e.getMessage(), e);
    }
  }

  /** Reads one of the demo's own files, within the CLI's bounds (a regular file, 2 MiB, UTF-8). */
  static String read(Path path) {
    return InputFiles.readText(path);
  }

  /** Writes an output file atomically (temporary file, then rename); never through a link. */
  static void write(Path path, String text) {
    OutputFiles.write(path, Secrecy.PUBLIC, Existing.REPLACE, text);
  }

  private static Properties load(Path file) {
    Properties p = new Properties();
    if (Files.exists(file)) {
      try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return p;
  }

  private static void store(Path file, Properties p) {
    StringWriter text = new StringWriter();
    try {
      p.store(text, "Trainproof demo state");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    write(file, text.toString());
  }

  static boolean isActive(WorkforceMember m, LocalDate d) {
    return m.termsOn(d).map(t -> t.status() == MemberStatus.ACTIVE).orElse(false);
  }
}
