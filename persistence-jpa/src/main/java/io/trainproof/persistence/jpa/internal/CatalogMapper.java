package io.trainproof.persistence.jpa.internal;

import static io.trainproof.persistence.jpa.internal.Mapper.idOf;
import static io.trainproof.persistence.jpa.internal.Mapper.mapSet;
import static io.trainproof.persistence.jpa.internal.Mapper.sync;
import static io.trainproof.persistence.jpa.internal.Mapper.syncSet;

import io.trainproof.core.domain.AttestationTrigger;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.RegulatoryTopic;
import io.trainproof.core.domain.ReminderSchedule;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.RequirementTerms;
import io.trainproof.core.domain.WorkforceType;
import java.time.MonthDay;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Maps what an organization trains on: policies and their versions, courses and their versions, and
 * requirements (with their terms history). Stateless; thread-safe.
 */
final class CatalogMapper {
  private CatalogMapper() {}

  // --- policies ----------------------------------------------------------------------

  static PolicyEntity toEntity(Policy p) {
    PolicyEntity e = new PolicyEntity(p.id().value());
    e.orgId = p.organization().value();
    e.createdAt = p.createdAt();
    apply(p, e);
    return e;
  }

  static void apply(Policy p, PolicyEntity e) {
    e.code = p.code();
    e.title = p.title();
    e.audienceRoles = JsonText.strings(p.audience().roles());
    e.audienceDepartments = JsonText.strings(p.audience().departments());
    e.audienceTypes = typeNames(p.audience());
    e.attestOn = p.attestOn().name();
    e.attestWithinDays = p.attestWithinDays();
    e.reviewDueOn = p.reviewDueOn();
  }

  static Policy policy(PolicyEntity e) {
    return new Policy(
        idOf(e.id),
        idOf(e.orgId),
        e.code,
        e.title,
        audience(e.audienceRoles, e.audienceDepartments, e.audienceTypes),
        AttestationTrigger.valueOf(e.attestOn),
        e.attestWithinDays,
        e.reviewDueOn,
        e.createdAt,
        e.version);
  }

  static PolicyVersionEntity toEntity(PolicyVersion v) {
    PolicyVersionEntity e = new PolicyVersionEntity(v.id().value());
    e.policyId = v.policy().value();
    e.orgId = v.organization().value();
    apply(v, e);
    return e;
  }

  static void apply(PolicyVersion v, PolicyVersionEntity e) {
    e.number = v.number();
    e.effectiveFrom = v.effectiveFrom();
    e.textSha256 = v.textSha256();
    e.changeNotes = v.changeNotes();
    e.material = v.material();
    syncSet(e.affectedRoles, v.affectedRoles());
    e.lastInEffectOn = v.lastInEffectOn();
    e.publishedAt = v.publishedAt();
  }

  static PolicyVersion policyVersion(PolicyVersionEntity e) {
    return new PolicyVersion(
        idOf(e.id),
        idOf(e.policyId),
        idOf(e.orgId),
        e.number,
        e.effectiveFrom,
        e.textSha256,
        e.changeNotes,
        e.material,
        Set.copyOf(e.affectedRoles),
        e.lastInEffectOn,
        e.publishedAt);
  }

  /** An audience's workforce types as the JSON array of their names. */
  private static String typeNames(Audience audience) {
    return JsonText.strings(audience.types().stream().map(Enum::name).toList());
  }

  /** An audience from its three JSON array columns. */
  private static Audience audience(String roles, String departments, String types) {
    return new Audience(
        Set.copyOf(JsonText.parseStrings(roles)),
        Set.copyOf(JsonText.parseStrings(departments)),
        mapSet(JsonText.parseStrings(types), WorkforceType::valueOf));
  }

  // --- courses -----------------------------------------------------------------------

  static CourseEntity toEntity(Course c) {
    CourseEntity e = new CourseEntity(c.id().value());
    e.orgId = c.organization().value();
    e.code = c.code();
    e.title = c.title();
    e.createdAt = c.createdAt();
    return e;
  }

  static Course course(CourseEntity e) {
    return new Course(idOf(e.id), idOf(e.orgId), e.code, e.title, e.createdAt);
  }

  static CourseVersionEntity toEntity(CourseVersion v) {
    CourseVersionEntity e = new CourseVersionEntity(v.id().value());
    e.courseId = v.course().value();
    e.orgId = v.organization().value();
    e.label = v.label();
    v.policies().forEach(p -> e.policies.add(p.value()));
    v.topics().forEach(t -> e.topics.add(t.name()));
    e.passMark = v.passMark();
    e.issuesCertificate = v.issuesCertificate();
    e.contentSha256 = v.contentSha256();
    e.releasedAt = v.releasedAt();
    e.certificateValidity =
        v.certificateValidity() == null ? null : v.certificateValidity().toString();
    return e;
  }

  static CourseVersion courseVersion(CourseVersionEntity e) {
    return new CourseVersion(
        idOf(e.id),
        idOf(e.courseId),
        idOf(e.orgId),
        e.label,
        mapSet(e.policies, Mapper::idOf),
        mapSet(e.topics, RegulatoryTopic::valueOf),
        e.passMark,
        e.issuesCertificate,
        e.contentSha256,
        e.releasedAt,
        e.certificateValidity == null ? null : Period.parse(e.certificateValidity));
  }

  // --- requirements ------------------------------------------------------------------

  static RequirementEntity toEntity(Requirement r) {
    RequirementEntity e = new RequirementEntity(r.id().value());
    e.orgId = r.organization().value();
    e.createdAt = r.createdAt();
    apply(r, e);
    return e;
  }

  static void apply(Requirement r, RequirementEntity e) {
    e.name = r.name();
    e.rationale = r.rationale();
    sync(e.history, r.history().stream().map(CatalogMapper::row).toList());
  }

  private static RequirementEntity.Terms row(RequirementTerms t) {
    String kind;
    String period = null;
    String countFrom = null;
    String monthDay = null;
    Recurrence rec = t.recurrence();
    if (rec instanceof Recurrence.Every every) {
      kind = "EVERY";
      period = every.period().toString();
      countFrom = every.from().name();
    } else if (rec instanceof Recurrence.FixedDate fixed) {
      kind = "FIXED_DATE";
      monthDay = fixed.date().toString();
    } else {
      kind = "NONE";
    }
    Audience a = t.audience();
    ReminderSchedule rs = t.reminders();
    return new RequirementEntity.Terms(
        t.effectiveFrom(),
        JsonText.strings(a.roles()),
        JsonText.strings(a.departments()),
        typeNames(a),
        t.course().value(),
        t.initialDueDays(),
        kind,
        period,
        countFrom,
        monthDay,
        t.renewalWindow().toString(),
        t.minimumActive().toString(),
        t.graceDays(),
        t.retrainWithinDays(),
        JsonText.ints(rs.daysBeforeDue()),
        rs.onDueDate(),
        JsonText.ints(rs.daysOverdue()),
        rs.escalateAfterDaysOverdue(),
        t.active());
  }

  static Requirement requirement(RequirementEntity e) {
    List<RequirementTerms> history = new ArrayList<>();
    for (RequirementEntity.Terms t : e.history) {
      Recurrence rec =
          switch (t.recurrenceKind()) {
            case "EVERY" ->
                Recurrence.every(
                    Period.parse(Objects.requireNonNull(t.recurrencePeriod())),
                    Recurrence.CountFrom.valueOf(Objects.requireNonNull(t.recurrenceCountFrom())));
            case "FIXED_DATE" ->
                Recurrence.fixedDate(
                    MonthDay.parse(Objects.requireNonNull(t.recurrenceMonthDay())));
            default -> Recurrence.none();
          };
      Audience audience = audience(t.audienceRoles(), t.audienceDepartments(), t.audienceTypes());
      ReminderSchedule reminders =
          new ReminderSchedule(
              JsonText.parseInts(t.reminderDaysBefore()),
              t.reminderOnDue(),
              JsonText.parseInts(t.reminderDaysOverdue()),
              t.reminderEscalateAfter());
      history.add(
          new RequirementTerms(
              t.effectiveFrom(),
              audience,
              idOf(t.course()),
              t.initialDueDays(),
              rec,
              Period.parse(t.renewalWindow()),
              Period.parse(t.minimumActive()),
              t.graceDays(),
              t.retrainWithinDays(),
              reminders,
              t.active()));
    }
    return new Requirement(
        idOf(e.id), idOf(e.orgId), e.name, e.rationale, history, e.createdAt, e.version);
  }
}
