package io.rest2grpc.transcoding.shadow;

import io.grpc.Metadata;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The marker that says "this call is a shadow copy", defined once for the side that sends it (the
 * shadow proxy, {@link ShadowSigner}) and the side that honours it (the generated gRPC server,
 * {@link ShadowVerifier}). It travels as one metadata entry, {@value #HEADER}:
 *
 * <pre>v1;kid=&lt;key id&gt;;ts=&lt;unix seconds&gt;;nonce=&lt;base64url, 16 bytes&gt;;sig=&lt;base64url HMAC-SHA256&gt;</pre>
 *
 * The signature covers {@code v1}, the full gRPC method name, the timestamp and the nonce, each on
 * its own line: a marker copied onto another method, or later than the verifier's window, or sent
 * twice, is rejected.
 */
public final class ShadowMarker {
  public static final String HEADER = "x-rest2grpc-shadow";
  public static final Metadata.Key<String> KEY = Metadata.Key.of(HEADER, Metadata.ASCII_STRING_MARSHALLER);
  static final String VERSION = "v1";

  private ShadowMarker() {}

  static String signature(ShadowKey key, String fullMethod, long timestamp, String nonce) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
      byte[] signed = mac.doFinal((VERSION + "\n" + fullMethod + "\n" + timestamp + "\n" + nonce).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256, which every Java runtime has, is not available", e);
    }
  }
}
