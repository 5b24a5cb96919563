/** Implementation of core; public for technical reasons only and not API. */
@NullMarked
package io.trainproof.core.internal;

import org.jspecify.annotations.NullMarked;
