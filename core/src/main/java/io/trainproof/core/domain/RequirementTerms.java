package io.trainproof.core.domain;

import java.time.LocalDate;
import java.time.Period;
import org.jspecify.annotations.Nullable;

/**
 * What a requirement asks from a date on. A requirement's terms are effective-dated so that "what
 * was required of whom" can be answered as of any date. Immutable.
 *
 * @param effectiveFrom the first date these terms apply
 * @param audience who must complete the course
 * @param course the course to complete
 * @param initialDueDays the first assignment is due this many days after the later of the member's
 *     engagement (or entry into the audience) and the date the rule started
 * @param recurrence how it repeats after completion
 * @param renewalWindow how long before the next due date the renewal assignment opens; never longer
 *     than the recurrence period or the minimum active period
 * @param minimumActive for fixed-date recurrence: the least time a completion stays valid before
 *     the next fixed date may fall due
 * @param graceDays days after the due date before an open assignment counts as overdue
 * @param retrainWithinDays when a material change of a covered policy affects the audience,
 *     retraining is due this many days after the change takes effect; null: no retraining
 * @param reminders reminder and escalation schedule
 * @param active false once the requirement is retired
 */
public record RequirementTerms(
    LocalDate effectiveFrom,
    Audience audience,
    Id<Course> course,
    int initialDueDays,
    Recurrence recurrence,
    Period renewalWindow,
    Period minimumActive,
    int graceDays,
    @Nullable Integer retrainWithinDays,
    ReminderSchedule reminders,
    boolean active) {

  /**
   * These terms from another date, with another active flag.
   *
   * @param from the new effective date
   * @param isActive whether the requirement applies
   * @return the new terms
   */
  public RequirementTerms withActive(LocalDate from, boolean isActive) {
    return toBuilder().effectiveFrom(from).active(isActive).build();
  }

  /**
   * A builder for terms, each component set by name so that the two day counts ({@code
   * initialDueDays}, {@code graceDays}) and the two periods ({@code renewalWindow}, {@code
   * minimumActive}) cannot be swapped silently. {@code retrainWithinDays} defaults to null (no
   * retraining) and {@code active} to true; every other component is required.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding these terms' components, for terms that differ in a few.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    return new Builder()
        .effectiveFrom(effectiveFrom)
        .audience(audience)
        .course(course)
        .initialDueDays(initialDueDays)
        .recurrence(recurrence)
        .renewalWindow(renewalWindow)
        .minimumActive(minimumActive)
        .graceDays(graceDays)
        .retrainWithinDays(retrainWithinDays)
        .reminders(reminders)
        .active(active);
  }

  /**
   * Builds {@link RequirementTerms} by component name; {@link #build()} fails with a {@link
   * io.trainproof.core.ValidationException} naming the first required component not given. Not
   * thread-safe; use one per value.
   */
  public static final class Builder {
    private @Nullable LocalDate effectiveFrom;
    private @Nullable Audience audience;
    private @Nullable Id<Course> course;
    private @Nullable Integer initialDueDays;
    private @Nullable Recurrence recurrence;
    private @Nullable Period renewalWindow;
    private @Nullable Period minimumActive;
    private @Nullable Integer graceDays;
    private @Nullable Integer retrainWithinDays;
    private @Nullable ReminderSchedule reminders;
    private boolean active = true;

    private Builder() {}

    /** Sets the first date these terms apply; returns this builder. */
    public Builder effectiveFrom(LocalDate value) {
      this.effectiveFrom = value;
      return this;
    }

    /** Sets who must complete the course; returns this builder. */
    public Builder audience(Audience value) {
      this.audience = value;
      return this;
    }

    /** Sets the course to complete; returns this builder. */
    public Builder course(Id<Course> value) {
      this.course = value;
      return this;
    }

    /** Sets the days from the anchor to the first due date; returns this builder. */
    public Builder initialDueDays(int value) {
      this.initialDueDays = value;
      return this;
    }

    /** Sets how it repeats after completion; returns this builder. */
    public Builder recurrence(Recurrence value) {
      this.recurrence = value;
      return this;
    }

    /** Sets how long before a due date the renewal opens; returns this builder. */
    public Builder renewalWindow(Period value) {
      this.renewalWindow = value;
      return this;
    }

    /** Sets the least time a completion stays valid under a fixed date; returns this builder. */
    public Builder minimumActive(Period value) {
      this.minimumActive = value;
      return this;
    }

    /** Sets the days after the due date before overdue; returns this builder. */
    public Builder graceDays(int value) {
      this.graceDays = value;
      return this;
    }

    /** Sets the days to retrain after a material change, or null for none; returns this builder. */
    public Builder retrainWithinDays(@Nullable Integer value) {
      this.retrainWithinDays = value;
      return this;
    }

    /** Sets the reminder and escalation schedule; returns this builder. */
    public Builder reminders(ReminderSchedule value) {
      this.reminders = value;
      return this;
    }

    /** Sets whether the requirement applies (false once retired); returns this builder. */
    public Builder active(boolean value) {
      this.active = value;
      return this;
    }

    /**
     * The terms.
     *
     * @return the value
     * @throws io.trainproof.core.ValidationException naming a required component not given
     */
    public RequirementTerms build() {
      String t = "requirementTerms";
      return new RequirementTerms(
          Required.component(t, "effectiveFrom", effectiveFrom),
          Required.component(t, "audience", audience),
          Required.component(t, "course", course),
          Required.component(t, "initialDueDays", initialDueDays),
          Required.component(t, "recurrence", recurrence),
          Required.component(t, "renewalWindow", renewalWindow),
          Required.component(t, "minimumActive", minimumActive),
          Required.component(t, "graceDays", graceDays),
          retrainWithinDays,
          Required.component(t, "reminders", reminders),
          active);
    }
  }
}
