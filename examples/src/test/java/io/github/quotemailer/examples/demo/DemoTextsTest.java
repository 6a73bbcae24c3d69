package io.github.quotemailer.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quotemailer.examples.demo.CrmService.MailboxState;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.outbox.OutboxState;
import io.github.quotemailer.smtp.SmtpReplyClass;
import io.github.quotemailer.smtp.TransportSecurity;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Both languages have every text the pages and the code ask for, and every pattern parses. */
class DemoTextsTest {
  private static final Pattern TEMPLATE_KEY = Pattern.compile("\\.t\\(\"([a-zA-Z0-9_.]+)\"");
  private static final Pattern CODE_KEY =
      Pattern.compile("(?:UserError|\\.get|\\.t)\\(\"([a-z]+\\.[a-zA-Z.]+[a-zA-Z])\"");

  @Test
  void spanishAndEnglishHaveTheSameKeys() throws IOException {
    assertThat(load("en").stringPropertyNames()).isEqualTo(load("es").stringPropertyNames());
  }

  @Test
  void everyKeyInUseExists() throws IOException {
    Set<String> used = new TreeSet<>();
    for (Role r : Role.values()) {
      used.add(r.key());
    }
    for (Stage s : Stage.values()) {
      used.add(s.key());
    }
    for (ServerPreset p : ServerPreset.values()) {
      used.add(p.key());
    }
    for (ResolutionReason r : ResolutionReason.values()) {
      used.add("reason." + r.name());
    }
    for (MailboxState m : MailboxState.values()) {
      used.add("mailbox." + m.name());
    }
    for (SmtpReplyClass c : SmtpReplyClass.values()) {
      used.add("test." + c.name());
    }
    for (OutboxState o : OutboxState.values()) {
      if (o != OutboxState.PENDING) { // shown as queued, sending or retrying
        used.add("status." + o.name());
      }
    }
    for (String pending : List.of("QUEUED", "SENDING", "RETRYING")) {
      used.add("status." + pending);
    }
    for (TransportSecurity t : TransportSecurity.values()) {
      used.add("security." + t.name());
    }
    for (int status : new int[] {400, 401, 403, 404, 409, 500}) {
      used.add("error.title." + status);
    }
    used.addAll(keysIn(Path.of("src/main/jte"), TEMPLATE_KEY));
    used.addAll(keysIn(Path.of("src/main/java/io/github/quotemailer/examples/demo"), CODE_KEY));
    Set<String> spanish = load("es").stringPropertyNames();
    assertThat(spanish).containsAll(used);
  }

  @Test
  void patternsWithArgumentsParse() throws IOException {
    for (String lang : List.of("es", "en")) {
      Properties texts = load(lang);
      for (String key : texts.stringPropertyNames()) {
        String text = texts.getProperty(key);
        if (!text.contains("{")) {
          assertThat(text).as(lang + ":" + key + " is shown as written").doesNotContain("''");
        }
        if (text.contains("{0}")) {
          String formatted = new MessageFormat(text).format(new Object[] {"X", "Y"});
          assertThat(formatted).as(lang + ":" + key).contains("X").doesNotContain("{0}");
        }
      }
    }
  }

  private static Set<String> keysIn(Path root, Pattern pattern) throws IOException {
    Set<String> keys = new TreeSet<>();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile).forEach(files::add);
    }
    for (Path file : files) {
      Matcher m = pattern.matcher(Files.readString(file));
      while (m.find()) {
        keys.add(m.group(1));
      }
    }
    assertThat(keys).as("keys found in " + root).isNotEmpty();
    return keys;
  }

  private static Properties load(String lang) throws IOException {
    Properties p = new Properties();
    try (InputStream in =
            DemoTextsTest.class.getResourceAsStream("messages_" + lang + ".properties");
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      p.load(reader);
    }
    return p;
  }
}
