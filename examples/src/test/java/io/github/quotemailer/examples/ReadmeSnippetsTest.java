package io.github.quotemailer.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Java snippet in the project's Markdown files is a tagged region ({@code // tag::name[]} ...
 * {@code // end::name[]}) of a compiled example class, written out exactly: a snippet that stops
 * compiling, or drifts from the code, fails the build. The Markdown files are found by walking the
 * repository, so a new module README or page under {@code docs/} is checked without being listed.
 */
class ReadmeSnippetsTest {
  private static final Path REPOSITORY = Path.of("..");
  private static final Path SOURCES = Path.of("src", "main", "java", "io", "github", "quotemailer");
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("// tag::([A-Za-z0-9-]+)\\[]");

  @Test
  void findsTheMarkdownOfEveryModule() {
    assertThat(markdownFiles())
        .contains(Path.of("README.md"), Path.of("persistence-jdbc", "README.md"))
        .noneMatch(file -> file.toString().contains("target"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("markdownFiles")
  void everyJavaBlockIsOneCompiledRegionWrittenOutExactly(Path markdown) throws IOException {
    List<String> regions = List.copyOf(regionsByTag().values());

    for (String block : javaBlocks(Files.readString(REPOSITORY.resolve(markdown)))) {
      assertThat(regions)
          .as(
              "%s has a ```java block that is not a tagged region of an example class:%n%s",
              markdown, block)
          .contains(block.strip());
    }
  }

  @Test
  void everyTaggedRegionIsShownInTheDocs() throws IOException {
    List<String> blocks = new ArrayList<>();
    for (Path markdown : markdownFiles()) {
      javaBlocks(Files.readString(REPOSITORY.resolve(markdown)))
          .forEach(b -> blocks.add(b.strip()));
    }

    regionsByTag()
        .forEach(
            (tag, region) ->
                assertThat(blocks)
                    .as("region '%s' is in no Markdown file: show it, or drop the tag", tag)
                    .contains(region));
  }

  /** Every {@code *.md} of the repository, relative to its root, outside build output. */
  static List<Path> markdownFiles() {
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(
          REPOSITORY,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
              return dir.equals(REPOSITORY) || isSource(dir.getFileName().toString())
                  ? FileVisitResult.CONTINUE
                  : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              if (file.getFileName().toString().endsWith(".md")) {
                found.add(REPOSITORY.relativize(file));
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found.stream().sorted().toList();
  }

  /** False for build output ({@code target}) and hidden folders ({@code .git}, {@code .mvn}). */
  private static boolean isSource(String folder) {
    return !folder.equals("target") && !folder.equals("node_modules") && !folder.startsWith(".");
  }

  /** The tagged regions of the example classes; a tag name is used once. */
  private static Map<String, String> regionsByTag() throws IOException {
    Map<String, String> regions = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String source = Files.readString(file);
        Matcher tags = TAG.matcher(source);
        while (tags.find()) {
          String tag = tags.group(1);
          assertThat(regions).as("tag %s is used twice", tag).doesNotContainKey(tag);
          regions.put(tag, region(source, tag));
        }
      }
    }
    return regions;
  }

  /** The lines between the tag comments, with their common indentation removed. */
  static String region(String source, String tag) {
    Matcher m =
        Pattern.compile(
                "\\n[ \\t]*// tag::" + tag + "\\[]\\n(.*?)\\n[ \\t]*// end::" + tag + "\\[]",
                Pattern.DOTALL)
            .matcher(source);
    assertThat(m.find()).as("tag %s", tag).isTrue();
    return m.group(1).stripIndent().strip();
  }

  private static List<String> javaBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher m = JAVA_BLOCK.matcher(markdown);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }
}
