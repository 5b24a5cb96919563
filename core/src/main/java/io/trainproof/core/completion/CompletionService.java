package io.trainproof.core.completion;

import io.trainproof.core.Actor;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.EvidenceFile;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Provenance;
import io.trainproof.core.domain.WorkforceMember;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Records completions: immutable evidence. A passing completion closes the assignment (and
 * every other open assignment of the member for the same course); a failing one is kept as an
 * attempt and leaves it open. Thread-safe.
 */
public interface CompletionService {

  /**
   * A completion to record.
   *
   * @param assignment the assignment it answers; must be open
   * @param completedOn when; not before engagement, not in the future
   * @param score the score 0 to 100, or null when unscored
   * @param courseVersion the version taken, or null for the newest released
   * @param provenance how it was obtained and who recorded it
   * @param evidence evidence file hashes
   */
  record Request(
      Id<Assignment> assignment,
      LocalDate completedOn,
      @Nullable Integer score,
      @Nullable Id<CourseVersion> courseVersion,
      Provenance provenance,
      List<EvidenceFile> evidence) {

    /**
     * An in-app completion with a score.
     *
     * @param assignment the assignment
     * @param completedOn when
     * @param score the score, or null
     * @param recordedBy the actor id
     * @return the request
     */
    public static Request inApp(
        Id<Assignment> assignment, LocalDate completedOn, @Nullable Integer score, String recordedBy) {
      return new Request(assignment, completedOn, score, null, Provenance.inApp(recordedBy), List.of());
    }
  }

  /**
   * What recording did.
   *
   * @param completion the evidence record
   * @param closed the assignments it closed (empty for a failing attempt)
   */
  record Outcome(Completion completion, List<Assignment> closed) {
    /** Makes the list immutable. */
    public Outcome {
      closed = List.copyOf(closed);
    }
  }

  /**
   * Records a completion or a failing attempt.
   *
   * @param actor the caller
   * @param request the completion
   * @return what it did
   */
  Outcome record(Actor actor, Request request);

  /**
   * A member's completions and attempts, oldest first.
   *
   * @param actor the caller
   * @param member the member
   * @return the completions
   */
  List<Completion> forMember(Actor actor, Id<WorkforceMember> member);
}
