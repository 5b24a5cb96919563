package io.trainproof.integrations;

import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.WorkforceMember;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One completion (or failing attempt) an import recorded, or found already recorded from the same
 * source reference. Immutable.
 *
 * @param line where it came from in the input
 * @param sourceRef the provenance reference (statement id, or file and line)
 * @param member the member
 * @param course the course
 * @param completion the completion record (in a dry run, the id it would have had)
 * @param completedOn the completion date in the organization's zone
 * @param score the score 0 to 100, or null
 * @param passed whether it met the pass mark
 * @param alreadyImported true when an earlier import had recorded it: nothing was written
 */
public record ImportedCompletion(
    int line,
    String sourceRef,
    Id<WorkforceMember> member,
    Id<Course> course,
    Id<Completion> completion,
    LocalDate completedOn,
    @Nullable Integer score,
    boolean passed,
    boolean alreadyImported) {}
