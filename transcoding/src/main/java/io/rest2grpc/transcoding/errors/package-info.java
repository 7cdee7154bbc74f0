/**
 * A method's REST status, headers and error bodies ⇄ gRPC: {@link
 * io.rest2grpc.transcoding.errors.ErrorTransform} turns an HTTP error response into a {@code
 * google.rpc.Status} with standard details and back; {@link
 * io.rest2grpc.transcoding.errors.SuccessTransform} carries a successful response's status and
 * documented headers in response metadata and back. Both are built per method from its
 * {@code RestMethod} option and work on {@link io.rest2grpc.transcoding.http.RestResponse}, the
 * response as seen on the wire. The rules are in the transcoding README ("Errors", "Success
 * statuses and headers").
 */
package io.rest2grpc.transcoding.errors;
