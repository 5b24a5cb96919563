package io.trainproof.examples.cli;

import io.trainproof.examples.demo.DemoCommand;
import io.trainproof.examples.demo.ServeCommand;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code trainproof} command line: {@code java -jar examples/target/trainproof.jar --help}. Bad
 * input gets a one-line error and exit code 2 (1 for a credential that is not valid); a stack trace
 * only with {@code --debug}.
 */
@Command(
    name = "trainproof",
    mixinStandardHelpOptions = true,
    version = "trainproof 0.1.0-SNAPSHOT",
    description = "Trainproof: HIPAA workforce training records, certificates and evidence.",
    subcommands = {
      DemoCommand.class,
      ServeCommand.class,
      VerifyCommand.class,
      VerifyPackCommand.class,
      KeysCommand.class,
      QuickstartCommand.class,
      CommandLine.HelpCommand.class
    })
public final class TrainproofCli {
  /** Exit code for a credential that is not valid. */
  static final int INVALID = 1;

  /** Exit code for unusable input (a missing file, malformed JSON, a bad option). */
  static final int UNUSABLE = 2;

  @Option(
      names = "--debug",
      description = "Print stack traces on errors.",
      scope = CommandLine.ScopeType.INHERIT)
  boolean debug;

  /**
   * Runs the CLI and exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    // why the default charset: the console's, as System.out itself uses
    System.exit(
        run(
            args,
            new PrintWriter(new OutputStreamWriter(System.out, Charset.defaultCharset()), true),
            new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true)));
  }

  /**
   * Runs the CLI without exiting (for tests).
   *
   * @param args the arguments
   * @param out standard output
   * @param err standard error
   * @return the exit code
   */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    // Hibernate logs through JBoss Logging, which would print its INFO lines through
    // java.util.logging; through SLF4J the CLI's simplelogger.properties keeps libraries to
    // warnings.
    if (System.getProperty("org.jboss.logging.provider") == null) {
      System.setProperty("org.jboss.logging.provider", "slf4j");
    }
    CommandLine cli = new CommandLine(new TrainproofCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionStrategy(new CommandLine.RunLast());
    cli.setParameterExceptionHandler(
        (e, a) -> {
          err.println("trainproof: " + e.getMessage());
          err.println("Try 'trainproof --help'.");
          return UNUSABLE;
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          boolean debug = parseResult.hasMatchedOption("--debug");
          err.println("trainproof: " + oneLine(e));
          if (debug) {
            e.printStackTrace(err);
          }
          return UNUSABLE;
        });
    return cli.execute(args);
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
