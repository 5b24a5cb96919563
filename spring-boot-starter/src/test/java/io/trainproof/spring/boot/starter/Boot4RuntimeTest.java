package io.trainproof.spring.boot.starter;

import io.trainproof.spring.boot.autoconfigure.TrainproofRuntimeContract;
import java.util.List;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;

/** The shared run-time suite on Spring Boot 4.0. */
class Boot4RuntimeTest extends TrainproofRuntimeContract {

  @Override
  protected List<Class<?>> lineAutoConfigurations() {
    return List.of(TrainproofHealthAutoConfiguration.class);
  }

  @Override
  protected Class<?> hostFlywayAutoConfiguration() {
    return FlywayAutoConfiguration.class;
  }
}
