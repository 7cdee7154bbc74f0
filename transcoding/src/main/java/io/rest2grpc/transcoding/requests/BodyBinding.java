package io.rest2grpc.transcoding.requests;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import io.rest2grpc.options.v1.BodyEncoding;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.transcoding.http.MediaTypes;
import io.rest2grpc.transcoding.http.QueryString;
import io.rest2grpc.transcoding.json.RestJson;
import io.rest2grpc.transcoding.json.RestJsonException;
import io.rest2grpc.transcoding.options.EffectiveOptions;
import io.rest2grpc.transcoding.requests.InvalidRequest.Location;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * A route's request body ⇄ the request message: the whole message ({@code body: "*"}) or one field
 * ({@code body: "order"}: a message, scalar, repeated, map or Struct field), as REST JSON, a form
 * ({@code application/x-www-form-urlencoded}), {@code multipart/form-data} ({@link MultipartFields}),
 * a JSON merge patch with its {@code update_mask}, or raw bytes ({@code google.api.HttpBody} keeps
 * the media type; a {@code bytes} field the bytes).
 */
final class BodyBinding {
  private static final String HTTP_BODY = "google.api.HttpBody";
  private static final String MERGE_PATCH = "application/merge-patch+json";

  /** null: the route takes no body. */
  private final FieldDescriptor field;
  private final boolean whole;
  private final RestMethod rest;
  private final RestJson json;
  /** The fields a form body fills: the body message's, minus those bound elsewhere. */
  private final ParameterFields form;
  /** The fields a multipart body fills, chosen as the form's are. */
  private final MultipartFields multipart;
  private final FieldDescriptor maskField;
  private final MergePatch mergePatch;

  BodyBinding(MethodDescriptor method, String body, Set<FieldDescriptor> pathFields, RestJson json) {
    this.rest = EffectiveOptions.of(method);
    this.json = json;
    this.whole = body.equals("*");
    this.field = body.isEmpty() || whole ? null : method.getInputType().findFieldByName(body);
    if (!body.isEmpty() && !whole && field == null) {
      throw new IllegalArgumentException(method.getFullName() + ": the body field '" + body + "' is not a field of "
          + method.getInputType().getFullName());
    }
    this.maskField = rest.getMergePatchMaskField().isEmpty() ? null : method.getInputType().findFieldByName(rest.getMergePatchMaskField());
    this.mergePatch = new MergePatch(json);
    this.form = whole ? new ParameterFields(method.getInputType(), pathFields, json)
        : field != null && field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isRepeated()
            ? new ParameterFields(field.getMessageType(), Set.of(), json) : null;
    this.multipart = whole ? new MultipartFields(method.getInputType(), pathFields, json)
        : field != null && field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isRepeated()
            ? new MultipartFields(field.getMessageType(), Set.of(), json) : null;
  }

  boolean takesBody() {
    return whole || field != null;
  }

  FieldDescriptor field() {
    return field;
  }

  // REST -> gRPC

  /** Binds the body into the request; returns the names of the form fields and multipart parts that name no field. */
  List<String> toGrpc(String contentType, ByteString body, Message.Builder request) {
    if (!takesBody() || body.isEmpty()) {
      return List.of();
    }
    String mediaType = MediaTypes.essence(contentType);
    if (field != null && isHttpBody(field)) {
      Message.Builder httpBody = request.newBuilderForField(field);
      httpBody.setField(httpBody.getDescriptorForType().findFieldByName("content_type"), contentType);
      httpBody.setField(httpBody.getDescriptorForType().findFieldByName("data"), body);
      request.setField(field, httpBody.build());
    } else if (field != null && field.getType() == FieldDescriptor.Type.BYTES && !field.isRepeated()) {
      request.setField(field, body);
    } else if (mediaType.equals(Multipart.MEDIA_TYPE) || rest.getBodyEncoding() == BodyEncoding.BODY_ENCODING_MULTIPART) {
      return bindMultipart(Multipart.parse(contentType, body), request);
    } else if (mediaType.equals("application/x-www-form-urlencoded") || rest.getBodyEncoding() == BodyEncoding.BODY_ENCODING_FORM) {
      return bindForm(body.toStringUtf8(), request);
    } else if (field != null && field.getType() == FieldDescriptor.Type.STRING && !field.isRepeated() && !mediaType.contains("json")) {
      request.setField(field, body.toStringUtf8());
    } else {
      String text = body.toStringUtf8();
      try {
        if (whole) {
          json.parse(text, request);
        } else {
          json.parseField(text, request, field);
        }
      } catch (RestJsonException e) {
        throw new InvalidRequest(Location.BODY, e.pointer(), e.problem());
      }
      if (maskField != null && mediaType.equals(MERGE_PATCH)) {
        Message.Builder mask = request.newBuilderForField(maskField);
        FieldDescriptor paths = mask.getDescriptorForType().findFieldByName("paths");
        mergePatch.paths(text, whole ? request.getDescriptorForType() : field.getMessageType()).forEach(p -> mask.addRepeatedField(paths, p));
        request.setField(maskField, mask.build());
      }
    }
    return List.of();
  }

  private List<String> bindForm(String text, Message.Builder request) {
    if (form == null) {
      throw new InvalidRequest(Location.BODY, "", "a form body needs an object to fill; this operation's body is "
          + field.getName() + " (" + field.getType() + ")");
    }
    var values = QueryString.decode(text);
    if (whole) {
      return form.bindQuery(values, Set.of(), request, Location.BODY);
    }
    Message.Builder nested = request.hasField(field) ? ((Message) request.getField(field)).toBuilder() : request.newBuilderForField(field);
    List<String> unknown = form.bindQuery(values, Set.of(), nested, Location.BODY);
    request.setField(field, nested.build());
    return unknown;
  }

  private List<String> bindMultipart(List<Multipart.Part> parts, Message.Builder request) {
    if (multipart == null) {
      throw new InvalidRequest(Location.BODY, "", "a multipart body needs an object to fill; this operation's body is "
          + field.getName() + " (" + field.getType() + ")");
    }
    if (whole) {
      return multipart.bind(parts, request);
    }
    Message.Builder nested = request.hasField(field) ? ((Message) request.getField(field)).toBuilder() : request.newBuilderForField(field);
    List<String> unknown = multipart.bind(parts, nested);
    request.setField(field, nested.build());
    return unknown;
  }

  // gRPC -> REST

  /** The body's media type and bytes; null when the route sends none. */
  Body toRest(Message request, List<FieldDescriptor> pathFields) {
    if (!takesBody()) {
      return null;
    }
    if (field != null && isHttpBody(field)) {
      if (!request.hasField(field)) {
        return null;
      }
      Message httpBody = (Message) request.getField(field);
      return new Body((String) httpBody.getField(httpBody.getDescriptorForType().findFieldByName("content_type")),
          (ByteString) httpBody.getField(httpBody.getDescriptorForType().findFieldByName("data")));
    }
    if (field != null && field.getType() == FieldDescriptor.Type.BYTES && !field.isRepeated()) {
      return new Body(rest.getRequestMediaType().isEmpty() ? "application/octet-stream" : rest.getRequestMediaType(),
          (ByteString) request.getField(field));
    }
    if (rest.getBodyEncoding() == BodyEncoding.BODY_ENCODING_MULTIPART && multipart != null) {
      if (field != null && !request.hasField(field)) {
        return null;
      }
      List<Multipart.Part> parts = multipart.print(whole ? request : (MessageOrBuilder) request.getField(field));
      String boundary = Multipart.newBoundary();
      while (Multipart.collides(parts, boundary)) {
        boundary = Multipart.newBoundary();
      }
      return new Body(Multipart.contentType(boundary), Multipart.write(parts, boundary));
    }
    if (rest.getBodyEncoding() == BodyEncoding.BODY_ENCODING_FORM && form != null) {
      MessageOrBuilder source = whole ? request : (MessageOrBuilder) request.getField(field);
      return new Body("application/x-www-form-urlencoded", ByteString.copyFromUtf8(QueryString.encode(form.printQuery(source))));
    }
    if (field != null && field.hasPresence() && !request.hasField(field)) {
      return null;
    }
    if (maskField != null && request.hasField(maskField)) {
      Message mask = (Message) request.getField(maskField);
      List<String> paths = ((List<?>) mask.getField(mask.getDescriptorForType().findFieldByName("paths"))).stream().map(String.class::cast).toList();
      MessageOrBuilder patched = whole ? request : (MessageOrBuilder) request.getField(field);
      return new Body(MERGE_PATCH, ByteString.copyFromUtf8(mergePatch.patch(patched, paths)));
    }
    String text;
    if (whole) {
      Message.Builder body = request.toBuilder();
      pathFields.forEach(body::clearField);
      if (maskField != null) {
        body.clearField(maskField);
      }
      text = json.print(body);
    } else if (field.getType() == FieldDescriptor.Type.STRING && !field.isRepeated() && !rest.getRequestMediaType().isEmpty()
        && !rest.getRequestMediaType().contains("json")) {
      return new Body(rest.getRequestMediaType(), ByteString.copyFromUtf8((String) request.getField(field)));
    } else {
      text = json.printField(request, field);
    }
    String mediaType = rest.getRequestMediaType().isEmpty() || rest.getRequestMediaType().equals(MERGE_PATCH)
        ? "application/json" : rest.getRequestMediaType();
    return new Body(mediaType, ByteString.copyFrom(text, StandardCharsets.UTF_8));
  }

  /** A request body: its media type and bytes. */
  record Body(String contentType, ByteString bytes) {}

  private static boolean isHttpBody(FieldDescriptor field) {
    return field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && field.getMessageType().getFullName().equals(HTTP_BODY);
  }
}
