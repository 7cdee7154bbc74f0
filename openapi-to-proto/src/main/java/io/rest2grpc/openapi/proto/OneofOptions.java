package io.rest2grpc.openapi.proto;

import io.rest2grpc.options.v1.RestOneof;
import io.rest2grpc.options.v1.UnionKind;
import java.util.Map;

/**
 * What the union a oneof carries says on the REST wire: its kind (oneOf, anyOf or subtypes named by
 * a discriminator), the discriminator property and its wire value per member field (null without a
 * discriminator), and whether the union admits null. The fields of its {@code RestOneof} option.
 */
public record OneofOptions(UnionKind kind, String discriminator, Map<String, String> discriminatorValues, boolean nullable) {

  public static final OneofOptions NONE = new OneofOptions(UnionKind.UNION_KIND_UNSPECIFIED, null, null, false);

  public OneofOptions {
    discriminatorValues = discriminatorValues == null ? null : Map.copyOf(discriminatorValues);
  }

  public RestOneof option() {
    RestOneof.Builder b = RestOneof.newBuilder().setKind(kind).setNullable(nullable);
    if (discriminator != null) {
      b.setDiscriminator(discriminator);
    }
    if (discriminatorValues != null) {
      b.putAllDiscriminatorValues(discriminatorValues);
    }
    return b.build();
  }
}
