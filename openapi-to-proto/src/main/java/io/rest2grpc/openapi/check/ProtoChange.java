package io.rest2grpc.openapi.check;

/**
 * One difference between the protos of two spec versions, on the element it affects:
 * {@code pkg.Message.field}, {@code pkg.Enum.VALUE}, {@code pkg.Service.Rpc}, {@code pkg.Message}…
 * (the old name where it changed). {@code number} is the field or enum value number, else null.
 */
public record ProtoChange(Kind kind, String element, Integer number, String detail) {

  public enum Kind {
    MESSAGE_DELETED(true),
    ENUM_DELETED(true),
    SERVICE_DELETED(true),
    RPC_DELETED(true),
    FIELD_DELETED(true),
    /** Same number, another name: the JSON name changes with it unless json_name is kept. */
    FIELD_RENAMED(true),
    FIELD_JSON_NAME_CHANGED(true),
    FIELD_TYPE_CHANGED(true),
    /** Singular, repeated or map: the wire types differ. */
    FIELD_CARDINALITY_CHANGED(true),
    /** {@code optional} added or removed: the same wire and JSON, only presence tracking differs. */
    FIELD_PRESENCE_CHANGED(false),
    FIELD_ONEOF_CHANGED(true),
    /** The rest2grpc field option or field_behavior: the REST JSON the codec writes, or what it requires. */
    FIELD_OPTION_CHANGED(true),
    /**
     * The rest2grpc field option only gained a format or allowed values: a refinement of the REST type
     * that the lock held back (the field kept its type; the REST JSON is the same).
     */
    FIELD_OPTION_REFINED(false),
    ENUM_VALUE_DELETED(true),
    ENUM_VALUE_RENAMED(true),
    /** The REST value of an enum value: what the codec writes on the REST wire. */
    ENUM_VALUE_OPTION_CHANGED(true),
    RPC_REQUEST_TYPE_CHANGED(true),
    RPC_RESPONSE_TYPE_CHANGED(true),
    RPC_STREAMING_CHANGED(true),
    /** The google.api.http rule: the REST route, body or response body (buf never compares these). */
    HTTP_RULE_CHANGED(true),
    /** The rest2grpc method option (errors, paging, success shape…): reported, judged by the REST side. */
    METHOD_OPTION_CHANGED(false);

    private final boolean breaking;

    Kind(boolean breaking) {
      this.breaking = breaking;
    }

    public boolean breaking() {
      return breaking;
    }
  }

  public boolean breaking() {
    return kind.breaking();
  }
}
