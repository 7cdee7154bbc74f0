package io.rest2grpc.maven.controllers;

import com.github.javaparser.ast.CompilationUnit;
import java.nio.file.Path;

/** A parsed Java file of a source root. */
record SourceFile(Path path, CompilationUnit unit) {}
