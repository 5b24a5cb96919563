package io.trainproof.core.domain;

import java.time.Instant;

/**
 * One of the organization's own policies; its content lives in {@link PolicyVersion}s.
 * Immutable.
 *
 * @param id the policy's id
 * @param organization its organization
 * @param code a short code unique in the organization, e.g. {@code "PRIV-01"}
 * @param title its title
 * @param createdAt when it was created
 */
public record Policy(
    Id<Policy> id, Id<Organization> organization, String code, String title, Instant createdAt) {}
