package io.rest2grpc.transcoding.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Prints and parses REST JSON for protobuf messages, driven by the descriptor and the rest2grpc
 * options (the rules are listed in the package documentation). Immutable, thread-safe.
 *
 * <p>Unknown properties and unknown enum values kept under the KEEP policy are reported to a
 * {@link RestJsonListener}: {@code RestJson.create().withListener(listener)}. Instances made with
 * {@link #withListener} share the per-descriptor metadata of the instance they come from, so a
 * listener per request costs nothing.
 */
public final class RestJson {
  static final JsonFactory FACTORY = JsonFactory.builder().build();
  private static final Pattern JSON_NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");

  private final MetaCache cache;
  private final RestJsonListener listener;
  /** Every enum as if its policy were REJECT: what a request must do (see {@link #rejectingUnknownEnums()}). */
  private final boolean rejectUnknownEnums;
  private final MessageWriter writer;

  private RestJson(MetaCache cache, RestJsonListener listener, boolean rejectUnknownEnums) {
    this.cache = cache;
    this.listener = listener;
    this.rejectUnknownEnums = rejectUnknownEnums;
    this.writer = new MessageWriter(cache);
  }

  public static RestJson create() {
    return new RestJson(new MetaCache(), RestJsonListener.NONE, false);
  }

  /** The same codec, reporting what parsing skipped to this listener. */
  public RestJson withListener(RestJsonListener listener) {
    return new RestJson(cache, listener, rejectUnknownEnums);
  }

  /**
   * The same codec, refusing an enum value the proto does not know whatever the enum's policy. The
   * KEEP policy is for responses (a REST service adds values before its spec does); a request with
   * an unknown value is one the legacy service refused with a 400, and dropping the value would send
   * another, valid request instead ({@code statuses: ["lost"]} becoming an export of everything). The
   * zero _UNSPECIFIED value, by its proto name or number, is unknown too: REST has no such value.
   */
  public RestJson rejectingUnknownEnums() {
    return new RestJson(cache, listener, true);
  }

  /** Compact JSON. */
  public String print(MessageOrBuilder message) {
    return printing(out -> print(message, out));
  }

  public void print(MessageOrBuilder message, JsonGenerator out) throws IOException {
    writer.write(message, out);
  }

  /** Merges the JSON into the builder and returns it; throws {@link RestJsonException} on bad JSON. */
  public <B extends Message.Builder> B parse(String json, B builder) {
    parsing(json, reader -> reader.read(builder));
    return builder;
  }

  /** Merges the value the parser stands on (or, before the first token, the next one) into the builder. */
  public void parse(JsonParser in, Message.Builder builder) throws IOException {
    new MessageReader(cache, listener, rejectUnknownEnums, in).read(builder);
  }

  /** The field's property name on the REST wire: {@code RestField.rest_name}, else its JSON name. */
  public static String restName(FieldDescriptor field) {
    return FieldMeta.restName(field);
  }

  /** The field's whole value as compact JSON: an array for a repeated field, an object for a map. */
  public String printField(MessageOrBuilder message, FieldDescriptor field) {
    return printing(out -> writer.writeField(message, field, out));
  }

  /** Reads one JSON value as the field's whole value into the builder (null clears it) and returns the builder. */
  public <B extends Message.Builder> B parseField(String json, B builder, FieldDescriptor field) {
    parsing(json, reader -> reader.readField(field, builder));
    return builder;
  }

  /**
   * One value of the field (for a repeated field an element, for a map an entry's value) in the
   * text form it has in a path segment, a query or form value or a header: a JSON string's content,
   * numbers and booleans as JSON writes them. Empty when the value has no text form (it prints as
   * a JSON object, array or null).
   */
  public Optional<String> printText(FieldDescriptor field, Object value) {
    String json = printing(out -> writer.writeElement(field, value, out));
    try (JsonParser in = FACTORY.createParser(json)) {
      JsonToken token = in.nextToken();
      return token.isScalarValue() && token != JsonToken.VALUE_NULL ? Optional.of(in.getText()) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading what was just printed does not fail
    }
  }

  /**
   * Reads one value of the field from its text form ({@link #printText}): sets a singular field,
   * adds an element to a repeated one. Throws {@link RestJsonException} when the text is no value
   * of the field's type.
   */
  public void parseText(String text, Message.Builder builder, FieldDescriptor field) {
    parsing(textAsJson(text, field),
        reader -> reader.readElement(field, builder));
  }

  /** Reads one entry of a map field from its key and the text form of its value. */
  public void parseEntryText(String key, String text, Message.Builder builder, FieldDescriptor map) {
    parsing(textAsJson(text, map.getMessageType().findFieldByNumber(2)), reader -> reader.readEntry(map, key, builder));
  }

  /** The JSON token the text stands for, by the kind of JSON value the field takes. */
  private String textAsJson(String text, FieldDescriptor field) {
    JsonKind kind = cache.message(field.getContainingType()).fields.get(field.getIndex()).kind();
    // a value of any kind (a union of a string and a number): a number when it reads as one, as a legacy server would take it
    if (kind == JsonKind.BOOLEAN && (text.equals("true") || text.equals("false"))
        || (kind == JsonKind.NUMBER || kind == JsonKind.ANY) && JSON_NUMBER.matcher(text).matches()) {
      return text;
    }
    if (kind == JsonKind.BOOLEAN) {
      throw new RestJsonException("", "'" + text + "' is not true or false");
    }
    return printing(out -> out.writeString(text));
  }

  private interface Printing {
    void print(JsonGenerator out) throws IOException;
  }

  private interface Parsing {
    void read(MessageReader reader) throws IOException;
  }

  private static String printing(Printing printing) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = FACTORY.createGenerator(text)) {
      printing.print(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString();
  }

  private void parsing(String json, Parsing parsing) {
    try (JsonParser in = FACTORY.createParser(json)) {
      parsing.read(new MessageReader(cache, listener, rejectUnknownEnums, in));
      if (in.nextToken() != null) {
        throw new RestJsonException("", "unexpected content after the JSON value");
      }
    } catch (JsonProcessingException e) {
      throw new RestJsonException("", "malformed JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String does not fail
    }
  }
}
