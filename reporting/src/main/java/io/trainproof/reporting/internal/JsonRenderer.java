package io.trainproof.reporting.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.trainproof.core.domain.Id;
import io.trainproof.reporting.report.Dashboard;
import io.trainproof.reporting.report.OrganizationSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * Writes report models (records) as JSON: dates, instants, months, zones and ids as their ISO text.
 * Thread-safe (the mapper is configured once and never changed).
 */
public final class JsonRenderer {
  private static final ObjectMapper MAPPER = create();

  private JsonRenderer() {}

  private static ObjectMapper create() {
    SimpleModule time = new SimpleModule("trainproof-reporting");
    for (Class<?> type :
        new Class<?>[] {LocalDate.class, Instant.class, YearMonth.class, ZoneId.class, Id.class}) {
      time.addSerializer(type, ToStringSerializer.instance);
    }
    return new ObjectMapper()
        .registerModule(time)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  /**
   * @return the shared mapper (do not reconfigure)
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Writes a value.
   *
   * @param value the value
   * @param out where to write; not closed
   * @throws IOException when writing fails
   */
  public static void write(Object value, OutputStream out) throws IOException {
    MAPPER.writeValue(out, tree(value));
  }

  /**
   * The value as a JSON tree. The organization summary's in-compliance figures are methods (one
   * definition, computed from the counts); its rows state them too, so a program reads the same
   * figure as the page.
   */
  private static JsonNode tree(Object value) {
    JsonNode node = MAPPER.valueToTree(value);
    if (value instanceof OrganizationSummary summary) {
      addFigures(summary, node);
    } else if (value instanceof Dashboard dashboard) {
      addFigures(dashboard.summary(), node.get("summary"));
    }
    return node;
  }

  private static void addFigures(OrganizationSummary summary, JsonNode node) {
    if (node != null && node.get("rows") instanceof ArrayNode rows) {
      for (int i = 0; i < rows.size(); i++) {
        OrganizationSummary.Row row = summary.rows().get(i);
        ((ObjectNode) rows.get(i))
            .put("inCompliance", row.inCompliance())
            .put("inCompliancePercent", row.inCompliancePercent());
      }
    }
  }

  /**
   * A value as JSON bytes.
   *
   * @param value the value
   * @return UTF-8 JSON
   * @throws IOException when it cannot be serialized
   */
  public static byte[] bytes(Object value) throws IOException {
    return MAPPER.writeValueAsBytes(tree(value));
  }
}
