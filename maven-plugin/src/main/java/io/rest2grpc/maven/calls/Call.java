package io.rest2grpc.maven.calls;

import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.Optional;

/** How a generated service answers one RPC: a typed call of its handler, or the bridge. */
public sealed interface Call {

  /** Through the bridge into the app's MVC stack, for {@code reason}. */
  record Bridged(String reason) implements Call {}

  /**
   * The handler called in process, its body and answer mapped by generated code.
   *
   * @param body the mapping of the request message to the handler's {@code @RequestBody}; empty when it has none
   */
  record Typed(Optional<Mapping> body, Answer answer) implements Call {}

  /**
   * One generated mapper applied to one message.
   *
   * @param mapper the mapper class's simple name (its package: the generated services' {@code .mappers})
   * @param dtoType the DTO's qualified name
   * @param field the field of the request or response that carries the message; empty for the whole message
   */
  record Mapping(String mapper, String dtoType, Optional<FieldDescriptor> field) {}

  /** What of the handler's answer becomes the response message. */
  sealed interface Answer {}

  /** No body: the response message is empty. */
  record NoBody() implements Answer {}

  /** The body is one DTO, mapped to the response or to its {@code response_body} field. */
  record OneBody(Mapping mapping) implements Answer {}

  /** The body is a list of DTOs, each mapped into the repeated {@code response_body} field. */
  record ListBody(Mapping element) implements Answer {}

  /**
   * The response is a {@code google.api.HttpBody}: the answer is written as the app's MVC writes it
   * (content negotiation, converters) and the engine carries its bytes and media type.
   */
  record Written() implements Answer {}
}
