package io.rest2grpc.openapi.proto;

import io.rest2grpc.openapi.naming.LanguageOptions;
import io.rest2grpc.options.v1.RestErrorBody;
import io.rest2grpc.options.v1.RestFile;
import io.rest2grpc.options.v1.RestParameter;
import io.rest2grpc.options.v1.RestSecurityScheme;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What holds for every file of a conversion (one package, one spec): the fields of the
 * {@code rest2grpc.options.v1.RestFile} option as the conversion decided them, and the default
 * timeout the service configs carry. {@code int64Json} is {@code number} or {@code string};
 * {@code emission} an Emission constant name or null; {@code basePath} the server path prefix of the
 * last operation that has one, or null; {@code sharedParameters} the parameters that travel as
 * metadata; {@code languages} the rule of the language options (java_package…).
 */
public record FileOptions(String int64Json, String emission, String timeout, String errorDomain, String basePath,
    Map<String, RestSecurityScheme> securitySchemes, List<RestParameter> sharedParameters, LanguageOptions languages) {

  public FileOptions {
    securitySchemes = Collections.unmodifiableSortedMap(new TreeMap<>(securitySchemes));
    sharedParameters = List.copyOf(sharedParameters);
  }

  /** The file option of the conversion of {@code spec}; {@code errorBody} is the one most errors share, or null. */
  public RestFile option(String spec, RestErrorBody errorBody) {
    RestFile.Builder b = RestFile.newBuilder().setSpec(spec)
        .setInt64Encoding(Encodings.int64(int64Json))
        .setEmission(Encodings.emission(emission))
        .putAllSecuritySchemes(securitySchemes)
        .addAllSharedParameters(sharedParameters);
    if (basePath != null) {
      b.setBasePath(basePath);
    }
    if (errorDomain != null) {
      b.setErrorDomain(errorDomain);
    }
    if (errorBody != null) {
      b.setErrorBody(errorBody);
    }
    return b.build();
  }
}
