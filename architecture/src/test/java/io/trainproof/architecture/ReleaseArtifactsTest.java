package io.trainproof.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What a release uploads to Maven Central, checked after {@code mvn -Prelease-dry-run verify}
 * (docs/RELEASING.md; {@code .ci/run} runs it): for every published module the jar, the sources jar
 * and the Javadoc jar, each signed, the POM signed, and the POM metadata Central requires (name,
 * description, url, licence, developers, scm), its own or from the parent; the BOM pins exactly the
 * published jars. Runs only in that profile, which builds the files it reads.
 */
@EnabledIfSystemProperty(named = "trainproof.release.check", matches = "true")
class ReleaseArtifactsTest {
  private static final Path ROOT = Path.of("..");

  record Module(Path dir, String artifactId, String packaging, Element pom) {}

  @Test
  void everyPublishedModuleHasSignedJarsSourcesJavadocAndCompleteMetadata() throws Exception {
    Element parent = read(ROOT.resolve("pom.xml"));
    String version = text(parent, "version");
    List<Module> published = published(parent);
    assertThat(published)
        .extracting(Module::artifactId)
        .contains("trainproof-parent", "trainproof-bom", "trainproof-core")
        .doesNotContain("trainproof-examples", "trainproof-benchmarks", "trainproof-architecture");
    for (Module m : published) {
      String base = m.artifactId() + "-" + version;
      Path target = m.dir().resolve("target");
      assertSigned(target.resolve(base + ".pom"), true);
      assertMetadata(m, parent);
      if (m.packaging().equals("jar")) {
        assertSigned(target.resolve(base + ".jar"), false);
        assertSigned(target.resolve(base + "-sources.jar"), false);
        assertSigned(target.resolve(base + "-javadoc.jar"), false);
        assertThat(entries(target.resolve(base + ".jar")))
            .as("%s jar", m.artifactId())
            .contains("META-INF/LICENSE", "META-INF/NOTICE");
        assertThat(entries(target.resolve(base + "-sources.jar")))
            .as("%s sources", m.artifactId())
            .anyMatch(e -> e.endsWith(".java"));
        assertThat(entries(target.resolve(base + "-javadoc.jar")))
            .as("%s javadoc", m.artifactId())
            .contains("index.html");
      }
    }
  }

  @Test
  void theBomPinsExactlyThePublishedJars() throws Exception {
    Element parent = read(ROOT.resolve("pom.xml"));
    Set<String> jars = new TreeSet<>();
    for (Module m : published(parent)) {
      if (m.packaging().equals("jar")) {
        jars.add(m.artifactId());
      }
    }
    Element bom = read(ROOT.resolve("bom/pom.xml"));
    Set<String> pinned = new TreeSet<>();
    Element managed = child(child(bom, "dependencyManagement"), "dependencies");
    for (Element d : children(managed, "dependency")) {
      pinned.add(text(d, "artifactId"));
    }
    assertThat(pinned).isEqualTo(jars);
  }

  /**
   * Every published module runs from a fat jar: the runtime libraries from the command line's
   * {@code examples/target/trainproof.jar} (shaded: each keeps its {@code META-INF/maven} entry),
   * the Spring Boot line's starter, its auto-configuration and the web module from the Spring Boot
   * example host's {@code trainproof-boot-demo.jar} (nested in {@code BOOT-INF/lib}). Three are in
   * neither, by design: the test kit (JUnit code for store authors' tests), and the Spring Boot 3.5
   * starter, the same auto-configuration as the 4.0 one, built against the other Boot line.
   */
  @Test
  void everyPublishedLibraryIsInTheCommandLineJarOrTheSpringBootHostJar() throws Exception {
    Element parent = read(ROOT.resolve("pom.xml"));
    String version = text(parent, "version");
    Set<String> cli =
        entries(ROOT.resolve("examples/target/trainproof.jar")).stream()
            .filter(e -> e.startsWith("META-INF/maven/io.trainproof/") && e.endsWith("/pom.xml"))
            .map(e -> e.substring("META-INF/maven/io.trainproof/".length(), e.length() - 8))
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> boot =
        entries(ROOT.resolve("examples-spring-boot/target/trainproof-boot-demo.jar")).stream()
            .filter(
                e -> e.startsWith("BOOT-INF/lib/trainproof-") && e.endsWith("-" + version + ".jar"))
            .map(e -> e.substring("BOOT-INF/lib/".length(), e.length() - version.length() - 5))
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> byDesignInNeither = Set.of("trainproof-testkit", "trainproof-spring-boot3-starter");
    for (Module m : published(parent)) {
      if (m.packaging().equals("jar") && !byDesignInNeither.contains(m.artifactId())) {
        assertThat(cli.contains(m.artifactId()) || boot.contains(m.artifactId()))
            .as(
                "%s is in trainproof.jar %s or trainproof-boot-demo.jar %s",
                m.artifactId(), cli, boot)
            .isTrue();
      }
    }
    assertThat(cli)
        .contains(
            "trainproof-core",
            "trainproof-signing",
            "trainproof-persistence-jpa",
            "trainproof-reporting",
            "trainproof-integrations",
            "trainproof-web");
    assertThat(boot)
        .contains(
            "trainproof-spring-boot-starter",
            "trainproof-spring-boot-autoconfigure",
            "trainproof-web",
            "trainproof-core");
  }

  /** The file, and its signature, which GnuPG verifies with the run's key. */
  private static void assertSigned(Path file, boolean pomFromSource) throws Exception {
    Path pom = pomFromSource ? file.resolveSibling("../pom.xml").normalize() : file;
    Path signature = file.resolveSibling(file.getFileName() + ".asc");
    assertThat(signature).as("signature of %s", file).isRegularFile();
    Path home = ROOT.resolve("target/dry-run-gnupg").toAbsolutePath().normalize();
    Process gpg =
        new ProcessBuilder(
                "gpg",
                "--homedir",
                home.toString(),
                "--batch",
                "--verify",
                signature.toAbsolutePath().toString(),
                pom.toAbsolutePath().toString())
            .redirectErrorStream(true)
            .start();
    String said = new String(gpg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(gpg.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(gpg.exitValue()).as("gpg --verify %s: %s", signature, said).isZero();
  }

  private static void assertMetadata(Module m, Element parent) {
    assertThat(text(m.pom(), "name")).as("%s name", m.artifactId()).isNotBlank();
    assertThat(text(m.pom(), "description")).as("%s description", m.artifactId()).isNotBlank();
    boolean inherits = child(m.pom(), "parent") != null || m.pom() == parent;
    Element source = child(m.pom(), "url") != null || !inherits ? m.pom() : parent;
    assertThat(text(source, "url")).as("%s url", m.artifactId()).startsWith("https://");
    Element license = child(child(source, "licenses"), "license");
    assertThat(text(license, "name")).as("%s licence", m.artifactId()).isEqualTo("Apache-2.0");
    assertThat(text(license, "url")).startsWith("https://");
    Element developer = child(child(source, "developers"), "developer");
    assertThat(text(developer, "name")).as("%s developer", m.artifactId()).isNotBlank();
    assertThat(text(developer, "email")).contains("@");
    Element scm = child(source, "scm");
    assertThat(text(scm, "connection")).as("%s scm", m.artifactId()).startsWith("scm:git:");
    assertThat(text(scm, "url")).startsWith("https://");
  }

  private static List<Module> published(Element parent) throws Exception {
    List<Module> out = new ArrayList<>();
    out.add(new Module(ROOT, "trainproof-parent", "pom", parent));
    for (Element module : children(child(parent, "modules"), "module")) {
      Path dir = ROOT.resolve(module.getTextContent().strip());
      Element pom = read(dir.resolve("pom.xml"));
      Element properties = child(pom, "properties");
      boolean skipped = properties != null && "true".equals(text(properties, "maven.deploy.skip"));
      if (!skipped) {
        String packaging = text(pom, "packaging");
        out.add(
            new Module(dir, text(pom, "artifactId"), packaging.isEmpty() ? "jar" : packaging, pom));
      }
    }
    return out;
  }

  private static Set<String> entries(Path jar) throws IOException {
    Set<String> names = new TreeSet<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      zip.stream().forEach(e -> names.add(e.getName()));
    }
    return names;
  }

  private static Element read(Path pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = factory.newDocumentBuilder().parse(pom.toFile());
    return doc.getDocumentElement();
  }

  /** The direct child element with this name, or null. */
  @SuppressWarnings("NullAway") // why: test code reading a POM; absent elements fail the asserts
  private static Element child(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? "" : e.getTextContent().strip();
  }
}
