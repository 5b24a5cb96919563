package io.trainproof.reporting.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.trainproof.core.domain.Id;
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
    MAPPER.writeValue(out, value);
  }

  /**
   * A value as JSON bytes.
   *
   * @param value the value
   * @return UTF-8 JSON
   * @throws IOException when it cannot be serialized
   */
  public static byte[] bytes(Object value) throws IOException {
    return MAPPER.writeValueAsBytes(value);
  }
}
