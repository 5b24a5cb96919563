/** The renewal scheduler and a small runner for it. */
@NullMarked
package io.trainproof.core.renewal;

import org.jspecify.annotations.NullMarked;
