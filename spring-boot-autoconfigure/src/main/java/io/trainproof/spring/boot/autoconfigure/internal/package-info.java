/** Implementation of the auto-configuration; not API. */
@NullMarked
package io.trainproof.spring.boot.autoconfigure.internal;

import org.jspecify.annotations.NullMarked;
