package io.github.quotemailer.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The README's Java snippets are the tagged regions ({@code // tag::name[]} ... {@code //
 * end::name[]}) of compiled classes: each must appear in the README exactly, so a snippet that
 * stops compiling, or drifts from the code, fails the build.
 */
class ReadmeSnippetsTest {
  private static final Path README = Path.of("..", "README.md");
  private static final List<Path> ALL_READMES =
      List.of(README, Path.of("..", "persistence-jdbc", "README.md"));
  private static final Path SOURCES = Path.of("src", "main", "java", "io", "github", "quotemailer");

  @ParameterizedTest
  @CsvSource({
    "examples/EmbedInYourCrm.java, embed",
    "examples/StoreInYourDatabase.java, storage",
    "examples/StoreInYourDatabase.java, settings",
    "examples/StoreInYourDatabase.java, enqueue",
    "examples/StoreInYourDatabase.java, stop",
  })
  void theReadmeShowsTheTaggedRegionAsCompiled(String file, String tag) throws IOException {
    String region = region(Files.readString(SOURCES.resolve(file)), tag);

    assertThat(javaBlocks(Files.readString(README)))
        .as("README.md must contain the '%s' region of %s in a ```java block", tag, file)
        .anySatisfy(block -> assertThat(block).contains(region));
  }

  @Test
  void everyJavaBlockInTheReadmeIsMadeOfCompiledRegions() throws IOException {
    List<String> regions = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        regions.addAll(allRegions(Files.readString(file)));
      }
    }
    regions.sort(Comparator.comparingInt(String::length).reversed());

    for (String block : allJavaBlocks()) {
      String rest = block;
      for (String region : regions) {
        rest = rest.replace(region, "");
      }
      assertThat(rest.strip())
          .as("README lines in a ```java block that no compiled tagged region holds")
          .isEmpty();
    }
  }

  private static List<String> allJavaBlocks() throws IOException {
    List<String> blocks = new ArrayList<>();
    for (Path readme : ALL_READMES) {
      blocks.addAll(javaBlocks(Files.readString(readme)));
    }
    return blocks;
  }

  private static List<String> allRegions(String source) {
    List<String> regions = new ArrayList<>();
    Matcher tags = Pattern.compile("// tag::([A-Za-z0-9-]+)\\[]").matcher(source);
    while (tags.find()) {
      regions.add(region(source, tags.group(1)));
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
    Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }
}
