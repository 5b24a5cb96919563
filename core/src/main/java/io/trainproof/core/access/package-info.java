/**
 * Role-based oversight: the operations, the scope each role has for each, and the explicit grants
 * that let vendor support into an organization.
 */
@NullMarked
package io.trainproof.core.access;

import org.jspecify.annotations.NullMarked;
