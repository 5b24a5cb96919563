/** Completions: the immutable evidence that training happened. */
@NullMarked
package io.trainproof.core.completion;

import org.jspecify.annotations.NullMarked;
