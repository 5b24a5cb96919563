package io.trainproof.examples.demo;

import java.time.LocalDate;

/** Date helpers for the demo's planner. */
final class AssignmentDates {
  private AssignmentDates() {}

  static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
