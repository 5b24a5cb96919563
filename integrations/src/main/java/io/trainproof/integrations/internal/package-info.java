/**
 * Implementation of the integrations: strict decoding, CSV tables with line numbers, the batch
 * runner behind all-or-nothing, apply-valid-rows and dry runs, and the completion importer the
 * format packages feed. Not API: may change in any release.
 */
@NullMarked
package io.trainproof.integrations.internal;

import org.jspecify.annotations.NullMarked;
