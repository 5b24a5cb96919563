package io.trainproof.integrations.xapi;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The parts of an xAPI statement that bear on completion evidence. Immutable.
 *
 * @param line the line the statement starts on in its input (its position in a programmatic list)
 * @param id the statement id (a UUID)
 * @param actor who
 * @param verb the verb IRI
 * @param objectId the activity IRI
 * @param score {@code result.score}, or null
 * @param success {@code result.success}, or null
 * @param completion {@code result.completion}, or null
 * @param reason the cmi5 {@code result.extensions} reason (on {@code waived}), or null
 * @param registration {@code context.registration}, or null
 * @param categories the ids of {@code context.contextActivities.category}
 * @param timestamp {@code timestamp}, or {@code stored} when there is no timestamp
 */
public record XapiStatement(
    int line,
    String id,
    XapiAgent actor,
    String verb,
    String objectId,
    @Nullable XapiScore score,
    @Nullable Boolean success,
    @Nullable Boolean completion,
    @Nullable String reason,
    @Nullable String registration,
    List<String> categories,
    Instant timestamp) {

  /** Makes the list immutable. */
  public XapiStatement {
    categories = List.copyOf(categories);
  }
}
