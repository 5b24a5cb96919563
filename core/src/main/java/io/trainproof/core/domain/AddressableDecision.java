package io.trainproof.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One version of the documented decision on an addressable Security Rule item
 * (164.308(a)(5)(ii)(A)–(D)): implemented as training, or not, with the rationale and the
 * alternative measure. Versions are kept; the newest is in force. Immutable.
 *
 * @param id the decision's id
 * @param organization the organization
 * @param topic the addressable item
 * @param number 1, then consecutive per topic
 * @param implementedAsTraining whether training covers it
 * @param rationale why this decision is reasonable and appropriate
 * @param alternativeMeasure the equivalent measure when not implemented as training
 * @param decidedOn the decision date
 * @param decidedBy who decided
 * @param recordedAt when recorded
 */
public record AddressableDecision(
    Id<AddressableDecision> id,
    Id<Organization> organization,
    RegulatoryTopic topic,
    int number,
    boolean implementedAsTraining,
    String rationale,
    @Nullable String alternativeMeasure,
    LocalDate decidedOn,
    String decidedBy,
    Instant recordedAt) {}
