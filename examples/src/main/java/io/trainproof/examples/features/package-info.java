/** One runnable class per feature, in the manner of db-scheduler's examples. Not an API. */
@NullMarked
package io.trainproof.examples.features;

import org.jspecify.annotations.NullMarked;
