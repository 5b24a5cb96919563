package io.trainproof.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java block in the project's Markdown (README.md, the other top-level guides and docs/) is a
 * region of a source file that the build compiles, named by the comment line before it:
 *
 * <pre>{@code
 * <!-- snippet: examples/src/main/java/io/trainproof/examples/readme/EmbeddingInFiveMinutes.java#embed -->
 * ```java
 * ...
 * ```
 * }</pre>
 *
 * <p>The block must equal the region between {@code // snippet:NAME} and {@code // end:NAME}, less
 * the region's common indentation and the marker lines of other regions. A Java block without the
 * comment fails, so a snippet cannot drift from the API.
 */
class DocSnippetsTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern MARKER =
      Pattern.compile("<!-- snippet: (?<file>[^#\\s]+)#(?<region>[A-Za-z0-9_-]+) -->");
  private static final Pattern WHOLE_FILE = Pattern.compile("<!-- snippet: (?<file>[^#\\s]+) -->");
  private static final Pattern REGION_LINE = Pattern.compile("\\s*// (snippet|end):[A-Za-z0-9_-]+");

  record Block(Path doc, int line, String marker, String code) {}

  @Test
  void everyJavaBlockInTheDocsIsARegionOfACompiledSourceFile() throws IOException {
    List<Block> blocks = blocks();
    assertThat(blocks).as("README.md shows the embedding example").isNotEmpty();
    for (Block b : blocks) {
      Matcher m = MARKER.matcher(b.marker());
      assertThat(m.matches())
          .as(
              "%s line %d: a ```java block needs <!-- snippet: FILE#REGION --> on the line before",
              b.doc(), b.line())
          .isTrue();
      Path source = ROOT.resolve(m.group("file"));
      assertThat(source).as("%s line %d names a file", b.doc(), b.line()).isRegularFile();
      assertThat(source.toString()).as("snippets come from compiled sources").contains("/src/");
      assertThat(b.code())
          .as("%s line %d shows %s", b.doc(), b.line(), b.marker())
          .isEqualTo(region(source, m.group("region")));
    }
  }

  /**
   * A block of another language may also name a file, whole ({@code <!-- snippet: FILE -->}); it
   * must then equal it. The README's host pom.xml is such a block, and it imports the BOM of this
   * build's version and names the compiler plugin's version (Maven 3.8's default, 3.1, ignores
   * maven.compiler.release).
   */
  @Test
  void everyWholeFileBlockEqualsItsFileAndTheHostPomFitsThisBuild() throws IOException {
    int checked = 0;
    for (Path doc : docs()) {
      List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
      for (int i = 0; i + 1 < lines.size(); i++) {
        Matcher m = WHOLE_FILE.matcher(lines.get(i).strip());
        if (!m.matches()) {
          continue;
        }
        assertThat(lines.get(i + 1))
            .as("%s line %d: a fenced block follows", doc, i + 2)
            .startsWith("```");
        StringBuilder code = new StringBuilder();
        int j = i + 2;
        while (j < lines.size() && !lines.get(j).strip().equals("```")) {
          code.append(lines.get(j)).append('\n');
          j++;
        }
        assertThat(code.toString())
            .as("%s line %d shows %s", doc, i + 1, m.group("file"))
            .isEqualTo(Files.readString(ROOT.resolve(m.group("file")), StandardCharsets.UTF_8));
        checked++;
      }
    }
    assertThat(checked).as("whole-file blocks").isPositive();
    String hostPom = Files.readString(Path.of("src/test/resources/host/pom.xml"));
    String version = projectVersion();
    assertThat(hostPom)
        .contains(
            "<artifactId>trainproof-bom</artifactId>\n        <version>" + version + "</version>")
        .contains("<maven.compiler.release>17</maven.compiler.release>")
        .containsPattern("<artifactId>maven-compiler-plugin</artifactId>\\s*<version>3\\.1[0-9]");
  }

  private static String projectVersion() throws IOException {
    Matcher m =
        Pattern.compile("<artifactId>trainproof-parent</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(Files.readString(ROOT.resolve("pom.xml")));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void theEmbeddingExampleRecordsAStatusInWordsAndWritesTheReport(@TempDir Path dir)
      throws IOException {
    Path csv = dir.resolve("summary.csv");
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      EmbeddingInFiveMinutes.main(new String[] {csv.toString()});
    } finally {
      System.setOut(original);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .startsWith("A. Nurse: compliant, valid until ")
        .doesNotContain("COMPLIANT");
    assertThat(Files.readString(csv)).contains("compliant").contains("nurse");
  }

  private static List<Path> docs() throws IOException {
    List<Path> docs = new ArrayList<>();
    try (Stream<Path> top = Files.list(ROOT)) {
      top.filter(p -> p.toString().endsWith(".md")).forEach(docs::add);
    }
    try (Stream<Path> tree = Files.walk(ROOT.resolve("docs"))) {
      tree.filter(p -> p.toString().endsWith(".md")).forEach(docs::add);
    }
    return docs;
  }

  private static List<Block> blocks() throws IOException {
    List<Block> out = new ArrayList<>();
    for (Path doc : docs()) {
      List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).strip().equals("```java")) {
          continue;
        }
        String marker = i > 0 ? lines.get(i - 1).strip() : "";
        StringBuilder code = new StringBuilder();
        int j = i + 1;
        while (j < lines.size() && !lines.get(j).strip().equals("```")) {
          code.append(lines.get(j)).append('\n');
          j++;
        }
        out.add(new Block(doc, i + 1, marker, code.toString()));
        i = j;
      }
    }
    return out;
  }

  /** The named region of a source file, without marker lines and common indentation. */
  static String region(Path source, String name) throws IOException {
    List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
    int start =
        lines.indexOf(
            lines.stream()
                .filter(l -> l.strip().equals("// snippet:" + name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(source + " has no region " + name)));
    List<String> body = new ArrayList<>();
    for (int i = start + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.strip().equals("// end:" + name)) {
        int indent =
            body.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        StringBuilder out = new StringBuilder();
        body.forEach(l -> out.append(l.isBlank() ? "" : l.substring(indent)).append('\n'));
        return out.toString();
      }
      if (!REGION_LINE.matcher(line).matches()) {
        body.add(line);
      }
    }
    throw new AssertionError(source + ": region " + name + " has no // end:" + name);
  }
}
