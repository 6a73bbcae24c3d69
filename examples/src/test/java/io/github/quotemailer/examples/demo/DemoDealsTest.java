package io.github.quotemailer.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.examples.demo.CrmService.MailboxState;
import io.github.quotemailer.examples.demo.CrmService.MoveResult;
import io.github.quotemailer.examples.demo.CrmService.UserError;
import io.github.quotemailer.examples.demo.CrmStore.CrmUser;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.outbox.OutboxState;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's deal moves without a browser: the stage change and the enqueue commit together, a
 * version is sent once however often the deal re-enters "Cotización Enviada", and a restart keeps
 * users, deals, mailbox settings and the outbox.
 */
class DemoDealsTest {
  private static final Duration DELIVERY = Duration.ofSeconds(20);

  @TempDir Path dir;

  @Test
  void aVersionIsSentOnceAndARestartKeepsEverything() {
    try (CrmDemo demo = CrmDemo.start(dir, 0)) {
      CrmService crm = demo.service();
      CrmUser carlos = crm.user("carlos").orElseThrow();

      assertThat(crm.move(carlos, 4, Stage.QUOTE_SENT)).isEqualTo(MoveResult.QUEUED);
      assertThat(crm.move(carlos, 4, Stage.NEGOTIATION)).isEqualTo(MoveResult.MOVED);
      assertThat(crm.move(carlos, 4, Stage.QUOTE_SENT)).isEqualTo(MoveResult.ALREADY_QUEUED);
      assertThat(crm.move(carlos, 4, Stage.QUOTE_SENT)).isEqualTo(MoveResult.UNCHANGED);
      await().atMost(DELIVERY).until(() -> mailsFor(demo, "COT-2026-0144") == 1);

      crm.bumpVersion(carlos, 4);
      assertThat(crm.move(carlos, 4, Stage.NEGOTIATION)).isEqualTo(MoveResult.MOVED);
      assertThat(crm.move(carlos, 4, Stage.QUOTE_SENT)).isEqualTo(MoveResult.QUEUED);
      await().atMost(DELIVERY).until(() -> mailsFor(demo, "COT-2026-0144") == 2);
      assertThat(demo.mailServer().received())
          .filteredOn(m -> m.subject().contains("COT-2026-0144"))
          .allSatisfy(m -> assertThat(new String(m.pdf(), 0, 5)).isEqualTo("%PDF-"));
    }

    try (CrmDemo demo = CrmDemo.start(dir, 0)) {
      CrmService crm = demo.service();
      assertThat(crm.users()).hasSize(Seed.PEOPLE.size());
      assertThat(crm.deal(4).orElseThrow().stage()).isEqualTo(Stage.QUOTE_SENT);
      assertThat(crm.deal(4).orElseThrow().quoteVersion()).isEqualTo(2);
      assertThat(crm.latestSendInfo().get(4).entry().orElseThrow().state())
          .isEqualTo(OutboxState.SENT);
      // Juan's stored password was encrypted with the kept key ring, for the kept mail ports.
      assertThat(crm.mailboxState("juan")).isEqualTo(MailboxState.OWN_VERIFIED);
      CrmUser juan = crm.user("juan").orElseThrow();
      assertThat(crm.move(juan, 2, Stage.QUOTE_SENT)).isEqualTo(MoveResult.QUEUED);
      await().atMost(DELIVERY).until(() -> mailsFor(demo, "COT-2026-0142") == 1);
      await().atMost(DELIVERY).until(() -> crm.latestSendInfo().get(2).attempt().isPresent());
      assertThat(crm.latestSendInfo().get(2).reason()).contains(ResolutionReason.OWN_ACCOUNT);
      assertThat(demo.mailServer().received().get(0).from()).contains("juan.perez@inair.example");
    }
  }

  @Test
  void aQuoteTheLibraryRefusesLeavesTheDealWhereItWas() {
    try (CrmDemo demo = CrmDemo.start(dir, 0)) {
      CrmService crm = demo.service();
      CrmUser carlos = crm.user("carlos").orElseThrow();
      crm.store()
          .jdbi()
          .useHandle(h -> h.execute("UPDATE crm_customer SET email = 'no address' WHERE id = 3"));

      assertThatThrownBy(() -> crm.move(carlos, 4, Stage.QUOTE_SENT))
          .isInstanceOf(InvalidInputException.class);

      assertThat(crm.deal(4).orElseThrow().stage()).isEqualTo(Stage.QUOTING);
      assertThat(crm.latestSendInfo()).isEmpty();

      CrmUser maria = crm.user("maria").orElseThrow();
      crm.store().replaceLines(5, List.of());
      assertThatThrownBy(() -> crm.move(maria, 5, Stage.QUOTE_SENT))
          .isInstanceOf(UserError.class)
          .hasMessage("quote.noLines");
      assertThat(crm.deal(5).orElseThrow().stage()).isEqualTo(Stage.NEW);
    }
  }

  @Test
  void onlyOwnersAndManagersMoveAndOnlySendingRolesSend() {
    try (CrmDemo demo = CrmDemo.start(dir, 0)) {
      CrmService crm = demo.service();
      CrmUser luis = crm.user("luis").orElseThrow();
      assertThatThrownBy(() -> crm.move(luis, 3, Stage.QUOTE_SENT)).hasMessage("deal.notYours");

      Map<Role, Boolean> permissions = new EnumMap<>(crm.rolePermissions());
      permissions.put(Role.SALES, false);
      crm.setRolePermissions(permissions);
      CrmUser maria = crm.user("maria").orElseThrow();
      assertThatThrownBy(() -> crm.move(maria, 3, Stage.QUOTE_SENT))
          .hasMessage("deal.roleMayNotSend");
      assertThat(crm.deal(3).orElseThrow().stage()).isEqualTo(Stage.QUOTING);

      permissions.put(Role.SALES, true);
      crm.setRolePermissions(permissions);
      assertThat(crm.move(maria, 3, Stage.QUOTE_SENT)).isEqualTo(MoveResult.QUEUED);
      assertThat(crm.rolePermissions())
          .containsEntry(Role.TECHNICIAN, false)
          .containsEntry(Role.DIRECTOR, false)
          .containsEntry(Role.SALES_MANAGER, true);
    }
  }

  @Test
  void quoteLinesAreCheckedBeforeAnyIsWritten() {
    try (CrmDemo demo = CrmDemo.start(dir, 0)) {
      CrmService crm = demo.service();
      CrmUser juan = crm.user("juan").orElseThrow();
      List<CrmStore.CrmLine> before = crm.lines(1);
      CrmStore.CrmLine good =
          new CrmStore.CrmLine("Filtro", new BigDecimal("2"), "pza", new BigDecimal("10.00"));
      List<List<CrmStore.CrmLine>> refused =
          List.of(
              List.of(good, line("Filtro", "1", "u".repeat(21), "1.00")),
              List.of(good, line("x".repeat(301), "1", "pza", "1.00")),
              List.of(good, line("Filtro", "12345678901", "pza", "1.00")),
              List.of(good, line("Filtro", "1", "pza", "123456789012345.00")),
              List.of(good, line("Filtro\r\nBcc: x@evil.example", "1", "pza", "1.00")));
      for (List<CrmStore.CrmLine> lines : refused) {
        assertThatThrownBy(() -> crm.saveLines(juan, 1, lines))
            .isInstanceOf(InvalidInputException.class);
        assertThat(crm.lines(1)).isEqualTo(before);
      }
      crm.saveLines(juan, 1, List.of(good, line("Instalación", "1.5", "", "99.999")));
      assertThat(crm.lines(1))
          .extracting(CrmStore.CrmLine::unitPrice)
          .containsExactly(new BigDecimal("10.00"), new BigDecimal("100.00"));
    }
  }

  @Test
  void aSentVersionIsFrozenAndTheNextOneIsEditable() {
    try (CrmDemo demo = CrmDemo.start(dir, 0)) {
      CrmService crm = demo.service();
      CrmUser maria = crm.user("maria").orElseThrow();
      List<CrmStore.CrmLine> sent = crm.lines(3);
      assertThat(crm.move(maria, 3, Stage.QUOTE_SENT)).isEqualTo(MoveResult.QUEUED);
      List<CrmStore.CrmLine> changed = List.of(line("Chiller 12 TR", "1", "equipo", "301000.00"));

      assertThatThrownBy(() -> crm.saveLines(maria, 3, changed)).hasMessage("quote.versionSent");
      assertThat(crm.lines(3)).isEqualTo(sent);

      crm.bumpVersion(maria, 3);
      crm.saveLines(maria, 3, changed);
      assertThat(crm.lines(3)).isEqualTo(changed);
    }
  }

  @Test
  void theQuotersDealIsSentOnceQuotersMaySend() {
    try (CrmDemo demo = CrmDemo.start(dir, 0)) {
      CrmService crm = demo.service();
      CrmUser ana = crm.user("ana").orElseThrow();
      assertThatThrownBy(() -> crm.move(ana, 9, Stage.QUOTE_SENT))
          .hasMessage("deal.roleMayNotSend");
      Map<Role, Boolean> permissions = new EnumMap<>(crm.rolePermissions());
      permissions.put(Role.QUOTER, true);
      crm.setRolePermissions(permissions);
      assertThat(crm.move(ana, 9, Stage.QUOTE_SENT)).isEqualTo(MoveResult.QUEUED);
      await().atMost(DELIVERY).until(() -> mailsFor(demo, "COT-2026-0149") == 1);
      assertThat(demo.mailServer().received().get(0).replyTo())
          .isEqualTo("ana.torres@inair.example");
    }
  }

  @Test
  void aStartStoppedWhileSeedingSeedsAgain() {
    try (CrmDemo demo = CrmDemo.start(dir, 0)) {
      // What a start stopped half-way through seeding leaves: users, no deals, no marker.
      demo.service()
          .store()
          .jdbi()
          .useHandle(
              h -> {
                h.execute("DELETE FROM crm_quote_line");
                h.execute("DELETE FROM crm_deal");
                h.execute("DELETE FROM crm_seeded");
              });
    }
    try (CrmDemo demo = CrmDemo.start(dir, 0)) {
      assertThat(demo.service().deals()).hasSize(9);
      assertThat(demo.service().users()).hasSize(Seed.PEOPLE.size());
      assertThat(demo.service().mailboxState("juan")).isEqualTo(MailboxState.OWN_VERIFIED);
    }
    try (CrmDemo demo = CrmDemo.start(dir, 0)) {
      demo.service().store().replaceLines(1, List.of());
    }
    try (CrmDemo demo = CrmDemo.start(dir, 0)) {
      assertThat(demo.service().lines(1)).as("a complete seed is never redone").isEmpty();
    }
  }

  private static CrmStore.CrmLine line(
      String description, String quantity, String unit, String price) {
    return new CrmStore.CrmLine(description, new BigDecimal(quantity), unit, new BigDecimal(price));
  }

  private static long mailsFor(CrmDemo demo, String quoteNumber) {
    return demo.mailServer().received().stream()
        .filter(m -> m.subject() != null && m.subject().contains(quoteNumber))
        .count();
  }
}
