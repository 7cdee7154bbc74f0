package io.rest2grpc.maven.eject;

import com.github.javaparser.ast.body.FieldDeclaration;
import io.rest2grpc.maven.source.SourcePosition;
import java.util.List;

/** What a controller's handler method does with its call: hand it to one service bean, or hold logic of its own. */
public sealed interface Delegation {

  /**
   * Argument mapping and one call of an injected bean: the handler's body can move to the gRPC side as it is.
   *
   * @param field the controller's field holding the bean (its declaration, for the type)
   * @param constants the controller's static constants the body reads, which move with it
   */
  record ToService(FieldDeclaration field, String fieldName, List<FieldDeclaration> constants) implements Delegation {
    public ToService {
      constants = List.copyOf(constants);
    }
  }

  /**
   * More than argument mapping and one delegating call: move this to the service layer before cutover.
   *
   * @param what the first piece of logic found ("an if statement", "a second call of a bean: audit.record(…)")
   * @param position where it is
   */
  record HoldsLogic(String what, SourcePosition position) implements Delegation {
    @Override
    public String toString() {
      return position.fileName() + ":" + position.line() + ": " + what;
    }
  }
}
