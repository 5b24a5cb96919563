/** Documentation duties: policy review log and addressable-item decisions. */
@NullMarked
package io.trainproof.core.documentation;

import org.jspecify.annotations.NullMarked;
