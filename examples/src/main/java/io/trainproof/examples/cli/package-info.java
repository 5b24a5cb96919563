/** The trainproof command line. Not an API. */
@NullMarked
package io.trainproof.examples.cli;

import org.jspecify.annotations.NullMarked;
