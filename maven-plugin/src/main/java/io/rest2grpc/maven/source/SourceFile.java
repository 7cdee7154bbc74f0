package io.rest2grpc.maven.source;

import com.github.javaparser.ast.CompilationUnit;
import java.nio.file.Path;

/** A parsed Java file of a source root. */
public record SourceFile(Path path, CompilationUnit unit) {}
