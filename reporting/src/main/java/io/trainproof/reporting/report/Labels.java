package io.trainproof.reporting.report;

import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.Closure;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The words a person reads in reports (CSV, HTML, PDF, the dashboard) for the SDK's codes and
 * column names, from one place: the UTF-8 properties files {@code
 * io/trainproof/reporting/labels[_language[_COUNTRY]].properties}, one per language. English
 * ({@code labels.properties}) and Spanish ({@code labels_es.properties}, written for US Spanish
 * readers) ship with the SDK; a host adds a language with its own {@code labels_xx.properties} on
 * the class path.
 *
 * <p>Keys: a code of an enum is {@code <Type>.<CONSTANT>} (a nested type as {@code
 * <Outer>.<Inner>}, for example {@code OverdueAndExpiring.Bucket.WITHIN_30_DAYS}); a column is
 * {@code column.<name>} with every run of characters other than letters and digits written as
 * {@code _} ({@code column.compliant_}); a report's title is {@code title.<ReportType>} ({@code
 * title.OrganizationSummary}); a chart's caption is {@code caption.<name>}; other words are {@code
 * word.<name>}. A key missing from the language falls back to English, and a code missing from
 * English reads as its name in lower case with spaces, never as the constant; {@link #missing()}
 * lists what was missing, for translators and tests. JSON keeps the codes: it is read by programs.
 * Thread-safe.
 */
public final class Labels {
  private static final String BUNDLE = "io/trainproof/reporting/labels";

  /** The closure reasons core records, by the name of their label ({@code closure.<name>}). */
  private static final Map<String, String> SYSTEM_CLOSURES =
      Map.of(
          Closure.COMPLETED, "completed",
          Closure.TERMINATED, "terminated",
          Closure.REQUIREMENT_RETIRED, "requirement_retired",
          Closure.LEFT_AUDIENCE, "left_audience",
          Closure.LEFT_AFFECTED_ROLES, "left_affected_roles");

  private static final Properties ENGLISH_TEXT = load("");
  private static final Labels ENGLISH = new Labels(Locale.US, ENGLISH_TEXT);

  private final Locale locale;
  private final Properties text;
  private final Set<String> missing = ConcurrentHashMap.newKeySet();

  private Labels(Locale locale, Properties text) {
    this.locale = locale;
    this.text = text;
  }

  /**
   * @return US English, the default
   */
  public static Labels english() {
    return ENGLISH;
  }

  /**
   * The labels of a language; English where the language has no bundle or lacks a key.
   *
   * @param locale the reader's locale ({@code Locale.forLanguageTag("es-US")} for US Spanish)
   * @return its labels
   */
  public static Labels of(Locale locale) {
    if (locale == null) {
      throw new ValidationException("locale", null, "is required");
    }
    if (locale.getLanguage().equals("en") || locale.getLanguage().isEmpty()) {
      // English words; the locale still says which paper PDFs print on (en-GB: A4).
      return locale.getCountry().isEmpty() || locale.getCountry().equals("US")
          ? ENGLISH
          : new Labels(locale, ENGLISH_TEXT);
    }
    Properties text = load("_" + locale.getLanguage());
    if (!locale.getCountry().isEmpty()) {
      Properties regional = load("_" + locale.getLanguage() + "_" + locale.getCountry());
      regional.forEach(text::put);
    }
    return new Labels(locale, text);
  }

  /**
   * @return the locale these labels are for
   */
  public Locale locale() {
    return locale;
  }

  /**
   * A code in words.
   *
   * @param code an enum constant
   * @return its label
   */
  public String of(Enum<?> code) {
    Class<?> type = code.getDeclaringClass();
    String name = type.getSimpleName();
    for (Class<?> outer = type.getEnclosingClass();
        outer != null;
        outer = outer.getEnclosingClass()) {
      name = outer.getSimpleName() + "." + name;
    }
    return code(name, code.name());
  }

  /**
   * A code kept as text in a report's model (a certificate's derived status, an attestation state)
   * in words.
   *
   * @param type what kind of code, the key's prefix ({@code CertificateStatus})
   * @param code the code ({@code VALID})
   * @return its label
   */
  public String code(String type, String code) {
    String key = type + "." + code;
    String found = find(key);
    return found != null ? found : code.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /**
   * A column's heading.
   *
   * @param english the heading in English, as the report names it
   * @return the heading in this language
   */
  public String column(String english) {
    String found = find("column." + english.replaceAll("[^A-Za-z0-9]+", "_"));
    return found != null ? found : english;
  }

  /**
   * Column headings.
   *
   * @param english the headings in English
   * @return them in this language, in order
   */
  public List<String> columns(String... english) {
    List<String> out = new ArrayList<>(english.length);
    for (String c : english) {
      out.add(column(c));
    }
    return out;
  }

  /**
   * "yes" or "no".
   *
   * @param value the answer
   * @return it in this language
   */
  public String yesNo(boolean value) {
    return word(value ? "yes" : "no");
  }

  /**
   * A word or short phrase ({@code word.yes}).
   *
   * @param name the name after {@code word.}
   * @return it in this language
   */
  public String word(String name) {
    String found = find("word." + name);
    return found != null ? found : name;
  }

  /**
   * A phrase with values in it ({@code phrase.<name>}, a {@link MessageFormat} pattern whose
   * arguments are text: dates as ISO dates, numbers without grouping).
   *
   * @param name the name after {@code phrase.}
   * @param values the values, in the pattern's order
   * @return the phrase in this language
   */
  public String phrase(String name, Object... values) {
    String pattern = find("phrase." + name);
    Object[] text = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      text[i] = String.valueOf(values[i]);
    }
    if (pattern == null) {
      return name.replace('_', ' ')
          + " "
          + String.join(" ", Arrays.stream(text).map(String::valueOf).toList());
    }
    return new MessageFormat(pattern, locale).format(text);
  }

  private String format(String pattern, Object... values) {
    Object[] text = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      text[i] = String.valueOf(values[i]);
    }
    return new MessageFormat(pattern, locale).format(text);
  }

  /**
   * A report's title ({@code title.<Type>}, a {@link MessageFormat} pattern like a {@link
   * #phrase}). The title in a report's header is the English one; {@link Report#title(Labels)}
   * gives it in the reader's language.
   *
   * @param type the report's type (its simple name is the key's suffix)
   * @param values the values the title names, in the pattern's order (a member's external id)
   * @return the title in this language; the type's name in words when no bundle has it
   */
  public String title(Class<?> type, Object... values) {
    String pattern = find("title." + type.getSimpleName());
    if (pattern == null) {
      String words = type.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1 $2");
      return values.length == 0 ? words : words + ": " + values[0];
    }
    return format(pattern, values);
  }

  /**
   * Why an assignment was closed, in this language. A reason the system records (the constants of
   * {@link Closure}: completed, terminated, requirement retired, no longer in the audience, left
   * the roles a policy change named, an external certification) is given in words ({@code
   * closure.<name>}); a reason a person wrote, a waiver's, is given as they wrote it.
   *
   * @param recorded the reason as recorded on the closure
   * @return it in this language
   */
  public String closureReason(String recorded) {
    String name = SYSTEM_CLOSURES.get(recorded);
    if (name != null) {
      String found = find("closure." + name);
      return found != null ? found : recorded;
    }
    if (recorded.startsWith(Closure.CERTIFICATION_PREFIX)) {
      String rest = recorded.substring(Closure.CERTIFICATION_PREFIX.length());
      int space = rest.indexOf(' ');
      if (space > 0) {
        return phrase(
            "closed_by_certification", rest.substring(0, space), rest.substring(space + 1));
      }
    }
    return recorded;
  }

  /**
   * A chart's caption ({@code caption.<name>}).
   *
   * @param name the name after {@code caption.}
   * @return it in this language
   */
  public String caption(String name) {
    String found = find("caption." + name);
    return found != null ? found : name.replace('_', ' ');
  }

  /**
   * @return the keys asked for that this language's bundle (or English, for codes) does not have
   */
  public Set<String> missing() {
    return Collections.unmodifiableSet(missing);
  }

  private @Nullable String find(String key) {
    String value = text.getProperty(key);
    if (value != null) {
      return value;
    }
    missing.add(key);
    return ENGLISH_TEXT.getProperty(key);
  }

  /** One bundle file, read as UTF-8; empty when there is none. */
  private static Properties load(String suffix) {
    Properties p = new Properties();
    String name = BUNDLE + suffix + ".properties";
    ClassLoader loader = Labels.class.getClassLoader();
    try (InputStream in =
        loader == null
            ? ClassLoader.getSystemResourceAsStream(name)
            : loader.getResourceAsStream(name)) {
      if (in != null) {
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + name, e);
    }
    return p;
  }
}
