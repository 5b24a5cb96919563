package io.trainproof.examples.demo;

import io.trainproof.core.Actor;
import io.trainproof.examples.web.WebHost;
import io.trainproof.reporting.ReportFormat;
import io.trainproof.reporting.Reporting;
import io.trainproof.signing.key.InMemoryKeyProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trainproof serve}: the web host on the demo database. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the verification page, the VC API, the status lists, the issuer's DID document and the",
      "compliance dashboard on the demo database (runs the demo first if there is none). Stop with Ctrl-C."
    })
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "The port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--dir",
      defaultValue = "trainproof-demo",
      description = "Where the demo lives (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    ClinicDemo.World w = new ClinicDemo(dir, out).open();
    Reporting reporting = DemoOutputs.reporting(w);
    WebHost.Site site =
        new WebHost.Site(
            w.tp(),
            Actor.system(w.org().id()),
            w.history(),
            new InMemoryKeyProvider().add(w.key()).signer(w.key().keyId()).orElseThrow(),
            w.clock(),
            () -> {
              ByteArrayOutputStream html = new ByteArrayOutputStream();
              reporting.render(
                  reporting.reports().dashboard(w.officer(), w.clock().today()),
                  ReportFormat.HTML,
                  html);
              return html.toString(StandardCharsets.UTF_8);
            });
    try (WebHost host = WebHost.start(site, port)) {
      out.println(
          "Serving "
              + w.org().name()
              + " on http://127.0.0.1:"
              + host.port()
              + "/ (dashboard at /dashboard); Ctrl-C stops.");
      out.flush();
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
      stop.await();
    } catch (BindException e) {
      throw new IllegalArgumentException(
          "port " + port + " is in use; choose another with --port", e);
    } finally {
      w.close();
    }
    return 0;
  }
}
