/**
 * The web module's implementation: controllers, the API-key filter, Problem Details, bounded bodies
 * and the page HTML. Not API: a host configures the module through {@link io.trainproof.web}.
 */
@NullMarked
package io.trainproof.web.internal;

import org.jspecify.annotations.NullMarked;
