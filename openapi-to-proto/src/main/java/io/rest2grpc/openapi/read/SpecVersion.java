package io.rest2grpc.openapi.read;

public enum SpecVersion {
  SWAGGER_2,
  OPENAPI_3_0,
  OPENAPI_3_1;

  public boolean isSwagger2() {
    return this == SWAGGER_2;
  }
}
