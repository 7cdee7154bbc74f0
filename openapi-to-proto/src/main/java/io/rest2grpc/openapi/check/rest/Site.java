package io.rest2grpc.openapi.check.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.rest2grpc.transcoding.JsonPointer;

/** A node of a spec document and its JSON pointer in that document. */
record Site(JsonNode node, String pointer) {

  Site child(String token) {
    return new Site(node.path(token), JsonPointer.child(pointer, token));
  }

  Site child(int index) {
    return new Site(node.path(index), pointer + "/" + index);
  }

  boolean present() {
    return !node.isMissingNode() && !node.isNull();
  }
}
