package io.rest2grpc.openapi.proto;

/**
 * A field's type: a scalar ({@code int64}), a message or enum of the package being written (by
 * simple name), or an imported type by its full name and the file that defines it.
 */
public record TypeRef(Kind kind, String name, String importPath) {

  public enum Kind { SCALAR, LOCAL, IMPORTED }

  public static final TypeRef STRING = scalar("string");
  public static final TypeRef BYTES = scalar("bytes");
  public static final TypeRef BOOL = scalar("bool");
  public static final TypeRef INT32 = scalar("int32");
  public static final TypeRef INT64 = scalar("int64");
  public static final TypeRef DOUBLE = scalar("double");
  public static final TypeRef TIMESTAMP = imported("google.protobuf.Timestamp", "google/protobuf/timestamp.proto");
  public static final TypeRef STRUCT = imported("google.protobuf.Struct", "google/protobuf/struct.proto");
  public static final TypeRef VALUE = imported("google.protobuf.Value", "google/protobuf/struct.proto");
  public static final TypeRef EMPTY = imported("google.protobuf.Empty", "google/protobuf/empty.proto");
  public static final TypeRef HTTP_BODY = imported("google.api.HttpBody", "google/api/httpbody.proto");
  public static final TypeRef FILE_PART = imported("rest2grpc.multipart.v1.FilePart", "rest2grpc/multipart/v1/file_part.proto");
  public static final TypeRef FIELD_MASK = imported("google.protobuf.FieldMask", "google/protobuf/field_mask.proto");

  public static TypeRef scalar(String name) {
    return new TypeRef(Kind.SCALAR, name, null);
  }

  public static TypeRef local(String name) {
    return new TypeRef(Kind.LOCAL, name, null);
  }

  public static TypeRef imported(String fullName, String importPath) {
    return new TypeRef(Kind.IMPORTED, fullName, importPath);
  }

  public boolean isScalar() {
    return kind == Kind.SCALAR;
  }
}
