package io.trainproof.core.domain;

import java.time.Instant;

/**
 * A training module. Its content is in {@link CourseVersion}s; a course with no version cannot be
 * assigned. Immutable.
 *
 * @param id the course's id
 * @param organization its organization
 * @param code a short code unique in the organization
 * @param title its title
 * @param createdAt when it was created
 */
public record Course(
    Id<Course> id, Id<Organization> organization, String code, String title, Instant createdAt) {}
