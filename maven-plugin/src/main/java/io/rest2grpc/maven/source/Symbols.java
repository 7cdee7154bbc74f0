package io.rest2grpc.maven.source;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.resolution.TypeSolver;
import com.github.javaparser.resolution.cache.Cache;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.cache.InMemoryCache;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ClassLoaderTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.JarTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.JavaParserTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The symbol solver of one read: the JDK, the source roots and the compile classpath, set up once (about a
 * second for a Spring Boot classpath). The source roots' files are parsed once, by {@link #parseAll}, and
 * the solver reuses those trees, so every declaration it returns is a node of the files the reader reads.
 */
public final class Symbols implements AutoCloseable {

  private final List<Path> sourceRoots;
  private final JavaParser parser;
  private final Cache<Path, Optional<CompilationUnit>> parsedFiles = InMemoryCache.create();
  private final JavaParserFacade facade;
  private final BinaryConstants binaryConstants;
  private final List<URLClassLoader> loaders = new ArrayList<>();

  private Symbols(List<Path> sourceRoots, List<Path> classpath) {
    this.sourceRoots = sourceRoots;
    ParserConfiguration configuration = new ParserConfiguration().setLanguageLevel(LanguageLevel.JAVA_17);
    parser = new JavaParser(configuration);
    CombinedTypeSolver solver = new CombinedTypeSolver(new ReflectionTypeSolver());
    for (Path root : sourceRoots) {
      solver.add(new JavaParserTypeSolver(root, parser, parsedFiles, InMemoryCache.create(), InMemoryCache.create()));
    }
    List<URL> directories = new ArrayList<>();
    for (Path entry : classpath) {
      if (Files.isRegularFile(entry)) {
        solver.add(jar(entry));
      } else if (Files.isDirectory(entry)) {
        directories.add(url(entry));
      }
    }
    if (!directories.isEmpty()) {
      // Reactor builds put sibling modules' target/classes on the classpath; the jars stay first in the solver.
      loaders.add(new URLClassLoader(jarUrls(classpath), ClassLoader.getPlatformClassLoader()));
      loaders.add(new URLClassLoader(directories.toArray(URL[]::new), loaders.get(0)));
      solver.add(new ClassLoaderTypeSolver(loaders.get(1)));
    }
    configuration.setSymbolResolver(new JavaSymbolSolver(solver));
    facade = JavaParserFacade.get(solver);
    binaryConstants = new BinaryConstants(classpath);
  }

  public static Symbols open(List<Path> sourceRoots, List<Path> classpath) {
    return new Symbols(sourceRoots, classpath);
  }

  public JavaParserFacade facade() {
    return facade;
  }

  public BinaryConstants binaryConstants() {
    return binaryConstants;
  }

  /** A Java file that does not parse: where, and the parser's first complaint. */
  public record Unparsable(SourcePosition position, String reason) {}

  /** Every Java file of the source roots, sorted by path: those that parse, and those that do not. */
  public record Parsed(List<SourceFile> files, List<Unparsable> unparsable) {}

  /** Parses every Java file of the source roots. */
  public Parsed parseAll() {
    List<SourceFile> files = new ArrayList<>();
    List<Unparsable> unparsable = new ArrayList<>();
    for (Path root : sourceRoots) {
      for (Path file : javaFiles(root)) {
        ParseResult<CompilationUnit> result = parse(file);
        if (result.isSuccessful() && result.getResult().isPresent()) {
          parsedFiles.put(file, result.getResult());
          files.add(new SourceFile(file, result.getResult().get()));
        } else {
          int line = result.getProblems().stream()
              .flatMap(problem -> problem.getLocation().flatMap(location -> location.getBegin().getRange()).stream())
              .map(range -> range.begin.line)
              .findFirst()
              .orElse(1);
          String reason = result.getProblems().isEmpty() ? "unknown error" : result.getProblems().get(0).getVerboseMessage();
          unparsable.add(new Unparsable(new SourcePosition(file, line), reason));
        }
      }
    }
    return new Parsed(files, unparsable);
  }

  private ParseResult<CompilationUnit> parse(Path file) {
    try {
      return parser.parse(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  private static List<Path> javaFiles(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(file -> file.toString().endsWith(".java") && Files.isRegularFile(file)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the Java files of " + root, e);
    }
  }

  private static TypeSolver jar(Path jar) {
    try {
      return new JarTypeSolver(jar);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the classpath jar " + jar + "; check that the build can open it", e);
    }
  }

  private static URL[] jarUrls(List<Path> classpath) {
    return classpath.stream().filter(Files::isRegularFile).map(Symbols::url).toArray(URL[]::new);
  }

  private static URL url(Path entry) {
    try {
      return entry.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("Not a classpath entry: " + entry, e);
    }
  }

  @Override
  public void close() {
    // JavaParser caches a facade per solver in a static map whose values keep their keys alive: without
    // this, every read would keep its solver and the classpath jars' indexes for the life of the JVM.
    JavaParserFacade.clearInstances();
    binaryConstants.close();
    for (URLClassLoader loader : loaders) {
      try {
        loader.close();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot close the class directories of the classpath", e);
      }
    }
  }
}
