/**
 * The Java snippets of README.md and docs/, whole and compiled: each Markdown block is checked
 * against the region of a file here that carries its name, and the files are run by tests, so the
 * documentation cannot drift from the API.
 */
@NullMarked
package io.trainproof.examples.readme;

import org.jspecify.annotations.NullMarked;
