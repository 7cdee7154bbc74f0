package io.rest2grpc.transcoding.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

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

  private final MetaCache cache;
  private final RestJsonListener listener;
  private final MessageWriter writer;

  private RestJson(MetaCache cache, RestJsonListener listener) {
    this.cache = cache;
    this.listener = listener;
    this.writer = new MessageWriter(cache);
  }

  public static RestJson create() {
    return new RestJson(new MetaCache(), RestJsonListener.NONE);
  }

  /** The same codec, reporting what parsing skipped to this listener. */
  public RestJson withListener(RestJsonListener listener) {
    return new RestJson(cache, listener);
  }

  /** Compact JSON. */
  public String print(MessageOrBuilder message) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = FACTORY.createGenerator(text)) {
      print(message, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString();
  }

  public void print(MessageOrBuilder message, JsonGenerator out) throws IOException {
    writer.write(message, out);
  }

  /** Merges the JSON into the builder and returns it; throws {@link RestJsonException} on bad JSON. */
  public <B extends Message.Builder> B parse(String json, B builder) {
    try (JsonParser in = FACTORY.createParser(json)) {
      parse(in, builder);
      if (in.nextToken() != null) {
        throw new RestJsonException("", "unexpected content after the JSON value");
      }
    } catch (JsonProcessingException e) {
      throw new RestJsonException("", "malformed JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String does not fail
    }
    return builder;
  }

  /** Merges the value the parser stands on (or, before the first token, the next one) into the builder. */
  public void parse(JsonParser in, Message.Builder builder) throws IOException {
    new MessageReader(cache, listener, in).read(builder);
  }
}
