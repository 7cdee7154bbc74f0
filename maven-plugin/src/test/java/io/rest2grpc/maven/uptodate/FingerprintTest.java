package io.rest2grpc.maven.uptodate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {
  @TempDir
  Path temp;

  @Test
  void aSourceEditedAddedOrRemovedChangesIt() throws Exception {
    Path sources = Files.createDirectories(temp.resolve("src/acme"));
    Files.writeString(sources.resolve("Order.java"), "record Order(long id) {}");
    String before = sources(temp.resolve("src"));

    assertThat(sources(temp.resolve("src"))).isEqualTo(before);
    Files.writeString(sources.resolve("Order.java"), "record Order(String id) {}");
    assertThat(sources(temp.resolve("src"))).isNotEqualTo(before);
    Files.writeString(sources.resolve("Order.java"), "record Order(long id) {}");
    Files.writeString(sources.resolve("Item.java"), "record Item() {}");
    assertThat(sources(temp.resolve("src"))).isNotEqualTo(before);
    Files.delete(sources.resolve("Item.java"));
    Files.writeString(sources.resolve("notes.txt"), "not read");
    assertThat(sources(temp.resolve("src"))).isEqualTo(before);
  }

  @Test
  void aRebuiltJarOrClassChangesItWithoutReadingIt() throws Exception {
    Path jar = Files.writeString(temp.resolve("dto.jar"), "jar");
    Path classes = Files.createDirectories(temp.resolve("classes/acme"));
    Path type = Files.writeString(classes.resolve("Money.class"), "class");
    List<Path> classpath = List.of(jar, temp.resolve("classes"));
    String before = new Fingerprint("").addClasspath(classpath).hex();

    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1000));
    String rebuiltJar = new Fingerprint("").addClasspath(classpath).hex();
    Files.setLastModifiedTime(type, FileTime.fromMillis(Files.getLastModifiedTime(type).toMillis() + 1000));
    String rebuiltClass = new Fingerprint("").addClasspath(classpath).hex();

    assertThat(List.of(before, rebuiltJar, rebuiltClass)).doesNotHaveDuplicates();
    assertThat(new Fingerprint("").addClasspath(classpath).hex()).isEqualTo(rebuiltClass);
  }

  @Test
  void aStampMatchesOnlyWhatItRecorded() throws Exception {
    Stamp stamp = new Stamp(temp.resolve("target/rest2grpc/generate.sha256"));
    assertThat(stamp.matches("a")).isFalse();
    stamp.record("a");
    assertThat(stamp.matches("a")).isTrue();
    assertThat(stamp.matches("b")).isFalse();
    stamp.clear();
    assertThat(stamp.matches("a")).isFalse();
  }

  private static String sources(Path root) throws Exception {
    return new Fingerprint("settings").addFiles(root, List.of(".java")).hex();
  }
}
