package io.rest2grpc.transcoding.responses;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.transcoding.errors.ErrorTransform;
import io.rest2grpc.transcoding.errors.SuccessTransform;
import io.rest2grpc.transcoding.http.ResponseHead;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.json.RestJson;
import io.rest2grpc.transcoding.options.EffectiveOptions;
import io.rest2grpc.transcoding.paging.PageTokens;
import io.rest2grpc.transcoding.paging.PagingTransform;
import io.rest2grpc.transcoding.paging.RestListResponse;
import io.rest2grpc.transcoding.responses.ResponseBody.Payload;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One unary method's responses, both ways: a gRPC answer (the response message with its headers,
 * or a Status) → the exact REST response a legacy client got, and a REST response → the gRPC
 * answer, which is what the shadow proxy compares. Composes {@link SuccessTransform} (status and
 * documented headers), {@link ErrorTransform} (errors), {@link PagingTransform} (lists) and
 * {@link RestJson} (bodies); the transcoding README ("Responses") states the rules. Immutable,
 * thread-safe: build one per method and share it.
 */
public final class ResponseTranscoder {
  private final MethodDescriptor method;
  private final SuccessTransform success;
  private final ErrorTransform errors;
  private final ResponseBody body;
  private final PagedBody paged;
  /** RestMethod.response_headers, each name once, as spelled there. */
  private final List<String> documentedHeaders;

  private ResponseTranscoder(MethodDescriptor method, RestMethod options, SuccessTransform success, ErrorTransform errors,
      ResponseBody body, PagedBody paged) {
    this.method = method;
    List<String> names = new ArrayList<>();
    for (String name : options.getResponseHeadersList()) {
      if (names.stream().noneMatch(name::equalsIgnoreCase)) {
        names.add(name);
      }
    }
    this.documentedHeaders = List.copyOf(names);
    this.success = success;
    this.errors = errors;
    this.body = body;
    this.paged = paged;
  }

  /**
   * The transcoder of a unary (or client-streaming) method of a descriptor set loaded with the
   * options registered ({@code DescriptorSets.load}); {@code tokens} mint and read the page tokens
   * of a list (any key set will do for a method without paging). Throws
   * {@link IllegalArgumentException} saying what to fix when the options do not fit the method.
   */
  public static ResponseTranscoder of(MethodDescriptor method, PageTokens tokens) {
    return of(method, tokens, RestJson.create());
  }

  /** The same, printing and parsing with this codec (the engine's, shared by every method: its metadata is computed once). */
  public static ResponseTranscoder of(MethodDescriptor method, PageTokens tokens, RestJson json) {
    if (method.isServerStreaming()) {
      throw new IllegalArgumentException(method.getFullName() + " streams its responses; its REST response is a stream"
          + " (RestMethod.response_stream), which the stream transcoder writes");
    }
    RestMethod options = EffectiveOptions.of(method);
    PagedBody paged = options.hasPaging()
        ? new PagedBody(PagingTransform.of(method, tokens), json, method.getFullName(),
            options.getResponseMediaType().isEmpty() ? ResponseBody.JSON : options.getResponseMediaType())
        : null;
    return new ResponseTranscoder(method, options, SuccessTransform.of(method), ErrorTransform.of(method),
        ResponseBody.of(method, options, json), paged);
  }

  public MethodDescriptor method() {
    return method;
  }

  /**
   * gRPC → REST, a successful call: the status (the method's success status, or the one
   * {@code rest2grpc-http-status} names), each documented header once (a list's {@code Link} and
   * total header from the paging), and the body the response message is on the REST wire; headers
   * only for a {@code HEAD}. A documented header found only in {@code trailers} counts as well.
   */
  public RestResponse toRest(Message response, Metadata headers, Metadata trailers, ResponseContext context) {
    requireType(response.getDescriptorForType(), method.getOutputType(), "response");
    requireType(context.request().getDescriptorForType(), method.getInputType(), "request of the context");
    ResponseHead head = success.fromMetadata(withTrailers(headers, trailers));
    Payload payload;
    RestHeaders pagingHeaders = RestHeaders.NONE;
    if (paged != null) {
      RestListResponse list = paged.print(response, context);
      payload = new Payload(paged.mediaType(), ByteString.copyFromUtf8(list.body()));
      pagingHeaders = list.headers();
    } else {
      payload = body.print(response);
    }
    if (isBodyless(head.status())) {
      payload = Payload.NONE;
    }
    return finish(head.status(), compose(head.headers(), pagingHeaders), payload, response.getSerializedSize() > 0, context);
  }

  /** gRPC → REST, a failed call (a client's {@code StatusRuntimeException} gives both): the REST error through {@link ErrorTransform}. */
  public RestResponse toRest(Status status, Metadata trailers, ResponseContext context) {
    return toRest(StatusProto.fromStatusAndTrailers(status, trailers), context);
  }

  /** gRPC → REST, a failed call: status, error headers and body from the Status and its {@code RestErrorOrigin}. */
  public RestResponse toRest(com.google.rpc.Status status, ResponseContext context) {
    RestResponse error = errors.toHttp(status, context.path());
    return finish(error.status(), error.headers(), new Payload(error.mediaType(), error.body()), true, context);
  }

  /** gRPC → REST, either answer; the inverse of {@link #toGrpc}. */
  public RestResponse toRest(GrpcResponse answer, ResponseContext context) {
    if (answer instanceof GrpcResponse.Success ok) {
      return toRest(ok.message(), ok.headers(), new Metadata(), context);
    }
    return toRest(((GrpcResponse.Failure) answer).status(), context);
  }

  /**
   * REST → gRPC: an error (400 to 599) becomes its Status through {@link ErrorTransform}; a success
   * (200 to 399) the response message (a {@link DynamicMessage} of the output type) with the
   * documented headers and an unusual status as metadata. The body is not read for a {@code HEAD},
   * 204, 205 or 304. Throws {@link ResponseBodyException} for a body that is not the method's response.
   */
  public GrpcResponse toGrpc(RestResponse rest, ResponseContext context) {
    requireType(context.request().getDescriptorForType(), method.getInputType(), "request of the context");
    int status = rest.status();
    if (status >= 400 && status <= 599) {
      return new GrpcResponse.Failure(errors.toStatus(rest));
    }
    if (status < 200 || status > 399) {
      throw new IllegalArgumentException("a REST response of " + method.getFullName() + " has status " + status
          + "; only final statuses (200 to 599) have a gRPC answer");
    }
    Metadata metadata = successMetadata(status, rest.headers());
    DynamicMessage.Builder response = DynamicMessage.newBuilder(method.getOutputType());
    if (!context.isHead() && !isBodyless(status)) {
      if (paged != null) {
        paged.parse(rest, context, response);
      } else {
        body.parse(rest, response);
      }
    }
    return new GrpcResponse.Success(response.build(), metadata);
  }

  /**
   * REST → gRPC metadata of a success whose message the caller made itself (a handler called in
   * process, its body mapped by generated code): the documented headers and an unusual status, as
   * {@link #toGrpc} makes them; a list's paging headers are left to the paging.
   */
  public Metadata successMetadata(int status, RestHeaders headers) {
    return success.toMetadata(status, paged == null ? headers
        : new RestHeaders(headers.list().stream().filter(header -> !paged.owns(header.name())).toList()));
  }

  /**
   * REST → gRPC paging of a list whose message the caller mapped itself from the handler's answer
   * (every item, and an envelope's other members): next_page_token and total_size as {@link #toGrpc}
   * makes them from the REST answer, the items kept or sliced as it would; {@code mapped} itself for a
   * method without paging. Where the REST page is a bare array they come from the item count, the
   * request and the handler's {@code headers}; where its paging is in the body
   * ({@link PagingTransform#needsTheBody}: an envelope, a cursor read from the last item) from the
   * REST page {@code mapped} prints as, through the codec.
   */
  public <M extends Message> M completePage(M mapped, RestHeaders headers, ResponseContext context) {
    return paged == null ? mapped : paged.complete(mapped, headers, context);
  }

  /**
   * The documented headers in documented order, where the first name the paging owns stands for all
   * of the paging's headers (rebuilt from the response: the metadata's own values are dropped);
   * paging headers go last if the method documents none of them.
   */
  private RestHeaders compose(RestHeaders documented, RestHeaders paging) {
    if (paged == null) {
      return documented;
    }
    List<RestHeaders.Header> headers = new ArrayList<>();
    boolean pagingAdded = false;
    for (String name : documentedHeaders) {
      if (!paged.owns(name)) {
        documented.all(name).forEach(value -> headers.add(new RestHeaders.Header(name, value)));
      } else if (!pagingAdded) {
        headers.addAll(paging.list());
        pagingAdded = true;
      }
    }
    if (!pagingAdded) {
      headers.addAll(paging.list());
    }
    return new RestHeaders(headers);
  }

  /** A HEAD answer keeps the status, headers and media type, drops the body and says its length where known. */
  private static RestResponse finish(int status, RestHeaders headers, Payload payload, boolean lengthKnown, ResponseContext context) {
    if (!context.isHead()) {
      return new RestResponse(status, headers, payload.mediaType(), payload.bytes());
    }
    if (lengthKnown && !payload.bytes().isEmpty() && headers.first("Content-Length").isEmpty()) {
      List<RestHeaders.Header> withLength = new ArrayList<>(headers.list());
      withLength.add(new RestHeaders.Header("Content-Length", Integer.toString(payload.bytes().size())));
      headers = new RestHeaders(withLength);
    }
    return new RestResponse(status, headers, payload.mediaType(), ByteString.EMPTY);
  }

  /** Response headers, and the trailers' keys the headers lack (a server may send documented headers as trailers). */
  private static Metadata withTrailers(Metadata headers, Metadata trailers) {
    Metadata all = new Metadata();
    all.merge(headers);
    Set<Metadata.Key<?>> onlyInTrailers = new HashSet<>();
    for (String key : trailers.keys()) {
      if (!key.endsWith(Metadata.BINARY_HEADER_SUFFIX) && !headers.containsKey(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER))) {
        onlyInTrailers.add(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER));
      }
    }
    all.merge(trailers, onlyInTrailers);
    return all;
  }

  private static boolean isBodyless(int status) {
    return status == 204 || status == 205 || status == 304;
  }

  private void requireType(Descriptor actual, Descriptor expected, String what) {
    if (!actual.getFullName().equals(expected.getFullName())) {
      throw new IllegalArgumentException("the " + what + " of " + method.getFullName() + " must be a " + expected.getFullName()
          + ", got a " + actual.getFullName());
    }
  }
}
