package io.rest2grpc.transcoding.streams;

/** Which of a method's streams a codec frames. */
public enum StreamSide {
  /** The client stream: the REST request body (RestMethod.request_stream). */
  REQUEST,
  /** The server stream: the REST response body (RestMethod.response_stream). */
  RESPONSE
}
