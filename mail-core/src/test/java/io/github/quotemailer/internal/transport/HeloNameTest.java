package io.github.quotemailer.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How the EHLO name is chosen from a machine's name and address, without asking this machine. */
class HeloNameTest {
  /** Parses an IP address literal; no DNS lookup is made for one. */
  private static InetAddress ip(String address) throws UnknownHostException {
    return address.isEmpty() ? null : InetAddress.getByName(address);
  }

  @ParameterizedTest(name = "name \"{0}\", address {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        // A fully qualified name wins.
        "crm.inair.example | 192.0.2.10 | crm.inair.example",
        "crm.inair.example | 127.0.1.1 | crm.inair.example",
        "crm-01.inair.example. | 192.0.2.10 | crm-01.inair.example",
        "CRM.InAir.Example | 2001:db8::1 | CRM.InAir.Example",
        // No dot, no valid name, or an IP address in its place: the address literal.
        "crm | 192.0.2.10 | [192.0.2.10]",
        "192.0.2.10 | 192.0.2.10 | [192.0.2.10]",
        "crm_01.inair.example | 192.0.2.10 | [192.0.2.10]",
        "-crm.inair.example | 192.0.2.10 | [192.0.2.10]",
        "crm.inair.example- | 192.0.2.10 | [192.0.2.10]",
        "crm..inair.example | 192.0.2.10 | [192.0.2.10]",
        "localhost.localdomain | 192.0.2.10 | [192.0.2.10]",
        "crm | 2001:db8::1 | [IPv6:2001:db8:0:0:0:0:0:1]",
        "2001:db8:0:0:0:0:0:1 | 2001:db8::1 | [IPv6:2001:db8:0:0:0:0:0:1]",
        "null | 198.51.100.7 | [198.51.100.7]",
        // Nothing meaningful to announce: localhost.
        "localhost | 127.0.0.1 | localhost",
        "localhost.localdomain | 127.0.0.1 | localhost",
        "vm | 127.0.1.1 | localhost",
        "vm | ::1 | localhost",
        "vm | fe80::1 | localhost",
        "vm | 169.254.10.1 | localhost",
        "vm | 0.0.0.0 | localhost",
        "null | '' | localhost"
      })
  void choosesTheQualifiedNameThenTheAddressLiteralThenLocalhost(
      String canonicalName, String address, String expected) throws UnknownHostException {
    assertThat(HeloName.choose(canonicalName, ip(address))).isEqualTo(expected);
  }

  @Test
  void aLabelLongerThan63CharactersIsNotAHostName() throws UnknownHostException {
    String tooLong = "a".repeat(64) + ".inair.example";

    assertThat(HeloName.choose(tooLong, ip("192.0.2.10"))).isEqualTo("[192.0.2.10]");
    assertThat(HeloName.choose("a".repeat(63) + ".inair.example", ip("192.0.2.10")))
        .isEqualTo("a".repeat(63) + ".inair.example");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "crm.inair.example",
        "localhost",
        "mail-1.example",
        "[192.0.2.1]",
        "[IPv6:2001:db8::1]",
        "[IPv6:2001:db8:0:0:0:0:0:1]"
      })
  void aHostNameOrAnAddressLiteralMayBeAnnounced(String name) {
    assertThat(HeloName.isValid(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "crm inair",
        "crm.inair.example.",
        "crm_01.inair.example",
        "-crm.example",
        "[300.1.1.1]",
        "[192.0.2]",
        "192.0.2.1]",
        "[IPv6:zz::1]",
        "crm.example\r\nMAIL FROM:<x@y>",
        "crm.example\tx"
      })
  void anythingElseMayNot(String name) {
    assertThat(HeloName.isValid(name)).isFalse();
  }

  @Test
  void theMachinesNameIsLookedUpOnceOnFirstUse() {
    AtomicInteger lookUps = new AtomicInteger();
    Supplier<String> name = HeloName.once(() -> "crm" + lookUps.incrementAndGet() + ".example");

    assertThat(lookUps).as("nothing is looked up before the first connection").hasValue(0);
    assertThat(name.get()).isEqualTo("crm1.example");
    assertThat(name.get()).isEqualTo("crm1.example");
    assertThat(lookUps).hasValue(1);
  }

  @Test
  void aConfiguredNameIsUsedAsItIs() {
    assertThat(HeloName.configuredOrThisMachine(Optional.of("crm.inair.example")).get())
        .isEqualTo("crm.inair.example");
  }
}
