package io.rest2grpc.transcoding.streams;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.ByteString;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON of the frame that ends a failed response stream: the error response the call would have
 * answered had it failed before its first message, whole, in one value,
 * {@code {"error":{"status":409,"headers":[["retry-after","30"]],"media_type":"application/problem+json","body":{…}}}}.
 * A body that is a JSON object or array is embedded as JSON, any other body as a string; empty
 * headers, media type and body are left out. Reading accepts exactly this shape and nothing else.
 */
final class ErrorFrame {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  private static final byte[] ERROR_MEMBER = "\"error\"".getBytes(StandardCharsets.US_ASCII);

  private ErrorFrame() {}

  static String write(RestResponse error) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = FACTORY.createGenerator(text)) {
      out.writeStartObject();
      out.writeObjectFieldStart("error");
      out.writeNumberField("status", error.status());
      if (!error.headers().list().isEmpty()) {
        out.writeArrayFieldStart("headers");
        for (RestHeaders.Header header : error.headers().list()) {
          out.writeStartArray();
          out.writeString(header.name());
          out.writeString(header.value());
          out.writeEndArray();
        }
        out.writeEndArray();
      }
      if (!error.mediaType().isEmpty()) {
        out.writeStringField("media_type", error.mediaType());
      }
      if (!error.body().isEmpty()) {
        out.writeFieldName("body");
        writeBody(error.body(), out);
      }
      out.writeEndObject();
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString();
  }

  /** An object or array as JSON (on one line, whatever its layout was), anything else as its text. */
  private static void writeBody(ByteString body, JsonGenerator out) throws IOException {
    byte[] bytes = body.toByteArray();
    try (JsonParser in = FACTORY.createParser(bytes)) {
      JsonToken first = in.nextToken();
      if (first == JsonToken.START_OBJECT || first == JsonToken.START_ARRAY) {
        StringWriter copy = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(copy)) {
          json.copyCurrentStructure(in);
        }
        if (in.nextToken() == null) {
          out.writeRawValue(copy.toString());
          return;
        }
      }
    } catch (IOException notJson) {
      // written as text below
    }
    out.writeString(body.toStringUtf8());
  }

  /** Cheap test before a parse: the text starts with an object whose first member is "error". */
  static boolean mayBe(byte[] json, int start, int end) {
    int i = skipWhitespace(json, start, end);
    if (i >= end || json[i] != '{') {
      return false;
    }
    i = skipWhitespace(json, i + 1, end);
    if (end - i < ERROR_MEMBER.length) {
      return false;
    }
    for (int k = 0; k < ERROR_MEMBER.length; k++) {
      if (json[i + k] != ERROR_MEMBER[k]) {
        return false;
      }
    }
    return true;
  }

  /** The error response of an error frame; empty when the JSON is not exactly the error frame's shape. */
  static Optional<RestResponse> read(byte[] json, int start, int end) {
    try (JsonParser in = FACTORY.createParser(json, start, end - start)) {
      if (in.nextToken() != JsonToken.START_OBJECT || in.nextToken() != JsonToken.FIELD_NAME || !in.currentName().equals("error")
          || in.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      int status = 0;
      List<RestHeaders.Header> headers = new ArrayList<>();
      String mediaType = "";
      ByteString body = ByteString.EMPTY;
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String name = in.currentName();
        JsonToken value = in.nextToken();
        switch (name) {
          case "status" -> {
            if (value != JsonToken.VALUE_NUMBER_INT || in.getNumberType() != JsonParser.NumberType.INT) {
              return Optional.empty();
            }
            status = in.getIntValue();
          }
          case "headers" -> {
            if (value != JsonToken.START_ARRAY || !readHeaders(in, headers)) {
              return Optional.empty();
            }
          }
          case "media_type" -> {
            if (value != JsonToken.VALUE_STRING) {
              return Optional.empty();
            }
            mediaType = in.getText();
          }
          case "body" -> body = readBody(in, value);
          default -> {
            return Optional.empty();
          }
        }
      }
      if (in.nextToken() != JsonToken.END_OBJECT || in.nextToken() != null || status < 400 || status > 599) {
        return Optional.empty();
      }
      return Optional.of(new RestResponse(status, new RestHeaders(headers), mediaType, body));
    } catch (IOException notTheShape) {
      return Optional.empty();
    }
  }

  private static boolean readHeaders(JsonParser in, List<RestHeaders.Header> headers) throws IOException {
    while (in.nextToken() == JsonToken.START_ARRAY) {
      if (in.nextToken() != JsonToken.VALUE_STRING) {
        return false;
      }
      String name = in.getText();
      if (in.nextToken() != JsonToken.VALUE_STRING) {
        return false;
      }
      String value = in.getText();
      if (in.nextToken() != JsonToken.END_ARRAY) {
        return false;
      }
      headers.add(new RestHeaders.Header(name, value));
    }
    return in.currentToken() == JsonToken.END_ARRAY;
  }

  private static ByteString readBody(JsonParser in, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_STRING) {
      return ByteString.copyFromUtf8(in.getText());
    }
    StringWriter copy = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(copy)) {
      json.copyCurrentStructure(in);
    }
    return ByteString.copyFromUtf8(copy.toString());
  }

  private static int skipWhitespace(byte[] json, int from, int end) {
    int i = from;
    while (i < end && JsonValueScanner.isWhitespace(json[i])) {
      i++;
    }
    return i;
  }
}
