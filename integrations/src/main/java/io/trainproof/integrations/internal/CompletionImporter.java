package io.trainproof.integrations.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Provenance;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.integrations.CompletionImportResult;
import io.trainproof.integrations.ErrorKind;
import io.trainproof.integrations.ImportOptions;
import io.trainproof.integrations.ImportedCompletion;
import io.trainproof.integrations.RowError;
import io.trainproof.integrations.SkippedRow;
import io.trainproof.integrations.WaivedAssignment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Applies candidates from any format through {@code completions().importCompletion}: resolves
 * members by external id and courses by code and version label, skips what was already imported
 * from the same source reference, and applies the batch in a canonical order (time, then reference)
 * so that any permutation of the same input ends in the same state. Thread-safe; each call keeps
 * its own state. Not API.
 */
public final class CompletionImporter {
  private final Trainproof trainproof;

  /**
   * An importer.
   *
   * @param trainproof the instance
   */
  public CompletionImporter(Trainproof trainproof) {
    this.trainproof = trainproof;
  }

  /**
   * @return the instance
   */
  public Trainproof trainproof() {
    return trainproof;
  }

  /**
   * The organization of the actor, for its zone.
   *
   * @param actor the caller
   * @return the organization
   */
  public Organization organization(Actor actor) {
    return trainproof.organizations().get(actor);
  }

  /**
   * Imports candidates.
   *
   * @param actor who runs the import (recorded in each provenance)
   * @param options mode and dry run
   * @param candidates what was read
   * @param readErrors errors found while reading
   * @param skipped rows read but not evidence
   * @param readable false when the input could not be read completely (nothing is applied in
   *     all-or-nothing mode then, as for any error)
   * @return the result
   */
  public CompletionImportResult run(
      Actor actor,
      ImportOptions options,
      List<Candidate> candidates,
      List<RowError> readErrors,
      List<SkippedRow> skipped,
      boolean readable) {
    List<RowError> errors = new ArrayList<>(readErrors);
    List<SkippedRow> skips = new ArrayList<>(skipped);
    List<Candidate> unique = dropDuplicates(candidates, errors);
    unique.sort(Comparator.comparing(Candidate::at).thenComparing(Candidate::sourceRef));
    List<ImportedCompletion> imported = new ArrayList<>();
    List<WaivedAssignment> waived = new ArrayList<>();
    Batch batch =
        Batch.forImport(
            trainproof, options.mode(), options.dryRun(), !errors.isEmpty() || !readable);
    Batch.Outcome outcome =
        batch.run(
            () -> {
              Courses courses = new Courses(actor);
              for (Candidate c : unique) {
                batch.row(
                    c.line(),
                    c.sourceRef(),
                    () -> {
                      apply(actor, c, courses, imported, waived, skips);
                      return Boolean.TRUE;
                    },
                    errors::add);
              }
            },
            errors);
    if (outcome == Batch.Outcome.DISCARDED) {
      imported.clear();
      waived.clear();
    }
    errors.sort(Comparator.comparingInt(RowError::line));
    skips.sort(Comparator.comparingInt(SkippedRow::line));
    return new CompletionImportResult(
        options, outcome == Batch.Outcome.COMMITTED, imported, waived, skips, errors);
  }

  private static List<Candidate> dropDuplicates(List<Candidate> candidates, List<RowError> errors) {
    Map<String, List<Candidate>> byRef = new LinkedHashMap<>();
    for (Candidate c : candidates) {
      byRef.computeIfAbsent(c.source() + "\u0000" + c.sourceRef(), k -> new ArrayList<>()).add(c);
    }
    List<Candidate> unique = new ArrayList<>();
    for (List<Candidate> same : byRef.values()) {
      if (same.size() == 1) {
        unique.add(same.get(0));
        continue;
      }
      String lines = String.join(", ", same.stream().map(c -> String.valueOf(c.line())).toList());
      for (Candidate c : same) {
        errors.add(
            new RowError(
                c.line(),
                c.sourceRef(),
                "id",
                ErrorKind.DUPLICATE,
                "the same reference appears more than once in this input (lines " + lines + ")"));
      }
    }
    return unique;
  }

  private void apply(
      Actor actor,
      Candidate c,
      Courses courses,
      List<ImportedCompletion> imported,
      List<WaivedAssignment> waived,
      List<SkippedRow> skipped) {
    // why: not getByExternalId and a caught NotFoundException: inside the batch's unit of work the
    // JPA store fails the whole transaction on any failed nested call, caught or not.
    WorkforceMember member =
        trainproof
            .workforce()
            .findByExternalId(actor, c.memberExternalId())
            .orElseThrow(
                () ->
                    new RowFailure(
                        new RowError(
                            c.line(),
                            c.sourceRef(),
                            c.fields().member(),
                            ErrorKind.UNKNOWN_MEMBER,
                            "no workforce member has this external id")));
    Course course = courses.course(c);
    CourseVersion version = courses.version(c, course);
    for (Completion done : trainproof.completions().forMember(actor, member.id())) {
      Provenance p = done.provenance();
      if (c.source().equals(p.source()) && c.sourceRef().equals(p.sourceRef())) {
        imported.add(
            new ImportedCompletion(
                c.line(),
                c.sourceRef(),
                member.id(),
                done.course(),
                done.id(),
                done.completedOn(),
                done.score(),
                done.passed(),
                true));
        return;
      }
    }
    Optional<Assignment> open =
        trainproof.assignments().forMember(actor, member.id()).stream()
            .filter(a -> a.isOpen() && a.course().equals(course.id()))
            .min(Comparator.comparing(Assignment::currentDueOn));
    if (c.isWaiver()) {
      if (open.isEmpty()) {
        skipped.add(
            new SkippedRow(
                c.line(),
                c.sourceRef(),
                "waived, but the member has no open assignment for the course"));
        return;
      }
      Assignment a =
          trainproof
              .assignments()
              .waive(
                  actor,
                  open.get().id(),
                  "cmi5 waived statement "
                      + c.sourceRef()
                      + " from "
                      + c.source()
                      + ": "
                      + c.waiverReason());
      waived.add(new WaivedAssignment(c.line(), c.sourceRef(), a.id()));
      return;
    }
    boolean passes =
        c.score() != null ? c.score() >= version.passMark() : c.success() == null || c.success();
    if (!passes && open.isEmpty()) {
      // why: core would open a new assignment due on the attempt date (overdue at once) just
      // to hang a failing attempt on; after a pass that is noise, not evidence of a gap
      skipped.add(
          new SkippedRow(
              c.line(),
              c.sourceRef(),
              "a failing attempt while the member has no open assignment for the course is not recorded"));
      return;
    }
    CompletionService.Outcome outcome;
    try {
      outcome =
          trainproof
              .completions()
              .importCompletion(
                  actor,
                  new CompletionService.Import(
                      member.id(),
                      course.id(),
                      c.course().versionLabel() == null ? null : version.id(),
                      c.completedOn(),
                      c.score(),
                      c.success(),
                      new Provenance(c.method(), actor.id(), c.source(), c.sourceRef(), null),
                      List.of()));
    } catch (ValidationException e) {
      throw new RowFailure(
          new RowError(
              c.line(),
              c.sourceRef(),
              inputField(c, e.field()),
              ErrorKind.REJECTED,
              String.valueOf(e.getMessage())));
    }
    Completion done = outcome.completion();
    imported.add(
        new ImportedCompletion(
            c.line(),
            c.sourceRef(),
            member.id(),
            course.id(),
            done.id(),
            done.completedOn(),
            done.score(),
            done.passed(),
            false));
  }

  private static String inputField(Candidate c, String coreField) {
    return switch (coreField) {
      case "completedOn" -> c.fields().date();
      case "score" -> c.fields().score();
      case "course", "courseVersion" -> c.fields().course();
      case "member" -> c.fields().member();
      default -> coreField;
    };
  }

  /** The organization's courses by code, read once per batch. */
  private final class Courses {
    private final Actor actor;
    private @Nullable Map<String, Course> byCode;
    private final Map<Course, List<CourseVersion>> versions = new HashMap<>();

    Courses(Actor actor) {
      this.actor = actor;
    }

    Course course(Candidate c) {
      if (byCode == null) {
        Map<String, Course> map = new HashMap<>();
        for (Course course : trainproof.courses().list(actor)) {
          map.put(course.code(), course);
        }
        byCode = map;
      }
      Course course = byCode.get(c.course().code());
      if (course == null) {
        throw new RowFailure(
            new RowError(
                c.line(),
                c.sourceRef(),
                c.fields().course(),
                ErrorKind.UNKNOWN_COURSE,
                "no course has the code '" + c.course().code() + "'"));
      }
      return course;
    }

    CourseVersion version(Candidate c, Course course) {
      List<CourseVersion> all =
          versions.computeIfAbsent(course, k -> trainproof.courses().versions(actor, k.id()));
      if (all.isEmpty()) {
        throw new RowFailure(
            new RowError(
                c.line(),
                c.sourceRef(),
                c.fields().course(),
                ErrorKind.UNKNOWN_COURSE,
                "course '" + course.code() + "' has no released version"));
      }
      String label = c.course().versionLabel();
      if (label != null) {
        return all.stream()
            .filter(v -> v.label().equals(label))
            .findFirst()
            .orElseThrow(
                () ->
                    new RowFailure(
                        new RowError(
                            c.line(),
                            c.sourceRef(),
                            c.fields().course(),
                            ErrorKind.UNKNOWN_COURSE,
                            "course '"
                                + course.code()
                                + "' has no version labelled '"
                                + label
                                + "'")));
      }
      // why: the same rule core applies: the version released by the completion date, else the
      // first
      CourseVersion atTheTime = all.get(0);
      for (CourseVersion v : all) {
        if (!v.releasedAt().isAfter(c.at())) {
          atTheTime = v;
        }
      }
      return atTheTime;
    }
  }
}
