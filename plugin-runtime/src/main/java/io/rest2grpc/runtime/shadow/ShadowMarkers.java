package io.rest2grpc.runtime.shadow;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.rest2grpc.transcoding.shadow.ShadowMarker;
import io.rest2grpc.transcoding.shadow.ShadowVerifier;

/**
 * Checks every call's shadow marker ({@value ShadowMarker#HEADER}) and flags the calls whose marker
 * is valid for {@link ShadowCalls}. A call without a marker, or with one that fails (unknown key, bad
 * signature, outside the window, replayed), is an ordinary call: nothing is refused, the verifier
 * counts the rejections.
 */
public final class ShadowMarkers implements ServerInterceptor {
  private final ShadowVerifier verifier;

  public ShadowMarkers(ShadowVerifier verifier) {
    this.verifier = verifier;
  }

  /** What checks the markers, and counts those it rejects. */
  public ShadowVerifier verifier() {
    return verifier;
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
      ServerCallHandler<ReqT, RespT> next) {
    String marker = headers.get(ShadowMarker.KEY);
    if (marker == null || !verifier.verify(call.getMethodDescriptor().getFullMethodName(), marker).valid()) {
      return next.startCall(call, headers);
    }
    return Contexts.interceptCall(Context.current().withValue(ShadowCalls.SHADOW, true), call, headers, next);
  }
}
