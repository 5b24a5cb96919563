package io.trainproof.signing.internal;

import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.apicatalog.rdf.canon.RdfCanonTicker;
import io.trainproof.signing.proof.CanonicalizationLimits;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The work one RDF canonicalization may do ({@link CanonicalizationLimits}): counts the quads and
 * blank nodes handed to RDFC-1.0 and, as its ticker, the steps it takes and the time since its
 * first step. Exceeding a bound throws {@link Exceeded}. One instance per canonicalization; not
 * thread-safe.
 */
final class RdfWorkBudget implements RdfCanonTicker {
  private final CanonicalizationLimits limits;
  private final Set<String> blankNodes = new HashSet<>();
  private long quads;
  private long steps;
  private long startNanos;

  RdfWorkBudget(CanonicalizationLimits limits) {
    this.limits = limits;
  }

  /** A bound was exceeded; the message names it and its value. */
  static final class Exceeded extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    Exceeded(String message) {
      super(message);
    }
  }

  @Override
  public void tick() {
    steps++;
    if (steps == 1) {
      startNanos = System.nanoTime();
    }
    if (steps > limits.maxSteps()) {
      throw new Exceeded(
          "RDF canonicalization needs more than "
              + limits.maxSteps()
              + " steps (CanonicalizationLimits.maxSteps)");
    }
    if (System.nanoTime() - startNanos > limits.maxDuration().toNanos()) {
      throw new Exceeded(
          "RDF canonicalization takes longer than "
              + limits.maxDuration().toMillis()
              + " ms (CanonicalizationLimits.maxDuration)");
    }
  }

  /**
   * Wraps a consumer so that every quad is counted, with its blank nodes, before it is passed on.
   *
   * @param next where the quads go
   * @return the counting consumer
   */
  RdfQuadConsumer counting(RdfQuadConsumer next) {
    return (subject, predicate, object, datatype, language, direction, graph) -> {
      quads++;
      if (quads > limits.maxQuads()) {
        throw new Exceeded(
            "the document produces more than "
                + limits.maxQuads()
                + " quads (CanonicalizationLimits.maxQuads)");
      }
      blank(subject);
      if (!RdfQuadConsumer.isLiteral(datatype, language, direction)) {
        blank(object);
      }
      blank(graph);
      return forward(next, subject, predicate, object, datatype, language, direction, graph);
    };
  }

  private static RdfQuadConsumer forward(
      RdfQuadConsumer next,
      String subject,
      String predicate,
      String object,
      @Nullable String datatype,
      @Nullable String language,
      @Nullable String direction,
      @Nullable String graph)
      throws RdfConsumerException {
    return next.quad(subject, predicate, object, datatype, language, direction, graph);
  }

  private void blank(@Nullable String term) {
    if (term != null && term.startsWith("_:") && blankNodes.add(term)) {
      if (blankNodes.size() > limits.maxBlankNodes()) {
        throw new Exceeded(
            "the document has more than "
                + limits.maxBlankNodes()
                + " blank nodes (CanonicalizationLimits.maxBlankNodes)");
      }
    }
  }
}
