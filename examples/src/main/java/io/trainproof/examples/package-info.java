/** Runnable examples of embedding Trainproof. Not an API. */
@NullMarked
package io.trainproof.examples;

import org.jspecify.annotations.NullMarked;
