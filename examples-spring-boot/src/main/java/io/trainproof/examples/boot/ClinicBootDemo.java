package io.trainproof.examples.boot;

import java.time.Instant;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The Spring Boot example host: a clinic on an in-memory H2 database, Trainproof from its one
 * starter dependency, an officer who signs in. Run it with {@code java -jar
 * examples-spring-boot/target/trainproof-boot-demo.jar} and open http://localhost:8080/; the
 * officer's password is printed at start (or set {@code --demo.officer-password=...}).
 */
@SpringBootApplication
public class ClinicBootDemo {
  /** Created by Spring. */
  ClinicBootDemo() {}

  /**
   * Starts the host.
   *
   * @param args Spring Boot's arguments ({@code --server.port=8081}, ...)
   */
  public static void main(String[] args) {
    ConfigurableApplicationContext context = application(DemoKey.generate(Instant.now())).run(args);
    String port = context.getEnvironment().getProperty("local.server.port", "8080");
    DemoHost host = context.getBean(DemoHost.class);
    System.out.println();
    System.out.println("Trainproof's demo clinic is running at http://localhost:" + port + "/");
    System.out.println(
        "Sign in as \"" + DemoClinic.OFFICER + "\" with the password " + host.officerPassword());
    System.out.println(
        "Anyone can check a certificate at http://localhost:" + port + "/trainproof/verify");
    System.out.println("Stop it with Ctrl+C.");
  }

  /**
   * The application with the demo key's locations as defaults; the key's files are deleted when it
   * stops.
   *
   * @param key the demo's issuer key
   * @return the application, not started
   */
  static SpringApplication application(DemoKey key) {
    SpringApplication app = new SpringApplication(ClinicBootDemo.class);
    app.setDefaultProperties(
        Map.of(
            "trainproof.issuer.key-location", "file:" + key.privateKey(),
            "trainproof.issuer.key-history-location", "file:" + key.history()));
    app.addListeners((ApplicationListener<ContextClosedEvent>) closed -> key.delete());
    return app;
  }
}
