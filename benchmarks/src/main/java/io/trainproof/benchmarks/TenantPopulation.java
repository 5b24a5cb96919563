package io.trainproof.benchmarks;

import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.Trainproof;
import io.trainproof.core.attestation.AttestationService;
import io.trainproof.core.attestation.AttestationState;
import io.trainproof.core.attestation.AttestationStatus;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AttestationMethod;
import io.trainproof.core.domain.AttestationTrigger;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Page;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.organization.OrganizationService;
import io.trainproof.core.policy.PolicyService;
import io.trainproof.core.workforce.WorkforceService;
import io.trainproof.testkit.Fixtures;
import io.trainproof.testkit.SettableClock;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Rows 10 and 11's template practices, built through the public services on any store: {@code
 * templates} organizations of {@code staff} members each at go-live ({@link #GO_LIVE}, two years
 * before {@link #START}), then two years of history in steps of {@link #STEP_DAYS} days, all
 * templates in lockstep on one clock. Each step: some members leave, some are hired, a few change
 * role; the scheduler's incremental sweep runs (renewals, reminders, overdue notices); members
 * complete their open assignments after a delay drawn per assignment (most within the due date,
 * some weeks late, a few months late); every fourth step members attest the privacy policy's
 * versions they were asked to. A year after go-live the privacy policy has a material change
 * (retraining and new attestations). The role mix: clinical about half, front desk, billing, IT,
 * contractors, and a manager for about every 12 members.
 *
 * <p>Each member has a rank in its template ({@link Template#byRank}): a copy of {@code K} members
 * ({@link TenantCopy}) takes the {@code K} lowest ranks. Ranks are random (so every prefix has the
 * role mix, leavers and hires), except that the managers are spread evenly and every member ranks
 * after their manager, so a copy never keeps a member without their manager.
 */
final class TenantPopulation {
  /** The first measured day (a Monday). */
  static final LocalDate START = Population.START;

  /** The day the templates' history starts. */
  static final LocalDate GO_LIVE = START.minusYears(2);

  /** Days between two steps of the history (the smoke test takes longer steps). */
  static final int STEP_DAYS = 14;

  /** One member in about this many is a manager. */
  static final int MEMBERS_PER_MANAGER = 12;

  /** One template: its organization and its members, lowest rank first. */
  record Template(UUID organization, List<UUID> byRank) {}

  /** Roles and department of a non-manager member, by share of the workforce. */
  private record Job(String role, String department, WorkforceType type, int percent) {}

  private static final List<Job> JOBS =
      List.of(
          new Job("clinical", "Clinical", WorkforceType.EMPLOYEE, 52),
          new Job("front-desk", "Front Office", WorkforceType.EMPLOYEE, 20),
          new Job("billing", "Billing", WorkforceType.EMPLOYEE, 12),
          new Job("it", "IT", WorkforceType.EMPLOYEE, 5),
          new Job("contractor", "Facilities", WorkforceType.CONTRACTOR, 6),
          new Job("clinical", "Clinical", WorkforceType.TRAINEE, 5));

  final SettableClock clock;
  final Trainproof trainproof;
  final List<Template> templates = new ArrayList<>();
  int completions;
  int attestations;

  private TenantPopulation(SettableClock clock, Trainproof trainproof) {
    this.clock = clock;
    this.trainproof = trainproof;
  }

  /** A template while it is built. */
  private static final class Practice {
    final Fixtures fx;
    final Random random;
    final Policy privacy;
    final Course privacyCourse;
    final List<PolicyVersion> privacyVersions = new ArrayList<>();
    final Map<UUID, Double> key = new HashMap<>();
    final List<WorkforceMember> managers = new ArrayList<>();
    final List<UUID> active = new ArrayList<>();
    int hired;
    int completions;
    int attestations;

    Practice(Fixtures fx, Random random, Policy privacy, Course privacyCourse) {
      this.fx = fx;
      this.random = random;
      this.privacy = privacy;
      this.privacyCourse = privacyCourse;
    }

    /** Everyone still employed: the managers and the active staff. */
    Set<UUID> employed() {
      Set<UUID> out = new HashSet<>(active);
      managers.forEach(m -> out.add(m.id().value()));
      return out;
    }
  }

  /**
   * Builds the templates; the last sweep is on the eve of {@link #START}, the clock ends on {@link
   * #START}, nothing swept that day yet.
   *
   * @param builder a Trainproof builder with its store set
   * @param templates how many template organizations
   * @param staff members of each at go-live
   * @param stepDays days between two steps ({@link #STEP_DAYS})
   * @return the population
   */
  static TenantPopulation build(
      Trainproof.Builder builder, int templates, int staff, int stepDays) {
    SettableClock clock = Population.clockAt(GO_LIVE.minusDays(1));
    Trainproof tp = builder.clock(clock).build();
    TenantPopulation p = new TenantPopulation(clock, tp);
    List<Practice> practices = new ArrayList<>();
    for (int t = 0; t < templates; t++) {
      practices.add(p.setUp(t));
    }
    int steps = (int) (ChronoUnit.DAYS.between(GO_LIVE, START) / stepDays);
    // why a thread per template: the templates are independent organizations (their own audit
    // chains and rows); the services are thread-safe, and the build takes a quarter as long.
    ExecutorService threads = Executors.newFixedThreadPool(templates);
    try {
      for (int s = 0; s < steps; s++) {
        int step = s;
        LocalDate day = GO_LIVE.plusDays((long) s * stepDays);
        clock.set(day.atTime(9, 0).atZone(Population.ZONE).toInstant());
        inParallel(
            threads,
            practices,
            pr -> {
              if (step == 0) {
                p.hireStaff(pr, staff, day);
              } else {
                p.turnover(pr, staff, day, stepDays);
              }
              if (step == steps / 2) {
                // A year in: a material change of the privacy policy, and the course for it.
                pr.privacyVersions.add(pr.fx.materialChange(pr.privacy, day));
                pr.fx.reviseCourse(pr.privacyCourse, "2", pr.privacy);
              }
            });
        tp.scheduler().sweep();
        inParallel(
            threads,
            practices,
            pr -> {
              p.complete(pr, day);
              if (step % 4 == 3) {
                p.attest(pr, day);
              }
            });
      }
    } finally {
      threads.shutdownNow();
    }
    for (Practice pr : practices) {
      p.completions += pr.completions;
      p.attestations += pr.attestations;
    }
    // The eve of the first measured day: swept as every night, so each measured sweep (START and
    // the days after) has one day of changes to make, not the days since the last step.
    clock.set(START.minusDays(1).atTime(9, 0).atZone(Population.ZONE).toInstant());
    tp.scheduler().sweep();
    clock.set(START.atTime(9, 0).atZone(Population.ZONE).toInstant());
    for (Practice pr : practices) {
      List<UUID> members = new ArrayList<>(pr.key.keySet());
      members.sort(Comparator.comparingDouble(pr.key::get));
      p.templates.add(new Template(pr.fx.org().id().value(), List.copyOf(members)));
    }
    return p;
  }

  /** Runs the work for every practice, one thread each, and waits for all. */
  private static void inParallel(
      ExecutorService threads, List<Practice> practices, Consumer<Practice> work) {
    List<Future<?>> running = new ArrayList<>();
    for (Practice pr : practices) {
      running.add(threads.submit(() -> work.accept(pr)));
    }
    try {
      for (Future<?> f : running) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("building a template failed", e.getCause());
    }
  }

  /** The template's organization, policy, courses and requirements, in force from go-live. */
  private Practice setUp(int t) {
    Organization org =
        trainproof
            .organizations()
            .create(
                Actor.platform("platform"),
                OrganizationService.NewOrganization.of("Template practice " + t, Population.ZONE));
    Fixtures fx = Fixtures.organizationFor(trainproof, org);
    Actor officer = fx.officer();
    Policy privacy =
        trainproof
            .policies()
            .create(
                officer,
                new PolicyService.NewPolicy(
                    "PRIVACY",
                    "Privacy practices",
                    Audience.everyone(),
                    AttestationTrigger.EVERY_VERSION,
                    30,
                    null));
    Course hipaaPrivacy = fx.course("HIPAA-PRIVACY", privacy);
    Practice pr = new Practice(fx, new Random(7919L * (t + 1)), privacy, hipaaPrivacy);
    pr.privacyVersions.add(
        trainproof
            .policies()
            .publish(
                officer,
                privacy.id(),
                new PolicyService.NewVersion(
                    GO_LIVE, Fixtures.sha256("privacy v1"), "Initial version", false, Set.of())));
    Course hipaaSecurity = fx.course("HIPAA-SECURITY");
    Course bloodborne = fx.course("OSHA-BBP");
    Course fraud = fx.course("FWA");
    Course itSecurity = fx.course("IT-SECURITY");
    Course leadership = fx.course("HARASSMENT-MGR");
    Course confidentiality = fx.course("CONTRACTOR-CONF");
    Recurrence yearly = Recurrence.every(Period.ofYears(1), Recurrence.CountFrom.COMPLETION);
    Recurrence twoYearly = Recurrence.every(Period.ofYears(2), Recurrence.CountFrom.COMPLETION);
    fx.requirement(
        "HIPAA privacy",
        Fixtures.terms(hipaaPrivacy, GO_LIVE)
            .recurrence(yearly, Period.ofDays(30))
            .retrainWithinDays(30)
            .build());
    fx.requirement(
        "HIPAA security awareness",
        Fixtures.terms(hipaaSecurity, GO_LIVE).recurrence(yearly, Period.ofDays(30)).build());
    fx.requirement(
        "Bloodborne pathogens",
        Fixtures.terms(bloodborne, GO_LIVE)
            .audience(Audience.roles("clinical"))
            .recurrence(yearly, Period.ofDays(30))
            .build());
    fx.requirement(
        "Fraud, waste and abuse",
        Fixtures.terms(fraud, GO_LIVE)
            .audience(Audience.roles("billing", "front-desk"))
            .recurrence(twoYearly, Period.ofDays(60))
            .build());
    fx.requirement(
        "IT security administration",
        Fixtures.terms(itSecurity, GO_LIVE)
            .audience(Audience.roles("it"))
            .recurrence(yearly, Period.ofDays(30))
            .build());
    fx.requirement(
        "Harassment prevention for managers",
        Fixtures.terms(leadership, GO_LIVE)
            .audience(Audience.roles("manager"))
            .recurrence(twoYearly, Period.ofDays(60))
            .build());
    fx.requirement(
        "Contractor confidentiality",
        Fixtures.terms(confidentiality, GO_LIVE)
            .audience(new Audience(Set.of(), Set.of(), Set.of(WorkforceType.CONTRACTOR)))
            .initialDueDays(14)
            .build());
    return pr;
  }

  /** Go-live: the managers, then the staff, engaged up to five years before go-live. */
  private void hireStaff(Practice pr, int staff, LocalDate day) {
    int managers = Math.max(1, staff / MEMBERS_PER_MANAGER);
    List<WorkforceService.NewMember> first = new ArrayList<>();
    for (int i = 0; i < managers; i++) {
      String role = i % 3 == 0 ? "clinical" : "front-desk";
      pr.hired++;
      first.add(
          new WorkforceService.NewMember(
              "EMP-" + pr.hired,
              "Member " + pr.hired,
              WorkforceType.EMPLOYEE,
              Set.of(role, "manager"),
              "Management",
              null,
              day.minusDays(pr.random.nextInt(1800))));
    }
    List<WorkforceMember> hired = trainproof.workforce().hireAll(pr.fx.officer(), first);
    for (int i = 0; i < hired.size(); i++) {
      pr.managers.add(hired.get(i));
      pr.key.put(hired.get(i).id().value(), (double) i / managers);
    }
    List<WorkforceService.NewMember> rest = new ArrayList<>();
    List<Double> keys = new ArrayList<>();
    for (int i = managers; i < staff; i++) {
      double key = pr.random.nextDouble();
      keys.add(key);
      rest.add(member(pr, day.minusDays(pr.random.nextInt(1800)), key));
    }
    hired = trainproof.workforce().hireAll(pr.fx.officer(), rest);
    for (int i = 0; i < hired.size(); i++) {
      pr.key.put(hired.get(i).id().value(), keys.get(i));
      pr.active.add(hired.get(i).id().value());
    }
  }

  /** A non-manager with a rank key: their manager is one ranked before them. */
  private WorkforceService.NewMember member(Practice pr, LocalDate engagedOn, double key) {
    int percent = pr.random.nextInt(100);
    Job job = JOBS.get(JOBS.size() - 1);
    for (Job j : JOBS) {
      if (percent < j.percent()) {
        job = j;
        break;
      }
      percent -= j.percent();
    }
    int below = Math.max(1, (int) Math.ceil(key * pr.managers.size()));
    WorkforceMember manager = pr.managers.get(pr.random.nextInt(below));
    return newMember(pr, engagedOn, manager.id(), job, job.role());
  }

  private static WorkforceService.NewMember newMember(
      Practice pr, LocalDate engagedOn, Id<WorkforceMember> manager, Job job, String role) {
    pr.hired++;
    return new WorkforceService.NewMember(
        "EMP-" + pr.hired,
        "Member " + pr.hired,
        job.type(),
        Set.of(role),
        job.department(),
        manager,
        engagedOn);
  }

  /**
   * About 15 % of the staff leave in a year and somewhat more are hired (the practice grows); now
   * and then someone changes role (front desk to billing).
   */
  private void turnover(Practice pr, int staff, LocalDate day, int stepDays) {
    double perStep = staff * 0.15 * stepDays / 365;
    for (double left = perStep; left > 0 && !pr.active.isEmpty(); left -= 1) {
      if (pr.random.nextDouble() < left) {
        UUID leaver = pr.active.remove(pr.random.nextInt(pr.active.size()));
        trainproof.workforce().terminate(pr.fx.officer(), new Id<>(leaver), day);
      }
    }
    for (double joining = perStep * 1.1; joining > 0; joining -= 1) {
      if (pr.random.nextDouble() < joining) {
        double key = pr.random.nextDouble();
        WorkforceMember m =
            trainproof.workforce().hire(pr.fx.officer(), member(pr, day.minusDays(3), key));
        pr.key.put(m.id().value(), key);
        pr.active.add(m.id().value());
      }
    }
    if (pr.random.nextDouble() < staff * stepDays / 2800.0 && !pr.active.isEmpty()) {
      UUID changing = pr.active.get(pr.random.nextInt(pr.active.size()));
      trainproof
          .workforce()
          .change(
              pr.fx.officer(),
              new Id<>(changing),
              WorkforceService.MemberChange.roles(day, Set.of("billing")));
    }
  }

  /**
   * Completes every open assignment of an active member whose delay has passed: a delay in days
   * after the assignment, drawn from the assignment's id (55 % within 3 weeks, 25 % in 3 to 6
   * weeks, 13 % 6 to 11 weeks, 7 % 11 to 22 weeks).
   */
  private void complete(Practice pr, LocalDate day) {
    Actor officer = pr.fx.officer();
    Set<UUID> active = pr.employed();
    List<Assignment> due = new ArrayList<>();
    String after = null;
    do {
      Page<Assignment> page = trainproof.assignments().page(officer, after, 1000);
      for (Assignment a : page.items()) {
        if (a.isOpen()
            && active.contains(a.member().value())
            && !day.isBefore(a.assignedOn().plusDays(delay(a.id().value())))) {
          due.add(a);
        }
      }
      after = page.next();
    } while (after != null);
    // why: one completion closes every open assignment of its course for the member (a renewal
    // and a retraining both), so the ones it closed are not completed again
    Set<UUID> closed = new HashSet<>();
    for (Assignment a : due) {
      if (closed.contains(a.id().value())) {
        continue;
      }
      CompletionService.Outcome outcome =
          trainproof
              .completions()
              .record(officer, CompletionService.Request.inApp(a.id(), day, 95, officer.id()));
      outcome.closed().forEach(x -> closed.add(x.id().value()));
      pr.completions++;
    }
  }

  static int delay(UUID id) {
    long bits = id.getLeastSignificantBits() ^ id.getMostSignificantBits();
    int bucket = (int) Math.floorMod(bits, 100L);
    int spread = (int) Math.floorMod(bits >>> 20, 1000L);
    if (bucket < 55) {
      return 2 + spread % 20;
    }
    if (bucket < 80) {
      return 22 + spread % 20;
    }
    if (bucket < 93) {
      return 42 + spread % 35;
    }
    return 77 + spread % 77;
  }

  /** Nine in ten active members attest each privacy version they were asked to, themselves. */
  private void attest(Practice pr, LocalDate day) {
    Set<UUID> active = pr.employed();
    for (PolicyVersion v : pr.privacyVersions) {
      if (v.effectiveFrom().isAfter(day)) {
        continue;
      }
      for (AttestationStatus s :
          trainproof.attestations().forVersion(pr.fx.officer(), v.id(), day)) {
        UUID member = s.attestation().member().value();
        boolean open =
            s.state() == AttestationState.PENDING || s.state() == AttestationState.OVERDUE;
        if (open && active.contains(member) && Math.floorMod(member.hashCode(), 10) != 0) {
          Actor self =
              new Actor("member-" + member, ActorRole.MEMBER, pr.fx.org().id(), new Id<>(member));
          trainproof
              .attestations()
              .record(
                  self,
                  new AttestationService.Submission(
                      s.attestation().id(),
                      "I have read and understand the privacy practices policy.",
                      AttestationMethod.CLICK_THROUGH,
                      null,
                      null));
          pr.attestations++;
        }
      }
    }
  }
}
