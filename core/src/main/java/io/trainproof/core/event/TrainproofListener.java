package io.trainproof.core.event;

/**
 * Receives domain events after commit. A listener that throws is logged and does not affect other
 * listeners or the committed change. Called on the thread that made the change.
 */
@FunctionalInterface
public interface TrainproofListener {
  /**
   * Handles one event.
   *
   * @param event the event
   */
  void onEvent(TrainproofEvent event);
}
