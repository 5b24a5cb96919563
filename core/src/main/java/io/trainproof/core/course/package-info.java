/** Courses, their versions, and the policies and regulatory topics they cover. */
@NullMarked
package io.trainproof.core.course;

import org.jspecify.annotations.NullMarked;
