package io.rest2grpc.maven.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javassist.ClassPath;
import javassist.ClassPool;
import javassist.CtField;
import javassist.LoaderClassPath;
import javassist.NotFoundException;

/**
 * Values of compile-time constants in compiled classes ({@code MediaType.APPLICATION_JSON_VALUE}), read from
 * the class files' ConstantValue attributes with Javassist: no class is loaded or initialized.
 */
public final class BinaryConstants implements AutoCloseable {

  private final ClassPool pool = new ClassPool(false);
  private final List<ClassPath> entries = new ArrayList<>();

  public BinaryConstants(List<Path> classpath) {
    for (Path entry : classpath) {
      if (Files.exists(entry)) {
        try {
          entries.add(pool.appendClassPath(entry.toString()));
        } catch (NotFoundException e) {
          // an unreadable entry only hides its constants; the caller reports each one it cannot find
        }
      }
    }
    entries.add(pool.appendClassPath(new LoaderClassPath(ClassLoader.getPlatformClassLoader())));
  }

  /**
   * The value of a static final field of a compiled class, inherited fields included.
   *
   * @param binaryClassName the class name as in class files ({@code a.b.Outer$Inner})
   * @return a String, Integer, Long, Float or Double; empty if the class or field is missing or not a constant
   */
  public Optional<Object> value(String binaryClassName, String fieldName) {
    try {
      CtField field = pool.get(binaryClassName).getField(fieldName);
      return Optional.ofNullable(field.getConstantValue());
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    entries.forEach(pool::removeClassPath);
  }
}
