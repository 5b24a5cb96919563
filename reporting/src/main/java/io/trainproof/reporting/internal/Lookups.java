package io.trainproof.reporting.internal;

import io.trainproof.core.Trainproof;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Page;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.WorkforceMember;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Reference data one report run reads through the services, as the run's actor, loaded on first
 * use. Not thread-safe: one per run.
 */
final class Lookups {
  private final Trainproof tp;
  private final Scope scope;
  private final int pageSize;
  private @Nullable Map<Id<Course>, Course> courses;
  private @Nullable Map<Id<CourseVersion>, CourseVersion> courseVersions;
  private @Nullable Map<Id<Requirement>, Requirement> requirements;
  private @Nullable Map<Id<Policy>, Policy> policies;
  private @Nullable Map<Id<PolicyVersion>, PolicyVersion> policyVersions;
  private @Nullable Map<Id<WorkforceMember>, WorkforceMember> members;

  Lookups(Trainproof tp, Scope scope, int pageSize) {
    this.tp = tp;
    this.scope = scope;
    this.pageSize = pageSize;
  }

  Map<Id<Course>, Course> courses() {
    if (courses == null) {
      Map<Id<Course>, Course> m = new LinkedHashMap<>();
      tp.courses().list(scope.actor()).forEach(c -> m.put(c.id(), c));
      courses = m;
    }
    return courses;
  }

  String courseCode(Id<Course> id) {
    Course c = courses().get(id);
    return c == null ? id.toString() : c.code();
  }

  /** Course versions released by the as-of date. */
  Map<Id<CourseVersion>, CourseVersion> courseVersions() {
    if (courseVersions == null) {
      Map<Id<CourseVersion>, CourseVersion> m = new HashMap<>();
      for (Course c : courses().values()) {
        for (CourseVersion v : tp.courses().versions(scope.actor(), c.id())) {
          m.put(v.id(), v);
        }
      }
      courseVersions = m;
    }
    return courseVersions;
  }

  @Nullable CourseVersion latestReleased(Id<Course> course) {
    CourseVersion latest = null;
    for (CourseVersion v : courseVersions().values()) {
      if (v.course().equals(course)
          && scope.knownBy(v.releasedAt())
          && (latest == null || v.releasedAt().isAfter(latest.releasedAt()))) {
        latest = v;
      }
    }
    return latest;
  }

  Map<Id<Requirement>, Requirement> requirements() {
    if (requirements == null) {
      Map<Id<Requirement>, Requirement> m = new LinkedHashMap<>();
      tp.requirements().list(scope.actor()).forEach(r -> m.put(r.id(), r));
      requirements = m;
    }
    return requirements;
  }

  @Nullable String requirementName(@Nullable Id<Requirement> id) {
    if (id == null) {
      return null;
    }
    Requirement r = requirements().get(id);
    return r == null ? id.toString() : r.name();
  }

  Map<Id<Policy>, Policy> policies() {
    if (policies == null) {
      Map<Id<Policy>, Policy> m = new LinkedHashMap<>();
      tp.policies().list(scope.actor()).forEach(p -> m.put(p.id(), p));
      policies = m;
    }
    return policies;
  }

  /**
   * Every version of every policy, published by the as-of date, in policy code then number order.
   */
  Map<Id<PolicyVersion>, PolicyVersion> policyVersions() {
    if (policyVersions == null) {
      Map<Id<PolicyVersion>, PolicyVersion> m = new LinkedHashMap<>();
      for (Policy p : policies().values()) {
        for (PolicyVersion v : tp.policies().versions(scope.actor(), p.id())) {
          if (scope.knownBy(v.publishedAt())) {
            m.put(v.id(), v);
          }
        }
      }
      policyVersions = m;
    }
    return policyVersions;
  }

  String policyVersionLabel(@Nullable Id<PolicyVersion> id) {
    if (id == null) {
      return "";
    }
    PolicyVersion v = policyVersions().get(id);
    if (v == null) {
      return id.toString();
    }
    Policy p = policies().get(v.policy());
    return (p == null ? v.policy().toString() : p.code()) + " v" + v.number();
  }

  /**
   * Every member the actor may see, in HR id order (then name, then id): the order every report's
   * rows follow, meaningful to a reader and the same in every run (ids are random).
   */
  Map<Id<WorkforceMember>, WorkforceMember> members() {
    if (members == null) {
      List<WorkforceMember> all = new ArrayList<>();
      String cursor = null;
      do {
        Page<WorkforceMember> page = tp.workforce().page(scope.actor(), cursor, pageSize);
        all.addAll(page.items());
        cursor = page.next();
      } while (cursor != null);
      all.sort(
          Comparator.comparing(WorkforceMember::externalId)
              .thenComparing(WorkforceMember::displayName)
              .thenComparing(w -> w.id().toString()));
      Map<Id<WorkforceMember>, WorkforceMember> m = new LinkedHashMap<>();
      all.forEach(w -> m.put(w.id(), w));
      members = m;
    }
    return members;
  }

  /**
   * Walks every assignment the actor may see, page by page, existing on the as-of date.
   *
   * @param each called for each
   */
  void eachAssignment(Consumer<Assignment> each) {
    String cursor = null;
    do {
      Page<Assignment> page = tp.assignments().page(scope.actor(), cursor, pageSize);
      for (Assignment a : page.items()) {
        if (a.existsOn(scope.asOf())) {
          each.accept(a);
        }
      }
      cursor = page.next();
    } while (cursor != null);
  }

  List<Assignment> assignments(Predicate<Assignment> filter) {
    List<Assignment> out = new ArrayList<>();
    eachAssignment(
        a -> {
          if (filter.test(a)) {
            out.add(a);
          }
        });
    return out;
  }
}
