/**
 * Implementation of the reporting module: report computation, the renderers, the evidence-pack
 * writer. Public only where the API packages need it; not API, may change without notice.
 */
@NullMarked
package io.trainproof.reporting.internal;

import org.jspecify.annotations.NullMarked;
