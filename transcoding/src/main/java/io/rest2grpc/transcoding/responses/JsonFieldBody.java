package io.rest2grpc.transcoding.responses;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.filter.FilteringGeneratorDelegate;
import com.fasterxml.jackson.core.filter.JsonPointerBasedFilter;
import com.fasterxml.jackson.core.filter.TokenFilter;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.transcoding.JsonPointer;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.json.RestJson;
import io.rest2grpc.transcoding.json.RestJsonException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * One field of the response as the body ({@code response_body}): a message, a bare array (a
 * repeated field), a bare map or a scalar. The codec prints the whole response and only the
 * field's property is let through; the body parses as that property of the response, so every REST
 * JSON rule of the field (its format, int64 encoding, enum values) stays the codec's.
 */
final class JsonFieldBody implements ResponseBody {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final RestJson json;
  private final String method;
  private final FieldDescriptor field;
  private final String mediaType;
  /** The field's property in the printed response ({@code /events}), and the text that opens an object holding it. */
  private final String property;
  private final String opening;

  JsonFieldBody(RestJson json, String method, FieldDescriptor field, String mediaType) {
    this.json = json;
    this.method = method;
    this.field = field;
    this.mediaType = mediaType;
    String restName = field.getOptions().getExtension(OptionsProto.field).getRestName();
    String name = restName.isEmpty() ? field.getJsonName() : restName;
    this.property = JsonPointer.child("", name);
    this.opening = "{\"" + new String(JsonStringEncoder.getInstance().quoteAsString(name)) + "\":";
  }

  @Override
  public Payload print(Message response) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = new FilteringGeneratorDelegate(FACTORY.createGenerator(text),
        new JsonPointerBasedFilter(property), TokenFilter.Inclusion.ONLY_INCLUDE_ALL, false)) {
      json.print(response, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    String body = text.toString();
    return new Payload(mediaType, ByteString.copyFromUtf8(body.isEmpty() ? unprinted() : body));
  }

  /** The field's value when the codec leaves it out (its emission policy omits a default). */
  private String unprinted() {
    if (field.isMapField()) {
      return "{}";
    }
    if (field.isRepeated()) {
      return "[]";
    }
    return switch (field.getJavaType()) {
      case MESSAGE -> json.print(DynamicMessage.getDefaultInstance(field.getMessageType()));
      case STRING, BYTE_STRING -> "\"\"";
      case BOOLEAN -> "false";
      case ENUM -> "null"; // the zero value is never printed
      default -> "0";
    };
  }

  @Override
  public void parse(RestResponse rest, Message.Builder response) {
    String text = rest.body().toStringUtf8();
    if (text.isBlank()) {
      return;
    }
    requireOneValue(text); // so a body cannot close the object it is placed in, and set other fields
    try {
      json.parse(opening + text + "}", response);
    } catch (RestJsonException e) {
      throw ResponseBodyException.of(method, e, property, "");
    }
  }

  private void requireOneValue(String text) {
    try (JsonParser in = FACTORY.createParser(text)) {
      in.nextToken();
      in.skipChildren();
      if (in.nextToken() != null) {
        throw new ResponseBodyException(method, "", "unexpected content after the JSON value", null);
      }
    } catch (JsonProcessingException e) {
      throw new ResponseBodyException(method, "", "malformed JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String does not fail
    }
  }
}
