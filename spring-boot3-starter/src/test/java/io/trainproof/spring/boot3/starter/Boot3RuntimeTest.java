package io.trainproof.spring.boot3.starter;

import io.trainproof.spring.boot.autoconfigure.TrainproofRuntimeContract;
import java.util.List;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;

/** The shared run-time suite on Spring Boot 3.5. */
class Boot3RuntimeTest extends TrainproofRuntimeContract {

  @Override
  protected List<Class<?>> lineAutoConfigurations() {
    return List.of(TrainproofHealthAutoConfiguration.class);
  }

  @Override
  protected Class<?> hostFlywayAutoConfiguration() {
    return FlywayAutoConfiguration.class;
  }
}
