package io.trainproof.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules on the source text that no class file shows: a type is named by an import, never written
 * out in full inside code (no inline {@code java.util.Map} or {@code io.trainproof...} in a
 * signature or a body), and no main source file of a library module is over 600 lines. Reads every
 * module's {@code src/main/java} and {@code src/test/java} from the checkout.
 */
class SourceRulesTest {
  /** A qualified type name: lower-case package parts, then a capitalized type. */
  static final Pattern QUALIFIED =
      Pattern.compile("(?<![\\w.])(?:java|io\\.trainproof)(?:\\.[a-z][a-z0-9]*)+\\.[A-Z]\\w*");

  static final int MAX_MAIN_LINES = 600;

  /**
   * The modules the line limit holds for (the testkit's contract suite is one long list of cases).
   */
  static final List<String> LIBRARY_MODULES =
      List.of(
          "core",
          "persistence-jpa",
          "signing",
          "reporting",
          "integrations",
          "web",
          "spring-boot-autoconfigure",
          "spring-boot-starter",
          "spring-boot3-starter");

  private static Path checkout() {
    Path here = Path.of("").toAbsolutePath();
    return Files.exists(here.resolve("architecture")) ? here : here.getParent();
  }

  private static List<Path> sources(String tree) {
    try (Stream<Path> modules = Files.list(checkout())) {
      List<Path> files = new ArrayList<>();
      for (Path module : modules.filter(Files::isDirectory).toList()) {
        Path root = module.resolve(tree);
        if (Files.isDirectory(root)) {
          try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
          }
        }
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The code of a Java file: comments, string and char literals blanked, line breaks kept. */
  static String codeOnly(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (text.startsWith("//", i)) {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
      } else if (text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2);
        end = end < 0 ? text.length() : end + 2;
        blank(text, i, end, out);
        i = end;
      } else if (c == '"' || c == '\'') {
        int end =
            text.startsWith("\"\"\"", i)
                ? text.indexOf("\"\"\"", i + 3) + 3
                : literalEnd(text, i, c);
        blank(text, i, end, out);
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static int literalEnd(String text, int start, char quote) {
    int j = start + 1;
    while (j < text.length() && text.charAt(j) != quote) {
      j += text.charAt(j) == '\\' ? 2 : 1;
    }
    return Math.min(j + 1, text.length());
  }

  private static void blank(String text, int from, int to, StringBuilder out) {
    for (int k = from; k < to; k++) {
      out.append(text.charAt(k) == '\n' ? '\n' : ' ');
    }
  }

  static List<String> qualifiedNamesInCode(String text) {
    List<String> found = new ArrayList<>();
    String[] lines = codeOnly(text).split("\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n];
      if (line.startsWith("package ") || line.startsWith("import ")) {
        continue;
      }
      Matcher m = QUALIFIED.matcher(line);
      while (m.find()) {
        found.add((n + 1) + ": " + m.group());
      }
    }
    return found;
  }

  @Test
  void theRuleSeesAQualifiedNameInCodeButNotInCommentsStringsOrImports() {
    String sample =
        String.join(
            "\n",
            "package io.trainproof.x;",
            "import java.util.List;",
            "/** Uses {@link java.util.Map}. */",
            "class A {",
            "  String s = \"java.util.Set\";",
            "  java.util.Map<String, io.trainproof.core.domain.Id<?>> m; // java.util.Queue",
            "}");
    assertThat(qualifiedNamesInCode(sample))
        .containsExactly("6: java.util.Map", "6: io.trainproof.core.domain.Id");
  }

  @Test
  void noSourceWritesOutATypeNameInsteadOfImportingIt() throws IOException {
    List<String> problems = new ArrayList<>();
    for (String tree : List.of("src/main/java", "src/test/java")) {
      for (Path file : sources(tree)) {
        for (String hit : qualifiedNamesInCode(Files.readString(file, StandardCharsets.UTF_8))) {
          problems.add(checkout().relativize(file) + ":" + hit);
        }
      }
    }
    assertThat(problems).as("qualified type names in code; import them instead").isEmpty();
  }

  @Test
  void noMainSourceFileOfALibraryModuleIsOverSixHundredLines() throws IOException {
    List<Path> files =
        sources("src/main/java").stream()
            .filter(f -> LIBRARY_MODULES.contains(checkout().relativize(f).getName(0).toString()))
            .toList();
    assertThat(files).as("main sources found").hasSizeGreaterThan(250);
    List<String> overLong = new ArrayList<>();
    for (Path file : files) {
      long lines = Files.readAllLines(file, StandardCharsets.UTF_8).size();
      if (lines > MAX_MAIN_LINES) {
        overLong.add(checkout().relativize(file) + " (" + lines + " lines)");
      }
    }
    assertThat(overLong)
        .as("main source files over %d lines; split them by responsibility", MAX_MAIN_LINES)
        .isEmpty();
  }
}
