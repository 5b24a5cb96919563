/** Assignments: manual ones, waivers and extensions. */
@NullMarked
package io.trainproof.core.assignment;

import org.jspecify.annotations.NullMarked;
