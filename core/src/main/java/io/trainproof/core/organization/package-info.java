/** Organizations: the tenants every record belongs to. */
@NullMarked
package io.trainproof.core.organization;

import org.jspecify.annotations.NullMarked;
