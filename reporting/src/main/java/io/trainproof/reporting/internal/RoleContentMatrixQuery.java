package io.trainproof.reporting.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.RegulatoryTopic;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.RequirementTerms;
import io.trainproof.reporting.report.Labels;
import io.trainproof.reporting.report.RoleContentMatrix;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Role to required content: for each role, the active requirements that apply to it, their course,
 * version, citations and schedule. Stateless and thread-safe.
 */
final class RoleContentMatrixQuery {
  private final QueryContext context;

  RoleContentMatrixQuery(QueryContext context) {
    this.context = context;
  }

  RoleContentMatrix report(Actor actor, LocalDate asOf) {
    Scope s = context.open(actor, asOf, null);
    Lookups l = context.lookups(s);
    List<RoleContentMatrix.Row> rows = new ArrayList<>();
    for (Requirement r : l.requirements().values()) {
      RequirementTerms t = r.termsOn(asOf).orElse(null);
      if (t == null || !t.active()) {
        continue;
      }
      CourseVersion cv = l.latestReleased(t.course());
      Set<String> citations =
          cv == null
              ? Set.of()
              : cv.topics().stream()
                  .map(RegulatoryTopic::citation)
                  .collect(Collectors.toCollection(TreeSet::new));
      String courseTitle =
          l.courses().containsKey(t.course()) ? l.courses().get(t.course()).title() : "";
      List<String> roles =
          t.audience().roles().isEmpty()
              ? List.of(RoleContentMatrix.ALL_ROLES)
              : new ArrayList<>(new TreeSet<>(t.audience().roles()));
      for (String role : roles) {
        rows.add(
            new RoleContentMatrix.Row(
                role,
                r.name(),
                audience(t.audience()),
                l.courseCode(t.course()),
                courseTitle,
                cv == null ? null : cv.label(),
                citations,
                t.initialDueDays(),
                recurrence(t.recurrence()),
                t.retrainWithinDays(),
                r.rationale()));
      }
    }
    rows.sort(
        Comparator.comparing(RoleContentMatrix.Row::role)
            .thenComparing(RoleContentMatrix.Row::requirement));
    return new RoleContentMatrix(
        s.header(
            Labels.english().title(RoleContentMatrix.class), "164.530(b)(1), 164.308(a)(5)", null),
        rows);
  }

  private static String audience(Audience a) {
    if (a.isEveryone()) {
      return "everyone";
    }
    List<String> parts = new ArrayList<>();
    if (!a.roles().isEmpty()) {
      parts.add("roles " + String.join(", ", new TreeSet<>(a.roles())));
    }
    if (!a.departments().isEmpty()) {
      parts.add("departments " + String.join(", ", new TreeSet<>(a.departments())));
    }
    if (!a.types().isEmpty()) {
      parts.add(
          "types "
              + a.types().stream()
                  .map(t -> t.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                  .sorted()
                  .collect(Collectors.joining(", ")));
    }
    return String.join("; ", parts);
  }

  /**
   * A recurrence in words: "every 2 years, counted from the completion", "every year on January
   * 31".
   */
  static String recurrence(Recurrence r) {
    if (r instanceof Recurrence.Every e) {
      return "every "
          + period(e.period())
          + ", counted from "
          + switch (e.from()) {
            case COMPLETION -> "the completion";
            case DUE_DATE -> "the due date";
            case EXPIRY -> "the expiry when renewed early, else the completion";
          };
    }
    if (r instanceof Recurrence.FixedDate f) {
      return "every year on "
          + f.date().getMonth().getDisplayName(TextStyle.FULL, Locale.US)
          + " "
          + f.date().getDayOfMonth();
    }
    return "once";
  }

  /** A period in words: "year", "2 years", "18 months", "1 year and 6 months", "90 days". */
  // why: each part of the period is written in words, years, months and days alike
  @SuppressWarnings("JavaPeriodGetDays")
  static String period(Period p) {
    List<String> parts = new ArrayList<>();
    if (p.getYears() != 0) {
      parts.add(unit(p.getYears(), "year"));
    }
    if (p.getMonths() != 0) {
      parts.add(unit(p.getMonths(), "month"));
    }
    if (p.getDays() != 0) {
      parts.add(unit(p.getDays(), "day"));
    }
    if (parts.size() == 1 && parts.get(0).startsWith("1 ")) {
      return parts.get(0).substring(2);
    }
    return parts.isEmpty() ? "day" : String.join(" and ", parts);
  }

  private static String unit(int n, String name) {
    return n + " " + name + (n == 1 ? "" : "s");
  }
}
