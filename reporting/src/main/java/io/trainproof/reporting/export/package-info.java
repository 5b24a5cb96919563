/**
 * Large exports that stream: rows are read from core page by page and written one by one, so the
 * memory an export needs does not grow with the number of rows.
 */
@NullMarked
package io.trainproof.reporting.export;

import org.jspecify.annotations.NullMarked;
