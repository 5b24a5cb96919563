/**
 * The audit evidence pack: one ZIP, organized by 45 CFR citation and audit-protocol item, with an
 * index, every report as CSV and PDF, the policy versions in force, the credentials, an audit-trail
 * excerpt with its chain verification, and a manifest of SHA-256 hashes, signed when a {@link
 * io.trainproof.reporting.evidence.ManifestSigner} is configured.
 */
@NullMarked
package io.trainproof.reporting.evidence;

import org.jspecify.annotations.NullMarked;
