package io.trainproof.examples.features;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** Every one-file example runs to the end. */
class FeatureExamplesTest {
  @Test
  void everyExampleRuns() {
    assertThatCode(() -> EmbedWithHostEntityManagerFactory.main(new String[0]))
        .doesNotThrowAnyException();
    assertThatCode(() -> InMemoryEmbedding.main(new String[0])).doesNotThrowAnyException();
    assertThatCode(() -> HostSchedulerHook.main(new String[0])).doesNotThrowAnyException();
    assertThatCode(() -> NotificationSinkExample.main(new String[0])).doesNotThrowAnyException();
    assertThatCode(() -> CustomStoreAgainstContract.main(new String[0])).doesNotThrowAnyException();
    assertThatCode(() -> RosterImport.main(new String[0])).doesNotThrowAnyException();
  }
}
