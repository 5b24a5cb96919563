package io.trainproof.core.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a keyset-paginated read. Pass {@link #next()} back to get the following page; it is
 * null after the last page. A page filtered to what the actor may see can hold fewer items than
 * asked for, even none, and still have a next page. Immutable.
 *
 * @param items the items, in id order
 * @param next the cursor of the next page, or null when this was the last
 * @param <T> the item type
 */
public record Page<T>(List<T> items, @Nullable String next) {
  /** Makes the list immutable. */
  public Page {
    items = List.copyOf(items);
  }
}
