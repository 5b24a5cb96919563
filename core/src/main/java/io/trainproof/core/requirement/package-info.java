/** Requirements: the rules that say who must complete which course, and when. */
@NullMarked
package io.trainproof.core.requirement;

import org.jspecify.annotations.NullMarked;
