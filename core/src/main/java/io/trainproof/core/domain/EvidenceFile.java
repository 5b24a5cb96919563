package io.trainproof.core.domain;

/**
 * A file kept as evidence (sign-in sheet, quiz printout), by name and SHA-256. Immutable.
 *
 * @param name the file name
 * @param sha256 lowercase hex SHA-256 of its bytes
 */
public record EvidenceFile(String name, String sha256) {}
